import { describe, expect, it } from 'vitest';
import { parseValue } from '../../../lib/parse/value-parse';

type Case = readonly [input: string, locale: 'en' | 'vi', value: number];

describe('parseValue: numbers as people type them', () => {
  it.each<Case>([
    ['1.200.000', 'vi', 1_200_000],
    ['1.200.000', 'en', 1_200_000],
    ['1,200,000', 'en', 1_200_000],
    ['1,200,000', 'vi', 1_200_000],
    ['1 200 000', 'vi', 1_200_000],
    ['1.234,5', 'vi', 1234.5],
    ['1.234,5', 'en', 1234.5],
    ['1,234.5', 'vi', 1234.5],
    ['-2,5', 'vi', -2.5],
    ['−2,5', 'vi', -2.5],
    ['+7', 'en', 7],
    ['0,5', 'en', 0.5],
    ['.5', 'en', 0.5],
    ['1,2tr', 'vi', 1_200_000],
    ['1.2k', 'en', 1200],
    ['3 tỷ', 'vi', 3_000_000_000],
    ['3 tỉ', 'vi', 3_000_000_000],
    ['1,5 tỷ', 'vi', 1_500_000_000],
    ['1.5B', 'en', 1_500_000_000],
    ['1.5bn', 'en', 1_500_000_000],
    ['12tr5', 'vi', 12_500_000],
    ['12tr500', 'vi', 12_500_000],
    ['1tỷ2', 'vi', 1_200_000_000],
    ['1k5', 'en', 1500],
    ['2 triệu', 'vi', 2_000_000],
    ['2 trieu', 'vi', 2_000_000],
    ['500 nghìn', 'vi', 500_000],
    ['500 ngàn', 'vi', 500_000],
    ['500k', 'vi', 500_000],
    ['500K', 'en', 500_000],
    ['1m', 'en', 1_000_000],
    ['1M', 'en', 1_000_000],
    ['2 million', 'en', 2_000_000],
    ['1 tỷ 200 triệu', 'vi', 1_200_000_000],
    ['2 triệu 500 nghìn', 'vi', 2_500_000],
    ['5 nghìn tỷ', 'vi', 5e12],
    ['1.1tr', 'en', 1_100_000],
    ['1e6', 'en', 1_000_000],
    ['1.5e3', 'en', 1500],
    ['1000000000000000', 'en', 1e15],
  ])('%s (%s) = %d', (input, locale, value) => {
    const r = parseValue(input, locale);
    expect(r).toMatchObject({ ok: true, value });
  });

  it('reads decomposed (NFD) Vietnamese as typed on macOS', () => {
    expect(parseValue('3 tỷ'.normalize('NFD'), 'vi')).toEqual({ ok: true, value: 3e9 });
  });

  it('reports the currency', () => {
    expect(parseValue('₫1.500.000', 'vi')).toEqual({ ok: true, value: 1_500_000, currency: 'VND' });
    expect(parseValue('1.500.000đ', 'vi')).toEqual({ ok: true, value: 1_500_000, currency: 'VND' });
    expect(parseValue('1.500.000 VND', 'vi')).toEqual({ ok: true, value: 1_500_000, currency: 'VND' });
    expect(parseValue('500kđ', 'vi')).toEqual({ ok: true, value: 500_000, currency: 'VND' });
    expect(parseValue('2 triệu đồng', 'vi')).toEqual({ ok: true, value: 2_000_000, currency: 'VND' });
    expect(parseValue('$1,500,000', 'en')).toEqual({ ok: true, value: 1_500_000, currency: 'USD' });
    expect(parseValue('-$1.5M', 'en')).toEqual({ ok: true, value: -1_500_000, currency: 'USD' });
    expect(parseValue('$-20', 'en')).toEqual({ ok: true, value: -20, currency: 'USD' });
    expect(parseValue('20 EUR', 'en')).toEqual({ ok: true, value: 20, currency: 'EUR' });
    expect(parseValue('sgd 20', 'en')).toEqual({ ok: true, value: 20, currency: 'SGD' });
  });

  it('returns percentages in percentage points, flagged', () => {
    expect(parseValue('15%', 'en')).toEqual({ ok: true, value: 15, percent: true });
    expect(parseValue('12,5 %', 'vi')).toEqual({ ok: true, value: 12.5, percent: true });
    expect(parseValue('-3.7%', 'en')).toEqual({ ok: true, value: -3.7, percent: true });
    expect(parseValue('0,25%', 'vi')).toEqual({ ok: true, value: 0.25, percent: true });
  });
});

