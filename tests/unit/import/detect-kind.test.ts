import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../lib/import/column-aliases';
import { detectImport, guessSpendPeriod } from '../../../lib/import/detect-kind';
import { autoOptions } from './fixtures';

describe('detectImport on the sample files', () => {
  it.each([
    ['kpi-series-en.csv', 'kpi-series', { date: 0, value: 1, channel: 2, segment: 3, note: 4 }],
    ['kpi-series-vi-semicolon.csv', 'kpi-series', { date: 0, value: 1, channel: 2, segment: 3, note: 4 }],
    [
      'channel-spend.csv',
      'channel-spend',
      { channel: 0, periodStart: 1, periodEnd: 2, amount: 3, currency: 4, note: 5 },
    ],
    [
      'hubspot-contacts-export.csv',
      'hubspot-contact',
      {
        externalId: 0,
        firstName: 1,
        lastName: 2,
        email: 3,
        owner: 5,
        stage: 6,
        status: 7,
        createdDate: 8,
        channel: 10,
      },
    ],
    [
      'hubspot-deals-export.csv',
      'hubspot-deal',
      { externalId: 0, name: 1, stage: 2, amount: 3, owner: 5, createdDate: 7, company: 8, segment: 9 },
    ],
    [
      'salesforce-opportunities-report.csv',
      'salesforce-opportunity',
      {
        owner: 0,
        company: 1,
        name: 2,
        stage: 3,
        amount: 5,
        createdDate: 8,
        channel: 9,
        segment: 10,
        externalId: 11,
      },
    ],
    [
      'pipedrive-deals-export.csv',
      'pipedrive-deal',
      {
        externalId: 0,
        name: 1,
        amount: 2,
        currency: 3,
        stage: 4,
        status: 5,
        owner: 6,
        createdDate: 7,
        email: 11,
        company: 12,
      },
    ],
    [
      'zoho-leads-export.csv',
      'zoho-lead',
      {
        externalId: 0,
        owner: 1,
        company: 2,
        firstName: 3,
        lastName: 4,
        email: 5,
        channel: 6,
        status: 7,
        createdDate: 8,
      },
    ],
  ])('%s → %s with the expected mapping', async (name, profileId, mapping) => {
    const { guess } = await autoOptions(name);
    expect(guess.profileId).toBe(profileId);
    expect(guess.mapping).toEqual(mapping);
    expect(guess.missing).toEqual([]);
    expect(guess.confidence).toBe(1);
  });

  it('names the CRM and object type of each export', async () => {
    const kinds = await Promise.all(
      [
        'hubspot-contacts-export.csv',
        'hubspot-deals-export.csv',
        'salesforce-opportunities-report.csv',
        'pipedrive-deals-export.csv',
        'zoho-leads-export.csv',
      ].map(async (n) => {
        const { guess } = await autoOptions(n);
        return [guess.kind, guess.crm, guess.objectType];
      }),
    );
    expect(kinds).toEqual([
      ['leads', 'hubspot', 'contact'],
      ['leads', 'hubspot', 'deal'],
      ['leads', 'salesforce', 'opportunity'],
      ['leads', 'pipedrive', 'deal'],
      ['leads', 'zoho', 'lead'],
    ]);
  });

  it('guesses the formats of each file', async () => {
    const vi = (await autoOptions('kpi-series-vi-semicolon.csv')).guess.formats;
    expect(vi.dateFormat).toMatchObject({ format: 'dd/mm/yyyy', ambiguous: false });
    expect(vi.numberFormat).toMatchObject({ format: '1.234,5', ambiguous: false });
    const sf = (await autoOptions('salesforce-opportunities-report.csv')).guess.formats;
    expect(sf.dateFormat).toMatchObject({ format: 'mm/dd/yyyy', ambiguous: false });
    const excel = (await autoOptions('excel-numbers.csv')).guess.formats;
    expect(excel.dateFormat).toMatchObject({ format: 'excel-serial', matched: 9, total: 9 });
    expect(excel.numberFormat).toMatchObject({ format: '1,234.5', ambiguous: false });
    const spend = (await autoOptions('channel-spend.csv')).guess.formats;
    expect(spend.currency).toBe('USD');
  });

  it('missing-columns.csv: no value column is found, and says so', async () => {
    const { guess } = await autoOptions('missing-columns.csv');
    expect(guess.kind).toBe('kpi-series');
    expect(guess.mapping).toEqual({ date: 0, channel: 1, note: 2 });
    expect(guess.missing).toEqual(['value']);
    expect(guess.confidence).toBe(0);
  });
});

