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
import { groupIntoBlocks, mergeBlock, toObservation } from './blocks';
import { notifyChange } from './changes';
import { DB_VERSION, type PacerDb, STORES } from './db';
import { describeIssues } from './records';
import { rebuildAllRollups } from './rollup-store';

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

export async function exportBackup(db: PacerDb, now = Date.now()): Promise<BackupFile> {
  const tx = db.transaction(
    [
      STORES.settings,
      STORES.metrics,
      STORES.goals,
      STORES.checkIns,
      STORES.leads,
      STORES.channelSpend,
      STORES.obsBlocks,
    ],
    'readonly',
  );
  const [settings, metrics, goals, checkIns, leads, channelSpend, blocks] = await Promise.all([
    tx.objectStore(STORES.settings).get('settings'),
    tx.objectStore(STORES.metrics).getAll(),
    tx.objectStore(STORES.goals).getAll(),
    tx.objectStore(STORES.checkIns).getAll(),
    tx.objectStore(STORES.leads).getAll(),
    tx.objectStore(STORES.channelSpend).getAll(),
    tx.objectStore(STORES.obsBlocks).getAll(),
  ]);
  const observations: Observation[] = [];
  for (const raw of blocks) {
    const b = ObservationBlock.safeParse(raw);
    if (b.success) for (const p of b.data.points) observations.push(toObservation(b.data, p));
  }
  // Only records that parse are exported: damaged ones live in quarantine with their own export.
  const keep = <T>(schema: z.ZodMiniType<T>, rows: unknown[]) =>
    rows.flatMap((r) => {
      const p = schema.safeParse(r);
      return p.success ? [p.data] : [];
    });
  const parsedSettings = Settings.safeParse(settings);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    dbVersion: DB_VERSION,
    settings: parsedSettings.success ? parsedSettings.data : null,
    metrics: keep(Metric, metrics),
    goals: keep(Goal, goals),
    checkIns: keep(CheckIn, checkIns),
    leads: keep(Lead, leads),
    channelSpend: keep(ChannelSpend, channelSpend),
    observations,
  };
}

export type ParseBackupResult = { ok: true; backup: BackupFile } | { ok: false; problems: string[] };

/** Reads a backup file's text: size, JSON syntax, format, version and every record, before any write. */
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
  const parsed = BackupFile.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error) };
  const dupes = duplicateIds(parsed.data);
  if (dupes.length) return { ok: false, problems: dupes };
  return { ok: true, backup: parsed.data };
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
}

/**
 * Writes a parsed backup. `merge` adds the file's records and replaces those with the same id;
 * `replace` first snapshots the current data into `backups`, then clears and writes — in one
 * transaction, so a failure leaves the database exactly as it was.
 */
export async function importBackup(
  db: PacerDb,
  backup: BackupFile,
  mode: ImportMode,
  now = Date.now(),
): Promise<ImportSummary> {
  const entityStores = [
    STORES.metrics,
    STORES.goals,
    STORES.checkIns,
    STORES.leads,
    STORES.channelSpend,
  ] as const;
  const snapshot = mode === 'replace' ? await exportBackup(db, now) : null;
  const tx = db.transaction(
    [...entityStores, STORES.settings, STORES.obsBlocks, STORES.rollups, STORES.backups, STORES.meta],
    'readwrite',
  );
  const writes: Promise<unknown>[] = [];
  if (snapshot) {
    writes.push(
      tx
        .objectStore(STORES.backups)
        .put({ id: `pre-restore-${now}`, createdAt: now, reason: 'restore', data: snapshot }),
    );
    for (const s of [...entityStores, STORES.obsBlocks, STORES.rollups])
      writes.push(tx.objectStore(s).clear());
  }
  for (const s of entityStores) for (const r of backup[s]) writes.push(tx.objectStore(s).put(r));
  if (backup.settings) writes.push(tx.objectStore(STORES.settings).put(backup.settings));
  const blocks = tx.objectStore(STORES.obsBlocks);
  for (const block of groupIntoBlocks(backup.observations).values()) {
    const key = [block.metricId, block.dimKey, block.day];
    if (mode === 'replace') writes.push(blocks.put(mergeBlock(undefined, block).block));
    else
      writes.push(
        blocks.get(key).then((raw) => {
          const existing = ObservationBlock.safeParse(raw);
          return blocks.put(mergeBlock(existing.success ? existing.data : undefined, block).block);
        }),
      );
  }
  writes.push(tx.objectStore(STORES.meta).put({ key: 'rollupsStale', value: true }));
  await Promise.all([...writes, tx.done]);
  await rebuildAllRollups(db, backup.settings?.timeZone);
  notifyChange({ stores: [...entityStores, STORES.settings, STORES.obsBlocks, STORES.rollups] });
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
  };
}
