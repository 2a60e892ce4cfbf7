import type { CrmMapping } from '../crm/mapping';
import { type Message, messageBytes, parseMessage, type Reply } from '../messages/protocol';
import type { PanelState } from '../overlay/stored';
import type { PacerDb } from '../storage/db';
import { recordSightings } from '../storage/leads';
import { ingestObservations } from '../storage/observations';
import { repository } from '../storage/repository';
import type { FormerTeam } from '../team/former-teams';
import {
  authorizeTabMessage,
  type Caller,
  identifySender,
  type MessageSender,
  type SelfIdentity,
} from './sender-policy';
import type { TabLimiter } from './tab-limits';

/** The overlay's extension storage, read and written for one CRM tab (lib/background/crm-store.ts). */
export interface CrmStoreAccess {
  read(caller: Extract<Caller, { kind: 'tab' }>): Promise<unknown>;
  saveMapping(mapping: CrmMapping): Promise<void>;
  savePanel(origin: string, state: PanelState): Promise<void>;
  rememberMatched(key: string): Promise<void>;
}

export interface HandlerContext {
  db: () => Promise<PacerDb>;
  now?: () => number;
  /** Where crm/health reports go (the options page lists them). */
  onHealth?: (report: Extract<Message, { type: 'crm/health' }>) => Promise<void> | void;
  overlayContext?: (leadIds: string[], goalId?: string) => Promise<unknown>;
  crmStore?: CrmStoreAccess;
  /** Team sync (lib/background/team-sync.ts); absent where the background did not set it up. */
  team?: TeamActions;
}

/** What the team messages reach: join, sync, leave, share; each resolves to the new TeamState. */
export interface TeamActions {
  join(input: { serverUrl: string; team: string; name: string; password: string }): Promise<unknown>;
  sync(): Promise<unknown>;
  leave(): Promise<void>;
  share(goalId: string, shared: boolean): Promise<unknown>;
  resolve(id: string, keep: 'mine' | 'theirs'): Promise<unknown>;
  /** "Count only my values" on a goal of a team left; resolves to what left the record. */
  formerPersonal?(goalId: string): Promise<FormerTeam[]>;
  /** Its Undo: those entries back into the record of teams left. */
  formerRestore?(removed: FormerTeam[]): Promise<unknown>;
  /** A server admin's "Set up a team database" (lib/team/setup.ts). */
  setup?(input: { serverUrl: string; team: string; name: string; password: string }): Promise<unknown>;
}

export interface RuntimeContext extends HandlerContext {
  self: SelfIdentity;
  /** Settings.enabledCrms, cached by the caller; `fresh` asks it to read them again. */
  enabledCrms: (fresh?: boolean) => Promise<readonly string[]>;
  limiter: TabLimiter;
}

/**
 * How far ahead of now a value or a lead's creation date may be: a day covers every time zone and a
 * clock a little fast; a date years ahead is a typo or a forgery, and would sit on every chart.
 */
export const MAX_FUTURE_MS = 86_400_000;

const refused = (type: string, error: string): Reply => ({
  ok: false,
  error: `Message refused (${type}): ${error}`,
});

/**
 * Every runtime message enters here. Pacer's own pages keep the full API; a CRM tab is checked first
 * (lib/background/sender-policy.ts: an enabled CRM origin, only the overlay's messages, only about its
 * own CRM) and held to its budget (tab-limits.ts). Each refusal is an error reply and writes nothing.
 */
export async function handleRuntimeMessage(
  raw: unknown,
  sender: MessageSender,
  ctx: RuntimeContext,
): Promise<Reply> {
  let who = identifySender(sender, ctx.self, await ctx.enabledCrms());
  // A CRM enabled a moment ago may not be in the cached list yet: look again before refusing.
  if (!who.ok) who = identifySender(sender, ctx.self, await ctx.enabledCrms(true));
  if (!who.ok) return { ok: false, error: who.error };
  const caller = who.value;
  if (caller.kind === 'extension') return handleMessage(raw, ctx, caller);
  const spent = ctx.limiter.take(caller.tabId, messageBytes(raw) ?? 0);
  if (spent) return { ok: false, error: spent };
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const allowed = authorizeTabMessage(parsed.message, caller);
  if (!allowed.ok) return { ok: false, error: allowed.error };
  return dispatch(allowed.value, ctx, caller);
}

/**
 * The background is the single writer for data that comes from content scripts. Anything that is not
 * a well-formed, known message is refused with a reason and changes nothing. Called directly with
 * Pacer's own messages (the omnibox); runtime messages go through handleRuntimeMessage.
 */
export async function handleMessage(
  raw: unknown,
  ctx: HandlerContext,
  caller: Caller = { kind: 'extension' },
): Promise<Reply> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return dispatch(parsed.message, ctx, caller);
}

