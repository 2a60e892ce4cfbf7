/**
 * Series for the forecast backtest (scripts/backtest.ts), split by use: see the header there and
 * docs/forecast-backtest.md ("Data: what was used for what").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Freq = 'month' | 'week';
export type Use = 'development' | 'evaluation';
export interface Series {
  dataset: string;
  name: string;
  values: number[];
  period: Freq;
  use: Use;
}

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- loading

function parseCsv(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return rows.map((r) => {
    const cells = r.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY);
/** Monday-based week number of a day number (1970-01-01 was a Thursday). */
const weekOf = (day: number) => Math.floor((day + 3) / 7);
const monthOf = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

type Agg = 'sum' | 'mean' | 'last';
/** Daily values → complete weeks or months (a period needs every one of its days). */
function aggregate(days: Array<{ day: number; value: number }>, freq: Freq, agg: Agg): number[] {
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
  const out: number[] = [];
  for (let i = first; i >= 0 && i <= lastK; i++) {
    const b = buckets.get(keys[i]!)!;
    out.push(agg === 'sum' ? b.sum : agg === 'mean' ? b.sum / b.n : b.last);
  }
  return out;
}

export function vegaSeries(): Series[] {
  const dataDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');
  const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');
  const out: Series[] = [];
  const dev = (dataset: string, name: string, values: number[], period: Freq) =>
    out.push({ dataset, name, values, period, use: 'development' });
  const unemp = JSON.parse(read('unemployment-across-industries.json')) as Array<{
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
  const emp = parseCsv(read('us-employment.csv'));
  for (const col of Object.keys(emp[0] ?? {})) {
    if (col === 'month' || col === 'nonfarm_change') continue;
    dev(
      'us-employment',
      col,
      emp.map((r) => Number(r[col])),
      'month',
    );
  }
  const stocks = parseCsv(read('stocks.csv'));
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
    parseCsv(read('sp500.csv')).map((r) => Number(r.price)),
    'month',
  );
  dev(
    'co2-concentration',
    'CO2',
    parseCsv(read('co2-concentration.csv')).map((r) => Number(r.CO2)),
    'month',
  );
  const sea = parseCsv(read('seattle-weather.csv')).map((r) => ({ ...r, day: dayOf(r.date ?? '') }));
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
  const ev = (dataset: string, name: string, values: number[], period: Freq) =>
    out.push({ dataset, name, values, period, use: 'evaluation' });
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
        ev('pizza-sales', `${cat} ${key} by ${freq}`, aggregate(filled(key), freq, 'sum'), freq);
    }
  }
  const weather = parseCsv(obs('weather.csv')).filter((r) => r.location === 'New York');
  const ny = weather.map((r) => ({ ...r, day: dayOf(r.date ?? '') }));
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
  const dataDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');
  const read = (file: string) => readFileSync(join(dataDir, file), 'utf8');
  const out: Series[] = [];
  const dev = (dataset: string, name: string, values: number[], period: Freq) =>
    out.push({ dataset, name, values, period, use: 'development' });
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

  const strikes = parseCsv(read('birdstrikes.csv')).map((r) => ({
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
    dev('birdstrikes', `all reports by ${freq}`, aggregate(all, freq, 'sum'), freq);
  for (const operator of ['AMERICAN AIRLINES', 'US AIRWAYS*', 'SOUTHWEST AIRLINES']) {
    const days = daily(
      strikes.filter((s) => s.operator === operator).map((s) => ({ day: s.day, value: 1 })),
      lo,
      hi,
    );
    dev('birdstrikes', `${operator} by month`, aggregate(days, 'month', 'sum'), 'month');
  }

  const movies = JSON.parse(read('movies.json')) as Array<{
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
    aggregate(
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
    aggregate(
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
  const spx = parseCsv(read('sp500-2000.csv')).map((r) => ({
    day: dayOf(r.date ?? ''),
    value: Number(r.volume),
  }));
  for (const freq of ['week', 'month'] as const) {
    const key = (day: number) => (freq === 'week' ? weekOf(day) : monthOf(day));
    const sums = new Map<number, number>();
    for (const r of spx) sums.set(key(r.day), (sums.get(key(r.day)) ?? 0) + r.value);
    const keys = [...sums.keys()].sort((a, b) => a - b).slice(1, -1); // the first and last may be partial
    dev(
      'sp500-2000',
      `trading volume by ${freq}`,
      keys.map((k) => sums.get(k) ?? 0),
      freq,
    );
  }
  return out;
}
