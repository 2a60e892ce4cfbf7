import * as z from 'zod/mini';
import { CrmMapping } from '../crm/mapping';
import { PanelState } from '../overlay/stored';
import { Dimension, Id } from '../schema/common';
import { describeIssues } from '../schema/issues';
import { LeadSighting } from '../schema/lead';
import { FormerTeam, MAX_FORMER_TEAMS } from '../team/former-teams';

/**
 * Every runtime message between content scripts, pages and the background. Parsed with zod on both
 * sides; unknown types, wrong shapes and oversized payloads are refused with a clear error.
 */
export const MAX_MESSAGE_BYTES = 512 * 1024;
export const MAX_SIGHTINGS_PER_MESSAGE = 500;

export const LeadSightingsMessage = z.object({
  type: z.literal('leads/sighted'),
  /**
   * Each parsed on its own by parseMessage (parseSightingBatch), not as one array: a malformed row
   * is dropped and counted, the rest of the batch lands.
   */
  sightings: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_SIGHTINGS_PER_MESSAGE)),
  /** Leads whose badge numbers the tab wants back with the reply (one round trip per re-render). */
  contextFor: z.optional(z.array(Id).check(z.maxLength(MAX_SIGHTINGS_PER_MESSAGE))),
  /** The goal the user picked for this site's badges (OverlayContextRequest.goalId). */
  goalId: z.optional(Id),
});

export const CrmHealthMessage = z.object({
  type: z.literal('crm/health'),
  crm: z.string().check(z.maxLength(300)),
  url: z.string().check(z.maxLength(2000)),
  pageKind: z.string().check(z.maxLength(40)),
  matched: z.boolean(),
});

export const OverlayContextRequest = z.object({
  type: z.literal('overlay/context'),
  leadIds: z.array(Id).check(z.maxLength(MAX_SIGHTINGS_PER_MESSAGE)),
  /**
   * The goal the user picked in this site's panel for the badges' share of the gap (PanelState.goalId).
   * Only a preference: the background measures against it only while it is an eligible revenue goal
   * (lib/overlay/revenue-goal.ts), else by the rule, and says which in the answer.
   */
  goalId: z.optional(Id),
});

export const LogValueMessage = z.object({
  type: z.literal('metric/log'),
  metricId: Id,
  value: z.number(),
  time: z.int().check(z.gte(0)),
  dims: z.optional(z.partialRecord(Dimension, z.string().check(z.minLength(1), z.maxLength(200)))),
  note: z.optional(z.string().check(z.maxLength(500))),
});

export const PingMessage = z.object({ type: z.literal('ping') });

/**
 * The overlay's extension storage goes through the background: `chrome.storage.local` is closed to
 * content scripts (lib/background/storage-access.ts), so a compromised CRM page cannot read or
 * rewrite the mappings, the enabled list or the health log. The background answers and writes only
 * what concerns the sender's own site (lib/background/crm-store.ts).
 */
export const OverlayStoreRequest = z.object({ type: z.literal('overlay/store') });

export const SaveMappingMessage = z.object({ type: z.literal('overlay/save-mapping'), mapping: CrmMapping });

/** The panel's place on the sender's site (the background keys it by the sender's origin). */
export const SavePanelMessage = z.object({ type: z.literal('overlay/save-panel'), state: PanelState });

/** "This kind of page matched once" (lib/overlay/health.ts), keyed `crm|kind|object`. */
export const RememberMatchedMessage = z.object({
  type: z.literal('overlay/remember-matched'),
  key: z.string().check(z.minLength(1), z.maxLength(400)),
});

/**
 * Team sync (issue 21), from Pacer's own pages only (a tab may not send these: sender-policy.ts). The
 * password travels in `team/join` to the background, which sends it in `POST /_session` and forgets it.
 */
export const TeamJoinMessage = z.object({
  type: z.literal('team/join'),
  serverUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
  team: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});
/** A server admin sets up a team database (lib/team/setup.ts); the admin's password, like a member's, is used once. */
export const TeamSetupMessage = z.object({
  type: z.literal('team/setup'),
  serverUrl: z.string().check(z.minLength(1), z.maxLength(2000)),
  team: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});
/** What the set-up did; `signedOut`: this browser's team session on the same server was replaced by the admin's. */
export const TeamSetupReply = z.object({ team: z.string(), created: z.boolean(), signedOut: z.boolean() });
export const TeamSyncMessage = z.object({ type: z.literal('team/sync') });
export const TeamLeaveMessage = z.object({ type: z.literal('team/leave') });
export const TeamShareMessage = z.object({ type: z.literal('team/share'), goalId: Id, shared: z.boolean() });
/**
 * "Count only my values" on a goal of a team left (lib/team/former-teams.ts withoutGoals): the goal
 * and its cascade read only this browser's user's values again. Replies with what left the record.
 */
