import { describe, expect, it } from 'vitest';
import { kpiListItems } from '../../../lib/app/kpi-list';
import type { Goal, Metric } from '../../../lib/schema';

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
      [
        { metricId: 'rev', days: { '2026-12-01': {} as never, '2026-12-06': {} as never } },
        { metricId: 'rev', days: { '2026-12-04': {} as never } },
      ],
      'en',
    );
    expect(items).toEqual([
      { id: 'leads', name: 'Leads', goals: 0, lastDay: null, derived: false },
      { id: 'margin', name: 'Margin', goals: 0, lastDay: null, derived: true },
      { id: 'rev', name: 'Revenue', goals: 2, lastDay: '2026-12-06', derived: false },
    ]);
    expect(
      kpiListItems([metric('rev', 'Revenue', { translations: { vi: 'Doanh thu' } })], [], [], 'vi')[0]?.name,
    ).toBe('Doanh thu');
  });
});
