import * as z from 'zod/mini';
import {
  ChannelSpend,
  CheckIn,
  Goal,
  Lead,
  Metric,
  Observation,
  ObservationBlock,
  Settings,
} from '../schema';
import { type BackupRefusal, refusalInEnglish, upgradeBackupJson } from './backup-upgrade';
import { groupIntoBlocks, mergeBlock, toObservation } from './blocks';
import { notifyChange } from './changes';
import { DB_VERSION, type PacerDb, STORES } from './db';
import { type QuarantineEntry, quarantineEntry } from './quarantine';
import { describeIssues } from './records';
import { rebuildAllRollups } from './rollup-store';
import { pruneSnapshots } from './snapshots';

/**
 * One versioned JSON file holding everything the user owns. Import reads and validates the whole
 * file before touching the database, lists every problem with its path, then writes in a single
 * transaction: all or nothing.
 */
export const BACKUP_FORMAT = 'pacer-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  dbVersion: z.int(),
  settings: z.nullable(Settings),
  metrics: z.array(Metric),
  goals: z.array(Goal),
  checkIns: z.array(CheckIn),
  leads: z.array(Lead),
  channelSpend: z.array(ChannelSpend),
  observations: z.array(Observation),
});
export type BackupFile = z.infer<typeof BackupFile>;

const ENTITY_STORES = [
  STORES.metrics,
  STORES.goals,
  STORES.checkIns,
  STORES.leads,
  STORES.channelSpend,
] as const;
const EXPORTED_STORES = [...ENTITY_STORES, STORES.settings, STORES.obsBlocks] as const;
const SCHEMAS = {
  metrics: Metric,
  goals: Goal,
  checkIns: CheckIn,
  leads: Lead,
  channelSpend: ChannelSpend,
} as const;

type Damaged = Omit<QuarantineEntry, 'id'>;
type RawStores = Record<(typeof EXPORTED_STORES)[number], unknown[]>;

interface ReadableTx {
  objectStore(name: string): { getAll(): Promise<unknown[]> };
}

/** Every exported store as stored, read inside the caller's transaction. */
async function readRaw(tx: ReadableTx): Promise<RawStores> {
  const rows = await Promise.all(EXPORTED_STORES.map((s) => tx.objectStore(s).getAll()));
  return Object.fromEntries(EXPORTED_STORES.map((s, i) => [s, rows[i]!])) as RawStores;
}

/**
 * Splits raw stores into a valid backup and the records that fail their schema, each with its
 * reason — so a caller about to overwrite or clear can quarantine those first (issue 15, finding 2).
 */
function backupFromRaw(raw: RawStores, now: number, origin: Damaged['origin']) {
  const invalid: Damaged[] = [];
  const keep = <T>(
    store: string,
    schema: z.ZodMiniType<T>,
    rows: unknown[],
    keyOf: (r: unknown) => unknown,
  ) =>
    rows.flatMap((r) => {
      const p = schema.safeParse(r, { reportInput: true });
      if (p.success) return [p.data];
      invalid.push({ store, key: keyOf(r), value: r, problems: describeIssues(p.error), origin, at: now });
      return [];
    });
  const idOf = (r: unknown) => (r as { id?: unknown } | null)?.id ?? null;
  const blockKey = (r: unknown) => {
    const b = (r ?? {}) as Partial<ObservationBlock>;
    return [b.metricId, b.dimKey, b.day];
  };
  const observations: Observation[] = [];
  for (const b of keep(STORES.obsBlocks, ObservationBlock, raw.obsBlocks, blockKey))
    for (const p of b.points) observations.push(toObservation(b, p));
  const settings = keep(STORES.settings, Settings, raw.settings, idOf)[0] ?? null;
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    dbVersion: DB_VERSION,
    settings,
    metrics: keep(STORES.metrics, SCHEMAS.metrics, raw.metrics, idOf),
    goals: keep(STORES.goals, SCHEMAS.goals, raw.goals, idOf),
    checkIns: keep(STORES.checkIns, SCHEMAS.checkIns, raw.checkIns, idOf),
    leads: keep(STORES.leads, SCHEMAS.leads, raw.leads, idOf),
    channelSpend: keep(STORES.channelSpend, SCHEMAS.channelSpend, raw.channelSpend, idOf),
    observations,
  };
  return { backup, invalid };
}

