/**
 * Series for the forecast backtest (scripts/backtest.ts), split by use: see the header there and
 * docs/forecast-backtest.md ("Data: what was used for what").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mulberry32 } from '../lib/engine/random';

export type Freq = 'month' | 'week';
/**
 * `independent`: the `@stdlib` births of backtest-independent.ts; `football`: its second source (seventh
 * round); `fresh`: the fresh held-out set of backtest-fresh.ts (fifteenth round). None is ever used to
 * choose anything.
 */
export type Use = 'development' | 'evaluation' | 'independent' | 'football' | 'fresh';
export interface Series {
  dataset: string;
  name: string;
  values: number[];
  period: Freq;
  use: Use;
  /**
   * Calendar days in each period, for series that are sums over the days of a month (flows: reports,
   * orders, births): the forecaster's calendar adjustment. Absent for levels, prices and weeks.
   */
  days?: number[];
}

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- loading

export function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return rows.map((r) => {
    const cells = r.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

const DAY = 86_400_000;
export const dayOf = (iso: string) =>
  Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY);
/** Monday-based week number of a day number (1970-01-01 was a Thursday). */
const weekOf = (day: number) => Math.floor((day + 3) / 7);
const monthOf = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

type Agg = 'sum' | 'mean' | 'last';

/** A function that adds a series of `use` to `out`, with its calendar days when it is a monthly sum. */
function collect(out: Series[], use: Use) {
  return (
    dataset: string,
    name: string,
    values: number[] | { values: number[]; days: number[] },
    period: Freq,
  ) => out.push({ dataset, name, ...asSeries(values, period), period, use });
}

/** Values, with their periods' calendar days when they are monthly sums (see Series.days). */
export function asSeries(
  data: number[] | { values: number[]; days: number[] },
  period: Freq,
): { values: number[]; days?: number[] } {
  if (Array.isArray(data)) return { values: data };
  return period === 'month' ? data : { values: data.values };
}
/** Daily values → complete weeks or months (a period needs every one of its days). */
export function aggregate(days: Array<{ day: number; value: number }>, freq: Freq, agg: Agg): number[] {
  return aggregatePeriods(days, freq, agg).values;
}

/** As aggregate, with the number of calendar days in each period. */
export function aggregatePeriods(
  days: Array<{ day: number; value: number }>,
  freq: Freq,
  agg: Agg,
): { values: number[]; days: number[] } {
  const buckets = new Map<number, { sum: number; n: number; last: number; lastDay: number }>();
  for (const { day, value } of days) {
    const k = freq === 'week' ? weekOf(day) : monthOf(day);
    const b = buckets.get(k) ?? { sum: 0, n: 0, last: value, lastDay: -1 };
    b.sum += value;
    b.n++;
    if (day > b.lastDay) {
      b.last = value;
      b.lastDay = day;
    }
    buckets.set(k, b);
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  // Trading days and gaps: for 'last' any day counts; otherwise the period must be complete.
  const complete = (k: number) => {
    const b = buckets.get(k)!;
    if (agg === 'last') return b.n >= (freq === 'week' ? 3 : 15);
    if (freq === 'week') return b.n === 7;
    const y = Math.floor(k / 12);
    const m = k % 12;
    return b.n === new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  };
  const first = keys.findIndex(complete);
  const lastK = keys.findLastIndex(complete);
  const values: number[] = [];
  const lengths: number[] = [];
  for (let i = first; i >= 0 && i <= lastK; i++) {
    const k = keys[i]!;
    const b = buckets.get(k)!;
    values.push(agg === 'sum' ? b.sum : agg === 'mean' ? b.sum / b.n : b.last);
    lengths.push(freq === 'week' ? 7 : new Date(Date.UTC(Math.floor(k / 12), (k % 12) + 1, 0)).getUTCDate());
  }
  return { values, days: lengths };
}

/**
 * A file of the `vega-datasets` package's data folder: development series, and football.json, the
 * independent check's second source (backtest-independent.ts).
 */
export function readVega(file: string): string {
  return readFileSync(join(dirname(require.resolve('vega-datasets')), '..', 'data', file), 'utf8');
}

export function vegaSeries(): Series[] {
  const out: Series[] = [];
  const dev = collect(out, 'development');
  const unemp = JSON.parse(readVega('unemployment-across-industries.json')) as Array<{
    series: string;
    date: string;
    count: number;
  }>;
  const byIndustry = new Map<string, Array<{ date: string; count: number }>>();
  for (const r of unemp) byIndustry.set(r.series, [...(byIndustry.get(r.series) ?? []), r]);
  for (const [name, rows] of byIndustry) {
    rows.sort((a, b) => a.date.localeCompare(b.date));
    dev(
      'unemployment-across-industries',
      name,
      rows.map((r) => r.count),
      'month',
    );
  }
  const emp = parseCsv(readVega('us-employment.csv'));
  for (const col of Object.keys(emp[0] ?? {})) {
    if (col === 'month' || col === 'nonfarm_change') continue;
    dev(
      'us-employment',
      col,
      emp.map((r) => Number(r[col])),
      'month',
    );
  }
  const stocks = parseCsv(readVega('stocks.csv'));
  for (const sym of new Set(stocks.map((r) => r.symbol ?? ''))) {
    dev(
      'stocks',
      sym,
      stocks.filter((r) => r.symbol === sym).map((r) => Number(r.price)),
      'month',
    );
  }
  dev(
    'sp500',
    'S&P 500',
    parseCsv(readVega('sp500.csv')).map((r) => Number(r.price)),
    'month',
  );
  dev(
    'co2-concentration',
    'CO2',
    parseCsv(readVega('co2-concentration.csv')).map((r) => Number(r.CO2)),
    'month',
  );
  // Only the columns used (spreading a parsed row would lose its string index type).
  const sea = parseCsv(readVega('seattle-weather.csv')).map((r) => ({
    day: dayOf(r.date ?? ''),
    temp_max: r.temp_max,
    precipitation: r.precipitation,
  }));
  dev(
    'seattle-weather',
    'weekly mean temp_max',
    aggregate(
      sea.map((r) => ({ day: r.day, value: Number(r.temp_max) })),
      'week',
      'mean',
    ),
    'week',
  );
  dev(
    'seattle-weather',
    'weekly precipitation',
    aggregate(
      sea.map((r) => ({ day: r.day, value: Number(r.precipitation) })),
      'week',
      'sum',
    ),
    'week',
  );
  return out;
}

export function heldOutSeries(): Series[] {
  const out: Series[] = [];
  const ev = collect(out, 'evaluation');
  const obs = (file: string) =>
    readFileSync(require.resolve(`@observablehq/sample-datasets/${file}`), 'utf8');

  // A pizza restaurant's daily sales: the closest thing to a small business's own numbers.
  const pizza = parseCsv(obs('pizza.csv'));
  const byCat = new Map<string, Map<number, { orders: number; revenue: number }>>();
  for (const r of pizza) {
    const day = dayOf(r.order_date ?? '');
    for (const cat of [r.category ?? '', 'all']) {
      const m = byCat.get(cat) ?? new Map();
      const acc = m.get(day) ?? { orders: 0, revenue: 0 };
      acc.orders += Number(r.orders);
      acc.revenue += Number(r.revenue);
      m.set(day, acc);
      byCat.set(cat, m);
    }
  }
  for (const [cat, days] of byCat) {
    // Closed days are zero-sale days, not missing ones.
    const all = [...byCat.get('all')!.keys()];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const filled = (key: 'orders' | 'revenue') =>
      Array.from({ length: hi - lo + 1 }, (_, i) => ({ day: lo + i, value: days.get(lo + i)?.[key] ?? 0 }));
    for (const key of ['orders', 'revenue'] as const) {
      for (const freq of ['week', 'month'] as const)
        ev('pizza-sales', `${cat} ${key} by ${freq}`, aggregatePeriods(filled(key), freq, 'sum'), freq);
    }
  }
  const weather = parseCsv(obs('weather.csv')).filter((r) => r.location === 'New York');
  const ny = weather.map((r) => ({
    day: dayOf(r.date ?? ''),
    temp_max: r.temp_max,
    precipitation: r.precipitation,
  }));
  ev(
    'new-york-weather',
    'weekly mean temp_max',
    aggregate(
      ny.map((r) => ({ day: r.day, value: Number(r.temp_max) })),
      'week',
      'mean',
    ),
    'week',
  );
  ev(
    'new-york-weather',
    'weekly precipitation',
    aggregate(
      ny.map((r) => ({ day: r.day, value: Number(r.precipitation) })),
      'week',
      'sum',
    ),
    'week',
  );
  const aapl = parseCsv(obs('aapl.csv')).map((r) => ({ day: dayOf(r.Date ?? ''), value: Number(r.Close) }));
  for (const freq of ['week', 'month'] as const)
    ev('aapl-2013-2018', `close by ${freq}`, aggregate(aapl, freq, 'last'), freq);

  const visx = require('@visx/mock-data') as { appleStock: Array<{ date: string; close: number }> };
  const apple = visx.appleStock.map((r) => ({ day: dayOf(r.date), value: r.close }));
  for (const freq of ['week', 'month'] as const)
    ev('visx-apple-2007-2012', `close by ${freq}`, aggregate(apple, freq, 'last'), freq);
  return out;
}

/**
 * Development series that behave like a business's own counts: activity that grows, shifts level and
 * has busy and quiet months, rather than the macro aggregates and prices above. All from
 * `vega-datasets` (none from the held-out packages):
 * - birdstrikes: a 10,000-report sample of FAA wildlife strikes 1990–2002, counted per day (a day
 *   without a report counts 0) and summed to weeks and months: all reports, and per airline for the
 *   three largest operators (small counts, like one sales rep's deals);
 * - movies: films released per month and their summed US gross 1995–2009 (releases are dated to the
 *   day; the years before 1995 and after 2009 hold a handful of films each, so they are left out);
 * - sp500-2000: the S&P 500's daily trading volume 2000–2020 summed to weeks and months (activity
 *   with lasting level shifts: 2008, 2020).
 */
export function vegaBusinessSeries(): Series[] {
  const out: Series[] = [];
  const dev = collect(out, 'development');
  /** Counts (or sums) per day over every day from the first to the last, zero where nothing happened. */
  const daily = (rows: Array<{ day: number; value: number }>, lo?: number, hi?: number) => {
    const byDay = new Map<number, number>();
    for (const r of rows) byDay.set(r.day, (byDay.get(r.day) ?? 0) + r.value);
    const first = lo ?? Math.min(...byDay.keys());
    const last = hi ?? Math.max(...byDay.keys());
    return Array.from({ length: last - first + 1 }, (_, i) => ({
      day: first + i,
      value: byDay.get(first + i) ?? 0,
    }));
  };

  const strikes = parseCsv(readVega('birdstrikes.csv')).map((r) => ({
    day: dayOf(r['Flight Date'] ?? ''),
    operator: r['Aircraft Airline Operator'] ?? '',
  }));
  const lo = Math.min(...strikes.map((s) => s.day));
  const hi = Math.max(...strikes.map((s) => s.day));
  const all = daily(
    strikes.map((s) => ({ day: s.day, value: 1 })),
    lo,
    hi,
  );
  for (const freq of ['week', 'month'] as const)
    dev('birdstrikes', `all reports by ${freq}`, aggregatePeriods(all, freq, 'sum'), freq);
  for (const operator of ['AMERICAN AIRLINES', 'US AIRWAYS*', 'SOUTHWEST AIRLINES']) {
    const days = daily(
      strikes.filter((s) => s.operator === operator).map((s) => ({ day: s.day, value: 1 })),
      lo,
      hi,
    );
    dev('birdstrikes', `${operator} by month`, aggregatePeriods(days, 'month', 'sum'), 'month');
  }

  const movies = JSON.parse(readVega('movies.json')) as Array<{
    'Release Date': string | null;
    'US Gross': number | null;
  }>;
  const released = movies
    .map((m) => ({
      day: Math.floor(Date.parse(`${m['Release Date'] ?? ''} UTC`) / DAY),
      gross: m['US Gross'] ?? 0,
    }))
    .filter((m) => Number.isFinite(m.day));
  const from = dayOf('1995-01-01');
  const to = dayOf('2009-12-31');
  const inRange = released.filter((m) => m.day >= from && m.day <= to);
  dev(
    'movies',
    'films released by month',
    aggregatePeriods(
      daily(
        inRange.map((m) => ({ day: m.day, value: 1 })),
        from,
        to,
      ),
      'month',
      'sum',
    ),
    'month',
  );
  dev(
    'movies',
    'US gross of the month’s releases',
    aggregatePeriods(
      daily(
        inRange.map((m) => ({ day: m.day, value: m.gross })),
        from,
        to,
      ),
      'month',
      'sum',
    ),
    'month',
  );

  // Trading days only: a week or month is complete here when it has any trading day ('last' rule), so
  // volume is summed by hand over the trading days each period holds.
  const spx = parseCsv(readVega('sp500-2000.csv')).map((r) => ({
    day: dayOf(r.date ?? ''),
    value: Number(r.volume),
  }));
  for (const freq of ['week', 'month'] as const) {
    const key = (day: number) => (freq === 'week' ? weekOf(day) : monthOf(day));
    const sums = new Map<number, number>();
    for (const r of spx) sums.set(key(r.day), (sums.get(key(r.day)) ?? 0) + r.value);
    const keys = [...sums.keys()].sort((a, b) => a - b).slice(1, -1); // the first and last may be partial
    // Calendar days, not trading days, as the app would count them for a monthly total.
    const monthDays = (k: number) => new Date(Date.UTC(Math.floor(k / 12), (k % 12) + 1, 0)).getUTCDate();
    dev(
      'sp500-2000',
      `trading volume by ${freq}`,
      { values: keys.map((k) => sums.get(k) ?? 0), days: keys.map(monthDays) },
      freq,
    );
  }
  return out;
}

/**
 * Seeded synthetic development families, drawn from textbook processes only, so that the constants
 * of the band are not fitted to whichever real series has the most windows (weekly S&P 500 trading
 * volume was half of the weekly development forecasts). None is shaped after a held-out series: the
 * processes and their parameters are the standard ones of the forecasting literature, spread over a
 * range (noise-dominated to level-dominated), four series per family and frequency, each on its own
 * seed. Levels are set so that every value stays positive (the total-goal test needs non-negative
 * windows); the parameters are in units of the noise's standard deviation, so coverage and MASE do not
 * depend on the level chosen. Weekly series are 4 years long (208 weeks: room for the 104-week windows
 * and 13 weeks ahead), monthly ones 8 years (96 months).
 * - white-noise: a constant level plus independent normal noise;
 * - random-walk: each value the last plus a normal step;
 * - local-level: a random walk observed with noise (signal-to-noise ratio q from 0.1 to 2);
 * - ar1: an autoregression of order one with φ from 0.5 to 0.8 around a constant mean;
 * - local-linear-trend: a level with a slowly wandering slope, observed with noise;
 * - seasonal: a fixed yearly pattern (two harmonics, period 52 weeks / 12 months) plus noise.
 */
export function syntheticSeries(): Series[] {
  const out: Series[] = [];
  const LENGTH: Record<Freq, number> = { week: 208, month: 96 };
  const PERIOD: Record<Freq, number> = { week: 52, month: 12 };
  const freqs: Freq[] = ['week', 'month'];
  for (const [f, freq] of freqs.entries()) {
    const n = LENGTH[freq];
    const add = (family: string, i: number, make: (normal: () => number) => number[]) => {
      const normal = gaussian(mulberry32(1000 * (f + 1) + 100 * FAMILIES.indexOf(family) + i));
      const values = make(normal);
      if (!values.every((v) => v > 0))
        throw new Error(`synthetic ${family} ${i} (${freq}) went non-positive`);
      out.push({
        dataset: `synthetic ${family}`,
        name: `${family} #${i + 1} by ${freq}`,
        values,
        period: freq,
        use: 'development',
      });
    };
    for (let i = 0; i < 4; i++) {
      add('white-noise', i, (z) => Array.from({ length: n }, () => 100 + 10 * z()));
      // A walk drifts about √n step sizes from its start: start four of those above zero.
      add('random-walk', i, (z) => walk(n, 100 + 4 * 5 * Math.sqrt(n), () => 5 * z()));
      const q = [0.1, 0.3, 0.7, 2][i]!;
      add('local-level', i, (z) =>
        walk(n, 100 + 4 * 5 * q * Math.sqrt(n), () => 5 * q * z()).map((v) => v + 5 * z()),
      );
      const phi = [0.5, 0.6, 0.7, 0.8][i]!;
      add('ar1', i, (z) => {
        let x = 0;
        return Array.from({ length: n }, () => {
          x = phi * x + 5 * z();
          return 100 + x;
        });
      });
      const slope0 = [0.5, 1, -0.5, 0.25][i]! * (freq === 'week' ? 1 : 4);
      add('local-linear-trend', i, (z) => {
        let level = 600;
        let slope = slope0;
        return Array.from({ length: n }, () => {
          slope += 0.05 * z();
          level += slope + 1 * z();
          return level + 5 * z();
        });
      });
      const m = PERIOD[freq];
      const a1 = [10, 20, 15, 30][i]!;
      const a2 = [3, 8, 0, 10][i]!;
      const phase = 2 * Math.PI * (i / 4);
      add('seasonal', i, (z) =>
        Array.from({ length: n }, (_, t) => {
          const w = (2 * Math.PI * t) / m;
          return 100 + a1 * Math.sin(w + phase) + a2 * Math.cos(2 * w) + 5 * z();
        }),
      );
    }
  }
  return out;
}

const FAMILIES = ['white-noise', 'random-walk', 'local-level', 'ar1', 'local-linear-trend', 'seasonal'];

function walk(n: number, start: number, step: () => number): number[] {
  let x = start;
  return Array.from({ length: n }, () => {
    x += step();
    return x;
  });
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}
