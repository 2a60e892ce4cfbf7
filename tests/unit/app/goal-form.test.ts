import { describe, expect, it } from 'vitest';
import { dimensionChoices } from '../../../lib/app/dimension-values';
import {
  ancestorIds,
  currentQuarter,
  descendantIds,
  emptyGoalForm,
  formToGoal,
  GOAL_FIELD_PATHS,
  type GoalFormContext,
  type GoalFormState,
  goalToForm,
  okrQuarters,
  parentChoices,
  problemsToErrors,
  smartHints,
  totalOrRateQuestion,
} from '../../../lib/app/goal-form';
import type { DailyRollup } from '../../../lib/engine/rollup';
import { Goal, type Metric } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { ValidationError } from '../../../lib/storage/records';
import { repository } from '../../../lib/storage/repository';

const NOW = Date.UTC(2026, 2, 10, 9);
const ctx = (over: Partial<GoalFormContext> = {}): GoalFormContext => ({
  locale: 'en',
  timeZone: 'Asia/Ho_Chi_Minh',
  now: NOW,
  newId: () => 'g-new',
  ...over,
});
const form = (over: Partial<GoalFormState> = {}): GoalFormState => ({
  ...emptyGoalForm({ currency: 'VND' }),
  title: 'Revenue Q2',
  ...over,
});

