import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../lib/app/dashboard-data';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import { computeGoalCharts, computeGoalDetail } from '../../../lib/app/goal-detail-data';
import { defaultSettings } from '../../../lib/schema';
import { loadExampleData, removeExampleData } from '../../../lib/storage/example-data';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

const NOW = Date.UTC(2026, 10, 23, 3);
const settings = defaultSettings({ locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });

describe('dashboard data over the example dataset', () => {
  let data: DashboardData;
  let db: Awaited<ReturnType<typeof freshDb>>['db'];
  beforeAll(async () => {
    ({ db } = await freshDb());
    await saveSettings(db, settings);
    await loadExampleData(db, NOW);
    data = await computeDashboard(db, settings, NOW);
  }, 60_000);

  it('computes a card for every live goal, formatted for the locale', () => {
    expect(data.goals.length).toBeGreaterThanOrEqual(25);
    for (const g of data.goals) {
      expect(g.title).not.toBe('');
      expect(g.progress === null || Number.isFinite(g.progress)).toBe(true);
      expect(g.value).not.toMatch(/NaN|Infinity/);
    }
    const withForecast = data.goals.filter((g) => g.forecast?.startsWith('Dự báo'));
    expect(withForecast.length).toBeGreaterThan(0);
    expect(
      data.goals.some((g) => g.status === 'on_track' || g.status === 'at_risk' || g.status === 'off_track'),
    ).toBe(true);
    expect(data.goals.some((g) => /tỷ|tr/.test(g.value))).toBe(true);
  });

  it('groups goals by all four scorecard perspectives', () => {
    expect(data.scorecard.map((p) => p.perspective)).toEqual([
      'financial',
      'customer',
      'internal_process',
      'learning_growth',
    ]);
    for (const p of data.scorecard) expect(p.goalIds.length).toBeGreaterThanOrEqual(2);
  });

  it('lists milestones with exactly the one overdue milestone of the example', () => {
    expect(data.milestones.filter((m) => m.state === 'overdue')).toHaveLength(1);
    expect(data.milestones.every((m) => m.who && m.budget)).toBe(true);
  });

  it('shows OKR objectives with scored key results', () => {
    expect(data.okrs).toHaveLength(2);
    for (const o of data.okrs) {
      expect(o.keyResults.length).toBeGreaterThanOrEqual(3);
      for (const kr of o.keyResults) expect(kr.score === null || (kr.score >= 0 && kr.score <= 1)).toBe(true);
      // Every score with two decimals, as the objective's card writes it: "1.00" beside "0.68".
      for (const text of [o.scoreText, ...o.keyResults.map((kr) => kr.scoreText)])
        expect(text).toMatch(/^[01][.,]\d\d$/);
    }
  });

  it('fills the growth-KPI table by channel and by segment', () => {
    const channels = new Set(data.growth.filter((r) => r.dimension === 'channel').map((r) => r.key));
    expect([...channels]).toEqual(expect.arrayContaining(['facebook', 'google', 'zalo']));
    expect(data.growth.some((r) => r.dimension === 'segment')).toBe(true);
    expect(data.growth.every((r) => !/NaN|Infinity/.test(r.value))).toBe(true);
  });

  it('builds a goal detail chart with trajectory and forecast band', async () => {
    const goal = (await repository(db, 'goals').list()).find(
      (g) => g.kind === 'key_result' && g.metricId && g.target !== undefined,
    )!;
    const detail = await computeGoalDetail(db, goal.id, settings, NOW);
    const c = detail.chart!;
    // The churn KR keeps a line over Oct–Dec: three months (a fourth, January, was the UTC deadline's).
    expect(c.xs.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < c.xs.length; i++) expect(c.xs[i]!).toBeGreaterThan(c.xs[i - 1]!);
    expect(c.target.some((v) => v !== null)).toBe(true);
    expect(c.actual.some((v) => v !== null)).toBe(true);
    const band = c.low
      .map((lo, i) => [lo, c.high[i]] as const)
      .filter(([lo, hi]) => lo !== null && hi !== null);
    for (const [lo, hi] of band) expect(lo!).toBeLessThanOrEqual(hi!);
  });

  it("ends every goal's chart on the card's own value, on the card's periods, named for its type", async () => {
    const goals = (await repository(db, 'goals').list()).filter((g) => g.metricId && !g.deletedAt);
    let checked = 0;
    for (const goal of goals) {
      const detail = await computeGoalDetail(db, goal.id, settings, NOW);
      const c = detail.chart;
      if (!c) continue;
      const last = c.actual.findLastIndex((v) => v !== null);
      if (last === -1) {
        // Nothing to draw: no value yet, or a window that has not opened (the card's total is then 0).
        expect(detail.view.value === '—' || (goal.startAt ?? 0) > NOW).toBe(true);
        continue;
      }
      // The card shows "Tháng 11: 29,9%" for a level; the chart's last point is that same number (the
      // card may write a digit more, where its progress needs it: "43,76 tỷ ₫" beside the axis's "43,8").
      const shown = detail.formatAxis(c.actual[last]!);
      const card = detail.view.value;
      if (card.slice(-shown.length) !== shown) {
        const num = (x: string) => /[\d.,]+(?=\D*$)/.exec(x)?.[0] ?? '';
        const [a, b] = [num(card), num(shown)];
        const decimals = b.split(',')[1]?.length ?? 0;
        const toNumber = (x: string) => Number(x.replace(/\./g, '').replace(',', '.'));
        expect([goal.id, toNumber(a).toFixed(decimals).replace('.', ',')]).toEqual([goal.id, b]);
        // Same unit and scale after the number ("tỷ ₫").
        expect(card.endsWith(shown.slice(shown.lastIndexOf(b) + b.length))).toBe(true);
      }
      if (goal.goalType === 'keep') {
        expect(c.type).toBe('keep');
        expect(new Set(c.target.filter((v) => v !== null))).toEqual(new Set([goal.target]));
        // Every month the card counts ("Giữ được 0/2 tháng") is a point on the chart.
        const periods = Number(/(\d+)\/(\d+) tháng/.exec(detail.view.progressText)?.[2]);
        expect(c.actual.filter((v) => v !== null).length).toBeGreaterThanOrEqual(periods);
        // A monthly level is charted by month: consecutive points are 28–31 days apart.
        expect((c.xs[1]! - c.xs[0]!) / 86_400).toBeGreaterThanOrEqual(28);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('builds the charts of several goals at once exactly as the goal detail does, one error per bad id', async () => {
    const goals = (await repository(db, 'goals').list()).filter((g) => g.metricId).slice(0, 4);
    const ids = [...goals.map((g) => g.id), 'no-such-goal'];
    const charts = await computeGoalCharts(db, ids, settings, NOW);
    for (const goal of goals) {
      const detail = await computeGoalDetail(db, goal.id, settings, NOW);
      expect(charts.get(goal.id)).toEqual(detail.chart);
    }
    expect(charts.get('no-such-goal')).toBeInstanceOf(Error);
  });

  it('is empty but valid once the example is removed', async () => {
    await removeExampleData(db);
    const empty = await computeDashboard(db, settings, NOW);
    expect(empty.goals).toEqual([]);
    expect(empty.metrics).toEqual([]);
  });
});
