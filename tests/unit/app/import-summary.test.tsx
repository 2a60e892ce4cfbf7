// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { settings } from '../../../components/app/session';
import { FileStep } from '../../../components/import/file-step';
import { file, fileProblem, importedInto, metrics, outcome } from '../../../components/import/import-model';
import { ImportSummary } from '../../../components/import/import-summary';
import type { AtomicImportResult } from '../../../lib/app/import-sinks';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { metric } from '../engine/fixtures';

/**
 * Review findings on the CSV import's end: the summary said "Added: 24" without naming the KPI the
 * values went into, and in Firefox the native file field read "No file selected." beside the name of
 * the file just imported (the input is cleared after each choice). The summary now names every KPI
 * with its count and dates; the field is our own button and our own words for the chosen file.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const hcm = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;
const revenue = metric({ id: 'rev', name: 'Revenue', translations: { vi: 'Doanh thu' } });
const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

const imported = (extra: Partial<Extract<AtomicImportResult, { status: 'imported' }>> = {}) =>
  ({
    status: 'imported',
    added: 24,
    replaced: 0,
    skipped: 3,
    duplicates: 2,
    kpis: [{ metricId: 'rev', count: 24, first: hcm(2025, 1, 1), last: hcm(2026, 12, 1) }],
    summary: { headers: [], preview: [] },
    ...extra,
  }) as unknown as AtomicImportResult;

function show(locale: Locale, result: AtomicImportResult, known = [revenue]) {
  settings.value = defaultSettings({ locale, timeZone: TZ });
  metrics.value = known;
  importedInto.value = [revenue];
  outcome.value = result;
  render(<ImportSummary />, document.body);
}

afterEach(() => {
  render(null, document.body);
  outcome.value = null;
  file.value = null;
  fileProblem.value = null;
});

describe('ImportSummary names the KPI the values went into', () => {
  it('en: count, KPI name and date range, and still the skipped and repeated rows', () => {
    show('en', imported());
    expect(text('import-kpi')).toBe('Imported 24 values into Revenue (Jan 1, 2025 – Dec 1, 2026)');
    expect(text('import-added')).toBe('Added: 24');
    expect(text('import-skipped')).toBe('Bad rows skipped: 3');
    expect(document.body.textContent).toContain('Repeated rows in the file: 2');
  });

  it('vi: the KPI’s Vietnamese name, day-first dates', () => {
    show('vi', imported());
    expect(text('import-kpi')).toBe('Đã nhập 24 giá trị vào Doanh thu (01/01/2025 – 01/12/2026)');
    expect(text('import-skipped')).toBe('Dòng lỗi bỏ qua: 3');
  });

  it('a KPI made by this import is named before the metric list reloads', () => {
    show('en', imported(), []);
    expect(text('import-kpi')).toBe('Imported 24 values into Revenue (Jan 1, 2025 – Dec 1, 2026)');
  });

  it('every KPI touched gets its own line', () => {
    const cost = metric({ id: 'cost', name: 'Cost' });
    show(
      'en',
      imported({
        kpis: [
          { metricId: 'rev', count: 24, first: hcm(2025, 1, 1), last: hcm(2026, 12, 1) },
          { metricId: 'cost', count: 1, first: hcm(2025, 3, 4), last: hcm(2025, 3, 4) },
        ],
      }),
      [revenue, cost],
    );
    const lines = [...document.querySelectorAll('[data-testid="import-kpi"]')].map((e) => e.textContent);
    expect(lines).toEqual([
      'Imported 24 values into Revenue (Jan 1, 2025 – Dec 1, 2026)',
      'Imported 1 value into Cost (Mar 4, 2025)',
    ]);
  });

  it('a lead or spend file names no KPI', () => {
    show('en', imported({ kpis: undefined }));
    expect(document.querySelector('[data-testid="import-kpi"]')).toBeNull();
    expect(text('import-added')).toBe('Added: 24');
  });
});

describe('FileStep: our own words for the chosen file, no native "No file selected."', () => {
  const showStep = (locale: Locale) => {
    settings.value = defaultSettings({ locale, timeZone: TZ });
    render(<FileStep />, document.body);
  };
  const input = () => document.querySelector<HTMLInputElement>('[data-testid="import-file"]');

  it('the native input is visually hidden yet labelled, focusable and described by our status', () => {
    showStep('en');
    const field = input();
    expect(field?.classList.contains('pc-visually-hidden')).toBe(true);
    expect(field?.closest('label')?.textContent?.trim()).toBe('Choose a CSV or TSV file');
    expect(field?.tabIndex).toBe(0);
    const status = document.getElementById(field?.getAttribute('aria-describedby') ?? '');
    expect(status?.textContent).toBe('No file chosen yet');
  });

  it('names the chosen file, also after the input was cleared (as after an import)', async () => {
    showStep('en');
    file.value = new File(['Date,Value\n2025-01-01,5\n'], 'doanh-thu.csv', { type: 'text/csv' });
    await new Promise((r) => setTimeout(r, 0));
    expect(input()?.value).toBe('');
    expect(text('import-file-status')).toBe('doanh-thu.csv (0.1 KB)');
    expect(document.body.textContent).not.toContain('No file chosen');
  });

  it('vi', async () => {
    showStep('vi');
    expect(text('import-file-status')).toBe('Chưa chọn tệp nào');
    file.value = new File(['x'.repeat(1500)], 'doanh-thu.csv', { type: 'text/csv' });
    await new Promise((r) => setTimeout(r, 0));
    expect(text('import-file-status')).toBe('doanh-thu.csv (1,5 KB)');
  });
});
