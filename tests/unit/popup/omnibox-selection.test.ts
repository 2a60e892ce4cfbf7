import { describe, expect, it } from 'vitest';
import { escapeOmnibox, omniboxAction, parseOmnibox } from '../../../lib/popup/omnibox-parse';
import { numberInSelection } from '../../../lib/popup/selection-parse';
import { metric, VND } from './fixtures';

const METRICS = [
  metric('rev', 'Revenue', { unit: VND, translations: { vi: 'Doanh thu' } }),
  metric('gp', 'Gross profit', { unit: VND }),
  metric('leads', 'Leads'),
  metric('rate', 'Conversion rate', { unit: { kind: 'percent' } }),
];

describe('omnibox: kpi <KPI> <value>', () => {
  it('reads “revenue 12tr” as Revenue and 12,000,000 and saves it', () => {
    const input = parseOmnibox('revenue 12tr', METRICS, [], 'en');
    expect(input).toMatchObject({ query: 'revenue', valueText: '12tr' });
    expect(input.matches[0]?.metric.id).toBe('rev');
    const action = omniboxAction(input, 'en');
    expect(action).toMatchObject({ kind: 'save', value: 12_000_000 });
    expect(action.kind === 'save' && action.metric.id).toBe('rev');
  });
  it('takes a value of several words and a value written first', () => {
    expect(parseOmnibox('gross profit 3 tỷ', METRICS, [], 'vi')).toMatchObject({
      query: 'gross profit',
      valueText: '3 tỷ',
    });
    expect(parseOmnibox('1 tỷ 200 triệu doanh thu', METRICS, [], 'vi')).toMatchObject({
      query: 'doanh thu',
      valueText: '1 tỷ 200 triệu',
    });
  });
  it('opens the prefilled popup for an ambiguous value, a bad value, or no clear KPI', () => {
    expect(omniboxAction(parseOmnibox('leads 1.200', METRICS, [], 'en'), 'en')).toMatchObject({
      kind: 'open',
      path: 'popup.html?metric=leads&value=1.200',
    });
    expect(omniboxAction(parseOmnibox('leads 12abc', METRICS, [], 'en'), 'en')).toMatchObject({
      kind: 'open',
      path: 'popup.html?metric=leads&value=12abc',
    });
    expect(omniboxAction(parseOmnibox('zzz 5', METRICS, [], 'en'), 'en')).toMatchObject({
      kind: 'open',
      path: 'popup.html?value=5',
      reason: { why: 'noMatch' },
    });
    expect(omniboxAction(parseOmnibox('revenue 15%', METRICS, [], 'en'), 'en').kind).toBe('open');
  });
  it('suggests KPIs while no value is typed yet', () => {
    const input = parseOmnibox('le', METRICS, [], 'en');
    expect(input.valueText).toBe('');
    expect(input.matches[0]?.metric.id).toBe('leads');
  });
  it('escapes XML in suggestion text', () => {
    expect(escapeOmnibox('<b>R&D</b>')).toBe('&lt;b&gt;R&amp;D&lt;/b&gt;');
  });
});

describe('numberInSelection', () => {
  it.each([
    ['1.500.000', 'vi', '1.500.000'],
    ['Total: 1.500.000 ₫ (VAT incl.)', 'vi', '1.500.000 ₫'],
    ['Deal value $1,500.', 'en', '$1,500'],
    ['Conversion rose to 15% this week', 'en', '15%'],
    ['Doanh thu đạt 3 tỷ trong quý', 'vi', '3 tỷ'],
  ] as const)('%j → %j', (text, locale, expected) => {
    expect(numberInSelection(text, locale)).toBe(expected);
  });
  it('returns null without a number', () => {
    expect(numberInSelection('no figures here', 'en')).toBeNull();
    expect(numberInSelection('   ', 'en')).toBeNull();
  });
});