export async function exportBackup(db: PacerDb, now = Date.now()): Promise<BackupFile> {
  const tx = db.transaction([...EXPORTED_STORES], 'readonly');
  // Only records that parse are exported: damaged ones live in quarantine with their own export.
  return backupFromRaw(await readRaw(tx), now, 'read').backup;
}

export type ParseBackupResult =
  | { ok: true; backup: BackupFile; fromDbVersion: number }
  | { ok: false; problems: string[]; refusal?: BackupRefusal };

/**
 * A backup as stored (a file's JSON, a pre-restore snapshot's data), brought up to this database
 * version (./backup-upgrade.ts), then every record checked against its schema.
 */
export function readBackupJson(json: Record<string, unknown>): ParseBackupResult {
  const upgraded = upgradeBackupJson(json);
  if (!upgraded.ok)
    return { ok: false, problems: [refusalInEnglish(upgraded.refusal)], refusal: upgraded.refusal };
  const parsed = BackupFile.safeParse(upgraded.json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  const dupes = duplicateIds(parsed.data);
  if (dupes.length) return { ok: false, problems: dupes };
  return { ok: true, backup: parsed.data, fromDbVersion: upgraded.fromDbVersion };
}

/**
 * Reads a backup file's text: size, JSON syntax, format, version, database version (an older one is
 * brought up to this one; a newer one is refused) and every record, before any write.
 */
export function parseBackup(text: string): ParseBackupResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BACKUP_BYTES) {
    return {
      ok: false,
      problems: [
        `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a Pacer backup can be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`,
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`This file is not JSON: ${(error as Error).message}`] };
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    return { ok: false, problems: ['This JSON file is not a Pacer backup (no "format": "pacer-backup").'] };
  }
  if (head.version !== BACKUP_VERSION) {
    return {
      ok: false,
      problems: [
        `This backup has version ${String(head.version)}; this Pacer reads version ${BACKUP_VERSION}.`,
      ],
    };
  }
  return readBackupJson(head as Record<string, unknown>);
}

function duplicateIds(b: BackupFile): string[] {
  const problems: string[] = [];
  for (const name of ['metrics', 'goals', 'checkIns', 'leads', 'channelSpend'] as const) {
    const seen = new Map<string, number>();
    b[name].forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined) problems.push(`${name}[${i}].id: "${r.id}" is also used by ${name}[${first}]`);
      else seen.set(r.id, i);
    });
  }
  return problems;
}

export type ImportMode = 'merge' | 'replace';

export interface ImportSummary {
  mode: ImportMode;
  counts: Record<'metrics' | 'goals' | 'checkIns' | 'leads' | 'channelSpend' | 'observations', number>;
  /** Records of the database that failed their schema and were quarantined instead of overwritten. */
  quarantined: number;
  /** Records kept as they were because they were changed after the file's copy (merge). */
  keptNewer: number;
  /** Id of the automatic snapshot taken before the restore (in `backups`). */
  snapshotId: string;
}

/** What an automatic snapshot in `backups` holds (pre-restore); migrations keep their raw `stores`. */
export interface RestoreSnapshot {
  id: string;
  createdAt: number;
  reason: 'restore';
  data: BackupFile;
  /** Records that failed their schema, exactly as they were stored (also put in quarantine). */
  invalid: Damaged[];
}

/**
 * Writes a parsed backup, all in one transaction, so a failure leaves the database exactly as it was.
 * Both modes first snapshot the current data into `backups` (the page promises it "before every
 * restore"; a merge took none, and brought back an old goal target with no way home).
 * `merge` adds the file's records and replaces those with the same id, unless the stored one was
 * changed later than the file's (`updatedAt`): restoring last week's backup does not undo today's
 * edit; `replace` clears and writes. Nothing damaged is lost without trace: a stored record that fails
 * its schema and is about to be overwritten (merge) or cleared (replace) is put in quarantine in the
 * same transaction, and the pre-restore snapshot keeps it as it was.
 */
