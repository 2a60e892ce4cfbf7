import type { IDBPTransaction } from 'idb';
import { notifyChange } from './changes';
import { abortQuietly, type PacerDb, STORES } from './db';
import { type QuarantineEntry, quarantineDamaged, quarantineEntry } from './quarantine';
import { describeIssues, ENTITY_SCHEMAS, type EntityOf, type EntityStore, ValidationError } from './records';

type Damaged = Omit<QuarantineEntry, 'id'>;

/**
 * Reads records of one store through its schema. Valid ones are returned; damaged ones are moved to
 * quarantine (and reported through a change event on the `quarantine` store) — never returned half-parsed.
 */
export async function readValid<S extends EntityStore>(
  db: PacerDb,
  store: S,
  raw: readonly unknown[],
  now = Date.now(),
): Promise<EntityOf<S>[]> {
  const schema = ENTITY_SCHEMAS[store];
  const out: EntityOf<S>[] = [];
  const damaged: Damaged[] = [];
  for (const value of raw) {
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) out.push(parsed.data as EntityOf<S>);
    else {
      const key = (value as { id?: unknown } | null)?.id ?? null;
      damaged.push({ store, key, value, problems: describeIssues(parsed.error), origin: 'read', at: now });
    }
  }
  if (damaged.length) {
    await quarantineDamaged(db, store, damaged);
    notifyChange({ stores: [STORES.quarantine] });
  }
  return out;
}

/**
 * The record was saved by someone else (another tab, window or the popup) after this editor loaded
 * it: `updatedAt` no longer matches. Nothing was written; `current` is what is stored now.
 */
export class ConflictError extends Error {
  constructor(
    readonly store: string,
    readonly id: string,
    readonly current: unknown,
  ) {
    super(`${store} "${id}" was changed elsewhere since it was opened; nothing was saved.`);
    this.name = 'ConflictError';
  }
}

export interface PutOptions {
  /**
   * Optimistic concurrency (issue 15, finding 6): the `updatedAt` the editor loaded. Checked inside
   * the write transaction; a different stored value (or a record deleted meanwhile) throws
   * ConflictError and writes nothing. Absent: no check (new records, imports).
   */
  expectedUpdatedAt?: number;
}

export interface PutManyOptions {
  /**
   * Ids of records being created: if one is stored already (even in the trash), nothing is written
   * (AlreadyStoredError). What a creation wrote is then only ever new, so undoing it (undoCreation)
   * cannot remove a record that was there before.
   */
  mustBeNew?: readonly string[];
}

/** A record meant to be new was found stored already: nothing was written. */
export class AlreadyStoredError extends Error {
  constructor(
    readonly store: string,
    readonly id: string,
  ) {
    super(`${store} "${id}" exists already; nothing was saved.`);
    this.name = 'AlreadyStoredError';
  }
}

export interface ListOptions {
  includeDeleted?: boolean;
}

export interface Repository<S extends EntityStore> {
  get(id: string): Promise<EntityOf<S> | undefined>;
  list(options?: ListOptions): Promise<EntityOf<S>[]>;
  /** Validates every record first; writes all of them in one transaction or none. */
  putMany(records: readonly unknown[], options?: PutManyOptions): Promise<EntityOf<S>[]>;
  put(record: unknown, options?: PutOptions): Promise<EntityOf<S>>;
  /**
   * Reads every record and writes the ones `change` returns, in one transaction: if a write fails (a
   * full disk), none is written. `change` gets the valid records (damaged ones are left to the read
   * path's quarantine) and must be synchronous: the transaction would commit while it waited.
   */
  update(change: (all: EntityOf<S>[]) => readonly unknown[]): Promise<EntityOf<S>[]>;
  /** Moves records to the trash; returns what `restore` needs to undo it. */
  softDelete(ids: readonly string[], now?: number): Promise<string[]>;
  restore(ids: readonly string[]): Promise<void>;
  /** Deletes for good (emptying the trash, removing example data). */
  purge(ids: readonly string[]): Promise<void>;
}