describe('formToGoal', () => {
  it('builds a valid Goal from typed text: numbers by the locale parser, days in the user zone', () => {
    const r = formToGoal(
      form({
        target: '12tr',
        baseline: '1.200.000',
        start: '2026-04-01',
        deadline: '2026-06-30',
        owner: ' Lan ',
      }),
      ctx({ locale: 'vi' }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.goal.target).toBe(12_000_000);
    expect(r.goal.baseline).toBe(1_200_000);
    // Midnight 1 April in Ho Chi Minh City (UTC+7) is 17:00 UTC on 31 March.
    expect(r.goal.startAt).toBe(Date.UTC(2026, 2, 31, 17));
    // The deadline day is included: the last millisecond of 30 June, local time.
    expect(r.goal.deadline).toBe(Date.UTC(2026, 5, 30, 17) - 1);
    expect(r.goal.owner).toBe('Lan');
    expect(r.goal.id).toBe('g-new');
    expect(r.goal.weight).toBe(1);
    expect(Goal.safeParse(r.goal).success).toBe(true);
    expect('budget' in r.goal).toBe(false);
  });

  it('puts a number that does not parse on its own field and builds nothing', () => {
    const r = formToGoal(form({ target: 'abc', spent: '5' }), ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual(['target']);
    expect(r.errors.target).toEqual({
      text: { en: '“abc” is not a number.', vi: '“abc” không phải là số.' },
    });
  });

  it('reads days typed in the UI’s language, and refuses one that does not exist with its reason', () => {
    const ok = formToGoal(form({ start: '2026-03-01', deadline: '31/12/2027' }), ctx({ locale: 'vi' }));
    expect(ok.ok && ok.goal.deadline).toBe(Date.UTC(2027, 11, 31, 17) - 1);
    // The field keeps such text as typed (components/shared/day-input.tsx); "2026-02-30" once became 2 March.
    const r = formToGoal(form({ start: '2026-02-30' }), ctx({ locale: 'vi' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.start).toMatchObject({ text: { vi: 'Tháng 2/2026 chỉ có 28 ngày: không có ngày 30.' } });
    // In English 31/12/2027 has no month 31: refused, and the message says the month comes first.
    const en = formToGoal(form({ deadline: '31/12/2027' }), ctx());
    expect(en.ok).toBe(false);
    if (!en.ok)
      expect(en.errors.deadline).toMatchObject({ text: { en: expect.stringMatching(/month comes first/) } });
  });

  it('maps zod problems to fields: empty title, bad currency code, negative weight', () => {
    const r = formToGoal(
      form({ title: '   ', budgetAmount: '100', budgetCurrency: 'dong', weight: '-2' }),
      ctx(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.title).toEqual({ key: 'editor.error.empty' });
    expect(r.errors.weight).toEqual({ key: 'editor.error.min', params: { limit: 0 } });
    // "dong" is no ISO code: the amount is then read as a plain number, and the code is refused by zod.
    expect(r.errors.budgetCurrency).toEqual({
      text: {
        en: 'expected an ISO 4217 code such as VND or USD',
        vi: 'expected an ISO 4217 code such as VND or USD',
      },
    });
  });

  it('checks values against the metric unit (a percent target for a money metric is refused)', () => {
    const metric = {
      unit: { kind: 'currency', currency: 'VND' },
      direction: 'up',
      aggregation: 'sum',
    } as const;
    const bad = formToGoal(form({ target: '15%' }), ctx({ metric }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.target).toEqual({ key: 'quickLog.notPercent' });
    const good = formToGoal(form({ target: '₫2tr' }), ctx({ metric, locale: 'vi' }));
    expect(good.ok && good.goal.target).toBe(2_000_000);
  });

  it('asks instead of guessing an ambiguous number', () => {
    const r = formToGoal(form({ target: '1.200' }), ctx({ locale: 'en' }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.target).toEqual({
        text: { en: 'Does “1.200” mean 1.2 or 1200?', vi: '“1.200” là 1,2 hay 1200?' },
      });
  });

  it('round-trips an existing goal through the form unchanged, keeping fields the form does not show', () => {
    const existing: Goal = {
      id: 'g1',
      kind: 'kpi_target',
      title: 'Doanh thu',
      translations: { en: 'Revenue', vi: 'Doanh thu' },
      frameworks: ['smart', 'bsc'],
      perspective: 'financial',
      metricId: 'm1',
      dims: { channel: 'facebook' },
      measure: 'cumulative',
      goalType: 'total',
      target: 1_250_000.5,
      startAt: Date.UTC(2026, 0, 1) - 7 * 3_600_000,
      deadline: Date.UTC(2026, 11, 31, 17) - 1,
      trajectory: 'phased',
      seasonalWeights: new Array(12).fill(1),
      budget: { amount: 5000, currency: 'USD' },
      owner: 'Lan',
      weight: 2,
      pinned: true,
      archived: false,
      deletedAt: null,
      createdAt: 1,
      updatedAt: 2,
    };
    for (const locale of ['en', 'vi'] as const) {
      const f = goalToForm(existing, locale, 'Asia/Ho_Chi_Minh', 'VND');
      expect(f.title).toBe(locale === 'en' ? 'Revenue' : 'Doanh thu');
      const r = formToGoal(f, ctx({ locale, existing }));
      expect(r.ok && r.goal).toEqual({ ...existing, updatedAt: NOW });
    }
    // An edited title replaces the translations, or the old translation would keep showing.
    const edited = formToGoal(
      { ...goalToForm(existing, 'en', 'Asia/Ho_Chi_Minh', 'VND'), title: 'Sales' },
      ctx({ existing }),
    );
    expect(edited.ok && edited.goal.title).toBe('Sales');
    expect(edited.ok && 'translations' in edited.goal).toBe(false);
  });
});

describe('formToGoal: a description Pacer translated', () => {
  const milestone: Goal = {
    id: 'm1',
    kind: 'milestone',
    goalType: 'milestone',
    title: 'Q1 2027 · Revenue',
    description: 'Revenue of ₫5B or more from Jan 1 to Mar 31.',
    descriptionTranslations: { vi: 'Doanh thu đạt 5 tỷ ₫ trở lên từ 1/1 đến 31/3.' },
    frameworks: ['smart'],
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
  };

  it('shows it in the UI language and keeps both when it is not edited', () => {
    const f = goalToForm(milestone, 'vi', 'Asia/Ho_Chi_Minh', 'VND');
    expect(f.description).toBe('Doanh thu đạt 5 tỷ ₫ trở lên từ 1/1 đến 31/3.');
    const r = formToGoal(f, ctx({ locale: 'vi', existing: milestone }));
    expect(r.ok && r.goal).toMatchObject({
      description: milestone.description,
      descriptionTranslations: milestone.descriptionTranslations,
    });
  });

  it('drops the translation once the text is edited, so the edit shows in every language', () => {
    const f = goalToForm(milestone, 'vi', 'Asia/Ho_Chi_Minh', 'VND');
    const r = formToGoal(
      { ...f, description: 'Doanh thu 6 tỷ ₫' },
      ctx({ locale: 'vi', existing: milestone }),
    );
    expect(r.ok && r.goal.description).toBe('Doanh thu 6 tỷ ₫');
    expect(r.ok && 'descriptionTranslations' in r.goal).toBe(false);
  });
});

describe('formToGoal: a goal narrowed to a channel or segment', () => {
  const roas = { unit: { kind: 'ratio' }, direction: 'up', aggregation: 'sum' } as const;
  const facebook: Goal = {
    id: 'g1',
    kind: 'kpi_target',
    goalType: 'keep',
    title: 'Facebook ROAS 4×',
    frameworks: [],
    metricId: 'roas',
    dims: { channel: 'facebook' },
    target: 4,
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
  };

  it('shows the filter and keeps it, or drops it when set back to all', () => {
    const f = goalToForm(facebook, 'en', 'UTC', 'USD');
    expect(f.dims).toEqual({ channel: 'facebook' });
    const kept = formToGoal(f, ctx({ existing: facebook, metric: roas }));
    expect(kept.ok && kept.goal.dims).toEqual({ channel: 'facebook' });
    const all = formToGoal({ ...f, dims: { channel: '' } }, ctx({ existing: facebook, metric: roas }));
    expect(all.ok && 'dims' in all.goal).toBe(false);
  });

  it('never keeps a filter the form does not show: no metric, no channel', () => {
    const f = goalToForm(facebook, 'en', 'UTC', 'USD');
    const r = formToGoal({ ...f, metricId: '', goalType: '' }, ctx({ existing: facebook }));
    expect(r.ok && 'dims' in r.goal).toBe(false);
  });
});

describe('dimensionChoices', () => {
  it("offers the metric's dimensions, or its sources' for a derived KPI, with the values seen", () => {
    const base = {
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: 'sum',
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
      source: 'manual',
    } as const;
    const spend = { ...base, id: 'spend', name: 'Spend', dimensions: ['channel'] } as Metric;
    const revenue = { ...base, id: 'rev', name: 'Revenue', dimensions: ['channel', 'segment'] } as Metric;
    const roas = { ...base, id: 'roas', name: 'ROAS', dimensions: [], formula: '{rev} / {spend}' } as Metric;
    const metrics = new Map([spend, revenue, roas].map((m) => [m.id, m]));
    const rollup = (metricId: string, dimKey: string) => ({ metricId, dimKey }) as DailyRollup;
    const rollups = [
      rollup('spend', 'channel=google'),
      rollup('rev', 'channel=facebook'),
      rollup('rev', 'segment=smb'),
    ];
    expect(dimensionChoices(roas, metrics, rollups, { channel: 'tiktok' })).toEqual([
      { dimension: 'channel', values: ['facebook', 'google', 'tiktok'] },
      { dimension: 'segment', values: ['smb'] },
    ]);
    expect(dimensionChoices(spend, metrics, rollups)).toEqual([{ dimension: 'channel', values: ['google'] }]);
  });
});

describe('formToGoal: the type question', () => {
  const churn = {
    unit: { kind: 'percent' },
    direction: 'down',
    aggregation: 'average',
  } as const satisfies GoalFormContext['metric'];
  const revenue = {
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'up',
    aggregation: 'sum',
  } as const satisfies GoalFormContext['metric'];

  it('saves the type asked, keeps the legacy measure in step, and the side only for keep goals', () => {
    const keep = formToGoal(
      form({ metricId: 'm', goalType: 'keep', keepSide: 'at_most', target: '2', rollingMonths: '12' }),
      ctx({ metric: churn }),
    );
    expect(keep.ok && keep.goal).toMatchObject({ goalType: 'keep', keepSide: 'at_most', measure: 'latest' });
    expect(keep.ok && 'rollingMonths' in keep.goal).toBe(false);
    const level = formToGoal(
      form({ metricId: 'm', goalType: 'level', keepSide: 'at_most', rollingMonths: '12', target: '150' }),
      ctx({ metric: revenue }),
    );
    expect(level.ok && level.goal).toMatchObject({ goalType: 'level', rollingMonths: 12, measure: 'latest' });
    expect(level.ok && 'keepSide' in level.goal).toBe(false);
  });

  it('left to the metric, saves the type the metric implies', () => {
    const total = formToGoal(form({ metricId: 'm', target: '5' }), ctx({ metric: revenue }));
    expect(total.ok && total.goal.goalType).toBe('total');
    // 1.7% → 2% on a lower-is-better metric is a ceiling to stay under, not a journey.
    const keep = formToGoal(form({ metricId: 'm', baseline: '1.7', target: '2' }), ctx({ metric: churn }));
    expect(keep.ok && keep.goal.goalType).toBe('keep');
    const plain = formToGoal(form({ kind: 'milestone' }), ctx());
    expect(plain.ok && plain.goal.goalType).toBe('milestone');
  });

  it('asks whether a summed target over more than a year is the total or a rate per year', () => {
    const bhag = {
      kind: 'bhag',
      metricId: 'm',
      target: '20 tỷ',
      start: '2026-12-07',
      deadline: '2029-12-31',
    } as const;
    const asked = formToGoal(form(bhag), ctx({ metric: revenue, locale: 'vi' }));
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.errors.goalType).toEqual({
      key: 'goalType.ask.error',
      params: { from: '2026', to: '2029' },
    });
    expect(totalOrRateQuestion(form(bhag), revenue)).toEqual({ from: '2026', to: '2029' });
    // Answered either way, it saves what was said.
    const rate = formToGoal(
      form({ ...bhag, goalType: 'level', rollingMonths: '12' }),
      ctx({ metric: revenue, locale: 'vi' }),
    );
    expect(rate.ok && rate.goal).toMatchObject({ goalType: 'level', rollingMonths: 12, target: 20e9 });
    const total = formToGoal(form({ ...bhag, goalType: 'total' }), ctx({ metric: revenue, locale: 'vi' }));
    expect(total.ok && total.goal.goalType).toBe('total');
    // A year (and a few days) is one year's figure; a level metric has only one reading; no metric, no question.
    expect(
      totalOrRateQuestion(form({ ...bhag, start: '2026-01-01', deadline: '2027-01-15' }), revenue),
    ).toBeNull();
    expect(totalOrRateQuestion(form(bhag), churn)).toBeNull();
    expect(totalOrRateQuestion(form({ ...bhag, metricId: '' }), revenue)).toBeNull();
    expect(totalOrRateQuestion(form({ ...bhag, kind: 'milestone' }), revenue)).toBeNull();
  });

  it('refuses a rolling window that is not a whole number of months from 1 to 36', () => {
    const r = formToGoal(
      form({ metricId: 'm', goalType: 'level', rollingMonths: '40', target: '5' }),
      ctx({ metric: revenue }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.rollingMonths).toBeTruthy();
  });
});

describe('problemsToErrors', () => {
  it('maps ValidationError problems from storage to fields by their path', async () => {
    const db = await openPacerDb(`goal-form-${Math.random()}`);
    const err = await repository(db, 'goals')
      .put({
        id: 'x',
        kind: 'kpi_target',
        title: '',
        frameworks: [],
        target: 'ten',
        weight: 1,
        archived: false,
        deletedAt: null,
        createdAt: 1,
        updatedAt: 1,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const errors = problemsToErrors((err as ValidationError).problems, GOAL_FIELD_PATHS);
    expect(errors.title).toEqual({ key: 'editor.error.empty' });
    expect(errors.target).toEqual({ key: 'editor.error.number' });
    db.close();
  });

  it('uses the longest path, strips batch prefixes and sends unknown paths to the form', () => {
    const e = problemsToErrors(
      [
        'goals[2].budget.currency: bad code',
        'startAt: expected int, received number',
        'seasonalWeights: must have at most 12 items',
      ],
      GOAL_FIELD_PATHS,
    );
    expect(e.budgetCurrency).toEqual({ text: { en: 'bad code', vi: 'bad code' } });
    expect(e.start).toEqual({ key: 'editor.error.number' });
    expect(e.form).toEqual({ text: { en: 'must have at most 12 items', vi: 'must have at most 12 items' } });
  });
});

describe('smartHints', () => {
  it('lists what is missing while the form is incomplete, and nothing once it is SMART', () => {
    const codes = (f: GoalFormState) => smartHints(f, ctx()).map((i) => i.code);
    expect(codes(form({ target: 'not yet' }))).toEqual(['no_metric', 'no_target', 'no_deadline', 'no_owner']);
    expect(
      codes(
        form({ metricId: 'm1', measure: 'cumulative', target: '100', deadline: '2026-12-31', owner: 'Lan' }),
      ),
    ).toEqual([]);
    expect(
      codes(
        form({ metricId: 'm1', measure: 'cumulative', target: '100', deadline: '2025-12-31', owner: 'Lan' }),
      ),
    ).toEqual(['deadline_past']);
  });
});

describe('goal tree helpers', () => {
  const goals = [
    { id: 'a' },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: 'a' },
    { id: 'e' },
    // A cycle from damaged or hand-edited data must not loop forever.
    { id: 'x', parentId: 'y' },
    { id: 'y', parentId: 'x' },
  ];
  it('collects a goal and all its descendants', () => {
    expect(descendantIds(goals, 'a')).toEqual(['a', 'b', 'd', 'c']);
    expect(descendantIds(goals, 'e')).toEqual(['e']);
    expect(descendantIds(goals, 'x')).toEqual(['x', 'y']);
  });
  it('lists the goals above a goal, nearest first, through a cycle too', () => {
    expect(ancestorIds(goals, 'c')).toEqual(['b', 'a']);
    expect(ancestorIds(goals, 'a')).toEqual([]);
    expect(ancestorIds(goals, 'x')).toEqual(['y']);
  });
  it('never offers a goal itself or its descendants as its parent', () => {
    expect(parentChoices(goals, 'b').map((g) => g.id)).toEqual(['a', 'd', 'e', 'x', 'y']);
    expect(parentChoices(goals).length).toBe(goals.length);
  });
  it('gives the current fiscal quarter as first and last local day', () => {
    const cal = { timeZone: 'Asia/Ho_Chi_Minh', weekStart: 1, fiscalYearStartMonth: 1 };
    expect(currentQuarter(NOW, cal)).toEqual({ start: '2026-01-01', deadline: '2026-03-31' });
    expect(currentQuarter(NOW, { ...cal, fiscalYearStartMonth: 2 })).toEqual({
      start: '2026-02-01',
      deadline: '2026-04-30',
    });
    // 31 March 20:00 UTC is already 1 April in Vietnam.
    expect(currentQuarter(Date.UTC(2026, 2, 31, 20), cal).start).toBe('2026-04-01');
  });
  it('offers this quarter and the next for an OKR set, the next first in the last 30 days', () => {
    const cal = { timeZone: 'Asia/Ho_Chi_Minh', weekStart: 1, fiscalYearStartMonth: 1 };
    const dec7 = Date.UTC(2026, 11, 7, 5);
    expect(okrQuarters(dec7, cal)).toEqual({
      quarters: [
        { start: '2026-10-01', deadline: '2026-12-31' },
        { start: '2027-01-01', deadline: '2027-03-31' },
      ],
      preferred: 1,
    });
    expect(okrQuarters(Date.UTC(2026, 10, 15, 5), cal).preferred).toBe(0);
  });
});
