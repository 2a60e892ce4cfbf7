import { type DashboardInput, evaluateDashboard } from '../app/dashboard-data';
import { teamGoalIds } from '../app/goal-sections';
import type { GoalView } from '../app/goal-view';
import { formatUnitValue, goalUnit, type ViewContext } from '../app/goal-views';
import { aggregateRollups, breakdown, type PeriodValue, selectRollups } from '../engine/aggregate';
import type { ReadingPeriod } from '../engine/goal-types/reading';
import { localDayKey } from '../engine/time-buckets';
import { formatDate } from '../i18n/format';
import { createTranslator } from '../i18n/translate';
import type { Aggregation, Settings } from '../schema';
import { teamScope } from './local-records';
import type { TeamState } from './state';
import { isTeammateSeries, yourRollups } from './whose-values';

/**
 * The team roll-up on the new tab. Team members' numbers are ordinary observations in Pacer's storage
 * (the member is their `owner` dimension), so the engine reads a team goal exactly as a personal one:
 * this module only runs the existing dashboard evaluation over the team's goals, then splits the period
 * the card reads by member. Series logged here are this browser's user's, whatever their owner says.
 */

export interface MemberPart {
  member: string;
  you: boolean;
  value: number;
  text: string;
  /** Of the members' total (sum metrics only: a share of an average says nothing). */
  share: number | null;
}

export interface TeamGoalRollup {
  view: GoalView;
  /** The stretch of days the card's value and the parts refer to, in words. */
  periodText: string | null;
  members: MemberPart[];
  you: MemberPart | null;
}

export function buildTeamRollup(
  input: DashboardInput,
  settings: Settings,
  now: number,
  state: Pick<TeamState, 'goalIds' | 'user'>,
): TeamGoalRollup[] {
  const live = input.goals.filter((g) => !g.archived && g.deletedAt === null);
  const scope = teamScope(state.goalIds, live, input.metrics);
  if (scope.goals.length === 0) return [];
  // The goals "Team goals" lists (milestones are on their timeline); the rest of the scope is read too,
  // as an objective's score needs its key results.
  const listed = teamGoalIds(state.goalIds, live);
  const { data, perGoal } = evaluateDashboard(
    { ...input, goals: scope.goals, sharedGoalIds: state.goalIds },
    settings,
    now,
  );
  const ctx: ViewContext = { t: createTranslator(settings.locale), settings, now };
  const metrics = new Map(input.metrics.map((m) => [m.id, m]));
  const today = localDayKey(now, settings.timeZone);
  return data.goals.flatMap((view) => {
    const goal = scope.goals.find((g) => g.id === view.id);
    const metric = goal?.metricId ? metrics.get(goal.metricId) : undefined;
    if (!goal || !metric || !listed.has(goal.id)) return [];
    const period = perGoal.get(goal.id)?.period ?? null;
    // A stock's reading is each combination's latest value up to the day read (aggregateRollups), so
    // each member's part is their latest up to that day too, not only what they logged on it.
    const stock = metric.aggregation === 'last' && period?.granularity === null;
    const range = !period
      ? { to: today }
      : stock
        ? { to: period.end }
        : { from: period.start, to: period.end };
    const { owner: _o, ...dims } = goal.dims ?? {};
    // Yours are every series logged here (whatever their owner dimension says); teammates' are the
    // team's series, one member each (lib/team/whose-values.ts).
    const selected = selectRollups(input.rollups, metric.id, dims);
    const parts = breakdown(
      selected.filter(isTeammateSeries),
      'owner',
      metric.aggregation,
      'day',
      settings,
      range,
    );
    const own = aggregateRollups(yourRollups(selected), metric.aggregation, 'day', settings, range);
    if (own.length) parts.set(state.user, [...(parts.get(state.user) ?? []), ...own]);
    const unit = goalUnit(goal, metric);
    const values = [...parts].flatMap(([owner, days]) => {
      const value = combineDays(
        [...days].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
        metric.aggregation,
      );
      return value === null ? [] : [{ member: owner || state.user, value }];
    });
    const total = values.reduce((a, v) => a + v.value, 0);
    const members: MemberPart[] = values
      .map((v) => ({
        member: v.member,
        you: v.member === state.user,
        value: v.value,
        text: formatUnitValue(v.value, unit, ctx),
        share: metric.aggregation === 'sum' && total > 0 ? v.value / total : null,
      }))
      .sort((a, b) => b.value - a.value || (a.member < b.member ? -1 : 1));
    return [
      {
        view,
        periodText: period ? periodWords(period, settings) : null,
        members,
        you: members.find((m) => m.you) ?? null,
      },
    ];
  });
}

/** One member's days → their value for the period, by the metric's own rule. */
function combineDays(days: readonly PeriodValue[], aggregation: Aggregation): number | null {
  if (days.length === 0) return null;
  switch (aggregation) {
    case 'sum':
      return days.reduce((a, d) => a + d.value, 0);
    case 'average': {
      const n = days.reduce((a, d) => a + d.count, 0);
      return n === 0 ? null : days.reduce((a, d) => a + d.value * d.count, 0) / n;
    }
    case 'min':
      return Math.min(...days.map((d) => d.value));
    case 'max':
      return Math.max(...days.map((d) => d.value));
    case 'last':
      return (days[days.length - 1] as PeriodValue).value;
  }
}

function periodWords(p: ReadingPeriod, s: Settings): string {
  const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
  const from = formatDate(at(p.start), s.locale, 'UTC', 'medium');
  const to = formatDate(at(p.end), s.locale, 'UTC', 'medium');
  return from === to ? from : `${from} – ${to}`;
}
