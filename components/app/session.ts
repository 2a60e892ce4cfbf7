import { computed, signal } from '@preact/signals';
import { readCachedAppearance, writeCachedAppearance } from '../../lib/app/appearance-cache';
import { createTranslator, detectLocale } from '../../lib/i18n/translate';
import { defaultSettings, type Settings } from '../../lib/schema';
import { onChange } from '../../lib/storage/changes';
import { createConnection } from '../../lib/storage/connection';
import type { PacerDb } from '../../lib/storage/db';
import { countQuarantine } from '../../lib/storage/quarantine';
import { loadSettings, updateSettings as patchSettings } from '../../lib/storage/settings';

/**
 * What every extension page shares: the database connection, the settings, the UI language and the
 * quarantine count. Each page is its own JS context; they stay in sync through storage change events.
 */
const connection = createConnection();
/** Why the database could not be opened (a failed migration, a disk error): pages show it, never a spinner. */
export const dbError = signal<string | null>(null);
export function getDb(): Promise<PacerDb> {
  const opening = connection();
  opening.then(
    () => {
      dbError.value = null;
    },
    (error: unknown) => {
      dbError.value = error instanceof Error ? error.message : String(error);
    },
  );
  return opening;
}

const browserLocale = () => detectLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));

export const settings = signal<Settings>(defaultSettings({ locale: readCachedLocale() ?? browserLocale() }));
export const settingsLoaded = signal(false);
export const settingsFresh = signal(false);
export const settingsProblems = signal<string[] | undefined>(undefined);
export const quarantineCount = signal(0);
export const locale = computed(() => settings.value.locale);
export const tr = computed(() => createTranslator(settings.value.locale));

/** The page's localStorage, or null where there is none or reading it throws (storage disabled). */
function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readCachedLocale(): Settings['locale'] | null {
  const storage = pageStorage();
  return storage ? readCachedAppearance(storage).locale : null;
}

/** Mirrors theme and language to localStorage so the next page paints right before IndexedDB answers. */
export function applyAppearance(s: Pick<Settings, 'theme' | 'locale'>) {
  const root = document.documentElement;
  if (s.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = s.theme;
  root.lang = s.locale;
  const storage = pageStorage();
  if (storage) writeCachedAppearance(storage, s);
}

async function refreshSettings() {
  const db = await getDb();
  const loaded = await loadSettings(db, { locale: browserLocale() });
  settings.value = loaded.settings;
  settingsFresh.value = loaded.fresh;
  settingsProblems.value = loaded.problems;
  settingsLoaded.value = true;
  applyAppearance(loaded.settings);
}

async function refreshQuarantine() {
  quarantineCount.value = await countQuarantine(await getDb());
}

let started: Promise<void> | null = null;
export function startSession(): Promise<void> {
  started ??= (async () => {
    try {
      await getDb();
    } catch {
      // dbError says why; let the next call try again (the user may have freed disk space)
      started = null;
      return;
    }
    await Promise.all([refreshSettings(), refreshQuarantine()]);
    onChange((e) => {
      if (e.stores.includes('settings')) void refreshSettings();
      if (e.stores.includes('quarantine')) void refreshQuarantine();
    });
  })();
  return started;
}

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const db = await getDb();
  // Merged with what is stored, in one transaction: a second change made before this one is saved
  // (or one from another tab) is never overwritten by the copy held here.
  const next = await patchSettings(db, patch, settings.value);
  settings.value = next;
  settingsFresh.value = false;
  applyAppearance(next);
}
