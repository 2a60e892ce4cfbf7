import { describe, expect, it } from 'vitest';
import {
  draftForProfile,
  draftFromGuess,
  draftImportMetric,
  layoutFromSniff,
  missingFields,
  needsConfirmation,
  percentScaleFor,
  previewRows,
  remap,
} from '../../../components/import/import-draft';
import { autoOptions, NOW } from '../import/fixtures';

// The import page's pure draft steps (components/import/import-draft.ts) over the same sample files.
describe('import page draft', () => {
  async function draftOf(name: string, locale: 'en' | 'vi' = 'en') {
    const { sniff, guess } = await autoOptions(name);
    const layout = layoutFromSniff(sniff);
    return {
      layout,
      draft: draftFromGuess(guess, layout, { metricId: 'm', newMetricName: '', currency: 'VND' }, locale),
    };
  }

  it('reads the Vietnamese semicolon file with its formats, and previews every row parsed', async () => {
    const { layout, draft } = await draftOf('kpi-series-vi-semicolon.csv');
    expect(draft).toMatchObject({ kind: 'kpi-series', dateFormat: 'dd/mm/yyyy', numberFormat: '1.234,5' });
    const rows = previewRows(draft, layout, 'Asia/Ho_Chi_Minh') ?? [];
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows[0]?.record).toMatchObject({ value: 1234.5 });
  });

  it('a percentage KPI reads the sample’s bare fractions as percentages, unless the user says otherwise', async () => {
    const { layout, draft } = await draftOf('kpi-series-vi-semicolon.csv', 'vi');
    const fractions = { ...layout, rows: layout.rows.map((r) => [r[0] ?? '', '0,19', ...r.slice(2)]) };
    const percent = draftImportMetric('Biên lợi nhuận', draft.mapping, NOW, 'm');
    const metric = { ...percent, unit: { kind: 'percent' as const } };
    expect(percentScaleFor(draft, fractions, metric)).toBe('fraction');
    expect(percentScaleFor(draft, fractions, percent)).toBeUndefined();
    expect(percentScaleFor({ ...draft, percentScale: 'points' }, fractions, metric)).toBe('points');
    const rows = previewRows(draft, fractions, 'Asia/Ho_Chi_Minh', 'fraction') ?? [];
    expect(rows[0]?.record).toMatchObject({ value: 19 });
  });

  it('ambiguous dates need the user’s confirmation; the locale decides the first guess', async () => {
    const { sniff, guess } = await autoOptions('kpi-series-en.csv');
    const layout = layoutFromSniff(sniff);
    const ambiguous = {
      ...layout,
      rows: [
        ['03/04/2024', '1'],
        ['05/06/2024', '2'],
      ],
      headers: ['Date', 'Value'],
    };
    const keep = { metricId: 'm', newMetricName: '', currency: 'VND' };
    const vi = draftFromGuess({ ...guess, mapping: { date: 0, value: 1 } }, ambiguous, keep, 'vi');
    const en = draftFromGuess({ ...guess, mapping: { date: 0, value: 1 } }, ambiguous, keep, 'en');
    expect([vi.dateFormat, en.dateFormat]).toEqual(['dd/mm/yyyy', 'mm/dd/yyyy']);
    expect(vi.dateAmbiguous).toBe(true);
    expect(needsConfirmation(vi)).toBe(true);
    expect(needsConfirmation({ ...vi, formatsConfirmed: true })).toBe(false);
  });

  it('a column holds one field: remapping lets the other field go', () => {
    expect(remap({ date: 0, value: 1 }, 'note', 1)).toEqual({ date: 0, note: 1 });
    expect(remap({ date: 0, value: 1 }, 'value', undefined)).toEqual({ date: 0 });
  });

  it('no preview until the required columns are chosen; a bad row says why', async () => {
    const { layout, draft } = await draftOf('bad-dates.csv');
    expect(previewRows({ ...draft, mapping: { value: 1 } }, layout, 'UTC')).toBeNull();
    const rows = previewRows(draft, layout, 'UTC') ?? [];
    expect(rows[1]).toMatchObject({ row: 3, status: 'bad' });
    expect(rows[1]?.errors[0]?.reason).toBe('day 30 does not exist in month 2');
  });

  it('switching the reading of a file remaps its columns and sets the CRM', async () => {
    const { layout, draft } = await draftOf('hubspot-deals-export.csv');
    expect(draft).toMatchObject({ kind: 'leads', crm: 'hubspot', objectType: 'deal' });
    const asKpi = draftForProfile('kpi-series', draft, layout, 'en');
    expect(asKpi.kind).toBe('kpi-series');
    expect(asKpi.crm).toBeUndefined();
    expect(missingFields(asKpi)).toContain('value');
  });

  it('draftImportMetric takes dimensions from the mapped columns', () => {
    const m = draftImportMetric('  Doanh thu  ', { date: 0, value: 1, segment: 3, channel: 2 }, NOW, 'm-1');
    expect(m).toMatchObject({
      id: 'm-1',
      name: 'Doanh thu',
      dimensions: ['channel', 'segment'],
      source: 'import',
    });
    expect(() => draftImportMetric('   ', {}, NOW)).toThrow(/name/);
  });
});
