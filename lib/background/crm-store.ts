/**
 * The overlay's part of extension storage, kept by the background for CRM tabs. Content scripts no
 * longer touch `chrome.storage.local` (it is closed to them where the browser allows, see
 * storage-access.ts): they ask with a message the sender policy has already checked, and are answered
 * with only what concerns their own site — the CRM's own enabled entry, the mappings of their origin,
 * their panel position, their CRM's "matched once" marks. Writes are read-modify-write, so they run
 * one at a time: two tabs saving at once must not lose either save.
 */
import type { CrmMapping } from '../crm/mapping';
import {
  ENABLED_KEY,
  MAPPINGS_KEY,
  MATCHED_KEY,
  PANEL_KEY,
  type PanelState,
  parseEnabled,
  parseMappings,
  parseMatched,
  parsePanels,
  upsertMapping,
} from '../overlay/stored';
import type { StorageLike } from './crm-health';
import type { CrmStoreAccess } from './handle-message';
import type { Caller } from './sender-policy';

/** Most "matched once" marks kept (one per CRM × page kind × object: a few dozen in real use). */
const MAX_MATCHED = 400;

export function createCrmStore(storage: StorageLike): CrmStoreAccess {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async read(caller: Extract<Caller, { kind: 'tab' }>) {
      const raw = await storage.get([ENABLED_KEY, MAPPINGS_KEY, PANEL_KEY, MATCHED_KEY]);
      const panel = parsePanels(raw[PANEL_KEY])[caller.origin];
      const matched = Object.keys(parseMatched(raw[MATCHED_KEY])).filter((k) =>
        k.startsWith(`${caller.crm}|`),
      );
      return {
        enabled: parseEnabled(raw[ENABLED_KEY]).filter((crm) => crm === caller.crm),
        mappings: parseMappings(raw[MAPPINGS_KEY]).filter((m) => m.origin === caller.origin),
        panels: panel ? { [caller.origin]: panel } : {},
        matched: Object.fromEntries(matched.map((k) => [k, true])),
      };
    },
    saveMapping: (mapping: CrmMapping) =>
      serial(async () => {
        const list = parseMappings((await storage.get(MAPPINGS_KEY))[MAPPINGS_KEY]);
        await storage.set({ [MAPPINGS_KEY]: upsertMapping(list, mapping) });
      }),
    savePanel: (origin: string, state: PanelState) =>
      serial(async () => {
        const panels = parsePanels((await storage.get(PANEL_KEY))[PANEL_KEY]);
        await storage.set({ [PANEL_KEY]: { ...panels, [origin]: state } });
      }),
    rememberMatched: (key: string) =>
      serial(async () => {
        const matched = parseMatched((await storage.get(MATCHED_KEY))[MATCHED_KEY]);
        if (matched[key]) return;
        const keys = [...Object.keys(matched), key].slice(-MAX_MATCHED);
        await storage.set({ [MATCHED_KEY]: Object.fromEntries(keys.map((k) => [k, true])) });
      }),
  };
}
