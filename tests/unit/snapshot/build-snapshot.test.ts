import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChartView, type PerspectiveView, Snapshot } from '../../../lib/app/goal-view';
import { buildSnapshot, snapshotToJson } from '../../../lib/snapshot/build-snapshot';
import { goalView } from './fixtures';

const OPTS = { locale: 'en', generatedAt: 1_700_000_000_000 } as const;

function chart(goalId: string): ChartView {
  return {
    goalId,
    xs: [1, 2],
    actual: [1, null],
    target: [1, 2],
    low: [null, 1],
    mid: [null, 2],
    high: [null, 3],
  };
}

const goals = [
  goalView({ id: 'a', title: 'Alpha secret', perspective: 'financial', status: 'on_track', pinned: true }),
  goalView({ id: 'b', title: 'Bravo secret', perspective: 'financial', status: 'off_track', parentId: 'a' }),
  goalView({ id: 'c', title: 'Charlie secret', perspective: 'customer', status: 'at_risk', parentId: 'b' }),
  goalView({ id: 'd', title: 'Delta secret', perspective: 'customer', status: 'done' }),
];
const scorecard: PerspectiveView[] = [
  { perspective: 'financial', label: 'Financial', status: 'off_track', goalIds: ['a', 'b'] },
  { perspective: 'customer', label: 'Customer', status: 'at_risk', goalIds: ['c', 'd'] },
];
const views = { goals, charts: goals.map((g) => chart(g.id)), scorecard };

describe('buildSnapshot', () => {
  it('keeps only the ticked goals, their charts and their scorecard entries', () => {
    const s = buildSnapshot(views, ['d', 'a'], { ...OPTS, title: '  Board  ' });
    expect(s.goals.map((g) => g.id)).toEqual(['a', 'd']);
    expect(s.charts?.map((c) => c.goalId)).toEqual(['a', 'd']);
    expect(s.scorecard).toEqual([
      { perspective: 'financial', label: 'Financial', status: 'on_track', goalIds: ['a'], notShared: 1 },
      // Only goals already achieved: on track, as the dashboard's scorecard says (engine/scorecard.ts).
      { perspective: 'customer', label: 'Customer', status: 'on_track', goalIds: ['d'], notShared: 1 },
    ]);
    expect(s).toMatchObject({ format: 'pacer-snapshot', version: 1, locale: 'en', title: 'Board' });
    expect(Snapshot.safeParse(s).success).toBe(true);
  });

  it('recomputes a perspective status from the ticked goals only, by the dashboard’s rule', () => {
    // The dashboard says "off_track" because of b; with b left out, the shared scorecard must not.
    expect(buildSnapshot(views, ['a'], OPTS).scorecard?.[0]?.status).toBe('on_track');
    // One on track and one off track average to at risk on the dashboard (not the worst of the two).
    expect(buildSnapshot(views, ['a', 'b'], OPTS).scorecard?.[0]?.status).toBe('at_risk');
    expect(buildSnapshot(views, ['b'], OPTS).scorecard?.[0]?.status).toBe('off_track');
  });

  it('says how many goals of each perspective were left out, and keeps one with none shared', () => {
    // The dashboard's Financial has a and b, Customer c and d: sharing a alone, the file's scorecard
    // had passed for the dashboard's with one goal where it has two, and Customer had vanished.
    const s = buildSnapshot(views, ['a'], OPTS);
    expect(s.scorecard?.map((p) => [p.perspective, p.goalIds, p.notShared])).toEqual([
      ['financial', ['a'], 1],
      ['customer', [], 2],
    ]);
    // Every goal shared: nothing to say.
    const all = buildSnapshot(views, ['a', 'b', 'c', 'd'], OPTS);
    expect(all.scorecard?.every((p) => p.notShared === undefined)).toBe(true);
    // Nothing shared in any perspective: no scorecard of counts alone.
    const none = buildSnapshot({ ...views, goals: [...goals, goalView({ id: 'e' })] }, ['e'], OPTS);
    expect(none).not.toHaveProperty('scorecard');
  });

  it('drops the pinned flag and a parent id that names an unticked goal', () => {
    const s = buildSnapshot(views, ['a', 'b'], OPTS);
    expect(s.goals[0]).not.toHaveProperty('pinned');
    expect(s.goals[1]?.parentId).toBe('a');
    const only = buildSnapshot(views, ['c'], OPTS);
    expect(only.goals[0]).not.toHaveProperty('parentId');
  });

  it('drops fields the schema does not know (nothing extra leaves)', () => {
    const leaky = { ...goals[0], privateNote: 'do not share' } as (typeof goals)[0];
    const s = buildSnapshot({ goals: [leaky] }, ['a'], OPTS);
    expect(snapshotToJson(s)).not.toContain('do not share');
  });

  it('omits charts and scorecard when nothing ticked has them, and ignores unknown ids', () => {
    const s = buildSnapshot({ goals, charts: [chart('z')] }, ['b', 'zzz'], OPTS);
    expect(s.goals.map((g) => g.id)).toEqual(['b']);
    expect(s).not.toHaveProperty('charts');
    expect(s).not.toHaveProperty('scorecard');
    expect(s).not.toHaveProperty('title');
  });

  it('property: no text of an unticked goal appears anywhere in the exported JSON', () => {
    fc.assert(
      fc.property(fc.subarray(['a', 'b', 'c', 'd']), (ticked) => {
        const json = snapshotToJson(buildSnapshot(views, ticked, OPTS));
        const s = JSON.parse(json) as Snapshot;
        expect(s.goals.map((g) => g.id)).toEqual(ticked);
        for (const g of goals) {
          if (ticked.includes(g.id)) expect(json).toContain(g.title);
          else {
            expect(json).not.toContain(g.title);
            expect(json).not.toContain(`"${g.id}"`);
          }
        }
      }),
    );
  });
});
