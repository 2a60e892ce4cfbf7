import { describe, expect, it } from 'vitest';
import { formIsBudgetCap } from '../../../lib/app/budget-form';
import { emptyGoalForm, formToGoal, type GoalFormState, smartHints } from '../../../lib/app/goal-form';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { metric } from '../engine/fixtures';

/**
 * The goal form and a budget cap (lib/app/budget-form.ts): a total whose way is down is saved as a cap
 * on any KPI — refunds, costs, or ad spend taken down — and its target is worded "at most".
 */
const tz = 'Asia/Ho_Chi_Minh';
const now = startOfLocalDay('2026-12-07', tz) + 10 * 3_600_000;
const refunds = metric({ id: 'refunds', unit: { kind: 'currency', currency: 'VND' }, direction: 'down' });
const spend = { ...refunds, id: 'spend', direction: 'neutral' as const };
const form = (over: Partial<GoalFormState>): GoalFormState => ({
  ...emptyGoalForm({ currency: 'VND' }),
  title: 'Refunds under ₫200M this year',
  metricId: 'refunds',
  start: '2027-01-01',
  deadline: '2027-12-31',
  target: '200tr',
  ...over,
});
const ctx = (m = refunds) => ({ locale: 'vi' as const, timeZone: tz, now, newId: () => 'g1', metric: m });

describe('a budget cap in the goal form', () => {
  it('saves a total on a KPI where lower is better as a cap, worded as a budget', () => {
    const f = form({ goalType: 'total' });
    const saved = formToGoal(f, ctx());
    expect(saved.ok && saved.goal).toMatchObject({
      goalType: 'total',
      measure: 'cumulative',
      target: 200_000_000,
    });
    expect(formIsBudgetCap(f, refunds)).toBe(true);
    // The type left to the metric: a summed KPI is a total, so a cap too.
    expect(formIsBudgetCap(form({ goalType: '' }), refunds)).toBe(true);
    const en = createTranslator('en');
    const vi = createTranslator('vi');
    expect([en('editor.goal.cap'), vi('editor.goal.cap')]).toEqual(['Target: at most', 'Mục tiêu: tối đa']);
  });

  it('saves ad spend taken down as a cap, and only down: up, a level or a keep goal is no cap', () => {
    const down = form({ metricId: 'spend', goalType: 'total', direction: 'down', target: '1,5 tỷ' });
    const saved = formToGoal(down, ctx(spend));
    expect(saved.ok && saved.goal).toMatchObject({
      goalType: 'total',
      direction: 'down',
      target: 1_500_000_000,
    });
    expect(formIsBudgetCap(down, spend)).toBe(true);
    expect(formIsBudgetCap({ ...down, direction: 'up' }, spend)).toBe(false);
    expect(formIsBudgetCap({ ...down, goalType: 'level' }, spend)).toBe(false);
    expect(formIsBudgetCap(form({ goalType: 'keep' }), refunds)).toBe(false);
    expect(formIsBudgetCap(form({ goalType: 'total' }), { ...refunds, direction: 'up' })).toBe(false);
  });

  it('refuses a baseline above the cap: that is a figure to bring down, over budget before it starts', () => {
    const r = formToGoal(form({ goalType: 'total', baseline: '250tr' }), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.baseline).toEqual({ key: 'editor.goal.capBaseline' });
    // What was spent before the window, under the cap, is a baseline like any other.
    expect(formToGoal(form({ goalType: 'total', baseline: '20tr' }), ctx()).ok).toBe(true);
  });

  it('never calls a cap above its baseline "the wrong side"', () => {
    const codes = smartHints(form({ goalType: 'total', baseline: '0' }), ctx()).map((i) => i.code);
    expect(codes).not.toContain('target_wrong_side');
  });
});
