import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalView } from '../../../lib/app/goal-view';
import { shareGroups, shareOrder } from '../../../lib/app/share-order';
import { DASHBOARD_WIDGETS } from '../../../lib/schema/settings';

/** "Share / embed" lists the goals as the dashboard shows them (lib/app/share-order.ts). */
const view = (id: string, kind: GoalView['kind'], extra: Partial<GoalView> = {}): GoalView => ({
  id,
  title: id,
  kind,
  kindLabel: kind,
  status: 'on_track',
  statusLabel: 'On track',
  progress: null,
  progressText: '',
  value: '',
  target: '',
  spark: [],
  ...extra,
});
const layout = (
  order: readonly (typeof DASHBOARD_WIDGETS)[number][] = DASHBOARD_WIDGETS,
  hidden: string[] = [],
) => order.map((widget) => ({ widget, visible: !hidden.includes(widget) }));

// The dashboard's goals in its grid order (worst first, then by deadline): milestones mixed in.
const goals = [
  view('ms-fair', 'milestone'),
  view('kpi-engagement', 'kpi_target'),
  view('kr-churn', 'key_result', { parentId: 'obj' }),
  view('bhag', 'bhag', { pinned: true }),
  view('ms-q1', 'milestone'),
  view('obj', 'objective', { pinned: true }),
  view('ms-tet', 'milestone', { pinned: true }),
];
// The timeline's order (by deadline).
const timeline = [{ id: 'ms-q1' }, { id: 'ms-tet' }, { id: 'ms-fair' }];
const ids = (groups: ReturnType<typeof shareGroups>) =>
  groups.map((g) => [g.section, g.goals.map((x) => x.id)] as const);

describe('the Share / embed checklist', () => {
  it('follows the dashboard: pinned goals, then the Goals grid, then the milestones by deadline', () => {
    expect(ids(shareGroups(goals, timeline, layout()))).toEqual([
      ['pinned', ['bhag', 'obj', 'ms-tet']],
      ['goals', ['kpi-engagement', 'kr-churn']],
      ['milestones', ['ms-q1', 'ms-fair']],
    ]);
  });

  it('keeps the user’s layout: milestones above the goals when they moved them up', () => {
    const order = ['milestones', 'focus', 'okr', 'goals'] as const;
    expect(ids(shareGroups(goals, timeline, layout(order))).map(([s]) => s)).toEqual([
      'milestones',
      'pinned',
      'goals',
    ]);
    // A pinned milestone stays under "Pinned", even listed after the timeline.
    expect(shareGroups(goals, timeline, layout(order))[0]?.goals.map((g) => g.id)).toEqual([
      'ms-q1',
      'ms-fair',
    ]);
  });

  it('with the pinned section hidden, pinned goals are in their own sections, as on the dashboard', () => {
    expect(ids(shareGroups(goals, timeline, layout(DASHBOARD_WIDGETS, ['focus'])))).toEqual([
      ['goals', ['kpi-engagement', 'kr-churn', 'bhag', 'obj']],
      ['milestones', ['ms-q1', 'ms-tet', 'ms-fair']],
    ]);
  });

  it('lists team goals first under "Team goals", as the page does, and in no other section', () => {
    // The pinned objective and its key result are the team's (lib/app/goal-sections.ts).
    expect(ids(shareGroups(goals, timeline, layout(), new Set(['obj', 'kr-churn'])))).toEqual([
      ['team', ['kr-churn', 'obj']],
      ['pinned', ['bhag', 'ms-tet']],
      ['goals', ['kpi-engagement']],
      ['milestones', ['ms-q1', 'ms-fair']],
    ]);
  });

  it('lists every goal exactly once, whatever the layout', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...DASHBOARD_WIDGETS], { minLength: 0 }),
        fc.subarray([...DASHBOARD_WIDGETS]),
        fc.shuffledSubarray(timeline),
        fc.subarray(goals.map((g) => g.id)),
        (order, hidden, known, team) => {
          const listed = shareOrder(shareGroups(goals, known, layout(order, hidden), new Set(team))).map(
            (g) => g.id,
          );
          expect([...listed].sort()).toEqual(goals.map((g) => g.id).sort());
        },
      ),
    );
  });
});