export async function importBackup(
  db: PacerDb,
  backup: BackupFile,
  mode: ImportMode,
  now = Date.now(),
): Promise<ImportSummary> {
  const tx = db.transaction(
    [...EXPORTED_STORES, STORES.rollups, STORES.backups, STORES.meta, STORES.quarantine],
    'readwrite',
  );
  const quarantine = tx.objectStore(STORES.quarantine);
  let quarantined = 0;
  const { backup: current, invalid } = backupFromRaw(await readRaw(tx), now, 'restore');
  const snapshotId = `pre-restore-${now}`;
  const snapshot: RestoreSnapshot = {
    id: snapshotId,
    createdAt: now,
    reason: 'restore',
    data: current,
    invalid,
  };
  await tx.objectStore(STORES.backups).put(snapshot);
  let keptNewer = 0;
  if (mode === 'replace') {
    for (const e of invalid) {
      await quarantine.put(quarantineEntry(e));
      // Settings are not cleared by a replace: a damaged record, now in quarantine, leaves its store.
      if (e.store === STORES.settings) await tx.objectStore(STORES.settings).delete('settings');
    }
    quarantined = invalid.length;
    await Promise.all(
      [...ENTITY_STORES, STORES.obsBlocks, STORES.rollups].map((s) => tx.objectStore(s).clear()),
    );
  }
  const writes: Promise<unknown>[] = [];
  const setAside = (store: string, key: unknown, value: unknown, problems: string[]) => {
    quarantined++;
    return quarantine.put(quarantineEntry({ store, key, value, problems, origin: 'restore', at: now }));
  };
  for (const s of ENTITY_STORES) {
    const os = tx.objectStore(s);
    for (const r of backup[s]) {
      if (mode === 'replace') {
        writes.push(os.put(r));
        continue;
      }
      writes.push(
        os.get(r.id).then(async (raw) => {
          if (raw !== undefined) {
            const p = SCHEMAS[s].safeParse(raw, { reportInput: true });
            if (!p.success) await setAside(s, r.id, raw, describeIssues(p.error));
            else if (changedAt(p.data) > changedAt(r)) {
              keptNewer++;
              return;
            }
          }
          return os.put(r);
        }),
      );
    }
  }
  if (backup.settings) {
    const os = tx.objectStore(STORES.settings);
    writes.push(
      (mode === 'merge' ? os.get('settings') : Promise.resolve(undefined)).then(async (raw) => {
        if (raw !== undefined) {
          const p = Settings.safeParse(raw, { reportInput: true });
          if (!p.success) await setAside(STORES.settings, 'settings', raw, describeIssues(p.error));
        }
        return os.put(backup.settings);
      }),
    );
  }
  const blocks = tx.objectStore(STORES.obsBlocks);
  for (const block of groupIntoBlocks(backup.observations).values()) {
    const key = [block.metricId, block.dimKey, block.day];
    if (mode === 'replace') writes.push(blocks.put(mergeBlock(undefined, block).block));
    else
      writes.push(
        blocks.get(key).then(async (raw) => {
          const existing =
            raw === undefined ? undefined : ObservationBlock.safeParse(raw, { reportInput: true });
          if (existing && !existing.success)
            await setAside(STORES.obsBlocks, key, raw, describeIssues(existing.error));
          return blocks.put(mergeBlock(existing?.success ? existing.data : undefined, block).block);
        }),
      );
  }
  writes.push(tx.objectStore(STORES.meta).put({ key: 'rollupsStale', value: true }));
  await Promise.all([...writes, tx.done]);
  await rebuildAllRollups(db, backup.settings?.timeZone);
  await pruneSnapshots(db);
  notifyChange({
    stores: [
      ...ENTITY_STORES,
      STORES.settings,
      STORES.obsBlocks,
      STORES.rollups,
      STORES.quarantine,
      STORES.backups,
    ],
  });
  return {
    mode,
    counts: {
      metrics: backup.metrics.length,
      goals: backup.goals.length,
      checkIns: backup.checkIns.length,
      leads: backup.leads.length,
      channelSpend: backup.channelSpend.length,
      observations: backup.observations.length,
    },
    quarantined,
    keptNewer,
    snapshotId,
  };
}

/** When a record was last changed, for a merge's "keep the newer one"; -∞ when it does not say. */
function changedAt(r: unknown): number {
  const t = (r as { updatedAt?: unknown }).updatedAt;
  return typeof t === 'number' && Number.isFinite(t) ? t : Number.NEGATIVE_INFINITY;
}
