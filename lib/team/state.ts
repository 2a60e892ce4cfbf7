import * as z from 'zod/mini';
import { Id, Timestamp } from '../schema/common';
import { MemberName, TeamDoc } from './docs';
import { teamRoles } from './validate';

/**
 * What Pacer remembers about the team it joined, in `chrome.storage.local` under TEAM_KEY: the server,
 * the team, who signed in, which goals are shared and how the last sync went. No password and no
 * cookie: the password goes into `POST /_session` only, the browser keeps the session cookie.
 * The background is its only writer (lib/background/team-sync.ts); pages read it and listen for changes.
 */
export const TEAM_KEY = 'pacer:team';

const Message = z.string().check(z.maxLength(2000));

export const TeamRefusal = z.object({
  id: z.string(),
  title: z.optional(Message),
  reason: Message,
  at: Timestamp,
});
export type TeamRefusal = z.infer<typeof TeamRefusal>;

export const TeamState = z.object({
  serverUrl: z.string().check(z.url()),
  team: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,99}$/)),
  user: MemberName,
  roles: z.array(z.string()),
  joinedAt: Timestamp,
  /** Goals this browser shares (a manager's choice) or received from the team (every member). */
  goalIds: z.array(Id),
  /** True while a sync runs; a run that died with the worker is cleared on the next start. */
  syncing: z.optional(z.boolean()),
  lastSyncAt: z.optional(Timestamp),
  /** Set on the first failed attempt to reach the server, cleared by the next good sync. */
  offlineSince: z.optional(Timestamp),
  /** The last failure, with what to do about it (lib/team/session.ts TeamError kinds). */
  error: z.optional(
    z.object({
      kind: z.enum(['offline', 'credentials', 'forbidden', 'server', 'not_found']),
      message: Message,
      at: Timestamp,
    }),
  ),
  /** What the server refused in the last syncs (newest first, a few kept). */
  refused: z.array(TeamRefusal),
  /** Per-member contributions are known by name; the count says how many documents came in last time. */
  lastPulled: z.optional(z.int().check(z.gte(0))),
  lastPushed: z.optional(z.int().check(z.gte(0))),
  quarantined: z.optional(z.int().check(z.gte(0))),
  /**
   * Team goals or metrics changed on two machines before either synced. Both versions are kept (the
   * losing one in the mirror, this browser's in Pacer) until the user picks one in Options › Team.
   */
  conflicts: z.optional(
    z.array(
      z.object({ id: z.string(), title: z.optional(Message), mine: TeamDoc, theirs: TeamDoc, at: Timestamp }),
    ),
  ),
  /** The mirror's change sequence up to which documents are written into Pacer (see readMirrorChanges). */
  appliedSeq: z.optional(z.union([z.string().check(z.maxLength(500)), z.number()])),
});
export type TeamState = z.infer<typeof TeamState>;
export type TeamConflict = NonNullable<TeamState['conflicts']>[number];

/** A stored value that is not a valid TeamState reads as "no team" (and the options page says so). */
export function parseTeamState(raw: unknown): TeamState | null {
  if (raw === undefined || raw === null) return null;
  const parsed = TeamState.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export type TeamRole = 'manager' | 'member' | 'none';

export function roleOf(state: Pick<TeamState, 'team' | 'roles'>): TeamRole {
  const r = teamRoles(state.team);
  if (state.roles.includes(r.manager) || state.roles.includes('_admin')) return 'manager';
  if (state.roles.includes(r.member)) return 'member';
  return 'none';
}

export const MAX_REFUSALS = 20;
