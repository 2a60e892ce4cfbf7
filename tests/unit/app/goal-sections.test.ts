import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formerTeamGoals, goalSections, teamGoalIds } from '../../../lib/app/goal-sections';
import type { GoalView } from '../../../lib/app/goal-view';

type Placed = Pick<GoalView, 'id' | 'kind' | 'pinned' | 'parentId'>;
const g = (id: string, over: Partial<Placed> = {}): Placed => ({ id, kind: 'kpi_target', ...over });
const ids = (list: readonly Placed[]) => list.map((x) => x.id);

describe('goal sections: each goal in one card section', () => {
  // A manager's page: the team's calls goal (pinned, with a key result and a milestone under it) and her own.
  const all = [
    g('team-calls', { pinned: true }),
    g('team-kr', { kind: 'key_result', parentId: 'team-calls' }),
    g('team-march', { kind: 'milestone', parentId: 'team-calls' }),
    g('mine'),
    g('mine-pinned', { pinned: true }),
    g('my-march', { kind: 'milestone' }),
  ];

  it('a team goal is under "Team goals" only, not again under "Pinned" or "Goals"', () => {
    const teamIds = teamGoalIds(['team-calls'], all);
    expect([...teamIds].sort()).toEqual(['team-calls', 'team-kr']);
    const s = goalSections(all, { teamIds, pinnedShown: true });
    expect(ids(s.team)).toEqual(['team-calls', 'team-kr']);
    expect(ids(s.pinned)).toEqual(['mine-pinned']);
    expect(ids(s.listed)).toEqual(['mine']);
  });

  it('with the pinned section hidden, pinned goals are in the grid; team goals still are not', () => {
    const s = goalSections(all, { teamIds: teamGoalIds(['team-calls'], all), pinnedShown: false });
    expect(ids(s.listed)).toEqual(['mine', 'mine-pinned']);
  });

  it('out of a team (no shared goal), every goal is where it was', () => {
    const s = goalSections(all, { teamIds: teamGoalIds([], all), pinnedShown: true });
    expect(s.team).toEqual([]);
    expect(ids(s.pinned)).toEqual(['team-calls', 'mine-pinned']);
    expect(ids(s.listed)).toEqual(['team-kr', 'mine']);
  });

  it('a team left: its goals stay under "Team goals", each with the team and the day it was left', () => {
    const left = (team: string, goalIds: string[], leftAt: number) => ({
      serverUrl: 'http://127.0.0.1:5984',
      team,
      user: 'mai',
      leftAt,
      goalIds,
    });
    // Newest first: "sales" left last, "north" before; "mine" is shared in the team joined now.
    const former = [left('sales', ['team-calls'], 20), left('north', ['team-kr', 'mine'], 10)];
    const of = formerTeamGoals(former, teamGoalIds(['mine'], all), all);
    expect([...of].map(([id, f]) => [id, f.team, f.leftAt])).toEqual([
      ['team-calls', 'sales', 20],
      ['team-kr', 'sales', 20],
    ]);
    const s = goalSections(all, {
      teamIds: new Set([...teamGoalIds(['mine'], all), ...of.keys()]),
      pinnedShown: true,
    });
    expect(ids(s.team)).toEqual(['team-calls', 'team-kr', 'mine']);
    expect(ids(s.pinned)).toEqual(['mine-pinned']);
    expect(formerTeamGoals([], new Set(), all).size).toBe(0);
  });

  it('a shared id with no goal on the page lists nothing', () => {
    expect(teamGoalIds(['gone'], all).size).toBe(0);
  });

  it('property: no goal in two sections; every goal but a milestone in one; a team’s cascade with it', () => {
    const KINDS = ['bhag', 'objective', 'key_result', 'kpi_target', 'milestone'] as const;
    const page = fc
      .array(
        fc.record({
          kind: fc.constantFrom(...KINDS),
          pinned: fc.boolean(),
          parent: fc.option(fc.nat(30), { nil: undefined }),
        }),
        { maxLength: 30 },
      )
      .map((specs) =>
        specs.map((x, i): Placed => {
          // Parents come before children, as a goal tree has no cycle.
          const parent = x.parent !== undefined && i > 0 ? x.parent % i : undefined;
          return {
            id: `g${i}`,
            kind: x.kind,
            pinned: x.pinned,
            parentId: parent === undefined ? undefined : `g${parent}`,
          };
        }),
      );
    fc.assert(
      fc.property(page, fc.array(fc.nat(30)), fc.boolean(), (goals, shared, pinnedShown) => {
        const sharedIds = shared.map((n) => `g${n}`);
        const teamIds = teamGoalIds(sharedIds, goals);
        const s = goalSections(goals, { teamIds, pinnedShown });
        const shown = [...ids(s.team), ...(pinnedShown ? ids(s.pinned) : []), ...ids(s.listed)];
        expect(new Set(shown).size).toBe(shown.length);
        for (const goal of goals) {
          const count = shown.filter((id) => id === goal.id).length;
          if (goal.kind !== 'milestone') expect(count).toBe(1);
          if (teamIds.has(goal.id)) expect(ids(s.team)).toContain(goal.id);
          const parent = goals.find((p) => p.id === goal.parentId);
          const parentInTeam = parent && (sharedIds.includes(parent.id) || teamIds.has(parent.id));
          if (parentInTeam && goal.kind !== 'milestone') expect(teamIds.has(goal.id)).toBe(true);
          if (goal.kind === 'milestone') expect(teamIds.has(goal.id)).toBe(false);
        }
      }),
    );
  });
});
