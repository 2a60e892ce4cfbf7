// Engine performance in Chromium (issue: 200 goals over 1,000,000 observations). The engine computes
// from day rollups, so the page builds rollups for 1M generated points once, then times:
//   - a full recompute of every goal's progress, pace, forecast, status and alerts (evaluateAll);
//   - the incremental update after logging one value: applyPoint into its rollup, then re-evaluating
//     the goals that read that metric;
//   - the baseline: a plain loop summing the same 1M points.

import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { applyPoint, type DailyRollup, emptyRollup } from '../../../lib/engine/rollup';
import type { Goal, Metric } from '../../../lib/schema';
import { defaultSettings } from '../../../lib/schema/settings';

const DAY = 86_400_000;
const settings = defaultSettings({ timeZone: 'Asia/Ho_Chi_Minh' });

function setup(observations: number, goals: number, metricsCount: number) {
  const now = Date.now();
  const start = now - 540 * DAY;
  const channels = ['facebook', 'google', 'zalo'];
  const metrics: Metric[] = Array.from({ length: metricsCount }, (_, i) => ({
    id: `m${i}`,
    name: `KPI ${i}`,
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'up',
    aggregation: i % 5 === 4 ? 'last' : 'sum',
    dimensions: ['channel'],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: start,
    updatedAt: start,
  }));
  const times = new Float64Array(observations);
  const values = new Float64Array(observations);
  const rollups = new Map<string, DailyRollup>();
  for (let k = 0; k < observations; k++) {
    const m = k % metricsCount;
    const ch = channels[Math.floor(k / metricsCount) % 3]!;
    times[k] = start + Math.floor((k / observations) * 540 * DAY);
    values[k] = 1e6 + ((k * 7919) % 500_000);
    const key = `m${m}|channel=${ch}`;
    let r = rollups.get(key);
    if (!r) {
      r = emptyRollup(`m${m}`, `channel=${ch}`, settings.timeZone);
      rollups.set(key, r);
    }
    applyPoint(r, { time: times[k]!, value: values[k]! });
  }
  const goalRows: Goal[] = Array.from({ length: goals }, (_, i) => ({
    id: `g${i}`,
    kind: 'kpi_target',
    title: `Goal ${i}`,
    frameworks: ['smart'],
    metricId: `m${i % metricsCount}`,
    dims: i % 4 === 0 ? { channel: channels[i % 3]! } : undefined,
    baseline: 0,
    target: 5e10,
    startAt: now - 120 * DAY,
    deadline: now + 240 * DAY,
    owner: 'Bench',
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: start,
    updatedAt: start,
  }));
  return { now, metrics, goals: goalRows, rollups, times, values };
}

let state: ReturnType<typeof setup> | null = null;

const api = {
  ready: true,
  setup(observations: number, goals: number, metrics: number) {
    const t0 = performance.now();
    state = setup(observations, goals, metrics);
    return { ms: performance.now() - t0, rollups: state.rollups.size };
  },
  baseline() {
    const s = state!;
    const t0 = performance.now();
    let total = 0;
    for (let k = 0; k < s.values.length; k++) total += s.values[k]!;
    return { ms: performance.now() - t0, total };
  },
  full() {
    const s = state!;
    const t0 = performance.now();
    const r = evaluateAll({
      goals: s.goals,
      metrics: s.metrics,
      rollups: [...s.rollups.values()],
      checkIns: [],
      settings,
      now: s.now,
    });
    return { ms: performance.now() - t0, goals: r.perGoal.size, alerts: r.alerts.length };
  },
  incremental(runs: number) {
    const s = state!;
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const metricId = `m${i % s.metrics.length}`;
      const t0 = performance.now();
      const rollup = s.rollups.get(`${metricId}|channel=zalo`)!;
      applyPoint(rollup, { time: s.now - 1000 * i, value: 12_000_000 });
      const affected = s.goals.filter((g) => g.metricId === metricId);
      const related = [...s.rollups.values()].filter((r) => r.metricId === metricId);
      evaluateAll({
        goals: affected,
        metrics: s.metrics,
        rollups: related,
        checkIns: [],
        settings,
        now: s.now,
        forecastPaths: 400,
      });
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[Math.floor(samples.length / 2)]!, max: samples[samples.length - 1]! };
  },
};
(globalThis as unknown as { pacerBench: typeof api }).pacerBench = api;
