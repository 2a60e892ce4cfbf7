import { describe, expect, it } from 'vitest';
import { gapLabel, pickRevenueGoal } from '../../../lib/overlay/revenue-goal';
import { isClosedStage, isMqlStage, isWonStage, stageSlug } from '../../../lib/overlay/stages';
import type { Goal, Metric } from '../../../lib/schema';

describe('stages and the revenue goal', () => {
  it.each([
    ['Closed won', true, true, false],
    ['Đã chốt', true, true, false],
    ['Closed lost', false, true, false],
    ['Marketing Qualified Lead', false, false, true],
    ['Contract sent', false, false, false],
  ])('%s: won %s, closed %s, MQL %s', (stage, won, closed, mql) => {
    expect([isWonStage(stage), isClosedStage(stage), isMqlStage(stage)]).toEqual([won, closed, mql]);
  });

  it('slugs stage names into ids', () => {
    expect(stageSlug('Đã liên hệ')).toBe('da-lien-he');
    expect(stageSlug('Contract sent!')).toBe('contract-sent');
  });

  const NOW = Date.UTC(2026, 7, 15);
  const DAY = 86_400_000;
  const metric = (id: string, unit: Metric['unit'], direction: Metric['direction'] = 'up') =>
    ({
      id,
      name: id,
      unit,
      direction,
      aggregation: 'sum',
      dimensions: [],
      source: 'manual',
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
    }) as Metric;
  const goal = (id: string, metricId: string, over: Partial<Goal> = {}) =>
    ({
      id,
      kind: 'kpi_target',
      title: id,
      frameworks: [],
      metricId,
      target: 1000,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
      ...over,
    }) as Goal;

  it('picks the pinned, then nearest open money goal, with its gap', () => {
    const metrics = [
      metric('rev', { kind: 'currency', currency: 'VND' }),
      metric('leads', { kind: 'count' }),
      metric('cost', { kind: 'currency', currency: 'VND' }, 'down'),
    ];
    const goals = [
      goal('count', 'leads'),
      goal('cost', 'cost'),
      goal('later', 'rev', { deadline: NOW + 90 * DAY }),
      goal('sooner', 'rev', { deadline: NOW + 10 * DAY, startAt: NOW - 80 * DAY }),
      goal('past', 'rev', { deadline: NOW - DAY }),
      goal('reached', 'rev', { deadline: NOW + DAY }),
    ];
    const numbers = new Map([
      ['sooner', { current: 400, target: 1000 }],
      ['reached', { current: 1200, target: 1000 }],
    ]);
    expect(pickRevenueGoal(goals, metrics, numbers, NOW)).toEqual({
      goalId: 'sooner',
      gap: 600,
      currency: 'VND',
      label: 'Q3',
    });
    const pinned = goals.map((g) => (g.id === 'later' ? { ...g, pinned: true } : g));
    expect(pickRevenueGoal(pinned, metrics, numbers, NOW)?.goalId).toBe('later');
    expect(pickRevenueGoal([goals[0]!], metrics, numbers, NOW)).toBeNull();
    // A pinned three-year BHAG gives way to any other money goal: against its gap every deal read "<1%".
    const bhag = goal('bhag', 'rev', {
      kind: 'bhag',
      pinned: true,
      deadline: NOW + 900 * DAY,
      target: 150_000,
      title: 'Reach 150 billion VND annual revenue',
      translations: { vi: 'Đạt doanh thu 150 tỷ đồng mỗi năm' },
    });
    expect(pickRevenueGoal([...goals, bhag], metrics, numbers, NOW)?.goalId).toBe('sooner');
    // Alone, it is the goal, labelled in the user's language.
    expect(pickRevenueGoal([bhag], metrics, numbers, NOW, 1, 'vi')).toMatchObject({
      goalId: 'bhag',
      label: 'Đạt doanh thu 150 tỷ đồng mỗi năm',
    });
  });

  it('labels a quarter-long window by its fiscal quarter, anything else by the title', () => {
    const q = { title: 'Revenue', startAt: Date.UTC(2026, 6, 1), deadline: Date.UTC(2026, 8, 30) };
    expect(gapLabel(q)).toBe('Q3');
    expect(gapLabel(q, 4)).toBe('Q2');
    expect(gapLabel({ ...q, startAt: Date.UTC(2026, 0, 1) })).toBe('Revenue');
  });
});
