import { describe, expect, it } from 'vitest';
import { salesforceId18 } from '../../../lib/import/crm-records';
import { buildImportPlan, type ImportConfig, ImportConfigError } from '../../../lib/import/plan';
import { ChannelSpend, Lead, Observation } from '../../../lib/schema';

const kpi: ImportConfig = {
  kind: 'kpi-series',
  mapping: { date: 0, value: 1, channel: 2, note: 3 },
  headers: ['Date', 'Value', 'Channel', 'Note'],
  dateFormat: 'yyyy-mm-dd',
  numberFormat: '1,234.5',
  timeZone: 'UTC',
  metricId: 'revenue',
};

describe('buildImportPlan: KPI series', () => {
  it('turns a row into an Observation that the schema accepts', () => {
    const plan = buildImportPlan(kpi);
    const record = plan.addRow(['2024-03-05', '1,200.5', 'facebook', 'launch'], 2);
    expect(Observation.parse(record)).toEqual({
      id: expect.stringMatching(/^obs-[0-9a-f]{16}$/),
      metricId: 'revenue',
      time: Date.UTC(2024, 2, 5),
      value: 1200.5,
      dims: { channel: 'facebook' },
      source: 'import',
      note: 'launch',
    });
  });

  it('gives the same id to the same metric, time and dimensions, whatever the value or note', () => {
    const a = buildImportPlan(kpi).addRow(['2024-03-05', '1', 'facebook', ''], 2);
    const b = buildImportPlan(kpi).addRow(['2024-03-05', '2', 'facebook', 'edited'], 2);
    const otherChannel = buildImportPlan(kpi).addRow(['2024-03-05', '1', 'google', ''], 2);
    const otherMetric = buildImportPlan({ ...kpi, metricId: 'leads' }).addRow(
      ['2024-03-05', '1', 'facebook', ''],
      2,
    );
    expect(a?.id).toBe(b?.id);
    expect(otherChannel?.id).not.toBe(a?.id);
    expect(otherMetric?.id).not.toBe(a?.id);
  });

  it('into a KPI that sums: one row per order, each its own value, the same ids on a second read', () => {
    const rows = [
      ['2024-03-05', '500', 'zalo', ''],
      ['2024-03-05', '500', 'zalo', ''],
      ['2024-03-05', '1,200', 'zalo', ''],
      ['2024-03-06', '70', 'zalo', ''],
    ];
    const read = () => {
      const plan = buildImportPlan({ ...kpi, rowsAddUp: true });
      const records = rows.map((r, i) => plan.addRow(r, i + 2));
      return { records, summary: plan.summary() };
    };
    const first = read();
    expect(first.records.map((r) => (r as Observation | null)?.value)).toEqual([500, 500, 1200, 70]);
    expect(new Set(first.records.map((r) => r?.id)).size).toBe(4);
    expect(first.summary).toMatchObject({ goodRows: 4, badRows: 0, duplicateRows: 0, sameDayRows: 2 });
    expect(read().records.map((r) => r?.id)).toEqual(first.records.map((r) => r?.id));
    // Without it (a KPI read as a level), a repeated row is imported once and a clash is a bad row.
    const plan = buildImportPlan(kpi);
    rows.forEach((r, i) => {
      plan.addRow(r, i + 2);
    });
    expect(plan.summary()).toMatchObject({ goodRows: 2, badRows: 1, duplicateRows: 1, sameDayRows: 0 });
  });

  it('reports every bad cell with its row, column, value and reason', () => {
    const plan = buildImportPlan(kpi);
    expect(plan.addRow(['2024-02-30', 'abc', 'fb', ''], 7)).toBeNull();
    expect(plan.summary().errors).toEqual([
      { row: 7, column: 'Date', value: '2024-02-30', reason: 'day 30 does not exist in month 2' },
      { row: 7, column: 'Value', value: 'abc', reason: '“abc” is not a number' },
    ]);
    expect(plan.summary()).toMatchObject({ rows: 1, goodRows: 0, badRows: 1, errorCount: 2 });
  });

  it('says which column a short row lacks', () => {
    const plan = buildImportPlan(kpi);
    plan.addRow(['2024-03-05'], 4);
    expect(plan.summary().errors).toEqual([
      { row: 4, column: 'Value', value: '', reason: 'this row has 1 column, so “Value” is missing' },
    ]);
  });

  it('points schema failures at the column: a 600-character note', () => {
    const plan = buildImportPlan(kpi);
    plan.addRow(['2024-03-05', '1', 'fb', 'x'.repeat(600)], 3);
    const [error] = plan.summary().errors;
    expect(error).toEqual({
      row: 3,
      column: 'Note',
      value: 'x'.repeat(600),
      reason: 'longer than 500 characters',
    });
  });

  it('imports an identical repeated row once, and refuses a conflicting one', () => {
    const plan = buildImportPlan(kpi);
    expect(plan.addRow(['2024-03-05', '5', 'fb', ''], 2)).not.toBeNull();
    expect(plan.addRow(['2024-03-05', '5', 'fb', ''], 3)).toBeNull();
    expect(plan.addRow(['2024-03-05', '6', 'fb', ''], 4)).toBeNull();
    expect(plan.summary()).toMatchObject({ rows: 3, goodRows: 1, duplicateRows: 1, badRows: 1 });
    expect(plan.summary().errors).toEqual([
      {
        row: 4,
        column: 'Date',
        value: '2024-03-05',
        reason: 'same date and dimensions as row 2 but different values',
      },
    ]);
  });

  it('skips blank rows and "Total" rows without calling them errors', () => {
    const plan = buildImportPlan(kpi);
    expect(plan.addRow(['', '  ', '', ''], 5)).toBeNull();
    expect(plan.addRow(['Total', '1,500', '', ''], 6)).toBeNull();
    expect(plan.addRow(['Tổng cộng', '1,500', '', ''], 7)).toBeNull();
    expect(plan.summary()).toMatchObject({ rows: 0, blankRows: 1, footerRows: 2, errorCount: 0 });
  });

  it('keeps the first errors and counts the rest', () => {
    const plan = buildImportPlan({ ...kpi, maxErrors: 3 });
    for (let row = 2; row < 12; row++) plan.addRow(['bad', '1', '', ''], row);
    const summary = plan.summary();
    expect(summary.errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(summary).toMatchObject({ errorCount: 10, errorsTruncated: true, badRows: 10 });
  });

  it('refuses a config it cannot run, listing every problem', () => {
    expect(() =>
      buildImportPlan({ ...kpi, mapping: { date: 0 }, metricId: undefined, timeZone: 'Nowhere/City' }),
    ).toThrowError(ImportConfigError);
    try {
      buildImportPlan({ ...kpi, mapping: { date: 0 }, metricId: undefined, timeZone: 'Nowhere/City' });
    } catch (e) {
      expect((e as ImportConfigError).problems).toEqual([
        'Choose the column for “value”.',
        'Unknown time zone “Nowhere/City”.',
        'Choose the metric these values belong to.',
      ]);
    }
  });
});

describe('buildImportPlan: leads', () => {
  const base: ImportConfig = {
    kind: 'leads',
    crm: 'salesforce',
    objectType: 'opportunity',
    mapping: { externalId: 0, name: 1, amount: 2, stage: 3, createdDate: 4 },
    headers: ['Opportunity ID', 'Opportunity Name', 'Amount', 'Stage', 'Created Date'],
    dateFormat: 'mm/dd/yyyy',
    numberFormat: '1,234.5',
    timeZone: 'UTC',
    currency: 'USD',
    now: Date.UTC(2024, 3, 1),
  };

  it('builds a Lead with the CRM-style id, an 18-character Salesforce id and a link', () => {
    const record = buildImportPlan(base).addRow(
      ['0065g00000AbCdE', 'Acme', '1,000', 'Closed Won', '3/28/2024'],
      2,
    );
    expect(Lead.parse(record)).toEqual({
      id: 'salesforce:opportunity:0065g00000AbCdEAAV',
      crm: 'salesforce',
      objectType: 'opportunity',
      externalId: '0065g00000AbCdEAAV',
      url: 'https://login.salesforce.com/0065g00000AbCdEAAV',
      name: 'Acme',
      stage: 'Closed Won',
      amount: 1000,
      currency: 'USD',
      createdDate: Date.UTC(2024, 2, 28),
      firstSeen: Date.UTC(2024, 3, 1),
      lastSeen: Date.UTC(2024, 3, 1),
      stageHistory: [{ stage: 'Closed Won', at: Date.UTC(2024, 3, 1) }],
      deletedAt: null,
    });
  });

  it('uses the account domain for links when given', () => {
    const record = buildImportPlan({ ...base, crmOrigin: 'https://acme.my.salesforce.com/' }).addRow(
      ['0065g00000AbCdEAAV', 'Acme', '', '', ''],
      2,
    ) as Lead;
    expect(record.url).toBe('https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view');
    expect(record.amount).toBeUndefined();
    expect(record.currency).toBeUndefined();
  });

  it('requires the record id', () => {
    const plan = buildImportPlan(base);
    plan.addRow(['', 'Acme', '', '', ''], 9);
    expect(plan.summary().errors).toEqual([{ row: 9, column: 'Opportunity ID', value: '', reason: 'empty' }]);
  });
});

describe('buildImportPlan: channel spend', () => {
  const spend: ImportConfig = {
    kind: 'channel-spend',
    mapping: { channel: 0, periodStart: 1, amount: 2 },
    headers: ['Channel', 'Month', 'Spend'],
    dateFormat: 'yyyy-mm-dd',
    numberFormat: '1.234,5',
    timeZone: 'Asia/Ho_Chi_Minh',
    currency: 'VND',
  };

  it('reads a month start as the whole month in the user’s zone', () => {
    const record = buildImportPlan(spend).addRow(['Facebook', '2024-02', '15.000.000'], 2);
    expect(ChannelSpend.parse(record)).toEqual({
      id: expect.stringMatching(/^spend-[0-9a-f]{16}$/),
      channel: 'Facebook',
      periodStart: Date.UTC(2024, 1, 1) - 7 * 3_600_000,
      periodEnd: Date.UTC(2024, 2, 1) - 7 * 3_600_000,
      amount: 15_000_000,
      currency: 'VND',
      deletedAt: null,
    });
  });

  it('takes a bare end date as the end of that day, and a symbol as the currency', () => {
    const plan = buildImportPlan({
      ...spend,
      timeZone: 'UTC',
      currency: undefined,
      numberFormat: '1,234.5',
      mapping: { channel: 0, periodStart: 1, periodEnd: 2, amount: 3 },
      headers: ['Channel', 'From', 'To', 'Spend'],
    });
    const record = plan.addRow(['Google', '2024-01-01', '2024-01-07', '$1,250.00'], 2) as ChannelSpend;
    expect(record).toMatchObject({
      periodStart: Date.UTC(2024, 0, 1),
      periodEnd: Date.UTC(2024, 0, 8),
      amount: 1250,
      currency: 'USD',
    });
  });

  it('refuses negative spend, an end before the start, and an unknown currency', () => {
    const plan = buildImportPlan({
      ...spend,
      currency: undefined,
      mapping: { channel: 0, periodStart: 1, periodEnd: 2, amount: 3, currency: 4 },
      headers: ['Channel', 'From', 'To', 'Spend', 'Currency'],
    });
    plan.addRow(['Zalo', '2024-01-01', '2024-01-31', '-5', 'VND'], 2);
    plan.addRow(['Zalo', '2024-02-01', '2024-01-01', '5', 'VND'], 3);
    plan.addRow(['Zalo', '2024-03-01', '2024-03-31', '5', 'dollars'], 4);
    plan.addRow(['Zalo', '2024-04-01', '2024-04-30', '5', ''], 5);
    expect(plan.summary().errors).toEqual([
      { row: 2, column: 'Spend', value: '-5', reason: 'spend cannot be negative' },
      { row: 3, column: 'To', value: '2024-01-01', reason: 'periodEnd must be after periodStart' },
      { row: 4, column: 'Currency', value: 'dollars', reason: 'not a currency code such as VND or USD' },
      { row: 5, column: 'Currency', value: '', reason: 'no currency: add a Currency column or choose one' },
    ]);
  });
});

describe('salesforceId18', () => {
  it('adds the case checksum to 15-character ids and leaves others alone', () => {
    expect(salesforceId18('001000000000001')).toBe('001000000000001AAA');
    // A pair widely quoted in Salesforce docs and forums: 001A0000006Vm9r ↔ 001A0000006Vm9rIAC.
    expect(salesforceId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(salesforceId18('00Q5g00000ABCDE')).toBe('00Q5g00000ABCDEEA5');
    expect(salesforceId18('0065g00000AbCdEAAV')).toBe('0065g00000AbCdEAAV');
  });
});
