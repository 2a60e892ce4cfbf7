import { notifyChange } from './changes';
import { abortQuietly, type PacerDb, STORES } from './db';
import { ENTITY_SCHEMAS, type EntityOf } from './records';
import { repository } from './repository';

/**
 * Creating goals or KPIs in one click (the cascade wizard, an OKR set, a KPI template), and the toast's
 * Undo of it. Undo used to move what it had just made to the trash, so "Recently deleted" filled with
 * milestones the user never wanted: an undone creation is now removed for good. It can only remove
 * what the creation made: the records were written as new (an id already stored aborts the creation),
 * and each is removed only while it is stored exactly as written and nothing else points at it.
 */
export type CreatedStore = 'goals' | 'metrics';

export interface Creation<S extends CreatedStore> {
  store: S;
  /** The records made, as stored. */
  made: EntityOf<S>[];
  /** Records that existed and were changed with them (the cascade's goal): as they were, and as written. */
  changed: { before: EntityOf<S>; after: EntityOf<S> }[];
}

export interface UndoneCreation {
  /** Removed for good. */
  purged: string[];
  /** Edited since, or pointed at since by something else (a sub-goal, a value): the user's now, so trashed. */
  trashed: string[];
  /** Existing records put back as they were. */
  putBack: string[];
}

/** Writes `made` (new records only) and `changed` in one transaction; returns what Undo needs. */
export async function createRecords<S extends CreatedStore>(
  db: PacerDb,
  store: S,
  made: readonly EntityOf<S>[],
  changed: readonly { before: EntityOf<S>; after: EntityOf<S> }[] = [],
): Promise<Creation<S>> {
  const written = await repository(db, store).putMany([...made, ...changed.map((c) => c.after)], {
    mustBeNew: made.map((r) => r.id),
  });
  return {
    store,
    made: written.slice(0, made.length),
    changed: changed.map((c, i) => ({ before: c.before, after: written[made.length + i]! })),
  };
}

type Stamped = { id: string; createdAt: number; updatedAt: number; deletedAt: number | null };

/** The ids of `made` that a stored record of the same store refers to (a parent, a formula's input). */
function refsOf(store: CreatedStore, raw: unknown, made: ReadonlySet<string>): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const r = raw as Record<string, unknown>;
  if (store === 'goals') {
    return [r.parentId, r.formerParentId].filter((v): v is string => typeof v === 'string' && made.has(v));
  }
  const formula = typeof r.formula === 'string' ? r.formula : '';
  return [...formula.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!).filter((id) => made.has(id));
}

/** Everything stored under a metric id (the observation and rollup stores are keyed by it first). */
const underMetric = (id: string) => IDBKeyRange.bound([id], [id, []]);

/**
 * Undoes a creation in one transaction. A record made is removed for good while it is stored as the
 * creation wrote it and nothing outside the creation refers to it; one edited since, or referred to
 * since (a sub-goal added under it, a check-in, a value logged, a goal or formula using it), goes to
 * the trash instead, and so do the records it hangs from. A changed record is put back as it was,
 * unless it was edited since. A record that was there before the creation is never removed.
 */
export async function undoCreation<S extends CreatedStore>(
  db: PacerDb,
  creation: Creation<S>,
  now = Date.now(),
): Promise<UndoneCreation> {
  const { store } = creation;
  const schema = ENTITY_SCHEMAS[store];
  const made = new Map(creation.made.map((r) => [r.id, r as unknown as Stamped]));
  const madeIds = new Set(made.keys());
  const stores =
    store === 'goals'
      ? [STORES.goals, STORES.checkIns]
      : [STORES.metrics, STORES.goals, STORES.obsBlocks, STORES.rollups];
  const tx = db.transaction(stores, 'readwrite');
  const target = tx.objectStore(store);
  const out: UndoneCreation = { purged: [], trashed: [], putBack: [] };
  try {
    // What refers to a record made, from outside the creation: that record is the user's now.
    const held = new Set<string>();
    const own = await target.getAll();
    for (const raw of own) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !madeIds.has(id))
        for (const ref of refsOf(store, raw, madeIds)) held.add(ref);
    }
    for (const id of madeIds) {
      if (store === 'goals') {
        const checkIns = await tx
          .objectStore(STORES.checkIns)
          .index('by-goal-time')
          .count(IDBKeyRange.bound([id], [id, []]));
        if (checkIns > 0) held.add(id);
      } else {
        if ((await tx.objectStore(STORES.obsBlocks).count(underMetric(id))) > 0) held.add(id);
      }
    }
    if (store === 'metrics') {
      for (const raw of await tx.objectStore(STORES.goals).getAll()) {
        const metricId = (raw as { metricId?: unknown } | null)?.metricId;
        if (typeof metricId === 'string' && madeIds.has(metricId)) held.add(metricId);
      }
    }
    const stored = new Map(
      own.flatMap((raw) => {
        const parsed = schema.safeParse(raw);
        return parsed.success ? [[(parsed.data as Stamped).id, parsed.data as Stamped] as const] : [];
      }),
    );
    // Edited since: kept too.
    for (const [id, r] of made) {
      const s = stored.get(id);
      if (s && s.createdAt === r.createdAt && s.updatedAt !== r.updatedAt) held.add(id);
    }
    // A record kept keeps what it hangs from: a milestone's parent milestone, a formula's inputs.
    for (let grew = true; grew; ) {
      grew = false;
      for (const id of held) {
        for (const ref of refsOf(store, stored.get(id), madeIds)) {
          if (!held.has(ref)) {
            held.add(ref);
            grew = true;
          }
        }
      }
    }
    for (const [id, r] of made) {
      const s = stored.get(id);
      // Gone already, damaged (left to the read path's quarantine), or not the record made: untouched.
      if (!s || s.createdAt !== r.createdAt) continue;
      if (held.has(id)) {
        if (s.deletedAt == null) await target.put({ ...s, deletedAt: now });
        out.trashed.push(id);
      } else {
        await target.delete(id);
        if (store === 'metrics') await tx.objectStore(STORES.rollups).delete(underMetric(id));
        out.purged.push(id);
      }
    }
    for (const { before, after } of creation.changed) {
      const s = stored.get(before.id);
      if (!s || s.updatedAt !== (after as unknown as Stamped).updatedAt) continue;
      await target.put({ ...before, updatedAt: Math.max(now, s.updatedAt + 1) });
      out.putBack.push(before.id);
    }
    await tx.done;
  } catch (error) {
    await abortQuietly(tx);
    throw error;
  }
  notifyChange({
    stores: store === 'metrics' ? [store, STORES.rollups] : [store],
    ids: [...out.purged, ...out.trashed, ...out.putBack],
  });
  return out;
}
