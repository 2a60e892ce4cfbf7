import { type DayKey, localDayKey } from '../engine/time-buckets';
import { type DimensionValues, dimKey, type Observation, type Source } from '../schema';

/**
 * What a KPI file would do to the values already stored for its KPI, worked out before anything is
 * written, so the check step can say it (the reviewers' import overlaps):
 *
 * - **Values this file imported before** (same id: same KPI, time and dimensions): importing again
 *   replaces them. Unchanged ones are harmless; changed ones are listed ("Dec 3: 120 → 150"), as a
 *   second file for the same day silently overwrote the first.
 * - **Days that already hold values logged another way** (by hand, in the popup, from a file with other
 *   times): the file's values would sit beside them, and a total would count both. This happened when
 *   a file covered days typed in by hand, and when Pacer's own export was imported back. The user
 *   chooses: add (keep both), replace (those days take the file's values) or skip (keep what is there,
 *   import the other days). `sameValue` counts the days whose stored values add up to the file's: the
 *   same numbers again.
 *
 * Days are the user's local days and dimensions must match: blocks are UTC days, so a local day can
 * span two blocks, and a value for channel "ads" does not overlap one for "seo".
 */

/** Files with more values than this are not compared value by value (memory); the report says so. */
export const OVERLAP_VALUE_LIMIT = 300_000;
const EXAMPLES = 5;

export type OverlapChoice = 'add' | 'replace' | 'skip';

export interface IncomingValue {
  time: number;
  value: number;
  dims: DimensionValues;
}

/** The file's values, collected while it is validated. */
export interface IncomingValues {
  byId: Map<string, IncomingValue>;
  from: number;
  to: number;
  /** More than OVERLAP_VALUE_LIMIT values: not compared. */
  tooMany: boolean;
}

export const emptyIncoming = (): IncomingValues => ({
  byId: new Map(),
  from: Number.POSITIVE_INFINITY,
  to: Number.NEGATIVE_INFINITY,
  tooMany: false,
});

export function addIncoming(into: IncomingValues, o: Observation): void {
  if (into.tooMany) return;
  if (into.byId.size >= OVERLAP_VALUE_LIMIT && !into.byId.has(o.id)) {
    into.tooMany = true;
    into.byId.clear();
    return;
  }
  into.byId.set(o.id, { time: o.time, value: o.value, dims: o.dims });
  if (o.time < into.from) into.from = o.time;
  if (o.time > into.to) into.to = o.time;
}

export interface ValueChange {
  day: DayKey;
  dims: DimensionValues;
  before: number;
  after: number;
}

export interface OccupiedDay {
  day: DayKey;
  dims: DimensionValues;
  /** Sum of the values already there (logged another way). */
  stored: number;
  sources: Source[];
  /** Sum of the file's new values for this day. */
  incoming: number;
}

export interface OverlapReport {
  /** Values this file imported before, with the same value: rewritten, nothing changes. */
  unchanged: number;
  /** Values this file (or one with the same days) imported before, with another value now. */
  changed: number;
  changedExamples: ValueChange[];
  /** Days (per dimensions) holding values logged another way. */
  occupiedDays: number;
  /** Of those, days whose stored values add up to the file's: the same numbers again. */
  sameValueDays: number;
  occupiedExamples: OccupiedDay[];
  /** Keys (`dayKeyOf`) of the occupied days, for "skip". */
  occupiedKeys: Set<string>;
  /** The stored values on occupied days, for "replace" (removed in the import's own session). */
  storedOnOccupied: Observation[];
}

export const dayKeyOf = (time: number, dims: DimensionValues, timeZone: string): string =>
  `${dimKey(dims)}\u0000${localDayKey(time, timeZone)}`;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Compares the file's values with the stored values of the same KPI (read over the file's days,
 * a day either side for time zones). Pure.
 */
export function compareWithStored(
  incoming: IncomingValues,
  stored: readonly Observation[],
  timeZone: string,
): OverlapReport {
  const report: OverlapReport = {
    unchanged: 0,
    changed: 0,
    changedExamples: [],
    occupiedDays: 0,
    sameValueDays: 0,
    occupiedExamples: [],
    occupiedKeys: new Set(),
    storedOnOccupied: [],
  };
  const storedIds = new Map(stored.map((o) => [o.id, o]));
  // The file's values that are new (not a rewrite of a stored id), by local day and dimensions.
  const fresh = new Map<string, { day: DayKey; dims: DimensionValues; sum: number }>();
  for (const [id, v] of incoming.byId) {
    const before = storedIds.get(id);
    if (before) {
      if (close(before.value, v.value)) report.unchanged++;
      else {
        report.changed++;
        if (report.changedExamples.length < EXAMPLES)
          report.changedExamples.push({
            day: localDayKey(v.time, timeZone),
            dims: v.dims,
            before: before.value,
            after: v.value,
          });
      }
      continue;
    }
    const key = dayKeyOf(v.time, v.dims, timeZone);
    const entry = fresh.get(key);
    if (entry) entry.sum += v.value;
    else fresh.set(key, { day: localDayKey(v.time, timeZone), dims: v.dims, sum: v.value });
  }
  // Stored values on those days that the file does not rewrite: logged another way.
  const others = new Map<string, Observation[]>();
  for (const o of stored) {
    if (incoming.byId.has(o.id)) continue;
    const key = dayKeyOf(o.time, o.dims, timeZone);
    if (!fresh.has(key)) continue;
    const list = others.get(key);
    if (list) list.push(o);
    else others.set(key, [o]);
  }
  const occupied = [...others.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, list] of occupied) {
    const f = fresh.get(key)!;
    const storedSum = list.reduce((s, o) => s + o.value, 0);
    report.occupiedDays++;
    report.occupiedKeys.add(key);
    report.storedOnOccupied.push(...list);
    if (close(storedSum, f.sum)) report.sameValueDays++;
    if (report.occupiedExamples.length < EXAMPLES)
      report.occupiedExamples.push({
        day: f.day,
        dims: f.dims,
        stored: storedSum,
        sources: [...new Set(list.map((o) => o.source))],
        incoming: f.sum,
      });
  }
  return report;
}

/** The stored range to read for a file's values: its days, a day either side (any time zone). */
export function storedRangeFor(incoming: IncomingValues): { from: number; to: number } | null {
  if (incoming.tooMany || incoming.byId.size === 0) return null;
  const DAY = 86_400_000;
  return { from: incoming.from - 2 * DAY, to: incoming.to + 2 * DAY };
}

export const needsChoice = (r: OverlapReport | null): boolean => (r?.occupiedDays ?? 0) > 0;
