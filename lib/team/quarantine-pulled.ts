import type { PacerDb } from '../storage/db';
import { STORES } from '../storage/db';
import { QuarantineEntry, quarantineEntry } from '../storage/quarantine';
import type { RejectedDoc } from './sync';

/** The quarantine's `store` for documents pulled from team `team`: the options page lists them with the rest. */
export function teamQuarantineStore(team: string): string {
  return `team:${team}`;
}

/**
 * Keeps pulled documents that failed the schema, with the reasons, in Pacer's quarantine (the same
 * list as damaged local records: export or delete from the options page). They never reach goals or
 * observations. A later good version of the same document replaces nothing here; the user clears it.
 */
export async function quarantinePulled(
  db: PacerDb,
  team: string,
  rejected: readonly RejectedDoc[],
  now: number,
) {
  if (rejected.length === 0) return;
  const tx = db.transaction(STORES.quarantine, 'readwrite');
  const store = teamQuarantineStore(team);
  for (const r of rejected) {
    const entry = QuarantineEntry.parse(
      quarantineEntry({ store, key: r.id, value: r.doc, problems: r.problems, origin: 'read', at: now }),
    );
    await tx.store.put(entry);
  }
  await tx.done;
}