describe('detectImport on headers alone', () => {
  it('recognises Vietnamese spend columns and reads the currency from the header', () => {
    const guess = detectImport(
      ['Tháng', 'Kênh', 'Chi phí (VNĐ)'],
      [
        ['2024-01', 'Facebook', '15.000.000'],
        ['2024-02', 'Zalo', '4.200.000'],
      ],
    );
    expect(guess.kind).toBe('channel-spend');
    expect(guess.mapping).toEqual({ periodStart: 0, channel: 1, amount: 2 });
    expect(guess.fieldConfidence.amount).toBe(0.8);
    expect(guess.formats).toMatchObject({ currency: 'VND', spendPeriod: 'month' });
    expect(guess.formats.numberFormat?.format).toBe('1.234,5');
  });

  it('tells revenue (a KPI) from cost (spend) by the value column', () => {
    const rows = [['01/02/2024', 'Facebook', '100']];
    expect(detectImport(['Ngày', 'Kênh', 'Doanh thu'], rows).kind).toBe('kpi-series');
    expect(detectImport(['Ngày', 'Kênh', 'Chi phí'], rows).kind).toBe('channel-spend');
  });

  it('finds the date and value columns of a file without a header from the values', () => {
    const guess = detectImport(
      ['Column 1', 'Column 2', 'Column 3'],
      [
        ['facebook', '2024-01-01', '120'],
        ['google', '2024-01-02', '95.5'],
      ],
    );
    expect(guess).toMatchObject({ kind: 'kpi-series', confidence: 0.5, mapping: { date: 1, value: 2 } });
    expect(guess.fieldConfidence).toEqual({ date: 0.5, value: 0.5 });
  });

  it('tells a Salesforce lead report from a Zoho lead export', () => {
    const sf = detectImport(
      [
        'Lead Owner',
        'First Name',
        'Last Name',
        'Company / Account',
        'Lead Source',
        'Lead Status',
        'Create Date',
        'Lead ID',
      ],
      [],
    );
    expect(sf).toMatchObject({
      crm: 'salesforce',
      objectType: 'lead',
      mapping: { company: 3, externalId: 7 },
    });
    const zoho = detectImport(['Record Id', 'Lead Owner', 'Lead Name', 'Lead Status', 'Created Time'], []);
    expect(zoho).toMatchObject({ crm: 'zoho', objectType: 'lead', mapping: { name: 2, externalId: 0 } });
  });

  it('lists the other readings, best first, without the chosen one', () => {
    const guess = detectImport(['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Amount'], []);
    expect(guess.profileId).toBe('hubspot-deal');
    expect(guess.alternatives.map((a) => a.profileId)).not.toContain('hubspot-deal');
    const confidences = guess.alternatives.map((a) => a.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['Deal - Title', 'deal title'],
    ['Ngày', 'ngay'],
    ['Giá trị', 'gia tri'],
    ['Phân khúc', 'phan khuc'],
    ['Đơn vị', 'don vi'],
    ['Probability (%)', 'probability'],
    ['  Amount spent (VND) ', 'amount spent vnd'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeHeader(raw)).toBe(normalized);
  });
});

describe('guessSpendPeriod', () => {
  it('reads months, weeks and days from period starts', () => {
    expect(guessSpendPeriod(['2024-01-01', '2024-02-01'], 'yyyy-mm-dd')).toBe('month');
    expect(guessSpendPeriod(['2024-01-01', '2024-01-08', '2024-01-22'], 'yyyy-mm-dd')).toBe('week');
    expect(guessSpendPeriod(['2024-01-02', '2024-01-03'], 'yyyy-mm-dd')).toBe('day');
  });
});
