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

/** Stores sightings from content scripts (the background is the single writer of leads). */
export async function recordSightings(db: PacerDb, sightings: readonly LeadSighting[], now = Date.now()) {
  const tx = db.transaction(STORES.leads, 'readwrite');
  const ids = sightings.map(leadId);
  const existingRaw = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  const existing = new Map<string, Lead>();
  const present = existingRaw.filter((r) => r !== undefined);
  for (const l of await readValid(db, 'leads', present)) existing.set(l.id, l);
  const merged = new Map<string, Lead>();
  sightings.forEach((s, i) => {
    const id = ids[i]!;
    merged.set(id, parseOrThrow(Lead, mergeSighting(merged.get(id) ?? existing.get(id), s, now), 'lead'));
  });
  const w = db.transaction(STORES.leads, 'readwrite');
  await Promise.all([...[...merged.values()].map((l) => w.store.put(l)), w.done]);
  notifyChange({ stores: [STORES.leads], ids: [...merged.keys()] });
  return [...merged.values()];
}
