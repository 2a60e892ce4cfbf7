import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { migrateV1Database } from './migrations/v1-to-v2';
import { migrateV2Database } from './migrations/v2-to-v3';
import { migrateV3Database } from './migrations/v3-to-v4';

/**
 * The one place that knows Pacer's IndexedDB layout.
 *
 * Rules (see STYLE.md §3): one `if (oldVersion < N)` block per version, cumulative, never edited once
 * released. A block that changes record shapes first writes a backup snapshot of every store it reads
 * (into `backups`, inside the same versionchange transaction), then transforms records with pure
 * `migrate…` functions from ./migrations. A record the migration cannot make valid is quarantined,
 * never dropped. If anything throws, the transaction is aborted and the database stays as it was.
 * Each version's record rule is also listed in ./migrations/record-steps.ts: a restore runs it on a
 * backup written under an older version (./backup-upgrade.ts), and a unit test fails if one is missing.
 *
 * Records are typed `unknown` here on purpose: every read goes through a zod schema (./records.ts).
 */
export const DB_NAME = 'pacer';
export const DB_VERSION = 4;

export const STORES = {
  metrics: 'metrics',
  goals: 'goals',
  checkIns: 'checkIns',
  leads: 'leads',
  channelSpend: 'channelSpend',
  /** Observations, grouped per metric × dimension combination × UTC day (see lib/schema/observation.ts). */
  obsBlocks: 'obsBlocks',
  /** Per metric × dimension combination: local-day aggregates that the engine computes from. */
  rollups: 'rollups',
  settings: 'settings',
  quarantine: 'quarantine',
  backups: 'backups',
  /** Before-images of observation blocks while a multi-transaction ingest is under way. */
  journal: 'journal',
  meta: 'meta',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

export type PacerDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export interface OpenOptions {
  /** Called when another context (a newer Pacer in another tab) needs this connection closed. */
  onVersionChange?: () => void;
  now?: () => number;
}

/** An upgrade that failed and was rolled back: the database is still at `fromVersion`, untouched. */
export class MigrationError extends Error {
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`Updating Pacer's database from version ${fromVersion} to ${toVersion} failed — ${why}`, { cause });
    this.name = 'MigrationError';
  }
}

export async function openPacerDb(name: string = DB_NAME, options: OpenOptions = {}): Promise<PacerDb> {
  const now = options.now ?? Date.now;
  let pending: Promise<void> = Promise.resolve();
  let upgradeError: unknown;
  const db = await openDB(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // An aborted upgrade rejects `done`; the error that matters is reported below as a MigrationError.
      tx.done.catch(() => {});
      // The versionchange transaction stays open while we chain IDB requests on it; any error aborts
      // it, so a half-done migration never becomes visible.
      pending = runUpgrades(database, oldVersion, tx as unknown as UpgradeTx, now()).catch((error) => {
        upgradeError = new MigrationError(oldVersion, DB_VERSION, error);
        try {
          tx.abort();
        } catch {
          // already finished or aborted: nothing more to undo
        }
      });
    },
    blocking() {
      db.close();
      options.onVersionChange?.();
    },
  }).catch((error) => {
    throw upgradeError ?? error;
  });
  await pending;
  if (upgradeError) throw upgradeError;
  return db;
}

async function runUpgrades(db: PacerDb, oldVersion: number, tx: UpgradeTx, now: number): Promise<void> {
  if (oldVersion < 1) {
    // v1, the first prototype: one record per observation.
    db.createObjectStore('metrics', { keyPath: 'id' });
    db.createObjectStore('goals', { keyPath: 'id' });
    const obs = db.createObjectStore('observations', { keyPath: 'id' });
    obs.createIndex('by-metric-time', ['metricId', 'time']);
    db.createObjectStore('checkIns', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    // v2: observations move into per-day blocks (a bulk ingest writes ~100× fewer records), goals and
    // metrics gain framework fields, and the stores for CRM leads, spend, rollups and safety appear.
    db.createObjectStore(STORES.backups, { keyPath: 'id' });
    db.createObjectStore(STORES.quarantine, { keyPath: 'id' });
    db.createObjectStore(STORES.journal, { keyPath: 'key' });
    db.createObjectStore(STORES.meta, { keyPath: 'key' });
    const blocks = db.createObjectStore(STORES.obsBlocks, { keyPath: ['metricId', 'dimKey', 'day'] });
    blocks.createIndex('by-metric-day', ['metricId', 'day']);
    db.createObjectStore(STORES.rollups, { keyPath: ['metricId', 'dimKey'] });
    const leads = db.createObjectStore(STORES.leads, { keyPath: 'id' });
    leads.createIndex('by-last-seen', 'lastSeen');
    const spend = db.createObjectStore(STORES.channelSpend, { keyPath: 'id' });
    spend.createIndex('by-channel-period', ['channel', 'periodStart']);
    tx.objectStore('goals').createIndex('by-parent', 'parentId');
    tx.objectStore('checkIns').createIndex('by-goal-time', ['goalId', 'time']);
    if (oldVersion >= 1) await migrateV1Database(tx, now);
    db.deleteObjectStore('observations');
  }
  if (oldVersion < 3) {
    // v3: every goal states its type (total, level, keep, milestone, objective). A v1 database was
    // backed up by the v2 block above, in this same transaction, so only a v2 one needs a backup here.
    if (oldVersion >= 1) await migrateV2Database(tx, now, oldVersion >= 2);
  }
  if (oldVersion < 4) {
    // v4: the pack's ad spend KPIs an older Pacer made "lower is better", untouched since, become
    // neutral, their goals' way written on them first so no card changes. Backs up what it rewrites.
    if (oldVersion >= 1) await migrateV3Database(tx, now);
  }
}

/**
 * Aborts a write transaction that failed part-way and waits for it to settle, so the caller can rethrow
 * the error that mattered with nothing half-written (a transaction that already finished is left be).
 */
export async function abortQuietly(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already finished
  }
  await tx.done.catch(() => {});
}
