// The engine over 200 goals and 1,000,000 observations, in Chromium (page: pages/engine-bench.ts).
// Budgets: full recompute of every goal (progress, pace, forecast, status, alerts) < 1 s; incremental
// update after logging one value < 5 ms median. Each is also printed as a ratio against a plain loop
// summing the same 1,000,000 points, measured in the same page.
const OBS = Number(process.env.BENCH_ENGINE_OBS) || 1_000_000;
const GOALS = 200;
const METRICS = 50;

/** @param {any} bench see scripts/bench.mjs */
export default async function engineBench(bench) {
  const page = await bench.openPage('engine-bench');
  const call = (fn, ...args) => page.evaluate(([f, a]) => globalThis.pacerBench[f](...a), [fn, args]);
  console.log(`  building rollups for ${OBS.toLocaleString('en')} observations…`);
  const built = await call('setup', OBS, GOALS, METRICS);
  console.log(`  ${built.rollups} rollups built in ${Math.round(built.ms)} ms`);
  const base = [];
  const full = [];
  for (let i = 0; i < 5; i++) {
    base.push((await call('baseline')).ms);
    full.push((await call('full')).ms);
  }
  const inc = await call('incremental', 50);
  const bestBase = Math.max(0.01, Math.min(...base));
  const bestFull = Math.min(...full);
  bench.table([
    {
      step: `plain loop summing ${OBS.toLocaleString('en')} points (baseline)`,
      ms: bestBase.toFixed(2),
      'vs baseline': '1.00×',
    },
    {
      step: `full recompute, ${GOALS} goals`,
      ms: bestFull.toFixed(1),
      'vs baseline': `${(bestFull / bestBase).toFixed(1)}×`,
    },
    {
      step: 'incremental update, one value (median of 50)',
      ms: inc.median.toFixed(2),
      'vs baseline': `${(inc.median / bestBase).toFixed(2)}×`,
    },
  ]);
  bench.budget(`full recompute ${Math.round(bestFull)} ms (budget 1000 ms)`, bestFull / 1000, 1);
  bench.budget(`incremental update ${inc.median.toFixed(2)} ms (budget 5 ms)`, inc.median / 5, 1);
  bench.record({ observations: OBS, goals: GOALS, baselineMs: bestBase, fullMs: bestFull, incremental: inc });
}
