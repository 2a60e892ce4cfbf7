/**
 * Answers `overlay/context`: badge numbers for the leads a CRM tab shows, and the goal its floating
 * panel shows. The dashboard evaluation (every goal through the engine) is cached until goals,
 * metrics, observations or settings change; leads until a sighting is stored.
 */
import { evaluateDashboard, loadDashboardInput } from '../app/dashboard-data';
import type { GoalView } from '../app/goal-view';
import { computeOverlayContext, type OverlayContext, type RevenueGap } from '../overlay/overlay-context';
import { pickRevenueGoal } from '../overlay/revenue-goal';
import type { Lead, Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { repository } from '../storage/repository';
import { loadSettings } from '../storage/settings';

interface Evaluated {
  settings: Settings;
  gap: RevenueGap | null;
  goal: GoalView | null;
}

export interface OverlayContextProvider {
  overlayContext(leadIds: string[]): Promise<OverlayContext>;
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
    const gap = pickRevenueGoal(
      closable,
      input.metrics,
      numbers,
      t,
      settings.fiscalYearStartMonth,
      settings.locale,
    );
    const goal =
      (gap && data.goals.find((g) => g.id === gap.goalId)) ||
      data.goals.find((g) => g.status !== 'done') ||
      null;
    return { settings, gap, goal };
  };

  return {
    async overlayContext(leadIds) {
      evaluated ??= evaluate().catch((error) => {
        evaluated = null;
        throw error;
      });
      // The panel asks with no ids (just the goal): no need to read every lead for that.
      if (leadIds.length > 0) leads ??= loadLeads();
      const e = await evaluated;
      const all = leadIds.length > 0 && leads ? [...(await leads).values()] : [];
      return computeOverlayContext({
        leads: all,
        leadIds,
        gap: e.gap,
        goal: e.goal,
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
