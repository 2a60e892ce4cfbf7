import type { IDBPTransaction } from 'idb';
import { defaultSettings, Settings } from '../schema';
import { notifyChange } from './changes';
import { type PacerDb, STORES } from './db';
import { quarantineDamaged } from './quarantine';
import { describeIssues, parseOrThrow } from './records';

export interface LoadedSettings {
  settings: Settings;
  /** True when nothing is stored yet (first run). */
  fresh: boolean;
  /** Problems of a stored settings record that failed to parse (it was quarantined, not overwritten). */
  problems?: string[];
}

/**
 * Missing fields take their defaults (an older Pacer did not know them); a field of the wrong type
 * makes the whole record fail: it is quarantined and defaults are used in memory only — nothing is
 * written until the user saves settings themselves.
 */
export async function loadSettings(db: PacerDb, fallback: Partial<Settings> = {}): Promise<LoadedSettings> {
  const raw = await db.get(STORES.settings, 'settings');
  if (raw === undefined) return { settings: defaultSettings(fallback), fresh: true };
  const parsed = Settings.safeParse(raw, { reportInput: true });
  if (parsed.success) return { settings: parsed.data, fresh: false };
  const problems = describeIssues(parsed.error, 'settings');
  await quarantineDamaged(db, STORES.settings, [
    { store: STORES.settings, key: 'settings', value: raw, problems, origin: 'read', at: Date.now() },
  ]);
  notifyChange({ stores: [STORES.quarantine] });
  return { settings: defaultSettings(fallback), fresh: false, problems };
}

export async function saveSettings(db: PacerDb, next: unknown): Promise<Settings> {
  const valid = parseOrThrow(Settings, next, 'settings');
  const before = Settings.safeParse(await db.get(STORES.settings, 'settings'));
  const zoneChanged = (before.success ? before.data.timeZone : 'UTC') !== valid.timeZone;
  return writeSettings(db.transaction([STORES.settings, STORES.meta], 'readwrite'), valid, zoneChanged);
}

type SettingsTx = IDBPTransaction<unknown, ('settings' | 'meta')[], 'readwrite'>;

async function writeSettings(tx: SettingsTx, valid: Settings, zoneChanged: boolean): Promise<Settings> {
  // Rollups are keyed by local day: a new zone means rebuilding them (done lazily on next read).
  await Promise.all([
    tx.objectStore(STORES.settings).put(valid),
    zoneChanged ? tx.objectStore(STORES.meta).put({ key: 'rollupsStale', value: true }) : Promise.resolve(),
    tx.done,
  ]);
  notifyChange({ stores: zoneChanged ? [STORES.settings, STORES.rollups] : [STORES.settings] });
  return valid;
}

/**
 * Applies `patch` to the stored settings in one transaction: read, merge, write. Two saves at once (two
 * selects changed in quick succession, or the options page and a new tab) each build on the other's
 * result; merging into a copy held in memory let the later save put back the earlier one's old value.
 * `base` is what a first run starts from when nothing is stored yet (the session's guessed locale).
 * A damaged stored record goes the quarantining way of loadSettings first, never overwritten unseen.
 */
export async function updateSettings(
  db: PacerDb,
  patch: Partial<Settings>,
  base?: Settings,
): Promise<Settings> {
  const tx = db.transaction([STORES.settings, STORES.meta], 'readwrite');
  const raw = await tx.objectStore(STORES.settings).get('settings');
  const stored = raw === undefined ? null : Settings.safeParse(raw);
  if (stored && !stored.success) {
    await tx.done;
    const { settings } = await loadSettings(db);
    return saveSettings(db, { ...settings, ...patch });
  }
  const before = stored?.data ?? base ?? defaultSettings();
  const merged = Settings.safeParse({ ...before, ...patch });
  if (!merged.success) {
    await tx.done;
    // The same error, with the same wording, as a save of the whole record.
    return saveSettings(db, { ...before, ...patch });
  }
  return writeSettings(tx, merged.data, (stored?.data.timeZone ?? 'UTC') !== merged.data.timeZone);
}
