import { describe, expect, it } from 'vitest';
import { importIntoDb, toSighting } from '../../../lib/app/import-sinks';
import type { ImportCsvOptions } from '../../../lib/import/run-import';
import type { Lead } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { autoOptions, NOW } from '../import/fixtures';
import { freshDb } from '../storage/helpers';

type Options = Omit<ImportCsvOptions, 'sink'>;
const METRIC = 'metric-leads';

async function fixtureImport(name: string, extra: Partial<Options> = {}) {
  const { options, file } = await autoOptions(name, extra);
  return { options: { ...options, skipBadRows: false, ...extra } as Options, file };
}

/** A KPI CSV big enough to be written in many batches. */
function bigKpiCsv(rows: number): string {
  const lines = ['Date,Value,Channel'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`${day},${i},${i % 2 ? 'facebook' : 'zalo'}`);
  }
  return lines.join('\n');
}

describe('importIntoDb: KPI series', () => {
  it('adds every row once; the same file again adds nothing', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('kpi-series-vi-semicolon.csv');
    const first = await importIntoDb(db, file, options);
    expect(first).toMatchObject({ status: 'imported', added: 6, replaced: 0, skipped: 0 });
    const second = await importIntoDb(db, file, options);
    expect(second).toMatchObject({ status: 'imported', added: 0, replaced: 6 });
    const stored = await readAllObservations(db, METRIC);
    expect(stored).toHaveLength(6);
    expect(stored[0]).toMatchObject({ value: 1234.5, dims: { channel: 'Facebook', segment: 'SME' } });
    expect(stored.map((o) => o.value)).toContain(12_500_000);
  });

  it('a cancel in the middle leaves the database exactly as it was', async () => {
    const { db } = await freshDb();
    // Points already stored at the same times: the import replaces them, then must put them back.
    const before = Array.from({ length: 50 }, (_, i) => ({
      id: `keep-${i}`,
      metricId: 'm-big',
      time: Date.UTC(2023, 0, 1) + i * 3_600_000,
      value: -i,
      dims: { channel: 'zalo' },
      source: 'manual' as const,
    }));
    await ingestObservations(db, before);
    const text = bigKpiCsv(20_000);
    const { options } = await fixtureImport('kpi-series-en.csv');
    const controller = new AbortController();
    let writes = 0;
    const result = await importIntoDb(db, text, {
      ...options,
      metricId: 'm-big',
      dateFormat: 'yyyy-mm-dd',
      numberFormat: '1,234.5',
      mapping: { date: 0, value: 1, channel: 2 },
      chunkRows: 1000,
      chunkSize: 4096,
      signal: controller.signal,
      onProgress: (_f, rows) => {
        writes++;
        if (rows > 6000) controller.abort();
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(writes).toBeGreaterThan(2);
    const after = await readAllObservations(db, 'm-big');
    expect(after.map((o) => o.id).sort()).toEqual(before.map((o) => o.id).sort());
    expect(after.find((o) => o.id === 'keep-3')?.value).toBe(-3);
    expect(await db.count(STORES.journal)).toBe(0);
  });

  it('a bad row without "skip" writes nothing; with "skip" only the good rows', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('bad-dates.csv');
    const refused = await importIntoDb(db, file, options);
    expect(refused.status).toBe('refused');
    if (refused.status !== 'refused') throw new Error('expected refused');
    expect(refused.summary.badRows).toBe(4);
    expect(refused.summary.errors.map((e) => e.row)).toEqual([3, 4, 5, 7]);
    expect(await readAllObservations(db, METRIC)).toEqual([]);

    const skipped = await importIntoDb(db, file, { ...options, skipBadRows: true });
    expect(skipped).toMatchObject({ status: 'imported', added: 3, skipped: 4 });
    expect((await readAllObservations(db, METRIC)).map((o) => o.value)).toEqual([10, 14, 16]);
  });
});

describe('importIntoDb: the KPIs a KPI file went into', () => {
  // The summary names each KPI with its count and dates (lib/import/summary-text.ts).
  const hcm = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;

  it('reports the KPI, the values written and their first and last time, on a re-import too', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('kpi-series-vi-semicolon.csv');
    const expected = [{ metricId: METRIC, count: 6, first: hcm(2024, 1, 1), last: hcm(2024, 1, 31) }];
    expect(await importIntoDb(db, file, options)).toMatchObject({ status: 'imported', kpis: expected });
    // Written again unchanged, the values still went into the KPI.
    expect(await importIntoDb(db, file, options)).toMatchObject({ status: 'imported', kpis: expected });
  });

  it('counts only the good rows when bad ones are skipped', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('bad-dates.csv');
    const result = await importIntoDb(db, file, { ...options, skipBadRows: true });
    expect(result).toMatchObject({ status: 'imported', added: 3, skipped: 4 });
    if (result.status !== 'imported') throw new Error('expected imported');
    expect(result.kpis).toEqual([
      { metricId: METRIC, count: 3, first: hcm(2024, 1, 15), last: hcm(2024, 3, 5) },
    ]);
  });
});