async function dispatch(m: Message, ctx: HandlerContext, caller: Caller): Promise<Reply> {
  const now = ctx.now?.() ?? Date.now();
  const tab = caller.kind === 'tab' ? caller : null;
  try {
    switch (m.type) {
      case 'ping':
        return { ok: true, data: 'pong' };
      case 'leads/sighted': {
        // A creation date beyond tomorrow is not believed, and not stored; the rest of the row is
        // (refusing the batch lost every other row's badge over one odd date on the page).
        const sightings = m.sightings.map(({ createdDate, ...rest }) =>
          createdDate !== undefined && createdDate <= now + MAX_FUTURE_MS ? { ...rest, createdDate } : rest,
        );
        const leads = await recordSightings(await ctx.db(), sightings, now);
        // Asked with the sightings: the badge numbers, read after the leads are stored.
        const context = m.contextFor?.length ? await ctx.overlayContext?.(m.contextFor, m.goalId) : undefined;
        // Malformed rows of the batch were dropped at parsing (parseSightingBatch): the tab is told
        // how many, for its health details.
        const refused = m.refused > 0 ? { refused: m.refused } : {};
        return { ok: true, data: { stored: leads.length, ...refused, ...(context ? { context } : {}) } };
      }
      case 'crm/health':
        await ctx.onHealth?.(m);
        return { ok: true, data: null };
      case 'overlay/context':
        return { ok: true, data: (await ctx.overlayContext?.(m.leadIds, m.goalId)) ?? null };
      case 'overlay/store':
        if (!tab || !ctx.crmStore) return refused(m.type, 'asked by a CRM tab only.');
        return { ok: true, data: await ctx.crmStore.read(tab) };
      case 'overlay/save-mapping':
        if (!ctx.crmStore) return refused(m.type, 'no mapping store here.');
        await ctx.crmStore.saveMapping(m.mapping);
        return { ok: true, data: null };
      case 'overlay/save-panel':
        if (!tab || !ctx.crmStore) return refused(m.type, 'sent by a CRM tab only.');
        await ctx.crmStore.savePanel(tab.origin, m.state);
        return { ok: true, data: null };
      case 'overlay/remember-matched':
        if (!ctx.crmStore) return refused(m.type, 'no health store here.');
        await ctx.crmStore.rememberMatched(m.key);
        return { ok: true, data: null };
      case 'team/join':
      case 'team/setup':
      case 'team/sync':
      case 'team/leave':
      case 'team/share':
      case 'team/resolve':
      case 'team/former-personal':
      case 'team/former-restore': {
        // Pacer's pages only (a tab is refused these before dispatch, see sender-policy.ts).
        if (tab || !ctx.team) return refused(m.type, 'team sync is not available here.');
        if (m.type === 'team/join') {
          const { type: _t, ...input } = m;
          return { ok: true, data: await ctx.team.join(input) };
        }
        if (m.type === 'team/setup') {
          if (!ctx.team.setup) return refused(m.type, 'team set-up is not available here.');
          const { type: _t, ...input } = m;
          return { ok: true, data: await ctx.team.setup(input) };
        }
        if (m.type === 'team/sync') return { ok: true, data: await ctx.team.sync() };
        if (m.type === 'team/share') return { ok: true, data: await ctx.team.share(m.goalId, m.shared) };
        if (m.type === 'team/resolve') return { ok: true, data: await ctx.team.resolve(m.id, m.keep) };
        if (m.type === 'team/former-personal') {
          if (!ctx.team.formerPersonal) return refused(m.type, 'teams left are not kept here.');
          return { ok: true, data: await ctx.team.formerPersonal(m.goalId) };
        }
        if (m.type === 'team/former-restore') {
          if (!ctx.team.formerRestore) return refused(m.type, 'teams left are not kept here.');
          return { ok: true, data: await ctx.team.formerRestore(m.removed) };
        }
        await ctx.team.leave();
        return { ok: true, data: null };
      }
      case 'metric/log': {
        if (m.time > now + MAX_FUTURE_MS) {
          return refused(m.type, `time ${new Date(m.time).toISOString()} is in the future.`);
        }
        const d = await ctx.db();
        const metric = await repository(d, 'metrics').get(m.metricId);
        if (!metric || metric.deletedAt != null)
          return refused(m.type, `there is no metric "${m.metricId}".`);
        const id = `manual-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const observation = {
          id,
          metricId: m.metricId,
          time: m.time,
          value: m.value,
          dims: m.dims ?? {},
          source: 'manual',
          note: m.note,
        };
        await ingestObservations(d, [observation]);
        return { ok: true, data: { id } };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
