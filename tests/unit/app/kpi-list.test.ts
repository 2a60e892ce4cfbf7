import { describe, expect, it } from 'vitest';
import { kpiListItems } from '../../../lib/app/kpi-list';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { defaultSettings, type Goal, type Metric } from '../../../lib/schema';

const metric = (id: string, name: string, over: Partial<Metric> = {}) =>
  ({ id, name, archived: false, deletedAt: null, ...over }) as Metric;
const goal = (id: string, metricId: string, over: Partial<Goal> = {}) =>
  ({ id, metricId, archived: false, deletedAt: null, ...over }) as Goal;

describe('kpiListItems', () => {
  it('lists every live KPI, used by a goal or not, with its last day logged', () => {
    const items = kpiListItems(
      [
        metric('leads', 'Leads'),
        metric('rev', 'Revenue', { translations: { vi: 'Doanh thu' } }),
        metric('margin', 'Margin', { formula: '{rev}' }),
        metric('old', 'Old', { archived: true }),
        metric('gone', 'Gone', { deletedAt: 1 }),
      ],
      [
        goal('g1', 'rev'),
        goal('g2', 'rev'),
        goal('g3', 'rev', { archived: true }),
        goal('g4', 'rev', { deletedAt: 1 }),
      ],
      // The engine's last day per metric (the test below holds how it is found).
      new Map([['rev', '2026-12-06']]),
      'en',
    );
    expect(items).toEqual([
      { id: 'leads', name: 'Leads', goals: 0, lastDay: null, derived: false },
      { id: 'margin', name: 'Margin', goals: 0, lastDay: null, derived: true },
      { id: 'rev', name: 'Revenue', goals: 2, lastDay: '2026-12-06', derived: false },
    ]);
    expect(
      kpiListItems([metric('rev', 'Revenue', { translations: { vi: 'Doanh thu' } })], [], new Map(), 'vi')[0]
        ?.name,
    ).toBe('Doanh thu');
  });
});

describe("the engine's last day with a value, per metric", () => {
  it('is the latest day over every dimension of the metric', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const at = (day: string) => Date.parse(`${day}T03:00:00Z`);
    const rollups = [
      ...rollupFromPoints(
        'rev',
        [
          { time: at('2026-12-01'), value: 1 },
          { time: at('2026-12-06'), value: 2 },
        ],
        tz,
      ),
      ...rollupFromPoints('rev', [{ time: at('2026-12-04'), value: 3, dims: { channel: 'zalo' } }], tz),
      ...rollupFromPoints('leads', [{ time: at('2026-11-30'), value: 3 }], tz),
    ];
    const { lastDataDays } = evaluateAll({
      goals: [],
      metrics: [],
      rollups,
      checkIns: [],
      settings: defaultSettings({ timeZone: tz }),
      now: at('2026-12-07'),
    });
    expect(Object.fromEntries(lastDataDays)).toEqual({ rev: '2026-12-06', leads: '2026-11-30' });
  });
});
