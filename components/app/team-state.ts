/**
 * The team as Pacer's pages see it: TeamState read from `storage.local` (the background writes it,
 * lib/background/team-sync.ts) and kept fresh by storage change events, and the messages that ask
 * the background to join, sync, leave or share. Pages never talk to the team server themselves.
 */
import { signal } from '@preact/signals';
import * as z from 'zod/mini';
import { browser } from '#imports';
import { type Message, parseReply } from '../../lib/messages/protocol';
import { FORMER_TEAMS_KEY, FormerTeam, parseFormerTeams } from '../../lib/team/former-teams';
import { parseTeamState, TEAM_KEY, TeamState } from '../../lib/team/state';

export const teamState = signal<TeamState | null>(null);
/** The teams left (lib/team/former-teams.ts): their goals still read everyone's numbers. */
export const formerTeams = signal<FormerTeam[]>([]);
export const teamLoaded = signal(false);

let started = false;

/** Reads the state once and follows its changes; safe to call from every component that needs it. */
export function watchTeam(): void {
  if (started) return;
  started = true;
  void browser.storage.local.get([TEAM_KEY, FORMER_TEAMS_KEY]).then(
    (items) => {
      teamState.value = parseTeamState(items[TEAM_KEY]);
      formerTeams.value = parseFormerTeams(items[FORMER_TEAMS_KEY]);
      teamLoaded.value = true;
    },
    () => {
      teamLoaded.value = true;
    },
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (TEAM_KEY in changes) teamState.value = parseTeamState(changes[TEAM_KEY]?.newValue);
    if (FORMER_TEAMS_KEY in changes)
      formerTeams.value = parseFormerTeams(changes[FORMER_TEAMS_KEY]?.newValue);
  });
}

type TeamMessage = Exclude<
  Extract<Message, { type: `team/${string}` }>,
  { type: 'team/former-personal' | 'team/former-restore' }
>;

/** Sends a team message; resolves to the new state, or throws the background's error in words. */
export async function sendTeam(message: TeamMessage): Promise<TeamState | null> {
  const raw = await browser.runtime.sendMessage(message);
  const reply = parseReply(z.nullable(TeamState), raw);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/**
 * "Count only my values" on a goal of a team left: the background takes the goal and its cascade out
 * of the record (lib/team/former-teams.ts); resolves to what it took, for the Undo.
 */
export async function countOnlyMine(goalId: string): Promise<FormerTeam[]> {
  const raw = await browser.runtime.sendMessage({ type: 'team/former-personal', goalId } satisfies Message);
  const reply = parseReply(z.array(FormerTeam), raw);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** The Undo of countOnlyMine: those goals count everyone's values again. */
export async function countTeamAgain(removed: FormerTeam[]): Promise<void> {
  const raw = await browser.runtime.sendMessage({ type: 'team/former-restore', removed } satisfies Message);
  const reply = parseReply(z.null(), raw);
  if (!reply.ok) throw new Error(reply.error);
}