export function repository<S extends EntityStore>(db: PacerDb, store: S): Repository<S> {
  const schema = ENTITY_SCHEMAS[store];
  type WriteTx = IDBPTransaction<unknown, (S | typeof STORES.quarantine)[], 'readwrite'>;
  const validateAll = (records: readonly unknown[]): EntityOf<S>[] => {
    const problems: string[] = [];
    const valid: EntityOf<S>[] = [];
    records.forEach((r, i) => {
      const parsed = schema.safeParse(r, { reportInput: true });
      if (parsed.success) valid.push(parsed.data as EntityOf<S>);
      else problems.push(...describeIssues(parsed.error, records.length > 1 ? `${store}[${i}]` : ''));
    });
    if (problems.length) throw new ValidationError(problems, store);
    return valid;
  };
  /**
   * One transaction: each stored version is read first. A damaged one is quarantined before it is
   * overwritten (issue 15, finding 2); with `expected`, a version saved elsewhere aborts everything;
   * an id in `fresh` that is stored already (even in the trash) aborts everything too.
   */
  const writeIn = async (
    tx: WriteTx,
    records: readonly EntityOf<S>[],
    options: { expected?: number; fresh?: ReadonlySet<string> } = {},
  ): Promise<boolean> => {
    const target = tx.objectStore(store);
    const quarantine = tx.objectStore(STORES.quarantine);
    let quarantined = false;
    const stored = await Promise.all(records.map((r) => target.get(r.id)));
    for (const [i, r] of records.entries()) {
      const raw = stored[i];
      if (raw !== undefined && options.fresh?.has(r.id)) throw new AlreadyStoredError(store, r.id);
      const parsed = raw === undefined ? undefined : schema.safeParse(raw, { reportInput: true });
      if (options.expected !== undefined) {
        const at = parsed?.success ? (parsed.data as { updatedAt?: number }).updatedAt : undefined;
        if (at !== options.expected)
          throw new ConflictError(store, r.id, parsed?.success ? parsed.data : raw);
      }
      if (parsed && !parsed.success) {
        quarantined = true;
        const problems = describeIssues(parsed.error);
        await quarantine.put(
          quarantineEntry({ store, key: r.id, value: raw, problems, origin: 'write', at: Date.now() }),
        );
      }
    }
    await Promise.all(records.map((r) => target.put(r)));
    return quarantined;
  };
  /** Runs `work` in one write transaction; anything it throws aborts it, so nothing is half-written. */
  const inWriteTx = async (work: (tx: WriteTx) => Promise<{ ids: string[]; quarantined: boolean }>) => {
    const tx = db.transaction([store, STORES.quarantine], 'readwrite');
    let done: { ids: string[]; quarantined: boolean };
    try {
      done = await work(tx);
      await tx.done;
    } catch (error) {
      await abortQuietly(tx);
      throw error;
    }
    notifyChange({ stores: done.quarantined ? [store, STORES.quarantine] : [store], ids: done.ids });
  };
  const writeAll = (
    records: readonly EntityOf<S>[],
    options: { expected?: number; fresh?: ReadonlySet<string> } = {},
  ) =>
    inWriteTx(async (tx) => ({
      ids: records.map((r) => r.id),
      quarantined: await writeIn(tx, records, options),
    }));
  const setDeleted = async (ids: readonly string[], deletedAt: number | null) => {
    const tx = db.transaction(store, 'readwrite');
    const changed: string[] = [];
    for (const id of ids) {
      const raw = await tx.store.get(id);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) continue; // damaged: left for the read path to quarantine, not rewritten
      await tx.store.put({ ...parsed.data, deletedAt });
      changed.push(id);
    }
    await tx.done;
    notifyChange({ stores: [store], ids: changed });
    return changed;
  };

  return {
    async get(id) {
      const raw = await db.get(store, id);
      if (raw === undefined) return undefined;
      const [valid] = await readValid(db, store, [raw]);
      return valid;
    },
    async list(options = {}) {
      const all = await readValid(db, store, await db.getAll(store));
      return options.includeDeleted ? all : all.filter((r) => r.deletedAt == null);
    },
    async putMany(records, options = {}) {
      const valid = validateAll(records);
      await writeAll(valid, options.mustBeNew ? { fresh: new Set(options.mustBeNew) } : {});
      return valid;
    },
    async put(record, options = {}) {
      const [valid] = validateAll([record]);
      await writeAll([valid!], { expected: options.expectedUpdatedAt });
      return valid!;
    },
    async update(change) {
      let written: EntityOf<S>[] = [];
      await inWriteTx(async (tx) => {
        const raw = await tx.objectStore(store).getAll();
        const valid = raw.flatMap((r) => {
          const parsed = schema.safeParse(r);
          return parsed.success ? [parsed.data as EntityOf<S>] : [];
        });
        // Synchronous from the read to the writes: the transaction stays open.
        written = validateAll(change(valid));
        return { ids: written.map((r) => r.id), quarantined: await writeIn(tx, written) };
      });
      return written;
    },
    softDelete: (ids, now = Date.now()) => setDeleted(ids, now),
    restore: async (ids) => {
      await setDeleted(ids, null);
    },
    async purge(ids) {
      const tx = db.transaction(store, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
      notifyChange({ stores: [store], ids: [...ids] });
    },
  };
}

/** Archives a live goal or metric, or brings an archived one back (the goal and KPI editors, goal detail). */
export function toggleArchived<S extends 'goals' | 'metrics'>(
  db: PacerDb,
  store: S,
  record: EntityOf<S>,
  now = Date.now(),
): Promise<EntityOf<S>> {
  return repository(db, store).put(
    { ...record, archived: !record.archived, updatedAt: now },
    { expectedUpdatedAt: record.updatedAt },
  );
}
