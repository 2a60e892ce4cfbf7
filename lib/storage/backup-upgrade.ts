import { interpolate } from '../i18n/interpolate';
import { dataSafetyEn } from '../i18n/messages-data-safety';
import { DB_VERSION } from './db';
import { type BackupRecords, OLDEST_BACKUP_DB_VERSION, RECORD_STEPS } from './migrations/record-steps';

/**
 * Brings a backup file written under an older database version up to this one before it is read, with
 * the database upgrade's own record rules (./migrations/record-steps.ts): a version-3 file restored
 * today reads as a version-3 database upgraded today does, instead of bringing back what v4 changed.
 *
 * Which version: every backup Pacer has written states `dbVersion` (backup.ts since it first appeared,
 * commit 7249dde, with database version 2), so a file without one, or with one no Pacer wrote, was not
 * written by Pacer as it is, and is refused rather than guessed at. A file from a newer Pacer is refused
 * too: this build cannot know what that version changed.
 *
 * Records the rules rewrite are stamped with the file's `exportedAt`, not the time of the restore: the
 * file's copy is as of when it was made, so a merge still keeps a record changed here since.
 *
 * Pure: the input is not changed; the result is a new object when a rule applied.
 */
export type BackupRefusal =
  | { key: 'safety.restore.noDbVersion'; params: Record<string, never> }
  | { key: 'safety.restore.badDbVersion'; params: { value: string } }
  | { key: 'safety.restore.tooOld'; params: { file: number; oldest: number } }
  | { key: 'safety.restore.newer'; params: { file: number; current: number } };

export type UpgradeResult =
  | { ok: true; json: Record<string, unknown>; fromDbVersion: number }
  | { ok: false; refusal: BackupRefusal };

export function upgradeBackupJson(json: Record<string, unknown>): UpgradeResult {
  const v = json.dbVersion;
  if (v === undefined) return { ok: false, refusal: { key: 'safety.restore.noDbVersion', params: {} } };
  if (typeof v !== 'number' || !Number.isInteger(v))
    return {
      ok: false,
      refusal: { key: 'safety.restore.badDbVersion', params: { value: JSON.stringify(v) } },
    };
  if (v < OLDEST_BACKUP_DB_VERSION)
    return {
      ok: false,
      refusal: { key: 'safety.restore.tooOld', params: { file: v, oldest: OLDEST_BACKUP_DB_VERSION } },
    };
  if (v > DB_VERSION)
    return { ok: false, refusal: { key: 'safety.restore.newer', params: { file: v, current: DB_VERSION } } };
  const { metrics, goals, exportedAt } = json;
  // A file whose lists or date do not read is left for the schema to report, path by path.
  if (v === DB_VERSION || !Array.isArray(metrics) || !Array.isArray(goals) || !Number.isFinite(exportedAt))
    return { ok: true, json, fromDbVersion: v };
  let records: BackupRecords = { metrics, goals };
  for (const step of RECORD_STEPS) if (step.from >= v) records = step.migrate(records, exportedAt as number);
  return { ok: true, json: { ...json, ...records, dbVersion: DB_VERSION }, fromDbVersion: v };
}

/** The refusal as the English line a caller without a locale shows (the UI translates `key`). */
export function refusalInEnglish(r: BackupRefusal): string {
  return interpolate(dataSafetyEn[r.key], 'en', r.params);
}
