import { browser } from 'wxt/browser';
import { parseTeamState, TEAM_KEY } from './state';

/**
 * The goals this browser shares with its team or received from it (TeamState.goalIds), for the readers
 * that must know which goals count everyone's values (lib/team/whose-values.ts). No team, no storage
 * (a script outside the extension) or an unreadable state: none.
 */
export async function readSharedGoalIds(): Promise<string[]> {
  try {
    const raw = (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY];
    return parseTeamState(raw)?.goalIds ?? [];
  } catch {
    return [];
  }
}