export const TeamFormerPersonalMessage = z.object({ type: z.literal('team/former-personal'), goalId: Id });
/** Its Undo: the entries team/former-personal replied with, back into the record. */
export const TeamFormerRestoreMessage = z.object({
  type: z.literal('team/former-restore'),
  removed: z.array(FormerTeam).check(z.minLength(1), z.maxLength(MAX_FORMER_TEAMS)),
});
/** "Changed on two machines": keep this browser's version or the other one. */
export const TeamResolveMessage = z.object({
  type: z.literal('team/resolve'),
  id: z.string().check(z.minLength(1), z.maxLength(700)),
  keep: z.enum(['mine', 'theirs']),
});

export const MessageSchema = z.discriminatedUnion('type', [
  TeamJoinMessage,
  TeamSetupMessage,
  TeamSyncMessage,
  TeamLeaveMessage,
  TeamShareMessage,
  TeamResolveMessage,
  TeamFormerPersonalMessage,
  TeamFormerRestoreMessage,
  LeadSightingsMessage,
  CrmHealthMessage,
  OverlayContextRequest,
  LogValueMessage,
  PingMessage,
  OverlayStoreRequest,
  SaveMappingMessage,
  SavePanelMessage,
  RememberMatchedMessage,
]);
/** `leads/sighted` once its sightings are parsed: the good ones, and how many were dropped. */
export type SightingsMessage = Omit<z.infer<typeof LeadSightingsMessage>, 'sightings'> & {
  sightings: LeadSighting[];
  /** Sightings of the batch that were malformed and dropped. */
  refused: number;
};
export type Message = Exclude<z.infer<typeof MessageSchema>, { type: 'leads/sighted' }> | SightingsMessage;

/** At most this many reasons are kept for a refused batch's error (a count is kept for all). */
const MAX_REFUSALS = 5;

/**
 * A batch's sightings, each parsed on its own. The content script sends what it read without parsing
 * it (for 50 rows per CRM re-render that parse cost more than the overlay's whole frame budget,
 * issue 17): here, at the boundary, each row is parsed, and a malformed one (a 900-character name, an
 * unknown currency on the CRM's page) is dropped with its reason instead of refusing the whole batch
 * and every other row's badge with it. A batch with nothing valid in it is refused.
 */
export function parseSightingBatch(
  items: readonly unknown[],
):
  | { ok: true; sightings: LeadSighting[]; refused: number; refusals: string[] }
  | { ok: false; error: string } {
  const sightings: LeadSighting[] = [];
  const refusals: string[] = [];
  let refused = 0;
  for (const [i, item] of items.entries()) {
    const parsed = LeadSighting.safeParse(item, { reportInput: true });
    if (parsed.success) {
      sightings.push(parsed.data);
      continue;
    }
    refused++;
    if (refusals.length < MAX_REFUSALS)
      refusals.push(describeIssues(parsed.error, `sightings[${i}]`).slice(0, 3).join('; '));
  }
  if (sightings.length === 0) return { ok: false, error: refusals.join('; ') };
  return { ok: true, sightings, refused, refusals };
}

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export type ParsedMessage = { ok: true; message: Message } | { ok: false; error: string };

/** A message's size as JSON (what the limits count), or null when it is not plain JSON data. */
export function messageBytes(raw: unknown): number | null {
  try {
    return JSON.stringify(raw ?? null).length;
  } catch {
    return null;
  }
}

export function parseMessage(raw: unknown): ParsedMessage {
  const size = messageBytes(raw);
  if (size === null) return { ok: false, error: 'Message refused: it is not plain JSON data.' };
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      error: `Message refused: ${size} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit.`,
    };
  }
  const type = (raw as { type?: unknown } | null)?.type;
  const known = MessageSchema.def.options.some((o) => o.shape.type.def.values.includes(type as never));
  if (!known) return { ok: false, error: `Message refused: unknown type ${JSON.stringify(type ?? null)}.` };
  const parsed = MessageSchema.safeParse(raw, { reportInput: true });
  const refused = (issues: string[]) => ({
    ok: false as const,
    error: `Message refused (${String(type)}): ${issues.slice(0, 5).join('; ')}`,
  });
  if (!parsed.success) return refused(describeIssues(parsed.error));
  if (parsed.data.type !== 'leads/sighted') return { ok: true, message: parsed.data };
  const batch = parseSightingBatch(parsed.data.sightings);
  if (!batch.ok) return refused([batch.error]);
  return { ok: true, message: { ...parsed.data, sightings: batch.sightings, refused: batch.refused } };
}

/** Parses a reply from the other side; a malformed reply is an error, never trusted data. */
export function parseReply<T>(schema: z.ZodMiniType<T>, raw: unknown): Reply<T> {
  const r = raw as { ok?: unknown; data?: unknown; error?: unknown } | null;
  if (r?.ok === false && typeof r.error === 'string') return { ok: false, error: r.error };
  if (r?.ok !== true) return { ok: false, error: 'Malformed reply from the Pacer background.' };
  const parsed = schema.safeParse(r.data);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, error: describeIssues(parsed.error).join('; ') };
}
