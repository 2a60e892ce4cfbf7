import { describe, expect, it } from 'vitest';
import { oddEntryQuestion, oddQuestion } from '../../../lib/app/odd-entry';
import { type PasteOptions, parsePastedColumn } from '../../../lib/app/paste-values';
import { checkValue } from '../../../lib/popup/quick-log';
import type { Unit } from '../../../lib/schema';

// Issue 19, item 6 on the new tab: pasted or typed values odd for their KPI are asked about once,
// with the quick log's own rule, and never refused or held up with the ordinary ones.
const NOW = Date.UTC(2026, 2, 10, 9);
const opts = (unit: Unit, locale: PasteOptions['locale'] = 'en'): PasteOptions => ({
  locale,
  timeZone: 'Asia/Ho_Chi_Minh',
  now: NOW,
  unit,
  lastDay: '2026-03-10',
  undated: 'daily',
});
const COUNT: Unit = { kind: 'count' };
const VND: Unit = { kind: 'currency', currency: 'VND' };

describe('pasted values odd for their KPI', () => {
  it('marks each odd row and keeps it a row, not a bad line', () => {
    const r = parsePastedColumn('5\n-3\n2.5\n7', opts(COUNT));
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.value, x.odd])).toEqual([
      [5, false],
      [-3, true],
      [2.5, true],
      [7, false],
    ]);
  });

  it('marks a row with the same question the popup asks', () => {
    const popup = checkValue('-3', 'en', COUNT, 'kpi');
    expect(popup.status).toBe('confirm');
    expect(oddQuestion(-3, COUNT, 'en')).toBe(popup.status === 'confirm' ? popup.question.en : '');
    expect(oddQuestion(-3, COUNT, 'en')).toBe('-3? This KPI counts things, and counts are not negative.');
    expect(oddQuestion(5, COUNT, 'en')).toBeNull();
  });

  it('asks once, naming the odd values as they will be stored', () => {
    const r = parsePastedColumn('5\n-3\n2.5\n7', opts(COUNT));
    const values = r.rows.map((x) => x.value);
    expect(oddEntryQuestion(values, COUNT, 'en')).toBe(
      '2 values look odd for a count: -3, 2.5. Save them anyway?',
    );
    expect(oddEntryQuestion([-3], COUNT, 'en')).toBe('1 value looks odd for a count: -3. Save it anyway?');
    expect(oddEntryQuestion(values, COUNT, 'vi')).toBe(
      '2 giá trị có vẻ bất thường với một số đếm: -3, 2,5. Vẫn lưu chứ?',
    );
  });

  it('questions money below its smallest unit or below zero, in the currency it is stored in', () => {
    const r = parsePastedColumn('1500000\n1,5\n-200000', opts(VND, 'vi'));
    expect(r.rows.map((x) => x.odd)).toEqual([false, true, true]);
    const q = oddEntryQuestion(
      r.rows.map((x) => x.value),
      VND,
      'en',
    );
    expect(q).toMatch(/^2 values look odd for an amount in VND: .*1\.5.*, .*200,000.*\. Save them anyway\?$/);
  });

  it('asks nothing when every value is ordinary, and nothing for kinds with no such rule', () => {
    expect(oddEntryQuestion([1, 2, 3], COUNT, 'en')).toBeNull();
    expect(oddEntryQuestion([-5, 0.25], { kind: 'percent' }, 'en')).toBeNull();
    expect(parsePastedColumn('-5\n0.25', opts({ kind: 'percent' })).rows.every((x) => !x.odd)).toBe(true);
  });

  it('names five values and counts the rest, so a long paste keeps the question short', () => {
    const q = oddEntryQuestion([-1, -2, -3, -4, -5, -6, -7, 4], COUNT, 'en');
    expect(q).toBe('7 values look odd for a count: -1, -2, -3, -4, -5, +2 more. Save them anyway?');
  });
});
