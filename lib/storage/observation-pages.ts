import { type Observation, ObservationBlock } from '../schema';
import { toObservation } from './blocks';
import { type PacerDb, STORES } from './db';

/**
 * Observations of one metric a page at a time, newest first, for the list of logged values. A CRM KPI
 * can hold a million values: `readAllObservations` would load them all to show fifty, so this walks
 * the `by-metric-day` index backwards and stops once it has read enough whole days.
 */

/** Where a page ends: the last row shown. The next page starts with the row just older than it. */
export interface PageCursor {
  time: number;
  id: string;
}

/** Newest first; equal times by id, descending, so the order is total and a cursor is exact. */
export function newestFirst(a: PageCursor, b: PageCursor): number {
  return b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Whether `o` comes after `cursor` in newest-first order (and so belongs to a later page). */
export function olderThan(o: PageCursor, cursor: PageCursor): boolean {
  return newestFirst(cursor, o) < 0;
}

export interface ValuesPage {
  observations: Observation[];
  /** Whether older values exist past this page. */
  more: boolean;
}

/**
 * Up to `limit` observations of `metricId` older than `before` (all of them when absent), newest first.
 * With `keep`, only the observations it keeps count: they fill the page and say "more", and the walk
 * goes on past the others until it has a page (the values list keeps only yours, see
 * lib/team/whose-values.ts; filtering a page after reading it left pages short, even empty with
 * "more" still offered). A damaged block is skipped here; the dashboard's own reads of the metric (`readObservations`)
 * quarantine it and say so, so this list never shows half a block as if it were whole.
 */
export async function readValuesPage(
  db: PacerDb,
  metricId: string,
  { before, limit, keep }: { before?: PageCursor; limit: number; keep?: (o: Observation) => boolean },
): Promise<ValuesPage> {
  // Blocks are UTC days; every point of the cursor's day or an earlier one may qualify.
  const lastDay = before ? before.time : 8_640_000_000_000;
  const tx = db.transaction(STORES.obsBlocks);
  const range = IDBKeyRange.bound([metricId, 0], [metricId, lastDay]);
  let cursor = await tx.store.index('by-metric-day').openCursor(range, 'prev');
  const found: Observation[] = [];
  let day: number | null = null;
  while (cursor) {
    const blockDay = (cursor.key as [string, number])[1];
    // Whole days only: another block of the same day (another channel) may hold a newer point than
    // one already kept, so the walk stops between days, once more than a page is in hand (the extra
    // one says "more"). Earlier days hold only older points.
    if (day !== null && blockDay !== day && found.length > limit) break;
    day = blockDay;
    const parsed = ObservationBlock.safeParse(cursor.value);
    if (parsed.success) {
      for (const p of parsed.data.points) {
        const o = toObservation(parsed.data, p);
        if ((!before || olderThan(o, before)) && (!keep || keep(o))) found.push(o);
      }
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  found.sort(newestFirst);
  return { observations: found.slice(0, limit), more: found.length > limit };
}
