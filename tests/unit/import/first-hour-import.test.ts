import { describe, expect, it } from 'vitest';
import { detectImport } from '../../../lib/import/detect-kind';
import { repeatedHeaders } from '../../../lib/import/header-check';
import { validateCsv } from '../../../lib/import/run-import';
import type { Lead } from '../../../lib/schema';
import { autoOptions } from './fixtures';

describe('issue 19: imports a new user brings', () => {
  it('recognises a Pipedrive deals export without "Deal - ID" and names each deal by title, created time and organisation', async () => {
    const { guess, options, file } = await autoOptions('pipedrive-deals-no-id.csv');
    expect(guess.profileId).toBe('pipedrive-deal');
    expect(guess.kind).toBe('leads');
    expect(guess.confidence).toBeGreaterThanOrEqual(0.7);
    expect(guess.missing).toEqual([]);
    const summary = await validateCsv(file, options);
    expect(summary).toMatchObject({ rows: 4, goodRows: 4, badRows: 0, mixedCurrencies: [] });
    const deals = summary.preview as Lead[];
    expect(deals.map((d) => [d.name, d.amount, d.currency])).toEqual([
      ['Website redesign', 25_000_000, 'VND'],
      ['Annual support', 1500, 'USD'],
      ['Mobile app', 120_000_000, 'VND'],
      ['Mobile app', 80_000_000, 'VND'],
    ]);
    // Two deals with the same title stay two deals; the ids are stable across imports.
    expect(new Set(deals.map((d) => d.id)).size).toBe(4);
    expect(deals[0]!.id).toMatch(/^pipedrive:deal:row-[0-9a-f]+$/);
    const again = (await validateCsv(file, options)).preview as Lead[];
    expect(again.map((d) => d.id)).toEqual(deals.map((d) => d.id));
    expect(deals[0]!.url).toBe('https://app.pipedrive.com/');
    // The won time is when the deal was won, not the import time.
    expect(deals[2]!.stageHistory).toEqual([{ stage: 'Won', at: Date.UTC(2024, 2, 1, 8, 30) }]);
    expect(deals[0]!.stageHistory).toEqual([{ stage: 'Proposal Made', at: options.now }]);
  });

  it('still prefers the record ID when the export has one', async () => {
    const { guess } = await autoOptions('pipedrive-deals-export.csv');
    expect(guess.mapping.externalId).toBe(0);
    expect(guess.confidence).toBe(1);
  });

  it('a KPI file with no CRM headers is not taken for a deals export', () => {
    const guess = detectImport(['Date', 'Value', 'Note'], [['2024-01-31', '12', '']]);
    expect(guess.kind).toBe('kpi-series');
  });

  it('stops a KPI series that mixes currencies, naming both and the rows', async () => {
    const { options, file } = await autoOptions('kpi-mixed-currencies.csv');
    expect(options.kind).toBe('kpi-series');
    const summary = await validateCsv(file, options);
    expect(summary.mixedCurrencies).toEqual(['VND', 'USD']);
    expect(summary.badRows).toBe(1);
    expect(summary.errors[0]).toMatchObject({
      row: 3,
      reason: 'in USD, but row 2 is in VND: one series, one currency',
    });
  });

  it('reports a "Tổng cộng" row instead of dropping it silently', async () => {
    const { options, file } = await autoOptions('kpi-series-vi-total.csv');
    const summary = await validateCsv(file, options);
    expect(summary).toMatchObject({ rows: 3, goodRows: 3, footerRows: 1 });
    expect(summary.footers).toEqual([{ row: 5, text: 'Tổng cộng · 405.000.000' }]);
  });

  it('flags repeated headers with their column numbers', () => {
    expect(repeatedHeaders(['Date', 'Value', 'Note', 'Value'])).toEqual([
      { header: 'Value', columns: [2, 4] },
    ]);
    expect(repeatedHeaders(['Deal - Value', 'deal value', 'x'])).toEqual([
      { header: 'Deal - Value', columns: [1, 2] },
    ]);
    expect(repeatedHeaders(['Date', 'Value', '', ''])).toEqual([]);
  });
});
