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
  /** Call on a change event: 'leads' drops the lead cache, anything else the evaluation. */
  invalidate(stores: readonly string[]): void;
}

export function createOverlayContextProvider(
  db: () => Promise<PacerDb>,
  now: () => number = Date.now,
): OverlayContextProvider {
  let evaluated: Promise<Evaluated> | null = null;
  let leads: Promise<Lead[]> | null = null;

  const evaluate = async (): Promise<Evaluated> => {
    const d = await db();
    const { settings } = await loadSettings(d);
    const input = await loadDashboardInput(d);
    const t = now();
    const { data, perGoal } = evaluateDashboard(input, settings, t);
    const numbers = new Map([...perGoal].map(([id, e]) => [id, { current: e.current, target: e.target }]));
    const gap = pickRevenueGoal(input.goals, input.metrics, numbers, t, settings.fiscalYearStartMonth);
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
      if (leadIds.length > 0) leads ??= db().then((d) => repository(d, 'leads').list());
      const e = await evaluated;
      const all = leadIds.length > 0 && leads ? await leads : [];
      return computeOverlayContext({
        leads: all,
        leadIds,
        gap: e.gap,
        goal: e.goal,
        locale: e.settings.locale,
        thresholds: e.settings.paretoThresholds,
        currency: e.settings.currency,
        now: now(),
      });
    },
    invalidate(stores) {
      if (stores.includes('leads')) leads = null;
      if (stores.some((s) => s !== 'leads' && s !== 'quarantine')) evaluated = null;
    },
  };
}
