import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PASTE_LINES,
  type PasteOptions,
  parsePastedColumn,
  parsePastedDate,
  pastedObservations,
} from '../../../lib/app/paste-values';
import type { Metric } from '../../../lib/schema';
import { validateObservations } from '../../../lib/storage/observations';

const NOW = Date.UTC(2026, 2, 10, 9); // 10 March 2026, 16:00 in Vietnam
const opts = (over: Partial<PasteOptions> = {}): PasteOptions => ({
  locale: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
  now: NOW,
  unit: { kind: 'count' },
  lastDay: '2026-03-10',
  undated: 'daily',
  ...over,
});
const NOON = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 5); // local noon at UTC+7

describe('parsePastedColumn', () => {
  it('reads a column of undated values as one a day ending on the chosen day', () => {
    const r = parsePastedColumn('12tr\n1.500.000\n\n3 tỷ\n', opts({ lastDay: '2026-03-08' }));
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, day: '2026-03-06', time: NOON(2026, 3, 6), value: 12_000_000, odd: false },
      { line: 2, day: '2026-03-07', time: NOON(2026, 3, 7), value: 1_500_000, odd: false },
      { line: 4, day: '2026-03-08', time: NOON(2026, 3, 8), value: 3_000_000_000, odd: false },
    ]);
  });

  it('puts every undated value on the chosen day when asked to; today gets the current time', () => {
    const r = parsePastedColumn('1\n2', opts({ undated: 'same' }));
    expect(r.rows.map((x) => [x.day, x.time])).toEqual([
      ['2026-03-10', NOW],
      ['2026-03-10', NOW],
    ]);
  });

  it('reads date<TAB>value rows from a spreadsheet, skipping a header line', () => {
    const text = 'Ngày\tKênh\tDoanh thu\r\n01/03/2026\tfacebook\t1.200\r\n2026-03-02\t\t2,5tr\r\n';
    const r = parsePastedColumn(text, opts());
    expect(r.headerSkipped).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.day, x.value])).toEqual([
      [2, '2026-03-01', 1200],
      [3, '2026-03-02', 2_500_000],
    ]);
  });

  it('reports every bad line by its number: not a number, future date, ambiguous', () => {
    const r = parsePastedColumn('10\nabc\n2026-04-01\t5\n20\n1.5', opts({ locale: 'vi' }));
    expect(r.rows.map((x) => x.line)).toEqual([1, 4]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(r.problems[0]).toEqual({
      line: 2,
      text: 'abc',
      message: { text: { en: '“abc” is not a number.', vi: '“abc” không phải là số.' } },
    });
    expect(r.problems[1]!.message).toEqual({ key: 'popup.futureDate' });
    expect('text' in r.problems[2]!.message && r.problems[2]!.message.text.en).toMatch(/^Does “1.5” mean/);
  });

  it('checks values against the unit: money in another currency is refused', () => {
    const r = parsePastedColumn('$100\n₫200', opts({ unit: { kind: 'currency', currency: 'VND' } }));
    expect(r.rows.map((x) => x.value)).toEqual([200]);
    expect(r.problems[0]).toMatchObject({ line: 1, message: { key: 'quickLog.wrongCurrency' } });
  });

  it('refuses more lines than a paste is meant for, once', () => {
    const r = parsePastedColumn(
      Array.from({ length: MAX_PASTE_LINES + 3 }, () => '1').join('\n'),
      opts({ undated: 'same' }),
    );
    expect(r.rows.length).toBe(MAX_PASTE_LINES);
    expect(r.problems).toEqual([
      {
        line: MAX_PASTE_LINES + 1,
        text: '1',
        message: { key: 'entry.tooManyLines', params: { max: MAX_PASTE_LINES } },
      },
    ]);
  });

  it('accounts for every non-blank line: a row or a problem, never both, never lost (property)', () => {
    const cell = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.constantFrom('abc', '1tr', '', '  ', '2026-03-01\t5', '31/02/2026\t4', 'x\ty', '1.200'),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
        const text = `1\n${cells.join('\n')}`;
        const r = parsePastedColumn(text, opts());
        const nonBlank = text.split('\n').flatMap((l, i) => (l.trim() ? [i + 1] : []));
        const seen = [...r.rows.map((x) => x.line), ...r.problems.map((p) => p.line)].sort((a, b) => a - b);
        expect(seen).toEqual(nonBlank);
        for (const row of r.rows) expect(Number.isFinite(row.value) && row.time <= NOW).toBe(true);
      }),
    );
  });
});

