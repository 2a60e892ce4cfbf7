import { Lead, type LeadSighting } from '../schema';
import { leadId } from '../schema/lead';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { parseOrThrow } from './records';
import { readValid } from './repository';

// Kept in the schema module so the content script computes it without pulling in storage (and idb).
export { leadId } from '../schema/lead';

/**
 * Pure: folds a page sighting into the stored lead. Fields the page shows replace stored ones, fields
 * it does not show are kept; a new stage is appended to the history with the time it was first seen.
 */
export function mergeSighting(existing: Lead | undefined, s: LeadSighting, now: number): Lead {
  if (!existing) {
    return {
      ...s,
      id: leadId(s),
      firstSeen: now,
      lastSeen: now,
      stageHistory: s.stage ? [{ stage: s.stage, at: now }] : [],
      deletedAt: null,
    };
  }
  const defined = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== ''));
  const history = [...existing.stageHistory];
  if (s.stage && history.at(-1)?.stage !== s.stage) history.push({ stage: s.stage, at: now });
  return {
    ...existing,
    ...defined,
    id: existing.id,
    firstSeen: existing.firstSeen,
    lastSeen: Math.max(existing.lastSeen, now),
    stageHistory: history.slice(-500),
  };
}

/** How many times a batch is read again after moving damaged stored leads to the quarantine. */
const MAX_ATTEMPTS = 3;

/**
 * Stores sightings from content scripts (the background is the single writer of leads). The stored
 * leads are read, merged and written in one transaction: IndexedDB runs read-write transactions on a
 * store one after another, so two batches that see the same lead at once (two CRM tabs, a re-render)
 * each build on the other's result instead of both on the old record — reading in one transaction and
 * writing in another let the second write drop the first's stage-history entry (issue 15, finding 11).
 * A stored lead that fails its schema is never merged over: the transaction is abandoned, the record
 * is quarantined (readValid), and the batch is read again.
 */
export async function recordSightings(db: PacerDb, sightings: readonly LeadSighting[], now = Date.now()) {
  const ids = sightings.map(leadId);
  for (let attempt = 1; ; attempt++) {
    const tx = db.transaction(STORES.leads, 'readwrite');
    let merged: Map<string, Lead>;
    try {
      const stored = await Promise.all(ids.map((id) => tx.store.get(id)));
      const existing = new Map<string, Lead>();
      const damaged: unknown[] = [];
      for (const raw of stored) {
        if (raw === undefined) continue;
        const parsed = Lead.safeParse(raw);
        if (parsed.success) existing.set(parsed.data.id, parsed.data);
        else damaged.push(raw);
      }
      if (damaged.length > 0) {
        tx.abort();
        await tx.done.catch(() => undefined);
        if (attempt >= MAX_ATTEMPTS)
          throw new Error(`${damaged.length} stored lead(s) are damaged and were kept.`);
        await readValid(db, 'leads', damaged, now);
        continue;
      }
      merged = new Map<string, Lead>();
      sightings.forEach((s, i) => {
        const id = ids[i]!;
        merged.set(id, parseOrThrow(Lead, mergeSighting(merged.get(id) ?? existing.get(id), s, now), 'lead'));
      });
      await Promise.all([...[...merged.values()].map((lead) => tx.store.put(lead)), tx.done]);
    } catch (error) {
      // An invalid merge (parseOrThrow) writes nothing: the transaction is abandoned, not committed.
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
    notifyChange({ stores: [STORES.leads], ids: [...merged.keys()] });
    return [...merged.values()];
  }
}
