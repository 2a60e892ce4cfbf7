import { describe, expect, it } from 'vitest';
import { archivedItems } from '../../../lib/app/archived-list';
import type { Goal, Metric } from '../../../lib/schema';

const goal = (id: string, extra: Partial<Goal>) =>
  ({ id, title: id, archived: false, deletedAt: null, updatedAt: 1, ...extra }) as Goal;
const metric = (id: string, extra: Partial<Metric>) =>
  ({ id, name: id, archived: false, deletedAt: null, updatedAt: 1, ...extra }) as Metric;

describe('archived goals and KPIs', () => {
  it('lists archived goals and KPIs, not live or deleted ones, the latest archived first', () => {
    const items = archivedItems(
      [
        goal('live', {}),
        goal('old', { archived: true, updatedAt: 10 }),
        goal('trashed', { archived: true, deletedAt: 5 }),
        goal('vi', { archived: true, updatedAt: 30, translations: { vi: 'Doanh thu' } }),
      ],
      [metric('kpi', { archived: true, updatedAt: 20 }), metric('kpi-live', {})],
      'vi',
    );
    expect(items.map((i) => [i.kind, i.id, i.name])).toEqual([
      ['goal', 'vi', 'Doanh thu'],
      ['metric', 'kpi', 'kpi'],
      ['goal', 'old', 'old'],
    ]);
  });
});
