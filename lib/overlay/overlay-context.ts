/**
 * What the background answers to `overlay/context`: per lead on screen, its Pareto tier, the share of
 * the open revenue-goal gap it would close, and its days in the current stage; plus the goal the
 * floating panel shows. Computed in the background (the single reader of the database), parsed with
 * zod by the content script.
 */
import * as z from 'zod/mini';
import { GoalView } from '../app/goal-view';
import { MIN_DEALS_FOR_TIERS, rankedDeals } from '../app/ranked-deals';
import { convert, type Rate } from '../crm/exchange';
import { paretoTiers } from '../engine/pareto';
import { type DimensionValues, Locale } from '../schema/common';
import type { Lead } from '../schema/lead';
import { daysInStage } from './stage-dates';
import { leadOutcome } from './stages';

export const LeadBadgeData = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  tier: z.nullable(z.string().check(z.maxLength(2))),
  /** Amount ÷ open gap of the revenue goal (0.18 = closes 18% of it); null when it does not apply. */
  gapShare: z.nullable(z.number().check(z.gte(0))),
  daysInStage: z.nullable(z.int().check(z.gte(0))),
  /** The lead was already in its stage when Pacer first read it: `daysInStage` is a lower bound. */
  daysAtLeast: z.optional(z.boolean()),
  /** An open deal with no share for want of an exchange rate: its currency ("USD"), to say so. */
  noRate: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
});
export type LeadBadgeData = z.infer<typeof LeadBadgeData>;

/** A goal the badges can measure against, as the panel names it (title and segment in the user's language). */
export const GoalOption = z.object({
  goalId: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.string().check(z.maxLength(300)),
  /** "segment: Distributor" for a goal that counts one segment only (its deals alone close its gap). */
  segment: z.optional(z.string().check(z.maxLength(300))),
});
export type GoalOption = z.infer<typeof GoalOption>;

/**
 * The goal the shares are of, and how it was chosen: the user's pick for this site ('picked'), the
 * rule ('rule'), or the rule because the pick is no longer eligible ('fallback': done, deleted, past
 * its deadline), which the panel says.
 */
export const MeasuredGoal = z.object({
  ...GoalOption.shape,
  how: z.enum(['picked', 'rule', 'fallback']),
});
export type MeasuredGoal = z.infer<typeof MeasuredGoal>;

export const OverlayContext = z.object({
  locale: Locale,
  /** Pacer's theme setting: the panel and badges follow it, not only the system's scheme. */
  theme: z.optional(z.enum(['light', 'dark', 'system'])),
  goal: z.nullable(GoalView),
  /** "Q3", or the goal's title: which gap the share is of. */
  gapLabel: z.nullable(z.string().check(z.maxLength(300))),
  leads: z.array(LeadBadgeData).check(z.maxLength(500)),
  /** The goal the shares are measured against (none: no eligible goal, or the pick fell back to none). */
  measured: z.optional(z.nullable(MeasuredGoal)),
  /** The eligible goals the user may pick from for this site, best first (the rule's order). */
  options: z.optional(z.array(GoalOption).check(z.maxLength(50))),
  /**
   * What the tiers and shares were computed from (the ranked deals and the gap). When it changes, the
   * badges already drawn are asked for again: a row's tier depends on every deal, and rows read later
   * had left the first rows' tiers stale ("C" beside an equal "A" on a 2,000-row grid).
   */
  version: z.optional(z.string().check(z.maxLength(100))),
});
export type OverlayContext = z.infer<typeof OverlayContext>;

/** The background's answer to `leads/sighted`: how many leads it stored, and the context if asked. */
export const SightedReply = z.object({
  stored: z.int().check(z.gte(0)),
  /** Sightings of the batch the background dropped as malformed (the rest were stored). */
  refused: z.optional(z.int().check(z.gte(0))),
  context: z.optional(OverlayContext),
});

export interface RevenueGap {
  goalId: string;
  /** Target minus current value, in `currency`; > 0. */
  gap: number;
  currency: string;
  label: string;
  /** The goal counts only these dimension values of its KPI (a segment goal, lib/overlay/revenue-goal.ts). */
  segment?: DimensionValues;
}

/**
 * Tiers by value within each currency: a VND deal and a USD deal are not compared without a rate, and
 * a currency with fewer than MIN_DEALS_FOR_TIERS deals has no tiers.
 * Only the deals `rankedDeals` ranks get a tier (lib/app/ranked-deals.ts: valued, not lost, the
 * user's own once there are any).
 */
export function tiersByCurrency(
  leads: readonly Lead[],
  thresholds: readonly number[],
  fallbackCurrency: string,
): Map<string, string> {
  return tiersOfRanked(rankedDeals(leads), thresholds, fallbackCurrency);
}

