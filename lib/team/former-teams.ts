import * as z from 'zod/mini';
import { Id, Timestamp } from '../schema/common';
import { MemberName } from './docs';
import type { TeamState } from './state';

/**
 * The teams this browser left, in `chrome.storage.local` under FORMER_TEAMS_KEY: which goals were team
 * goals (TeamState.goalIds at the moment of leaving), of which team, and when. Leaving keeps every goal
 * and every stored value; this record keeps those goals counting everyone's values
 * (lib/team/whose-values.ts), so a team goal reads after leaving what it read before — teammates'
 * values up to the day of leaving, as nothing new arrives. Newest first, one entry per server × team ×
 * member. The background is its only writer (lib/background/team-sync.ts, on leave and join).
 */
export const FORMER_TEAMS_KEY = 'pacer:former-teams';

/** Far more teams than anyone leaves; the oldest beyond it are forgotten on the next leave. */
export const MAX_FORMER_TEAMS = 50;

export const FormerTeam = z.object({
  serverUrl: z.string().check(z.url()),
  team: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,99}$/)),
  user: MemberName,
  leftAt: Timestamp,
  goalIds: z.array(Id),
});
export type FormerTeam = z.infer<typeof FormerTeam>;

const FormerTeams = z.array(FormerTeam).check(z.maxLength(MAX_FORMER_TEAMS));

/** A stored value that is not a valid list reads as "no team left" (never a half-read list). */
export function parseFormerTeams(raw: unknown): FormerTeam[] {
  if (raw === undefined || raw === null) return [];
  const parsed = FormerTeams.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

type Membership = Pick<TeamState, 'serverUrl' | 'team' | 'user'>;

const same = (a: Membership, b: Membership) =>
  a.serverUrl === b.serverUrl && a.team === b.team && a.user === b.user;

/** The list once `state`'s team is left at `now`: its goals first; a team with no goal is not kept. */
export function afterLeaving(former: readonly FormerTeam[], state: TeamState, now: number): FormerTeam[] {
  const rest = former.filter((f) => !same(f, state));
  if (state.goalIds.length === 0) return rest;
  const { serverUrl, team, user, goalIds } = state;
  return [{ serverUrl, team, user, leftAt: now, goalIds }, ...rest].slice(0, MAX_FORMER_TEAMS);
}

/**
 * Joining a team again as the same member: its goals are team goals again from the first moment
 * (`goalIds`), and its entry leaves the list. Any other team left stays as it was.
 */
export function afterJoining(
  former: readonly FormerTeam[],
  joined: Membership,
): { former: FormerTeam[]; goalIds: string[] } {
  const back = former.find((f) => same(f, joined));
  return { former: former.filter((f) => f !== back), goalIds: back?.goalIds ?? [] };
}

/**
 * "Count only my values" on a goal of a team left: `ids` (the goal and its cascade, as the goals are
 * now: sub-goals count with the goal they are under, so they turn personal with it) leave every entry;
 * an entry left with no goal goes. `removed` is what went, entry by entry, for the Undo
 * (withGoalsBack). Nothing else changes: no teammate's value is deleted, they only stop counting.
 */
export function withoutGoals(
  former: readonly FormerTeam[],
  ids: readonly string[],
): { former: FormerTeam[]; removed: FormerTeam[] } {
  const drop = new Set(ids);
  const removed: FormerTeam[] = [];
  const kept: FormerTeam[] = [];
  for (const f of former) {
    const gone = f.goalIds.filter((id) => drop.has(id));
    if (gone.length) removed.push({ ...f, goalIds: gone });
    const goalIds = f.goalIds.filter((id) => !drop.has(id));
    if (goalIds.length) kept.push(gone.length ? { ...f, goalIds } : f);
  }
  return { former: kept, removed };
}

/**
 * The Undo of withoutGoals: each removed entry's goals back into its team's entry (the entry back,
 * when it had gone, at its place in the list, newest first as afterLeaving keeps it). Goals already
 * there stay once.
 */
export function withGoalsBack(former: readonly FormerTeam[], removed: readonly FormerTeam[]): FormerTeam[] {
  const out = former.map((f) => ({ ...f, goalIds: [...f.goalIds] }));
  for (const r of removed) {
    const entry = out.find((f) => same(f, r));
    if (entry) entry.goalIds = [...new Set([...entry.goalIds, ...r.goalIds])];
    else {
      // Back where it was: before the first team left earlier than it.
      const at = out.findIndex((f) => f.leftAt < r.leftAt);
      out.splice(at === -1 ? out.length : at, 0, { ...r, goalIds: [...new Set(r.goalIds)] });
    }
  }
  return out.slice(0, MAX_FORMER_TEAMS);
}
