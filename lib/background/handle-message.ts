import { type Message, parseMessage, type Reply } from '../messages/protocol';
import type { PacerDb } from '../storage/db';
import { recordSightings } from '../storage/leads';
import { ingestObservations } from '../storage/observations';

export interface HandlerContext {
  db: () => Promise<PacerDb>;
  now?: () => number;
  /** Where crm/health reports go (the options page lists them). */
  onHealth?: (report: Extract<Message, { type: 'crm/health' }>) => Promise<void> | void;
  overlayContext?: (leadIds: string[]) => Promise<unknown>;
}

/**
 * The background is the single writer for data that comes from content scripts. Anything that is not
 * a well-formed, known message is refused with a reason and changes nothing.
 */
export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const now = ctx.now?.() ?? Date.now();
  const m = parsed.message;
  try {
    switch (m.type) {
      case 'ping':
        return { ok: true, data: 'pong' };
      case 'leads/sighted': {
        const leads = await recordSightings(await ctx.db(), m.sightings, now);
        // Asked with the sightings: the badge numbers, read after the leads are stored.
        const context = m.contextFor?.length ? await ctx.overlayContext?.(m.contextFor) : undefined;
        return { ok: true, data: { stored: leads.length, ...(context ? { context } : {}) } };
      }
      case 'crm/health':
        await ctx.onHealth?.(m);
        return { ok: true, data: null };
      case 'overlay/context':
        return { ok: true, data: (await ctx.overlayContext?.(m.leadIds)) ?? null };
      case 'metric/log': {
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
        await ingestObservations(await ctx.db(), [observation]);
        return { ok: true, data: { id } };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
