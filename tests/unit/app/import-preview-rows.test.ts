import { describe, expect, it } from 'vitest';
import {
  csvOptions,
  draftFromGuess,
  layoutFromSniff,
  previewRows,
} from '../../../components/import/import-draft';
import { previewValue } from '../../../components/import/preview-value';
import { createTranslator } from '../../../lib/i18n/translate';
import type { ColumnMapping, ImportField } from '../../../lib/import/column-aliases';
import { validateCsv } from '../../../lib/import/run-import';
import { autoOptions, fixtureFile, TZ } from '../import/fixtures';

// Review 38: the import preview of a file and its check report must read the same rows the same way.
async function previewOf(name: string, locale: 'en' | 'vi', mapping?: ColumnMapping) {
  const { sniff, guess } = await autoOptions(name);
  const layout = layoutFromSniff(sniff);
  const guessed = draftFromGuess(
    guess,
    layout,
    { metricId: 'm', newMetricName: '', currency: 'VND' },
    locale,
  );
  const draft = mapping ? { ...guessed, mapping } : guessed;
  return { layout, draft, rows: previewRows(draft, layout, TZ) ?? [] };
}

describe('import preview', () => {
  it('numbers rows as the file (and the check report) does, a blank line counted', async () => {
    const name = 'deals-blank-line-total.csv';
    // Mapped as the reviewer did: a KPI series of closed revenue, the deal's name as the note.
    const { layout, draft, rows } = await previewOf(name, 'en', { date: 0, value: 2, note: 1 });
    // Header on row 1, deals on 2–8, ",,,," on 9 (left out of the sample), the refund on 10, Total on 11.
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11]);
    const footer = rows.find((r) => r.status === 'footer');
    expect(footer?.row).toBe(11);
    expect(footer?.cells[0]).toBe('Total');
    const report = await validateCsv(fixtureFile(name), csvOptions(draft, layout, TZ, 'm'));
    expect(report.footers.map((f) => f.row)).toEqual([footer?.row]);
    // Every row the report names is the preview's row of the same number.
    for (const e of report.errors) {
      const shown = rows.find((r) => r.row === e.row);
      expect(shown?.status, `row ${e.row}`).toBe('bad');
    }
    expect(report.errors.length).toBeGreaterThan(0);
  });

  it('shows a spend period’s last day as the file wrote it, though the stored end is exclusive', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const { draft, rows } = await previewOf('channel-spend-vi-total.csv', locale);
      expect(draft.kind).toBe('channel-spend');
      const t = createTranslator(locale);
      const ok = rows.filter((r) => r.record);
      expect(ok.length).toBeGreaterThanOrEqual(3);
      for (const r of ok) {
        const at = (f: ImportField) =>
          previewValue(t, f, r.record!, r.cells[draft.mapping[f] ?? -1] ?? '', TZ, undefined);
        expect(at('periodStart')).toBe(locale === 'vi' ? '01/11/2026' : 'Nov 1, 2026');
        expect(at('periodEnd')).toBe(locale === 'vi' ? '30/11/2026' : 'Nov 30, 2026');
        // The stored end is still the first moment after the period (exclusive).
        const rec = r.record as { periodEnd: number };
        expect(new Date(rec.periodEnd).toISOString()).toBe('2026-11-30T17:00:00.000Z');
      }
    }
  });
});
