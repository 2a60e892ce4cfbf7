import {
  type BackupFile,
  type ImportSummary,
  importBackup,
  type RestoreSnapshot,
  readBackupJson,
} from './backup';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';

/**
 * The automatic snapshots in `backups` — taken before every restore (./backup.ts) and every database
 * migration (./migrations) — made visible and usable (issue 15, findings 7 and 8): listed with their
 * counts, downloadable, restorable, and kept within a retention rule instead of growing without bound.
 */
export type SnapshotKind = 'restore' | 'migration';

export interface SnapshotInfo {
  id: string;
  kind: SnapshotKind;
  createdAt: number;
  counts: { metrics: number; goals: number; checkIns: number; observations: number };
  /** Records kept as they were because they failed their schema. */
  invalid: number;
  /** Pre-restore snapshots hold a Pacer backup and can be restored; migration ones hold raw old stores. */
  restorable: boolean;
}

/** The newest this many snapshots of each kind are kept. */
export const SNAPSHOTS_KEPT_PER_KIND = 5;

interface StoredSnapshot {
  id: string;
  createdAt: number;
  reason: SnapshotKind;
  data?: BackupFile;
  invalid?: unknown[];
  stores?: Record<string, unknown[] | undefined>;
}

const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);

function describe(raw: unknown): SnapshotInfo | null {
  const s = raw as Partial<StoredSnapshot> | null;
  if (!s || typeof s.id !== 'string' || typeof s.createdAt !== 'number') return null;
  if (s.reason === 'restore' && s.data) {
    return {
      id: s.id,
      kind: 'restore',
      createdAt: s.createdAt,
      counts: {
        metrics: len(s.data.metrics),
        goals: len(s.data.goals),
        checkIns: len(s.data.checkIns),
        observations: len(s.data.observations),
      },
      invalid: len(s.invalid),
      restorable: true,
    };
  }
  if (s.reason === 'migration' && s.stores) {
    return {
      id: s.id,
      kind: 'migration',
      createdAt: s.createdAt,
      counts: {
        metrics: len(s.stores.metrics),
        goals: len(s.stores.goals),
        checkIns: len(s.stores.checkIns),
        observations: len(s.stores.observations ?? s.stores.obsBlocks),
      },
      invalid: 0,
      restorable: false,
    };
  }
  return null;
}

/** Newest first. */
export async function listSnapshots(db: PacerDb): Promise<SnapshotInfo[]> {
  const all = await db.getAll(STORES.backups);
  return all.flatMap((r) => describe(r) ?? []).sort((a, b) => b.createdAt - a.createdAt);
}

/** The stored snapshot as it is (for Download). */
export function readSnapshot(db: PacerDb, id: string): Promise<unknown> {
  return db.get(STORES.backups, id);
}

/** Deletes all but the newest `keep` snapshots of each kind; returns the ids removed. */
export async function pruneSnapshots(db: PacerDb, keep = SNAPSHOTS_KEPT_PER_KIND): Promise<string[]> {
  const list = await listSnapshots(db);
  const seen = new Map<SnapshotKind, number>();
  const drop: string[] = [];
  for (const s of list) {
    const n = (seen.get(s.kind) ?? 0) + 1;
    seen.set(s.kind, n);
    if (n > keep) drop.push(s.id);
  }
  if (drop.length) {
    const tx = db.transaction(STORES.backups, 'readwrite');
    await Promise.all([...drop.map((id) => tx.store.delete(id)), tx.done]);
    notifyChange({ stores: [STORES.backups] });
  }
  return drop;
}

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/**
 * Replaces the current data with a pre-restore snapshot. The current data is itself snapshotted first
 * (by the replace), so this can be undone the same way.
 */
export async function restoreSnapshot(db: PacerDb, id: string, now = Date.now()): Promise<ImportSummary> {
  const raw = (await readSnapshot(db, id)) as Partial<RestoreSnapshot> | undefined;
  if (!raw) throw new SnapshotError(`Snapshot "${id}" no longer exists.`);
  if (raw.reason !== 'restore')
    throw new SnapshotError(`Snapshot "${id}" holds raw data: download it instead.`);
  // A snapshot taken before a database update holds that older version's records: brought up to this
  // one by the same rules as an old backup file.
  const data = raw.data as unknown;
  const parsed =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? readBackupJson(data as Record<string, unknown>)
      : { ok: false as const, problems: ['it holds no backup'] };
  if (!parsed.ok)
    throw new SnapshotError(`Snapshot "${id}" cannot be restored: ${parsed.problems.slice(0, 3).join('; ')}`);
  const summary = await importBackup(db, parsed.backup, 'replace', now);
  await pruneSnapshots(db);
  notifyChange({ stores: [STORES.backups] });
  return summary;
}
