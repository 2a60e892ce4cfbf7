// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { GoalFields } from '../../../components/newtab/editor/goal-fields';
import { emptyGoalForm, type GoalFormState } from '../../../lib/app/goal-form';
import { offersMarkDone } from '../../../lib/app/mark-done';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import type { Locale } from '../../../lib/schema';
import { metric } from '../engine/fixtures';

/**
 * A budget cap in the goal form says what it is (lib/app/budget-form.ts): its measure read "Reach a
 * total" beside "Target: at most", and the goal's own Budget / Spent sat just below a ₫1.5B cap as if
 * they were the same budget.
 */
const spend = metric({
  id: 'spend',
  unit: { kind: 'currency', currency: 'VND' },
  direction: 'neutral',
  aggregation: 'sum',
});
const churned = metric({ id: 'churned', unit: { kind: 'count' }, direction: 'down', aggregation: 'sum' });
const form = (over: Partial<GoalFormState>): GoalFormState => ({
  ...emptyGoalForm({ currency: 'VND' }),
  title: 'Marketing spend at most ₫1.5B in Q4',
  metricId: 'spend',
  goalType: 'total',
  direction: 'down',
  start: '2026-10-01',
  deadline: '2026-12-31',
  target: '1,5 tỷ',
  ...over,
});
let host: HTMLElement | null = null;
afterEach(() => host?.remove());

function fields(f: GoalFormState, locale: Locale) {
  host = document.createElement('div');
  document.body.append(host);
  render(
    <GoalFields
      form={f}
      set={() => {}}
      errors={{}}
      t={createTranslator(locale)}
      parents={[]}
      metrics={[spend, churned]}
      onNewMetric={() => {}}
    />,
    host,
  );
  const label = (id: string) => host?.querySelector(`label[for="${id}"]`)?.textContent ?? '';
  const select = host.querySelector<HTMLSelectElement>('#goal-goalType');
  return {
    measure: select?.selectedOptions[0]?.textContent,
    target: label('goal-target'),
    budget: label('goal-budgetAmount'),
    spent: label('goal-spent'),
    hint: host.textContent ?? '',
  };
}

describe('the goal form of a budget cap', () => {
  it('says "stay within" and names the goal’s own resources apart from the cap, in en and vi', () => {
    const en = fields(form({}), 'en');
    expect(en.measure).toBe('Stay within a total (budget)');
    expect(en.target).toContain('Target: at most');
    expect([en.budget, en.spent]).toEqual([
      expect.stringContaining('Resources budget'),
      expect.stringContaining('Resources spent'),
    ]);
    expect(en.hint).toContain('apart from the cap set as its target');
    const vi = fields(form({}), 'vi');
    expect(vi.measure).toBe('Không vượt tổng (ngân sách)');
    expect([vi.budget, vi.spent]).toEqual([
      expect.stringContaining('Kinh phí thực hiện'),
      expect.stringContaining('Kinh phí đã chi'),
    ]);
    // A count is a limit.
    expect(fields(form({ metricId: 'churned', direction: '' }), 'vi').measure).toBe(
      'Không vượt tổng (mức trần)',
    );
  });

  it('leaves every other total as it was: "Reach a total", Budget, Spent', () => {
    const up = fields(form({ direction: 'up' }), 'en');
    expect(up.measure).toBe('Reach a total');
    expect([up.budget, up.spent]).toEqual([
      expect.stringContaining('Budget'),
      expect.stringContaining('Spent'),
    ]);
    expect(up.budget).not.toContain('Resources');
    expect(fields(form({ direction: 'up' }), 'vi').measure).toBe('Đạt tổng');
  });
});

describe('"Mark as done" on a cap', () => {
  const tz = 'Asia/Ho_Chi_Minh';
  const now = startOfLocalDay('2026-12-07', tz) + 10 * 3_600_000;
  const q4End = startOfLocalDay('2027-01-01', tz) - 1;
  const cap = {
    kind: 'kpi_target' as const,
    metricId: 'spend',
    goalType: 'total' as const,
    direction: 'down' as const,
    target: 1.5e9,
    doneAt: null,
    deadline: q4End,
  };
  it('is not offered while its window runs: "done" would score 1.0 a budget that may yet be overrun', () => {
    expect(offersMarkDone(cap, spend, now)).toBe(false);
    // Once the window is over, or for any other goal, it is; "Reopen" always.
    expect(offersMarkDone(cap, spend, q4End + 1)).toBe(true);
    expect(offersMarkDone({ ...cap, direction: 'up' }, spend, now)).toBe(true);
    expect(offersMarkDone({ ...cap, doneAt: now - 1 }, spend, now)).toBe(true);
  });
});
