import { describe, expect, it } from 'vitest';
import { hasRule, importReason } from '../../../lib/i18n/import-reasons';
import { DATE_FORMATS, NUMBER_FORMATS, parseNumber, parseWallTime } from '../../../lib/import/formats';
import { buildImportPlan, type ImportConfig } from '../../../lib/import/plan';

/**
 * Every reason the importer gives for a bad row reads in Vietnamese: the reasons are collected from
 * the importer itself (bad dates in every format, bad numbers, clashes, short rows, future days), so a
 * new reason without a rule fails here instead of showing English on a Vietnamese page.
 */
const kpi: ImportConfig = {
  kind: 'kpi-series',
  mapping: { date: 0, value: 1, channel: 2 },
  headers: ['Ngày', 'Giá trị', 'Kênh'],
  dateFormat: 'yyyy-mm-dd',
  numberFormat: '1,234.5',
  timeZone: 'Asia/Ho_Chi_Minh',
  metricId: 'm',
  now: Date.UTC(2026, 11, 7),
};

function reasons(): string[] {
  const out = new Set<string>();
  const badDates = [
    'abc',
    '2024-02-30',
    '2024-13-01',
    '13:99',
    '2024-01-01 25:00',
    '30/02/2024 1:00 PM',
    '13 PM',
  ];
  for (const format of DATE_FORMATS)
    for (const text of [...badDates, '', '60', '9999999999', '1969-12-31', '01/01/1969', '2024-01-01 xx'])
      for (const r of [parseWallTime(text, format)]) if (!r.ok) out.add(r.reason);
  for (const format of NUMBER_FORMATS)
    for (const text of ['', 'abc', '#N/A', '1e999', '1.2.3,4,5'])
      for (const r of [parseNumber(text, format)]) if (!r.ok) out.add(r.reason);
  const plan = buildImportPlan(kpi);
  plan.addRow(['2024-03-05', '1', 'zalo'], 2);
  plan.addRow(['2024-03-05', '2', 'zalo'], 3);
  plan.addRow(['2030-01-01', '2', 'zalo'], 4);
  plan.addRow(['2024-03-06'], 5);
  plan.addRow(['1969-12-31', '2', 'zalo'], 6);
  for (const e of plan.summary().errors) out.add(e.reason);
  return [...out];
}

describe('importReason', () => {
  it('has a Vietnamese rule for every reason the importer gives', () => {
    const all = reasons();
    expect(all.length).toBeGreaterThan(12);
    expect(all.filter((r) => !hasRule(r))).toEqual([]);
  });

  it('keeps the values and translates the words', () => {
    expect(importReason('day 30 does not exist in month 2', 'vi')).toBe('tháng 2 không có ngày 30');
    expect(importReason('same date and dimensions as row 2 but different values', 'vi')).toBe(
      'trùng ngày và chiều dữ liệu với dòng 2 nhưng giá trị khác',
    );
    expect(importReason('“abc” is not a number', 'vi')).toBe('“abc” không phải là số');
    expect(importReason('day 30 does not exist in month 2', 'en')).toBe('day 30 does not exist in month 2');
    expect(importReason('something new', 'vi')).toBe('something new');
  });
});
