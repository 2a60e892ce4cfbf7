import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterJoining,
  afterLeaving,
  type FormerTeam,
  MAX_FORMER_TEAMS,
  parseFormerTeams,
  withGoalsBack,
  withoutGoals,
} from '../../../lib/team/former-teams';
import type { TeamState } from '../../../lib/team/state';

const state = (over: Partial<TeamState> = {}): TeamState => ({
  serverUrl: 'http://127.0.0.1:5984',
  team: 'sales',
  user: 'mai',
  roles: ['pacer.sales.manager'],
  joinedAt: 1,
  goalIds: ['team-calls'],
  refused: [],
  ...over,
});
const DEC_10 = Date.parse('2026-12-10T16:00:00Z');

describe('teams left: which goals were team goals, of which team, since when', () => {
  it('leaving records the team’s goals, newest first; leaving the same team again replaces its entry', () => {
    const north = afterLeaving([], state({ team: 'north', goalIds: ['n1'] }), 5);
    const both = afterLeaving(north, state(), DEC_10);
    expect(both).toEqual([
      {
        serverUrl: 'http://127.0.0.1:5984',
        team: 'sales',
        user: 'mai',
        leftAt: DEC_10,
        goalIds: ['team-calls'],
      },
      { serverUrl: 'http://127.0.0.1:5984', team: 'north', user: 'mai', leftAt: 5, goalIds: ['n1'] },
    ]);
    const again = afterLeaving(both, state({ goalIds: ['team-calls', 'team-demos'] }), DEC_10 + 1);
    expect(again.map((f) => [f.team, f.leftAt, f.goalIds])).toEqual([
      ['sales', DEC_10 + 1, ['team-calls', 'team-demos']],
      ['north', 5, ['n1']],
    ]);
  });

  it('a team with no goal leaves nothing to remember', () => {
    expect(afterLeaving([], state({ goalIds: [] }), DEC_10)).toEqual([]);
  });

  it('joining the same team as the same member takes its goals back; another team’s stay', () => {
    const former = afterLeaving(
      afterLeaving([], state({ team: 'north', goalIds: ['n1'] }), 5),
      state(),
      DEC_10,
    );
    const back = afterJoining(former, { serverUrl: 'http://127.0.0.1:5984', team: 'sales', user: 'mai' });
    expect(back.goalIds).toEqual(['team-calls']);
    expect(back.former.map((f) => f.team)).toEqual(['north']);
    // Another member, another server or another team: nothing comes back, nothing is forgotten.
    for (const other of [
      { serverUrl: 'http://127.0.0.1:5984', team: 'sales', user: 'an' },
      { serverUrl: 'https://couch.example.com', team: 'sales', user: 'mai' },
      { serverUrl: 'http://127.0.0.1:5984', team: 'west', user: 'mai' },
    ]) {
      expect(afterJoining(former, other)).toEqual({ former, goalIds: [] });
    }
  });

  it('reads a bad stored value as none, never half of it', () => {
    const good = afterLeaving([], state(), DEC_10);
    expect(parseFormerTeams(good)).toEqual(good);
    for (const bad of [
      undefined,
      null,
      'sales',
      { team: 'sales' },
      [{ ...good[0], team: 'Sales Team' }],
      [good[0], { ...good[0], leftAt: -1 }],
      [{ ...good[0], goalIds: [''] }],
      [{ ...good[0], serverUrl: 'not a url' }],
      Array.from({ length: MAX_FORMER_TEAMS + 1 }, () => good[0]),
    ]) {
      expect(parseFormerTeams(bad)).toEqual([]);
    }
  });

  it('property: what is written always reads back; leave then rejoin gives the goals back and the rest as it was', () => {
    const team = fc.constantFrom('sales', 'north', 'west', 'b2b');
    const user = fc.constantFrom('mai', 'an');
    const goalIds = fc.uniqueArray(fc.constantFrom('g1', 'g2', 'g3', 'g4'), { maxLength: 4 });
    const leave = fc.record({ team, user, goalIds, leftAt: fc.integer({ min: 0, max: 8_000_000_000_000 }) });
    fc.assert(
      fc.property(fc.array(leave, { maxLength: 70 }), leave, (history, last) => {
        let former: FormerTeam[] = [];
        for (const l of history) former = afterLeaving(former, state(l), l.leftAt);
        expect(parseFormerTeams(structuredClone(former))).toEqual(former);
        const left = afterLeaving(former, state(last), last.leftAt);
        const back = afterJoining(left, state(last));
        expect(back.goalIds).toEqual(last.goalIds);
        const same = (f: FormerTeam) => f.team === last.team && f.user === last.user;
        expect(back.former).toEqual(former.filter((f) => !same(f)).slice(0, MAX_FORMER_TEAMS - 1));
      }),
    );
  });
});