describe('importIntoDb: leads and channel spend', () => {
  it('re-importing a CRM export adds nothing and keeps each lead’s first-seen time', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('hubspot-contacts-export.csv');
    expect(await importIntoDb(db, file, { ...options, now: NOW })).toMatchObject({
      status: 'imported',
      added: 5,
      replaced: 0,
    });
    const later = NOW + 86_400_000;
    expect(await importIntoDb(db, file, { ...options, now: later })).toMatchObject({ added: 0, replaced: 5 });
    const leads = await repository(db, 'leads').list();
    expect(leads).toHaveLength(5);
    for (const lead of leads) {
      expect(lead.firstSeen).toBe(NOW);
      expect(lead.lastSeen).toBe(later);
    }
  });

  it('channel spend: the second import adds nothing', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('channel-spend.csv');
    const first = await importIntoDb(db, file, options);
    expect(first).toMatchObject({ status: 'imported', added: 4 });
    expect(await importIntoDb(db, file, options)).toMatchObject({ added: 0, replaced: 4 });
    expect(await db.count(STORES.channelSpend)).toBe(4);
  });

  it('refuses more records than the limit, writing none', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('hubspot-contacts-export.csv');
    expect(await importIntoDb(db, file, { ...options, limit: 3, chunkRows: 1 })).toEqual({
      status: 'too-large',
      limit: 3,
    });
    expect(await db.count(STORES.leads)).toBe(0);
  });

  it('a cancel while reading writes no lead', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('zoho-leads-export.csv');
    const controller = new AbortController();
    let staged = 0;
    const result = await importIntoDb(db, file, {
      ...options,
      chunkRows: 1,
      chunkSize: 64,
      signal: controller.signal,
      onProgress: (_f, rows) => {
        staged = rows;
        if (rows >= 2) controller.abort();
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(staged).toBeGreaterThanOrEqual(2);
    expect(await db.count(STORES.leads)).toBe(0);
    expect(await importIntoDb(db, file, { ...options, signal: AbortSignal.abort() })).toEqual({
      status: 'cancelled',
    });
    expect(await db.count(STORES.leads)).toBe(0);
  });

  it('once the write is committing, a cancel no longer applies', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('zoho-leads-export.csv');
    const controller = new AbortController();
    const result = await importIntoDb(db, file, {
      ...options,
      signal: controller.signal,
      onCommitting: () => controller.abort(),
    });
    expect(result).toMatchObject({ status: 'imported', added: 3 });
    expect(await db.count(STORES.leads)).toBe(3);
  });

  it('a damaged stored lead is quarantined, and the imported one takes its place', async () => {
    const { db } = await freshDb();
    const { options, file } = await fixtureImport('zoho-leads-export.csv');
    const first = await importIntoDb(db, file, options);
    if (first.status !== 'imported') throw new Error(first.status);
    const id = (first.summary.preview[0] as Lead).id;
    await db.put(STORES.leads, { id, name: 42 });
    expect(await importIntoDb(db, file, options)).toMatchObject({ added: 1, replaced: 2 });
    expect(await db.count(STORES.quarantine)).toBe(1);
    expect((await repository(db, 'leads').get(id))?.name).toBe((first.summary.preview[0] as Lead).name);
  });
});

describe('helpers', () => {
  it('toSighting drops the fields storage owns', () => {
    const lead = {
      id: 'zoho:lead:1',
      crm: 'zoho',
      objectType: 'lead',
      externalId: '1',
      url: 'https://crm.zoho.com/crm/tab/Leads/1',
      name: 'Lan',
      firstSeen: 1,
      lastSeen: 2,
      stageHistory: [],
      deletedAt: null,
    } satisfies Lead;
    expect(toSighting(lead)).toEqual({
      crm: 'zoho',
      objectType: 'lead',
      externalId: '1',
      url: 'https://crm.zoho.com/crm/tab/Leads/1',
      name: 'Lan',
    });
  });
});