describe('parseValue: ambiguous separators', () => {
  it('1.200: vi reads 1200, en reads 1.2, each offering the other', () => {
    const vi = parseValue('1.200', 'vi');
    expect(vi).toEqual({
      ok: true,
      value: 1200,
      ambiguous: {
        alternatives: [1.2],
        question: { en: 'Does “1.200” mean 1200 or 1.2?', vi: '“1.200” là 1200 hay 1,2?' },
      },
    });
    const en = parseValue('1.200', 'en');
    expect(en).toMatchObject({ ok: true, value: 1.2, ambiguous: { alternatives: [1200] } });
  });

  it('1,500: en reads 1500, vi reads 1.5', () => {
    expect(parseValue('1,500', 'en')).toMatchObject({ value: 1500, ambiguous: { alternatives: [1.5] } });
    expect(parseValue('1,500', 'vi')).toMatchObject({ value: 1.5, ambiguous: { alternatives: [1500] } });
  });

  it('1,5 in en is 1.5, with a stray-comma 15 offered; in vi it is plainly 1.5', () => {
    expect(parseValue('1,5', 'en')).toMatchObject({ value: 1.5, ambiguous: { alternatives: [15] } });
    expect(parseValue('1,5', 'vi')).toEqual({ ok: true, value: 1.5 });
    expect(parseValue('1.5', 'vi')).toMatchObject({ value: 1.5, ambiguous: { alternatives: [15] } });
  });

  it('is not ambiguous when only one reading is valid', () => {
    expect(parseValue('1.2345', 'en')).toEqual({ ok: true, value: 1.2345 });
    expect(parseValue('0.500', 'vi')).toEqual({ ok: true, value: 0.5 });
    expect(parseValue('1,5 tỷ', 'en')).toEqual({ ok: true, value: 1.5e9 });
    expect(parseValue('12', 'vi')).toEqual({ ok: true, value: 12 });
  });

  it('1tr50 could be 1.5 triệu or 1 triệu 50 nghìn', () => {
    expect(parseValue('1tr50', 'vi')).toEqual({
      ok: true,
      value: 1_500_000,
      ambiguous: {
        alternatives: [1_050_000],
        question: {
          en: 'Does “1tr50” mean 1,500,000 or 1,050,000?',
          vi: '“1tr50” là 1.500.000 hay 1.050.000?',
        },
      },
    });
  });

  it('carries the sign, scale and percent into the alternative', () => {
    expect(parseValue('-1.200k', 'en')).toMatchObject({
      value: -1200,
      ambiguous: { alternatives: [-1_200_000] },
    });
    expect(parseValue('1.250%', 'vi')).toMatchObject({
      value: 1250,
      percent: true,
      ambiguous: { alternatives: [1.25], question: { en: 'Does “1.250%” mean 1,250% or 1.25%?' } },
    });
  });
});

describe('parseValue: clear errors', () => {
  it.each([
    ['', 'empty', 'Enter a number.', 'Hãy nhập một số.'],
    ['   ', 'empty', 'Enter a number.', 'Hãy nhập một số.'],
    ['abc', 'not_a_number', '“abc” is not a number.', '“abc” không phải là số.'],
    [
      '1..2',
      'double_separator',
      'Two separators in a row in “1..2”.',
      'Có hai dấu phân cách liền nhau trong “1..2”.',
    ],
    [
      '12tr tr',
      'repeated_scale',
      'The size word “tr” appears twice.',
      'Từ chỉ đơn vị “tr” xuất hiện hai lần.',
    ],
    [
      '1e999',
      'too_large',
      'Numbers above 1,000,000,000,000,000 are not accepted.',
      'Không nhận số lớn hơn 1.000.000.000.000.000.',
    ],
    [
      '2000000000000000',
      'too_large',
      'Numbers above 1,000,000,000,000,000 are not accepted.',
      'Không nhận số lớn hơn 1.000.000.000.000.000.',
    ],
    ['1e-999', 'too_small', '“1e-999” is too small to store.', '“1e-999” quá nhỏ để lưu.'],
    [
      '12abc',
      'unexpected',
      'Pacer did not understand “abc” in “12abc”.',
      'Pacer không hiểu “abc” trong “12abc”.',
    ],
    [
      '1.2.3',
      'bad_grouping',
      'The digit groups in “1.2.3” are not in threes.',
      'Các nhóm chữ số trong “1.2.3” không theo nhóm ba.',
    ],
  ] as const)('%j → %s', (input, code, en, vi) => {
    expect(parseValue(input, 'vi')).toEqual({ ok: false, code, error: { en, vi } });
  });

  it.each([
    ['1,2.3,4', 'bad_grouping'],
    ['1 23', 'bad_grouping'],
    ['1 tr 2 tr', 'repeated_scale'],
    ['200 triệu 1 tỷ', 'scale_order'],
    ['1 tỷ 2000 triệu', 'scale_order'],
    ['12tr1234567', 'too_many_digits_after_scale'],
    ['5% VND', 'percent_with_currency'],
    ['$5%', 'percent_with_currency'],
    ['1k%', 'percent_with_scale'],
    ['$5 VND', 'two_currencies'],
    ['1 + 2', 'unexpected'],
    ['$', 'not_a_number'],
    ['-', 'not_a_number'],
    ['1'.repeat(101), 'too_long'],
  ])('%j → %s', (input, code) => {
    expect(parseValue(input, 'en')).toMatchObject({ ok: false, code });
  });
});