describe('a pasted column of dates', () => {
  it('reads day-first dates in English too, one order for the whole column', () => {
    // A manager's sheet from Vietnam in an English UI: these had been given today's and yesterday's
    // dates in silence.
    const r = parsePastedColumn('31/10/2025\t32\n30/11/2025\t28\n05/11/2025\t30', opts({ locale: 'en' }));
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.day)).toEqual(['2025-10-31', '2025-11-30', '2025-11-05']);
  });

  it('follows the language only when every day could be a month', () => {
    expect(parsePastedColumn('05/11/2025\t1', opts({ locale: 'en' })).rows[0]?.day).toBe('2025-05-11');
    expect(parsePastedColumn('05/11/2025\t1', opts({ locale: 'vi' })).rows[0]?.day).toBe('2025-11-05');
  });

  it('reports a date it cannot read on its line, never dates it anew', () => {
    const r = parsePastedColumn('Oct 15 2025\t33\n31/13/2025\t30\nWeek 12\t5', opts({ locale: 'en' }));
    expect(r.rows.map((x) => [x.line, x.day])).toEqual([
      [1, '2025-10-15'],
      [3, opts().lastDay],
    ]);
    expect(r.problems).toEqual([
      {
        line: 2,
        text: '31/13/2025\t30',
        message: { key: 'entry.badDate', params: { date: '31/13/2025' } },
      },
    ]);
  });
});

describe('parsePastedDate', () => {
  it.each([
    ['2026-03-14', 'en', '2026-03-14'],
    ['2026/3/4', 'vi', '2026-03-04'],
    ['14/03/2026', 'vi', '2026-03-14'],
    ['03/14/2026', 'en', '2026-03-14'],
    ['04.03.26', 'vi', '2026-03-04'],
    ['2026-03-14 10:30', 'en', '2026-03-14'],
    ['2026-03-14T10:30:00Z', 'en', '2026-03-14'],
    // A day above 12 settles the order, whatever the UI's language.
    ['14/03/2026', 'en', '2026-03-14'],
    ['Oct 15 2026', 'en', '2026-10-15'],
    ['15 Oct 2026', 'vi', '2026-10-15'],
    ['31/02/2026', 'en', null],
    ['29/02/2025', 'vi', null],
    ['29/02/2024', 'vi', '2024-02-29'],
    ['1.200.000', 'vi', null],
    ['revenue', 'en', null],
  ] as const)('%s (%s) → %s', (text, locale, expected) => {
    expect(parsePastedDate(text, locale)).toBe(expected);
  });
});

describe('pastedObservations', () => {
  it('builds valid manual observations with ids unique per line', () => {
    const metric = { id: 'm1', dimensions: ['channel'] } as unknown as Metric;
    const r = parsePastedColumn('5\n5', opts({ undated: 'same' }));
    const obs = pastedObservations(r.rows, metric, { channel: 'zalo' }, ' from sheet ', 'abc');
    expect(validateObservations(obs)).toHaveLength(2);
    expect(new Set(obs.map((o) => o.id)).size).toBe(2);
    expect(obs[0]).toEqual({
      id: `manual-${NOW.toString(36)}-abc-1`,
      metricId: 'm1',
      time: NOW,
      value: 5,
      dims: { channel: 'zalo' },
      source: 'manual',
      note: 'from sheet',
    });
  });
});

describe('a column whose dates read both ways', () => {
  it("says so, guesses from how its numbers are written, and follows the user's answer", () => {
    // The reviewer's sheet in an English UI: 02/12–04/12 with Vietnamese numbers had become Feb 12 – Apr 12.
    const text = '02/12/2025\t120.000.000\n03/12/2025\t1.234.567,5\n04/12/2025\t85.500.000';
    const vn = parsePastedColumn(text, opts({ locale: 'en' }));
    expect(vn.dateOrderAmbiguous).toBe(true);
    expect(vn.dateOrder).toBe('dd/mm/yyyy');
    expect(vn.rows.map((r) => r.day)).toEqual(['2025-12-02', '2025-12-03', '2025-12-04']);
    // Plain numbers in an English UI: month first, and the user can say otherwise.
    const plain = '02/12/2025\t5\n03/12/2025\t6';
    expect(parsePastedColumn(plain, opts({ locale: 'en' })).rows.map((r) => r.day)).toEqual([
      '2025-02-12',
      '2025-03-12',
    ]);
    const answered = parsePastedColumn(plain, opts({ locale: 'en', dateOrder: 'dd/mm/yyyy' }));
    expect(answered.rows.map((r) => r.day)).toEqual(['2025-12-02', '2025-12-03']);
    // A day above 12 settles it: no question, and the answer given before does not override it.
    const settled = parsePastedColumn(
      '31/10/2025\t5\n02/11/2025\t6',
      opts({ locale: 'en', dateOrder: 'mm/dd/yyyy' }),
    );
    expect(settled.dateOrderAmbiguous).toBe(false);
    expect(settled.rows.map((r) => r.day)).toEqual(['2025-10-31', '2025-11-02']);
  });
});
