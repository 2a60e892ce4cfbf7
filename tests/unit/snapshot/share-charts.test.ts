import { describe, expect, it } from 'vitest';
import { chartsForShare, type DetailChart, toShareChart } from '../../../lib/snapshot/share-charts';

function chart(goalId: string, extra: Partial<DetailChart> = {}): DetailChart {
  return {
    goalId,
    xs: [100, 200],
    actual: [1, null],
    target: [1, 2],
    low: [null, 1.5],
    mid: [null, 2],
    high: [null, 2.5],
    perPeriod: [1, null],
    ...extra,
  };
}

describe('toShareChart', () => {
  it('keeps exactly the ChartView fields and drops perPeriod', () => {
    const out = toShareChart(chart('g1', { unitLabel: '₫' }));
    expect(Object.keys(out).sort()).toEqual(
      ['actual', 'goalId', 'high', 'low', 'mid', 'target', 'unitLabel', 'xs'].sort(),
    );
    expect(out).toEqual({
      goalId: 'g1',
      xs: [100, 200],
      actual: [1, null],
      target: [1, 2],
      low: [null, 1.5],
      mid: [null, 2],
      high: [null, 2.5],
      unitLabel: '₫',
    });
  });

  it("carries the chart's type and unit, which name its lines and write its axis in the widget", () => {
    const out = toShareChart(chart('g1', { type: 'keep', unit: { kind: 'ratio' } }));
    expect(out.type).toBe('keep');
    expect(out.unit).toEqual({ kind: 'ratio' });
  });

  it("carries a budget cap's line and a plan through milestones, which the widget draws and names", () => {
    const out = toShareChart(chart('g1', { type: 'total', cap: 1.5e9, planned: true }));
    expect(out.cap).toBe(1.5e9);
    expect(out.planned).toBe(true);
    expect('cap' in toShareChart(chart('g1')) || 'planned' in toShareChart(chart('g1'))).toBe(false);
  });

  it('adds no unitLabel key when there is none', () => {
    expect('unitLabel' in toShareChart(chart('g1'))).toBe(false);
  });
});

describe('chartsForShare', () => {
  it('loads one goal at a time, skips goals without a chart and reports failures', async () => {
    const order: string[] = [];
    let inFlight = 0;
    const { charts, failed } = await chartsForShare(['a', 'no-metric', 'broken', 'b'], async (id) => {
      inFlight++;
      expect(inFlight).toBe(1);
      order.push(id);
      await Promise.resolve();
      inFlight--;
      if (id === 'broken') throw new Error('boom');
      return id === 'no-metric' ? null : chart(id);
    });
    expect(order).toEqual(['a', 'no-metric', 'broken', 'b']);
    expect(charts.map((c) => c.goalId)).toEqual(['a', 'b']);
    expect(charts.every((c) => !('perPeriod' in c))).toBe(true);
    expect(failed).toEqual(['broken']);
  });

  it('never takes a chart of a goal that was not asked for, nor an empty one', async () => {
    const { charts } = await chartsForShare(['a', 'b'], async (id) =>
      id === 'a' ? chart('someone-else') : chart('b', { xs: [] }),
    );
    expect(charts).toEqual([]);
  });
});
