import { browser } from 'wxt/browser';
import { FORMER_TEAMS_KEY, parseFormerTeams } from './former-teams';
import { parseTeamState, TEAM_KEY } from './state';

/**
 * The goals that count everyone's values (lib/team/whose-values.ts), for the readers that must know:
 * those this browser shares with its team or received from it (TeamState.goalIds), and those of every
 * team it left (lib/team/former-teams.ts), whose teammates' values stay as they were on the day of
 * leaving. No team, no storage (a script outside the extension) or an unreadable state: none of that
 * part.
 */
export async function readSharedGoalIds(): Promise<string[]> {
  try {
    const items = await browser.storage.local.get([TEAM_KEY, FORMER_TEAMS_KEY]);
    const live = parseTeamState(items[TEAM_KEY])?.goalIds ?? [];
    const former = parseFormerTeams(items[FORMER_TEAMS_KEY]).flatMap((f) => f.goalIds);
    return [...new Set([...live, ...former])];
  } catch {
    return [];
  }
}
