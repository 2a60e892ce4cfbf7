import { migrateRecordsV2 } from './v2-to-v3';
import { migrateRecordsV3 } from './v3-to-v4';

/**
 * The record rules of the database upgrades (db.ts), in order, as pure functions over raw records:
 * what a restore runs on a backup made under an older database version (lib/storage/backup-upgrade.ts),
 * so an old file reads as the upgraded database does. The rules themselves live in the step's own file,
 * used by both the upgrade and the restore.
 *
 * Each step goes from one database version to the next; together they reach DB_VERSION (a unit test
 * checks this, so a new version without its step here fails). A version that changes no record shape
 * still gets a step, returning its input.
 *
 * v1 → v2 is not here: backups appeared with database version 2 (commit 7249dde, Nov 2026), and every
 * backup Pacer ever wrote states its `dbVersion`; no backup holds v1 records.
 */
export interface BackupRecords {
  metrics: unknown[];
  goals: unknown[];
}

export interface RecordStep {
  from: number;
  to: number;
  /** `now`: the time written on a record the step rewrites (`updatedAt`). */
  migrate(records: BackupRecords, now: number): BackupRecords;
}

/** The oldest database version a Pacer backup can have been written under. */
export const OLDEST_BACKUP_DB_VERSION = 2;

export const RECORD_STEPS: readonly RecordStep[] = [
  { from: 2, to: 3, migrate: (r) => migrateRecordsV2(r) },
  { from: 3, to: 4, migrate: (r, now) => migrateRecordsV3(r, now) },
];