/** `tiersByCurrency` over deals already filtered by `rankedDeals`. */
function tiersOfRanked(
  ranked: readonly Lead[],
  thresholds: readonly number[],
  fallbackCurrency: string,
): Map<string, string> {
  const groups = new Map<string, Lead[]>();
  for (const lead of ranked) {
    const currency = lead.currency ?? fallbackCurrency;
    const list = groups.get(currency) ?? [];
    list.push(lead);
    groups.set(currency, list);
  }
  const out = new Map<string, string>();
  for (const list of groups.values()) {
    if (list.length < MIN_DEALS_FOR_TIERS) continue;
    for (const row of paretoTiers(list, (l) => l.amount ?? 0, thresholds)) out.set(row.item.id, row.label);
  }
  return out;
}

/**
 * The share of the gap an open deal would close (`share`); null for closed deals, or for a deal in
 * another currency than the goal's unless the user gave a rate between the two — then `noRate` is the
 * deal's currency, so the badge can say why (Settings → Exchange rates).
 */
export function gapShareOf(
  lead: Pick<Lead, 'amount' | 'currency' | 'stage' | 'outcome'>,
  gap: RevenueGap | null,
  fallbackCurrency: string,
  rates: readonly Rate[] = [],
): { share: number | null; noRate?: string } {
  if (!gap || !(gap.gap > 0) || !lead.amount || lead.amount <= 0) return { share: null };
  if (leadOutcome(lead) !== 'open') return { share: null };
  const currency = lead.currency ?? fallbackCurrency;
  const amount = convert(lead.amount, currency, gap.currency, rates);
  if (amount === null) return { share: null, noRate: currency };
  const share = amount / gap.gap;
  return { share: Number.isFinite(share) ? share : null };
}

/** `gapShareOf`'s share alone. */
export function gapShare(
  lead: Pick<Lead, 'amount' | 'currency' | 'stage' | 'outcome'>,
  gap: RevenueGap | null,
  fallbackCurrency: string,
  rates: readonly Rate[] = [],
): number | null {
  return gapShareOf(lead, gap, fallbackCurrency, rates).share;
}

export interface ContextInput {
  leads: readonly Lead[];
  leadIds: readonly string[];
  gap: RevenueGap | null;
  goal: GoalView | null;
  locale: z.infer<typeof Locale>;
  theme?: 'light' | 'dark' | 'system';
  thresholds: readonly number[];
  currency: string;
  /** The user's exchange rates (Settings.exchangeRates), for deals in another currency than the goal's. */
  rates?: readonly Rate[];
  now: number;
  measured?: MeasuredGoal | null;
  options?: readonly GoalOption[];
}

/** A badge's days: known days, or a lower bound ("≥12d"; "new" on the day Pacer first read it). */
function stageDays(lead: Lead, now: number): Pick<LeadBadgeData, 'daysInStage' | 'daysAtLeast'> {
  const d = daysInStage(lead, now);
  if (!d) return { daysInStage: null };
  return d.atLeast ? { daysInStage: d.days, daysAtLeast: true } : { daysInStage: d.days };
}

export function computeOverlayContext(input: ContextInput): OverlayContext {
  // Ranked once: a badge request reads every stored lead, and the tiers and the version both need them.
  const ranked = rankedDeals(input.leads);
  const tiers = tiersOfRanked(ranked, input.thresholds, input.currency);
  const total = ranked.reduce((a, l) => a + (l.amount ?? 0), 0);
  const byId = new Map(input.leads.map((l) => [l.id, l]));
  const leads: LeadBadgeData[] = [];
  for (const id of new Set(input.leadIds)) {
    const lead = byId.get(id);
    if (!lead || lead.deletedAt !== null) continue;
    const { share, noRate } = gapShareOf(lead, input.gap, input.currency, input.rates);
    leads.push({
      id,
      tier: tiers.get(id) ?? null,
      gapShare: share,
      ...stageDays(lead, input.now),
      ...(noRate ? { noRate } : {}),
    });
  }
  return {
    locale: input.locale,
    ...(input.theme ? { theme: input.theme } : {}),
    goal: input.goal,
    gapLabel: input.gap?.label ?? null,
    leads: leads.slice(0, 500),
    ...(input.measured !== undefined ? { measured: input.measured } : {}),
    ...(input.options ? { options: input.options.slice(0, 50) } : {}),
    version:
      `${ranked.length}:${total}:${input.gap?.goalId ?? ''}:${input.gap?.gap ?? ''}:${input.thresholds.join(',')}`.slice(
        0,
        100,
      ),
  };
}
