import { onChange } from '../storage/changes';
import type { PacerDb } from '../storage/db';
import { FORMER_TEAMS_KEY, type FormerTeam } from '../team/former-teams';
import { openMirror, openRemote } from '../team/pouch-browser';
import { type SetupInput, setUpTeamDatabase } from '../team/setup';
import { parseTeamState, TEAM_KEY, type TeamState } from '../team/state';
import { createTeamSync } from './team-sync';

/** The alarm that syncs a joined team; 5 minutes also keeps CouchDB's cookie session (10 min idle) alive. */
export const TEAM_ALARM = 'pacer:team-sync';
const PERIOD_MINUTES = 5;
/** Local team data changed: sync a little later, once per burst of writes. */
const AFTER_CHANGE_MS = 4_000;

interface BrowserLike {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
}

/**
 * Wires team sync into the background: storage of TeamState, the alarm, reconnects (`online`) and
 * local changes to team data. Returns the actions the runtime messages reach (handle-message.ts).
 */
export function installTeamBackground({ db, browser }: { db: () => Promise<PacerDb>; browser: BrowserLike }) {
  const team = createTeamSync({
    db,
    load: async () => (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY],
    save: async (state: TeamState | null) => {
      if (state) await browser.storage.local.set({ [TEAM_KEY]: state });
      else await browser.storage.local.remove(TEAM_KEY);
    },
    loadFormer: async () => (await browser.storage.local.get(FORMER_TEAMS_KEY))[FORMER_TEAMS_KEY],
    saveFormer: async (former: FormerTeam[]) => {
      if (former.length) await browser.storage.local.set({ [FORMER_TEAMS_KEY]: former });
      else await browser.storage.local.remove(FORMER_TEAMS_KEY);
    },
    openMirror,
    openRemote,
  });

  const schedule = async (joined: boolean) => {
    if (joined)
      await browser.alarms.create(TEAM_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: 1 });
    else await browser.alarms.clear(TEAM_ALARM);
  };
  const run = () => team.sync().catch((error: unknown) => console.error('[pacer] team sync', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) void run();
  });
  globalThis.addEventListener?.('online', () => void run());

  // A worker stopped mid-sync leaves `syncing: true` behind: clear it, then catch up.
  void team.state().then(async (s) => {
    await schedule(s !== null);
    if (!s) return;
    if (s.syncing) {
      const raw = (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY];
      const current = parseTeamState(raw);
      if (current) await browser.storage.local.set({ [TEAM_KEY]: { ...current, syncing: false } });
    }
    void run();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  onChange((e) => {
    if (!e.stores.some((s) => ['goals', 'metrics', 'obsBlocks', 'checkIns'].includes(s))) return;
    // Writes of pulled documents arrive here too; the run they would start finds nothing new.
    if (team.isRunning()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void team.state().then((s) => (s ? run() : null));
    }, AFTER_CHANGE_MS);
  });

  return {
    join: async (input: Parameters<typeof team.join>[0]) => {
      const s = await team.join(input);
      await schedule(true);
      return s;
    },
    sync: () => team.sync(),
    /**
     * The admin's sign-in replaces the browser's cookie for that server, and the set-up signs the admin
     * out again; a team joined on the same server is then signed out, which the next sync shows.
     */
    setup: async (input: SetupInput) => {
      const joined = await team.state();
      const sameServer = (() => {
        try {
          return (
            joined !== null && new URL(joined.serverUrl).origin === new URL(input.serverUrl.trim()).origin
          );
        } catch {
          return false;
        }
      })();
      try {
        const done = await setUpTeamDatabase(input);
        return { ...done, signedOut: sameServer };
      } finally {
        // Once the admin has signed in, the team's own session is gone: let the state say so now.
        if (sameServer) void run();
      }
    },
    leave: async () => {
      await team.leave();
      await schedule(false);
    },
    resolve: (id: string, keep: 'mine' | 'theirs') => team.resolve(id, keep),
    formerPersonal: (goalId: string) => team.formerPersonal(goalId),
    formerRestore: (removed: FormerTeam[]) => team.formerRestore(removed),
    share: async (goalId: string, shared: boolean) => {
      const s = await team.share(goalId, shared);
      void run();
      return s;
    },
  };
}
