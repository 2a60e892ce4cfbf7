import { describe, expect, it } from 'vitest';
import { dealFedKpi, gapLabel, pickRevenueGoal } from '../../../lib/overlay/revenue-goal';
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
  const metric = (
    id: string,
    unit: Metric['unit'],
    direction: Metric['direction'] = 'up',
    over: Partial<Metric> = {},
  ) =>
    ({
      id,
      name: id === 'rev' ? 'Revenue' : id,
      unit,
      direction,
      aggregation: 'sum',
      dimensions: [],
      source: 'manual',
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
      ...over,
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

  const VND = { kind: 'currency', currency: 'VND' } as const;

  it('measures a deal only against a KPI its amount adds to: revenue, not profit or an average', () => {
    // The example company on 7 Dec 2026: the year's net profit goal and the quarter's distributor
    // revenue key result end the same night; by id order the net profit goal came first, and a
    // 12.5M deal read "closes 1% of the Net profit gap" (12.5M ÷ (5.5B − 4.44B) = 1.2%).
    const yearEnd = Date.UTC(2027, 0, 1) - 1;
    const metrics = [
      metric('ex-revenue', VND, 'up', { name: 'Revenue', translations: { vi: 'Doanh thu' } }),
      metric('ex-net-profit', VND, 'up', { name: 'Net profit' }),
      metric('ex-customer-value', VND, 'up', {
        name: 'Average monthly customer value',
        aggregation: 'average',
        formula: '{ex-revenue} / {ex-active-customers}',
      }),
    ];
    const goals = [
      goal('ex-kpi-net-profit', 'ex-net-profit', { startAt: Date.UTC(2026, 0, 1), deadline: yearEnd }),
      goal('ex-kpi-retail-value', 'ex-customer-value', { deadline: yearEnd - 1 }),
      goal('ex-kr-distributor-revenue', 'ex-revenue', { startAt: Date.UTC(2026, 9, 1), deadline: yearEnd }),
    ];
    const numbers = new Map([
      ['ex-kpi-net-profit', { current: 4.44e9, target: 5.5e9 }],
      ['ex-kpi-retail-value', { current: 20e6, target: 25e6 }],
      ['ex-kr-distributor-revenue', { current: 9e9, target: 12e9 }],
    ]);
    const now = Date.UTC(2026, 11, 7);
    expect(pickRevenueGoal(goals, metrics, numbers, now)).toEqual({
      goalId: 'ex-kr-distributor-revenue',
      gap: 3e9,
      currency: 'VND',
      label: 'Q4',
    });
    // With no revenue goal, no gap at all: better no share than a share of the wrong gap.
    expect(pickRevenueGoal(goals.slice(0, 2), metrics, numbers, now)).toBeNull();
  });

  it.each<[string, Partial<Metric>, boolean]>([
    ['revenue by name', { name: 'Revenue' }, true],
    ['doanh thu by name, any case', { name: ' doanh  Thu ' }, true],
    ['revenue by translation', { name: 'Umsatz', translations: { en: 'Revenue' } }, true],
    ['the revenue template', { name: 'Sales (VN)', templateId: 'revenue' }, true],
    ['the CRM won-deal value', { id: 'crm-deals-won-value', name: 'Won deal value (CRM, VND)' }, true],
    ['net profit', { name: 'Net profit' }, false],
    ['the profit template', { name: 'Profit', templateId: 'profit', formula: '{a} - {b}' }, false],
    ['revenue as a formula', { name: 'Revenue', formula: '{a} + {b}' }, false],
    ['revenue averaged', { name: 'Revenue', aggregation: 'average' }, false],
    ['revenue as a count', { name: 'Revenue', unit: { kind: 'count' } }, false],
    ['revenue going down', { name: 'Revenue', direction: 'down' }, false],
  ])('%s: deal-fed %s', (_, over, expected) => {
    expect(dealFedKpi(metric('m', VND, 'up', over))).toBe(expected);
  });

  it('labels a quarter-long window by its fiscal quarter, anything else by the title', () => {
    const q = { title: 'Revenue', startAt: Date.UTC(2026, 6, 1), deadline: Date.UTC(2026, 8, 30) };
    expect(gapLabel(q)).toBe('Q3');
    expect(gapLabel(q, 4)).toBe('Q2');
    expect(gapLabel({ ...q, startAt: Date.UTC(2026, 0, 1) })).toBe('Revenue');
  });
});
