/**
 * Answers `overlay/context`: badge numbers for the leads a CRM tab shows, and the goal its floating
 * panel shows. The dashboard evaluation (every goal through the engine) is cached until goals,
 * metrics, observations or settings change; leads until a sighting is stored.
 */
import { evaluateDashboard, loadDashboardInput } from '../app/dashboard-data';
import { dimensionValueLabel } from '../app/dimension-labels';
import type { GoalView } from '../app/goal-view';
import { createTranslator, localizedName } from '../i18n/translate';
import {
  computeOverlayContext,
  type GoalOption,
  type OverlayContext,
  type RevenueGap,
} from '../overlay/overlay-context';
import { chooseRevenueGoal, revenueGoalOptions } from '../overlay/revenue-goal';
import type { Dimension, DimensionValues, Goal, Lead, Locale, Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { repository } from '../storage/repository';
import { loadSettings } from '../storage/settings';

interface Evaluated {
  settings: Settings;
  /** The goals a deal may be measured against, best first (lib/overlay/revenue-goal.ts). */
  gaps: RevenueGap[];
  /** Each of them as the panel names it, by goal id. */
  named: Map<string, GoalOption>;
  views: readonly GoalView[];
}

export interface OverlayContextProvider {
  /**
   * `goalId`: the goal the user picked for the asking site (its panel state), used when still
   * eligible; any other id falls back to the rule, and the answer says so.
   */
  overlayContext(leadIds: string[], goalId?: string): Promise<OverlayContext>;
  /**
   * Call on a change event. Leads named by id are read again one by one (a CRM tab stores 50 at a time
   * and asks for badges right after: reading and validating every stored lead again each time kept the
   * background busy while the CRM page re-rendered); a change without ids drops the lead cache; any
   * other store drops the evaluation.
   */
  invalidate(event: { stores: readonly string[]; ids?: readonly string[] }): void;
}

/** Above this many changed leads (an import, a purge) one full read is cheaper than one get each. */
const MAX_REFRESH_IDS = 500;

export function createOverlayContextProvider(
  db: () => Promise<PacerDb>,
  now: () => number = Date.now,
): OverlayContextProvider {
  let evaluated: Promise<Evaluated> | null = null;
  let leads: Promise<Map<string, Lead>> | null = null;

  /** The lead cache to keep; a failed read empties it, so the next question reads everything again. */
  const keepLeads = (pending: Promise<Map<string, Lead>>) =>
    pending.catch((error) => {
      leads = null;
      throw error;
    });
  const loadLeads = () =>
    keepLeads(db().then(async (d) => new Map((await repository(d, 'leads').list()).map((l) => [l.id, l]))));
  /** The cached leads with `ids` read again. */
  const refreshLeads = (cached: Promise<Map<string, Lead>>, ids: readonly string[]) =>
    keepLeads(
      cached.then(async (map) => {
        const repo = repository(await db(), 'leads');
        const fresh = await Promise.all(ids.map((id) => repo.get(id)));
        ids.forEach((id, i) => {
          const lead = fresh[i];
          if (lead && lead.deletedAt == null) map.set(id, lead);
          else map.delete(id);
        });
        return map;
      }),
    );

  const evaluate = async (): Promise<Evaluated> => {
    const d = await db();
    const { settings } = await loadSettings(d);
    const input = await loadDashboardInput(d);
    const t = now();
    const { data, perGoal } = evaluateDashboard(input, settings, t);
    // The gap a deal closes is the goal's reading (target − the card's value), and only a goal with a
    // way to travel has one: a keep goal's target is a line to stay on, not an amount still to close.
    const numbers = new Map([...perGoal].map(([id, e]) => [id, { current: e.current, target: e.target }]));
    const closable = input.goals.filter((g) => {
      const type = perGoal.get(g.id)?.type;
      return type === 'total' || type === 'level';
    });
    const gaps = revenueGoalOptions(
      closable,
      input.metrics,
      numbers,
      t,
      settings.fiscalYearStartMonth,
      settings.locale,
    ).slice(0, 50);
    const byId = new Map(input.goals.map((g) => [g.id, g]));
    const named = new Map<string, GoalOption>();
    for (const gap of gaps) {
      const goal = byId.get(gap.goalId);
      if (goal) named.set(gap.goalId, goalOption(goal, gap.segment, settings.locale));
    }
    return { settings, gaps, named, views: data.goals };
  };

  return {
    async overlayContext(leadIds, goalId) {
      evaluated ??= evaluate().catch((error) => {
        evaluated = null;
        throw error;
      });
      // The panel asks with no ids (just the goal): no need to read every lead for that.
      if (leadIds.length > 0) leads ??= loadLeads();
      const e = await evaluated;
      const { gap, how } = chooseRevenueGoal(e.gaps, goalId);
      const goal =
        (gap && e.views.find((g) => g.id === gap.goalId)) || e.views.find((g) => g.status !== 'done') || null;
      const named = gap ? e.named.get(gap.goalId) : undefined;
      const all = leadIds.length > 0 && leads ? [...(await leads).values()] : [];
      return computeOverlayContext({
        leads: all,
        leadIds,
        gap,
        goal,
        measured: named ? { ...named, how } : null,
        options: e.gaps.flatMap((g) => e.named.get(g.goalId) ?? []),
        locale: e.settings.locale,
        theme: e.settings.theme,
        thresholds: e.settings.paretoThresholds,
        currency: e.settings.currency,
        rates: e.settings.exchangeRates,
        now: now(),
      });
    },
    invalidate({ stores, ids }) {
      if (stores.includes('leads'))
        leads = leads && ids?.length && ids.length <= MAX_REFRESH_IDS ? refreshLeads(leads, ids) : null;
      if (stores.some((s) => s !== 'leads' && s !== 'quarantine')) evaluated = null;
    },
  };
}

/** A goal as the overlay panel names it: its title, and its segment when it counts one only. */
function goalOption(goal: Goal, segment: DimensionValues | undefined, locale: Locale): GoalOption {
  const title = localizedName(goal, locale).slice(0, 300);
  if (!segment) return { goalId: goal.id, title };
  const t = createTranslator(locale);
  const parts = Object.entries(segment).map(([dim, value]) => {
    const name = t(`popup.dimension.${dim as Dimension}`);
    return `${name.charAt(0).toLocaleLowerCase(locale) + name.slice(1)}: ${dimensionValueLabel(value ?? '', t)}`;
  });
  return { goalId: goal.id, title, segment: parts.join(', ').slice(0, 300) };
}