describe('“Count only my values”: a goal of a team left turns personal again', () => {
  const sales = (over: Partial<FormerTeam> = {}): FormerTeam => ({
    serverUrl: 'http://127.0.0.1:5984',
    team: 'sales',
    user: 'an',
    leftAt: DEC_10,
    goalIds: ['team-calls', 'team-calls-q1', 'team-demos'],
    ...over,
  });
  const north = sales({ team: 'north', leftAt: 5, goalIds: ['n1', 'team-calls'] });

  it('takes the goal and its cascade out of every team left, and says what it took', () => {
    const { former, removed } = withoutGoals([sales(), north], ['team-calls', 'team-calls-q1']);
    expect(former).toEqual([sales({ goalIds: ['team-demos'] }), { ...north, goalIds: ['n1'] }]);
    expect(removed).toEqual([
      sales({ goalIds: ['team-calls', 'team-calls-q1'] }),
      { ...north, goalIds: ['team-calls'] },
    ]);
  });

  it('a team left with no goal any more is forgotten; the Undo brings it back in its place', () => {
    const list = [sales({ leftAt: DEC_10 + 9, team: 'west', goalIds: ['w1'] }), sales(), north];
    const { former, removed } = withoutGoals(list, ['team-calls', 'team-calls-q1', 'team-demos']);
    expect(former.map((f) => f.team)).toEqual(['west', 'north']);
    expect(withGoalsBack(former, removed)).toEqual(list);
  });

  it('a goal of no team left changes nothing; an Undo twice adds no goal twice', () => {
    const list = [sales(), north];
    expect(withoutGoals(list, ['personal'])).toEqual({ former: list, removed: [] });
    const { former, removed } = withoutGoals(list, ['team-demos']);
    expect(withGoalsBack(withGoalsBack(former, removed), removed)[0]?.goalIds.toSorted()).toEqual(
      sales().goalIds.toSorted(),
    );
  });

  it('property: the ids leave every entry, nothing else changes, and the Undo gives the record back', () => {
    const id = fc.constantFrom<string>('g1', 'g2', 'g3', 'g4', 'g5');
    const entry = fc.record({
      team: fc.constantFrom('sales', 'north', 'west', 'b2b'),
      user: fc.constantFrom('mai', 'an'),
      goalIds: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.uniqueArray(id, { maxLength: 5 }), (leaves, ids) => {
        // As written by leaving, one after the other (newest first).
        let list: FormerTeam[] = [];
        leaves.forEach((l, i) => {
          list = afterLeaving(list, state(l), 1000 + i);
        });
        const { former, removed } = withoutGoals(list, ids);
        expect(parseFormerTeams(structuredClone(former))).toEqual(former);
        expect(former.flatMap((f) => f.goalIds).filter((g) => ids.includes(g))).toEqual([]);
        for (const f of list) {
          const after = former.find((x) => x.team === f.team && x.user === f.user);
          const kept = f.goalIds.filter((g) => !ids.includes(g));
          expect(after?.goalIds ?? []).toEqual(kept);
          if (after) expect(after.leftAt).toBe(f.leftAt);
        }
        const sorted = (l: FormerTeam[]) => l.map((f) => ({ ...f, goalIds: f.goalIds.toSorted() }));
        expect(sorted(withGoalsBack(former, removed))).toEqual(sorted(list));
      }),
    );
  });
});
