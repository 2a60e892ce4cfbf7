/**
 * Forecast backtest on public time series shipped by the `vega-datasets` package.
 * Run: npx tsx scripts/backtest.ts   (results are copied into docs/forecast-backtest.md)
 *
 * Protocol (rolling origin): for each series, every 3 periods from the first point that has a full
 * history window, the forecaster sees only the last W periods (36 months or 104 weeks: the short
 * histories a small business actually has) and forecasts H periods ahead (6 months / 13 weeks).
 * We count how often the actual falls inside the 80% interval [p10, p90] and compare the point error
 * with two baselines on the same windows: naive (last value) and a least-squares linear trend.
 * Errors are scaled by the in-window naive one-step MAE (MASE) so series of any size can be averaged.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { forecastSeries } from '../lib/engine/forecast';

interface Series {
  dataset: string;
  name: string;
  values: number[];
  period: 'month' | 'week';
}

const require = createRequire(import.meta.url);
// The package exports only its JS entry (build/index.js); the data folder sits beside build/.
const dataDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');
const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');

function csv(file: string): Array<Record<string, string>> {
  const [head, ...rows] = read(file).trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return rows.map((r) => {
    const cells = r.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

function loadSeries(): Series[] {
  const out: Series[] = [];
  // Monthly unemployed counts by industry, 2000–2010: seasonal, with the 2008 shock.
  const unemp = JSON.parse(read('unemployment-across-industries.json')) as Array<{
    series: string;
    date: string;
    count: number;
  }>;
  const byIndustry = new Map<string, Array<{ date: string; count: number }>>();
  for (const r of unemp) {
    const list = byIndustry.get(r.series) ?? [];
    list.push(r);
    byIndustry.set(r.series, list);
  }
  for (const [name, rows] of byIndustry) {
    rows.sort((a, b) => a.date.localeCompare(b.date));
    out.push({
      dataset: 'unemployment-across-industries',
      name,
      values: rows.map((r) => r.count),
      period: 'month',
    });
  }
  // Monthly US employment by sector, 2006–2015.
  const emp = csv('us-employment.csv');
  for (const col of Object.keys(emp[0] ?? {})) {
    if (col === 'month' || col === 'nonfarm_change') continue;
    out.push({
      dataset: 'us-employment',
      name: col,
      values: emp.map((r) => Number(r[col])),
      period: 'month',
    });
  }
  // Monthly stock prices (close to random walks: the hardest case to beat naive on).
  const stocks = csv('stocks.csv');
  for (const sym of new Set(stocks.map((r) => r.symbol ?? ''))) {
    out.push({
      dataset: 'stocks',
      name: sym,
      values: stocks.filter((r) => r.symbol === sym).map((r) => Number(r.price)),
      period: 'month',
    });
  }
  out.push({
    dataset: 'sp500',
    name: 'S&P 500',
    values: csv('sp500.csv').map((r) => Number(r.price)),
    period: 'month',
  });
  // Monthly CO2 (strong trend + seasonality). Rows with gaps in the record are skipped.
  out.push({
    dataset: 'co2-concentration',
    name: 'CO2',
    values: csv('co2-concentration.csv').map((r) => Number(r.CO2)),
    period: 'month',
  });
  // Seattle weather, daily → weekly: mean max temperature and total precipitation.
  const sea = csv('seattle-weather.csv');
  const weeks = new Map<number, { t: number; p: number; n: number }>();
  for (const r of sea) {
    const day = Math.floor(Date.parse(`${r.date}T00:00:00Z`) / 86_400_000);
    const w = Math.floor((day - 4) / 7); // weeks starting Monday
    const acc = weeks.get(w) ?? { t: 0, p: 0, n: 0 };
    acc.t += Number(r.temp_max);
    acc.p += Number(r.precipitation);
    acc.n += 1;
    weeks.set(w, acc);
  }
  const full = [...weeks.entries()].filter(([, a]) => a.n === 7).sort((a, b) => a[0] - b[0]);
  out.push({
    dataset: 'seattle-weather',
    name: 'weekly mean temp_max',
    values: full.map(([, a]) => a.t / 7),
    period: 'week',
  });
  out.push({
    dataset: 'seattle-weather',
    name: 'weekly precipitation',
    values: full.map(([, a]) => a.p),
    period: 'week',
  });
  return out.filter((s) => s.values.every(Number.isFinite));
}

function linearTrend(y: readonly number[], h: number): number[] {
  const n = y.length;
  const mx = (n - 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * ((y[i] ?? 0) - my);
    sxx += (i - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return Array.from({ length: h }, (_, k) => my + b * (n - 1 + k + 1 - mx));
}

interface Tally {
  forecasts: number;
  covered: number;
  engine: number;
  naive: number;
  linear: number;
}

const blank = (): Tally => ({ forecasts: 0, covered: 0, engine: 0, naive: 0, linear: 0 });

function run() {
  const all = blank();
  const byHorizon = Array.from({ length: 6 }, blank);
  const perDataset = new Map<string, Tally>();
  for (const s of loadSeries()) {
    const W = s.period === 'month' ? 36 : 104;
    const H = s.period === 'month' ? 6 : 13;
    const m = s.period === 'month' ? 12 : 52;
    const t = perDataset.get(s.dataset) ?? blank();
    perDataset.set(s.dataset, t);
    for (let origin = W; origin + H <= s.values.length; origin += 3) {
      const hist = s.values.slice(origin - W, origin);
      const actual = s.values.slice(origin, origin + H);
      let scale = 0;
      for (let i = 1; i < hist.length; i++) scale += Math.abs((hist[i] ?? 0) - (hist[i - 1] ?? 0));
      scale /= hist.length - 1;
      if (!(scale > 0)) continue;
      const f = forecastSeries(hist, H, { seasonPeriod: m, paths: 400, seed: origin });
      const lin = linearTrend(hist, H);
      const last = hist[hist.length - 1] ?? 0;
      for (let k = 0; k < H; k++) {
        const a = actual[k] ?? 0;
        const tallies = s.period === 'month' ? [t, all, byHorizon[k]!] : [t, all];
        for (const tally of tallies) {
          tally.forecasts++;
          if (a >= (f.p10[k] ?? 0) && a <= (f.p90[k] ?? 0)) tally.covered++;
          tally.engine += Math.abs(a - (f.point[k] ?? 0)) / scale;
          tally.naive += Math.abs(a - last) / scale;
          tally.linear += Math.abs(a - (lin[k] ?? 0)) / scale;
        }
      }
    }
  }
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.forecasts} | ${((100 * t.covered) / t.forecasts).toFixed(1)}% | ${(t.engine / t.forecasts).toFixed(3)} | ${(t.naive / t.forecasts).toFixed(3)} | ${(t.linear / t.forecasts).toFixed(3)} |`;
  console.log(
    '| dataset | forecasts | 80% interval coverage | MASE engine | MASE naive | MASE linear trend |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, t] of perDataset) console.log(row(name, t));
  console.log(row('**all**', all));
  console.log('\nMonthly series by horizon:\n');
  console.log(
    '| months ahead | forecasts | 80% interval coverage | MASE engine | MASE naive | MASE linear trend |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  byHorizon.forEach((t, k) => {
    console.log(row(String(k + 1), t));
  });
}

run();
