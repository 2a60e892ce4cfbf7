import { describe, expect, it } from 'vitest';
import { computeGoalDetail } from '../../../lib/app/goal-detail-data';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings, type Goal, type Metric } from '../../../lib/schema';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { goal, metric } from '../engine/fixtures';
import { freshDb } from '../storage/helpers';

/**
 * A cap is never "done" while its window runs (lib/app/mark-done.ts; docs/figures.md § Budget cap).
 * The detail had asked its chart whether the goal was a cap (`chart.cap`, drawn only once something
 * was spent), so a cap with nothing logged yet, and one without a KPI (no chart at all), still offered
 * "Mark as done": one click scored 1.0 a budget not yet spent from.
 */
const tz = 'Asia/Ho_Chi_Minh';
const day = (d: string) => startOfLocalDay(d as never, tz);
const NOW = day('2026-12-07') + 10 * 3_600_000;
const Q4 = { startAt: day('2026-10-01'), deadline: day('2027-01-01') - 1 };
const settings = defaultSettings({ locale: 'en', timeZone: tz });

async function detailOf(goals: Goal[], metrics: Metric[], id: string) {
  const { db } = await freshDb();
  await saveSettings(db, settings);
  if (metrics.length) await repository(db, 'metrics').putMany(metrics);
  await repository(db, 'goals').putMany(goals);
  const detail = await computeGoalDetail(db, id, settings, NOW);
  db.close();
  return detail;
}

describe('"Mark as done" is not offered on a running cap, whatever its chart holds', () => {
  const spend = metric({
    id: 'spend',
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'neutral',
    aggregation: 'sum',
  });
  const refunds = metric({
    id: 'refunds',
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'down',
    aggregation: 'sum',
  });

  it('a cap whose KPI has nothing logged yet (no budget line drawn)', async () => {
    const cap = goal({
      id: 'cap',
      metricId: 'spend',
      goalType: 'total',
      direction: 'down',
      target: 1.5e9,
      ...Q4,
    });
    const d = await detailOf([cap], [spend], 'cap');
    expect(d.chart?.cap).toBeUndefined();
    expect(d.offersMarkDone).toBe(false);
  });

  it('a cap on a KPI where lower is better, nothing logged', async () => {
    const cap = goal({ id: 'cap', metricId: 'refunds', goalType: 'total', target: 200e6, ...Q4 });
    expect((await detailOf([cap], [refunds], 'cap')).offersMarkDone).toBe(false);
  });

  it('a cap without a KPI (an imported total taken down, logged by check-ins)', async () => {
    const cap = goal({ id: 'cap', goalType: 'total', direction: 'down', target: 200e6, ...Q4 });
    const d = await detailOf([cap], [], 'cap');
    expect(d.chart).toBeNull();
    expect(d.offersMarkDone).toBe(false);
  });

  it('still offered on a total to reach, and on a cap whose window is over', async () => {
    const reach = goal({ id: 'reach', goalType: 'total', target: 200e6, ...Q4 });
    expect((await detailOf([reach], [], 'reach')).offersMarkDone).toBe(true);
    const ended = goal({
      id: 'ended',
      metricId: 'spend',
      goalType: 'total',
      direction: 'down',
      target: 1.5e9,
      startAt: day('2026-07-01'),
      deadline: day('2026-10-01') - 1,
    });
    expect((await detailOf([ended], [spend], 'ended')).offersMarkDone).toBe(true);
  });
});
