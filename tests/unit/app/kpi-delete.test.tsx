// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { DeleteKpiButton } from '../../../components/newtab/editor/kpi-delete';
import { toast } from '../../../components/newtab/model';
import { goalsOnKpi, kpiDeleteAsks, namedGoals } from '../../../lib/app/kpi-delete';
import { defaultSettings, type Goal, type Metric } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { countMetricValues, ingestObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { metric } from '../engine/fixtures';

/**
 * Deleting a KPI (docs/data-safety.md): one with values or goals asks first, in numbers, with the goal
 * delete's question (delete-dialog.tsx) and Undo in the toast after; one with nothing recorded and no
 * goal is one click with Undo. It had gone in one click with months of values and goals on it.
 */
const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));
const until = async (f: () => unknown) => {
  for (let i = 0; i < 1000 && !f(); i++) await tick();
  return f();
};
const revenue = metric({
  id: 'rev',
  name: 'Revenue',
  translations: { vi: 'Doanh thu' },
  unit: { kind: 'currency', currency: 'VND' },
});
const empty = metric({ id: 'empty', name: 'Leads' });
const goal = (id: string, title: string, over: Partial<Goal> = {}): Goal => ({
  id,
  kind: 'kpi_target',
  goalType: 'total',
  title,
  frameworks: [],
  metricId: 'rev',
  target: 1e9,
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const DAY = 86_400_000;
/** `n` values of Revenue, one a day, split over two channels. */
const values = (n: number, metricId = 'rev') =>
  Array.from({ length: n }, (_, i) => ({
    id: `v${metricId}${i}`,
    metricId,
    time: Date.UTC(2025, 0, 1) + i * DAY + 3_600_000,
    value: 1_000_000 + i,
    dims: i % 2 ? { channel: 'zalo' } : {},
    source: 'manual' as const,
  }));

beforeEach(async () => {
  const db = await getDb();
  for (const s of [STORES.goals, STORES.metrics, STORES.obsBlocks, STORES.rollups]) await db.clear(s);
  toast.value = null;
});
afterEach(() => render(null, document.body));

async function open(m: Metric, locale: 'en' | 'vi', goals: Goal[] = [], n = 0) {
  settings.value = defaultSettings({ locale, timeZone: 'Asia/Ho_Chi_Minh' });
  const db = await getDb();
  await repository(db, 'metrics').putMany([revenue, empty]);
  if (goals.length) await repository(db, 'goals').putMany(goals);
  if (n) await ingestObservations(db, values(n, m.id));
  let closed = 0;
  render(<DeleteKpiButton metric={m} onDeleted={() => closed++} />, document.body);
  (document.querySelector('[data-testid="metric-delete"]') as HTMLButtonElement).click();
  return { closed: () => closed };
}
const storedMetric = async (id: string) =>
  (await repository(await getDb(), 'metrics').list({ includeDeleted: true })).find((m) => m.id === id);
const dialog = () => document.querySelector('[data-testid="kpi-delete-confirm"]') as HTMLElement | null;

describe('deleting a KPI with values and goals', () => {
  const three = [
    goal('g1', 'Revenue 2026'),
    goal('g2', 'Q4 2026: 13.3 billion VND revenue', { kind: 'milestone', goalType: 'milestone' }),
    goal('g3', 'Reach 150 billion VND', { archived: true }),
    goal('gone', 'In the trash', { deletedAt: 5 }),
    goal('other', 'Leads 500', { metricId: 'empty' }),
  ];

  it('counts every value, every dimension, and the goals that are not in the trash', async () => {
    const db = await getDb();
    await ingestObservations(db, values(412));
    expect(await countMetricValues(db, 'rev')).toBe(412);
    expect(await countMetricValues(db, 'empty')).toBe(0);
    expect(goalsOnKpi(three, 'rev').map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(kpiDeleteAsks({ values: 0, goals: [] })).toBe(false);
    expect(kpiDeleteAsks({ values: 1, goals: [] })).toBe(true);
    expect(kpiDeleteAsks({ values: 0, goals: three.slice(0, 1) })).toBe(true);
    expect(namedGoals(three, 'en', 3)).toEqual({
      names: '“Revenue 2026”, “Q4 2026: 13.3 billion VND revenue”, “Reach 150 billion VND”',
      more: 2,
    });
  });

  it('asks first, in numbers; Cancel deletes nothing', async () => {
    const { closed } = await open(revenue, 'en', three, 412);
    await until(dialog);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Delete “Revenue” and its 412 values?');
    expect(dialog()?.querySelector('p')?.textContent).toBe(
      '3 goals use it: “Revenue 2026”, “Q4 2026: 13.3 billion VND revenue”, “Reach 150 billion VND”. Its values go out of sight with it. The goals stay, without a figure to measure them. Undo, in the message right after, brings it all back.',
    );
    (dialog()!.querySelector('[data-testid="kpi-delete-cancel"]') as HTMLButtonElement).click();
    await until(() => !dialog());
    expect((await storedMetric('rev'))?.deletedAt).toBeNull();
    expect(closed()).toBe(0);
    expect(toast.value).toBeNull();
  });

  it('deletes once confirmed; the toast says what went, and Undo brings it back', async () => {
    const { closed } = await open(revenue, 'en', three, 412);
    await until(dialog);
    (dialog()!.querySelector('[data-testid="kpi-delete-yes"]') as HTMLButtonElement).click();
    await until(() => toast.value);
    expect(toast.value?.message).toBe('“Revenue” and its 412 values deleted');
    expect((await storedMetric('rev'))?.deletedAt).toBeGreaterThan(0);
    expect(closed()).toBe(1);
    await toast.value?.undo?.();
    expect((await storedMetric('rev'))?.deletedAt).toBeNull();
    expect(await countMetricValues(await getDb(), 'rev')).toBe(412);
  });

  it('in Vietnamese, with more goals than it names', async () => {
    const more = [...three, goal('g4', 'Doanh thu Q1'), goal('g5', 'Doanh thu Q2')];
    await open(revenue, 'vi', more, 1200);
    await until(dialog);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Xóa “Doanh thu” cùng 1.200 giá trị đã ghi?');
    expect(dialog()?.querySelector('[data-testid="kpi-delete-goals"]')?.textContent?.trim()).toBe(
      '5 mục tiêu đang đo bằng chỉ số này: “Revenue 2026”, “Q4 2026: 13.3 billion VND revenue”, “Reach 150 billion VND” và 2 mục tiêu khác.',
    );
    expect(dialog()?.querySelector('[data-testid="kpi-delete-yes"]')?.textContent).toBe('Xóa chỉ số');
    expect(dialog()?.querySelector('[data-testid="kpi-delete-cancel"]')?.textContent).toBe('Hủy');
  });

  it('asks for goals alone too (no value yet)', async () => {
    await open(revenue, 'en', three.slice(0, 1));
    await until(dialog);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Delete “Revenue”?');
    expect(dialog()?.querySelector('p')?.textContent).toBe(
      '1 goal uses it: “Revenue 2026”. The goals stay, without a figure to measure them. Undo, in the message right after, brings it all back.',
    );
  });
});

describe('deleting a KPI with nothing on it', () => {
  it('is one click, the toast naming it, with Undo', async () => {
    const { closed } = await open(empty, 'en');
    await until(() => toast.value);
    expect(dialog()).toBeNull();
    expect(toast.value?.message).toBe('“Leads” deleted');
    expect((await storedMetric('empty'))?.deletedAt).toBeGreaterThan(0);
    expect(closed()).toBe(1);
    await toast.value?.undo?.();
    expect((await storedMetric('empty'))?.deletedAt).toBeNull();
  });
});
