import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { streamCsvRows } from '../../../lib/import/csv-rows';
import { type ImportBatch, importCsv, validateCsv } from '../../../lib/import/run-import';
import { Lead, type Observation } from '../../../lib/schema';
import { autoOptions, fixtureText, NOW, TZ } from './fixtures';

const collect = () => {
  const batches: ImportBatch[] = [];
  const sink = async (batch: ImportBatch): Promise<void> => {
    batches.push(batch);
  };
  const ids = () => batches.flatMap((b) => b.records.map((r) => r.id));
  return { batches, sink, ids };
};

describe('validateCsv on the sample files', () => {
  it.each([
    ['kpi-series-en.csv', { rows: 8, goodRows: 8, badRows: 0 }, []],
    ['kpi-series-vi-semicolon.csv', { rows: 6, goodRows: 6, badRows: 0 }, []],
    ['hubspot-contacts-export.csv', { rows: 5, goodRows: 5, badRows: 0 }, []],
    ['hubspot-deals-export.csv', { rows: 4, goodRows: 4, badRows: 0 }, []],
    [
      'salesforce-opportunities-report.csv',
      { rows: 4, goodRows: 4, badRows: 0, footerRows: 4, blankRows: 1 },
      [],
    ],
    ['pipedrive-deals-export.csv', { rows: 3, goodRows: 3, badRows: 0 }, []],
    ['zoho-leads-export.csv', { rows: 3, goodRows: 3, badRows: 0 }, []],
    ['channel-spend.csv', { rows: 4, goodRows: 4, badRows: 0 }, []],
    ['bad-dates.csv', { rows: 7, goodRows: 3, badRows: 4 }, [3, 4, 5, 7]],
    ['excel-numbers.csv', { rows: 9, goodRows: 7, badRows: 2 }, [7, 10]],
    ['embedded-quotes-newlines.csv', { rows: 6, goodRows: 5, badRows: 1 }, [7]],
  ])('%s → %o, errors on rows %j', async (name, counts, errorRows) => {
    const { options, file } = await autoOptions(name);
    const summary = await validateCsv(file, options);
    expect(summary).toMatchObject(counts);
    expect(summary.errors.map((e) => e.row)).toEqual(errorRows);
    expect(summary.preview).toHaveLength(Math.min(20, counts.goodRows));
  });

  it('bad-dates.csv: each error names the column, the value and the reason', async () => {
    const { options, file } = await autoOptions('bad-dates.csv');
    expect((await validateCsv(file, options)).errors).toEqual([
      { row: 3, column: 'Date', value: '2024-02-30', reason: 'day 30 does not exist in month 2' },
      { row: 4, column: 'Date', value: '2024-13-01', reason: 'month 13 does not exist' },
      {
        row: 5,
        column: 'Date',
        value: 'not a date',
        reason: '“not a date” is not a yyyy-mm-dd date (or a yyyy-mm month)',
      },
      { row: 7, column: 'Date', value: '', reason: 'empty' },
    ]);
  });

  it('excel-numbers.csv: Excel serial dates and Excel-style numbers', async () => {
    const { options, file } = await autoOptions('excel-numbers.csv', { timeZone: 'UTC' });
    const summary = await validateCsv(file, options);
    const preview = summary.preview as Observation[];
    expect(preview.map((o) => o.value)).toEqual([1234.5, -1234, 2500, 12.5, 123_000, -42, 3000]);
    expect(preview[0]?.time).toBe(Date.UTC(2024, 0, 1));
    expect(summary.errors).toEqual([
      { row: 7, column: 'Value', value: '#DIV/0!', reason: 'spreadsheet error #DIV/0!' },
      { row: 10, column: 'Value', value: '1,5', reason: '“1,5” is not a number in the 1,234.5 format' },
    ]);
  });

  it('embedded-quotes-newlines.csv: quotes, commas and line breaks survive; row numbers count records', async () => {
    const { options, file } = await autoOptions('embedded-quotes-newlines.csv');
    const summary = await validateCsv(file, options);
    const preview = summary.preview as Observation[];
    expect(preview.map((o) => o.note)).toEqual([
      'Said "great" results',
      'Line one\nline two',
      'Comma, inside',
      'He said "stop"\nthen "go"',
      'plain',
    ]);
    expect(preview[2]?.dims).toEqual({ channel: 'facebook, paid' });
    expect(summary.errors).toEqual([
      { row: 7, column: '', value: '', reason: 'a quoted field is never closed (a " is missing)' },
    ]);
  });

  it('kpi-series-vi-semicolon.csv: BOM, ";", dd/mm/yyyy and 1.234,5 read in Vietnam time', async () => {
    const { options, file } = await autoOptions('kpi-series-vi-semicolon.csv');
    const preview = (await validateCsv(file, options)).preview as Observation[];
    expect(preview.map((o) => o.value)).toEqual([1234.5, 980.25, 12_500_000, 2345, 0.5, 7000.75]);
    expect(preview[2]).toMatchObject({
      time: Date.UTC(2024, 0, 12, 17),
      dims: { channel: 'Zalo', segment: 'Doanh nghiệp' },
      note: 'Khuyến mãi Tết',
    });
  });

  it('salesforce-opportunities-report.csv: skips the report footer and converts ids', async () => {
    const { options, file } = await autoOptions('salesforce-opportunities-report.csv', { currency: 'USD' });
    const preview = (await validateCsv(file, options)).preview as Lead[];
    expect(preview.map((l) => l.id)).toEqual([
      'salesforce:opportunity:0065g00000AbCdEAAV',
      'salesforce:opportunity:0065g00000XyZabAAF',
      'salesforce:opportunity:0065g00000qrStuAAE',
      'salesforce:opportunity:0065g00000LMnopAAD',
    ]);
    expect(preview[1]).toMatchObject({
      amount: 48500.5,
      currency: 'USD',
      createdDate: Date.UTC(2024, 1, 2, 17),
    });
    expect(preview[2]?.amount).toBeUndefined();
  });

  it('hubspot-contacts-export.csv: names from first + last name, email when both are empty', async () => {
    const { options, file } = await autoOptions('hubspot-contacts-export.csv');
    const preview = (await validateCsv(file, options)).preview as Lead[];
    expect(preview.map((l) => l.name)).toEqual([
      'Lan Nguyễn',
      'Huy Phạm',
      'Anna Schmidt',
      'Quang Võ',
      'info@acme.example.vn',
    ]);
    expect(preview[0]).toMatchObject({
      stage: 'Lead',
      status: 'New',
      channel: 'Paid Social',
      owner: 'Minh Trần',
    });
    for (const lead of preview) expect(Lead.safeParse(lead).success).toBe(true);
  });

  it('pipedrive and zoho: currency per row, zcrm_ prefixes dropped', async () => {
    const pd = await autoOptions('pipedrive-deals-export.csv');
    const deals = (await validateCsv(pd.file, pd.options)).preview as Lead[];
    expect(deals.map((d) => [d.id, d.amount, d.currency])).toEqual([
      ['pipedrive:deal:101', 25_000_000, 'VND'],
      ['pipedrive:deal:102', 1500, 'USD'],
      ['pipedrive:deal:103', 120_000_000, 'VND'],
    ]);
    const zo = await autoOptions('zoho-leads-export.csv');
    const leads = (await validateCsv(zo.file, zo.options)).preview as Lead[];
    expect(leads[0]).toMatchObject({
      id: 'zoho:lead:5725767000000418001',
      url: 'https://crm.zoho.com/crm/tab/Leads/5725767000000418001',
      company: 'Phở 24',
      channel: 'Facebook',
      status: 'Contacted',
    });
  });

  it('wrong-delimiter.csv read with "," reports every data row as missing its columns', async () => {
    const { options, file } = await autoOptions('wrong-delimiter.csv', {
      delimiter: ',',
      mapping: { date: 0, value: 1, channel: 2 },
    });
    const summary = await validateCsv(file, options);
    expect(summary.headers).toEqual(['date', 'value', 'channel']);
    expect(summary.errors).toEqual(
      [2, 3, 4].map((row) => ({
        row,
        column: 'value',
        value: '',
        reason: 'this row has 1 column, so “value” is missing',
      })),
    );
  });

  it('a file without a header numbers its first data row 1', async () => {
    const summary = await validateCsv('2024-01-01,5\nbad,6\n', {
      delimiter: ',',
      newline: '\n',
      hasHeader: false,
      kind: 'kpi-series',
      mapping: { date: 0, value: 1 },
      dateFormat: 'yyyy-mm-dd',
      numberFormat: '1,234.5',
      timeZone: 'UTC',
      metricId: 'm',
    });
    expect(summary.errors).toEqual([
      { row: 2, column: 'Column 1', value: 'bad', reason: expect.any(String) },
    ]);
  });
});

describe('importCsv', () => {
  it('writes nothing new the second time: both runs give the same ids', async () => {
    const { options, file } = await autoOptions('kpi-series-en.csv');
    const first = collect();
    const second = collect();
    expect(await importCsv(file, { ...options, sink: first.sink, skipBadRows: false })).toMatchObject({
      status: 'imported',
      imported: 8,
    });
    await importCsv(fixtureText('kpi-series-en.csv'), { ...options, sink: second.sink, skipBadRows: false });
    expect(first.ids()).toHaveLength(8);
    expect(new Set(first.ids()).size).toBe(8);
    expect(second.ids()).toEqual(first.ids());
    expect(second.batches).toEqual(first.batches);
  });

  it('lead and spend ids are stable across runs too', async () => {
    for (const name of ['hubspot-deals-export.csv', 'channel-spend.csv']) {
      const { options, file } = await autoOptions(name);
      const a = collect();
      const b = collect();
      await importCsv(file, { ...options, sink: a.sink, skipBadRows: false });
      await importCsv(file, { ...options, now: NOW + 86_400_000, sink: b.sink, skipBadRows: false });
      expect(b.ids()).toEqual(a.ids());
      expect(a.ids().length).toBe(4);
    }
  });

  it('refuses a file with bad rows before calling sink, with or without a prior validation', async () => {
    const { options, file } = await autoOptions('bad-dates.csv');
    const { sink, batches } = collect();
    const refused = await importCsv(file, { ...options, sink, skipBadRows: false });
    expect(refused.status).toBe('refused');
    expect(refused.summary.badRows).toBe(4);
    const validated = await validateCsv(file, options);
    expect((await importCsv(file, { ...options, sink, skipBadRows: false, validated })).status).toBe(
      'refused',
    );
    expect(batches).toEqual([]);
  });

  it('skips bad rows when asked, importing only the good ones', async () => {
    const { options, file } = await autoOptions('bad-dates.csv', { timeZone: 'UTC' });
    const { sink, batches } = collect();
    const result = await importCsv(file, { ...options, sink, skipBadRows: true });
    expect(result).toMatchObject({ status: 'imported', imported: 3 });
    expect(batches.flatMap((b) => b.records.map((r) => (r as Observation).value))).toEqual([10, 14, 16]);
    expect(batches.every((b) => b.kind === 'kpi-series')).toBe(true);
  });

  it('stops without committing when a bad row turns up that validation did not see', async () => {
    const { options, file } = await autoOptions('bad-dates.csv');
    const { sink, batches } = collect();
    const staleValidation = { ...(await validateCsv(file, options)), badRows: 0, errors: [], errorCount: 0 };
    const result = await importCsv(file, {
      ...options,
      sink,
      skipBadRows: false,
      validated: staleValidation,
    });
    expect(result.status).toBe('refused');
    expect(batches).toEqual([]);
  });
});

/** `rows` rows of a KPI series with Vietnamese channel names (multi-byte in UTF-8). */
function bigCsv(rows: number, quotedNotes = true): string {
  const lines = ['Ngày,Giá trị,Kênh,Ghi chú'];
  // From 2010: 20,000 rows at four a day end in 2023, before any "today" (a future day is refused).
  const start = Date.UTC(2010, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
    const note = quotedNotes ? `"ghi chú ""${i}"""` : `ghi chú ${i}`;
    lines.push(`${day},${(i % 997) + 0.5},kênh-${i % 4}-đặc biệt,${note}`);
  }
  return `${lines.join('\n')}\n`;
}

const bigOptions = {
  delimiter: ',' as const,
  newline: '\n' as const,
  hasHeader: true,
  kind: 'kpi-series' as const,
  mapping: { date: 0, value: 1, channel: 2, note: 3 },
  dateFormat: 'yyyy-mm-dd' as const,
  numberFormat: '1,234.5' as const,
  timeZone: TZ,
  metricId: 'revenue',
};

describe('a row dated after today', () => {
  it('is a bad row, as in the quick log, never a value waiting to add itself later', async () => {
    // Imported on Dec 7 in Hồ Chí Minh City: the 15th is refused, today is kept.
    const now = Date.UTC(2026, 11, 7, 3);
    const csv = 'Ngày,Giá trị\n2026-12-07,5\n2026-12-15,9\n';
    const summary = await validateCsv(csv, { ...bigOptions, mapping: { date: 0, value: 1 }, now });
    expect(summary.badRows).toBe(1);
    expect(summary.errors[0]).toMatchObject({ row: 3, reason: expect.stringMatching(/^is after today/) });
  });
});

describe('large files', () => {
  it('streams 20,000 rows from a File in chunks, with progress rising to 1', async () => {
    const text = bigCsv(20_000);
    const file = new File([text], 'big.csv');
    const progress: [number, number][] = [];
    const { sink, batches } = collect();
    const result = await importCsv(file, {
      ...bigOptions,
      chunkSize: 64 * 1024,
      chunkRows: 3000,
      sink,
      skipBadRows: true,
      onProgress: (fraction, rowsDone) => progress.push([fraction, rowsDone]),
    });
    expect(result).toMatchObject({ status: 'imported', imported: 20_000 });
    expect(batches.map((b) => b.records.length)).toEqual([3000, 3000, 3000, 3000, 3000, 3000, 2000]);
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
      expect(progress[i]![1]).toBeGreaterThanOrEqual(progress[i - 1]![1]);
    }
    expect(progress.at(-1)).toEqual([1, 20_000]);
    expect(progress[0]![0]).toBeGreaterThan(0);
    expect(progress[0]![0]).toBeLessThan(0.2);
    // No character was cut at a chunk boundary.
    const channels = new Set(batches.flatMap((b) => (b.records as Observation[]).map((o) => o.dims.channel)));
    expect([...channels].sort()).toEqual([
      'kênh-0-đặc biệt',
      'kênh-1-đặc biệt',
      'kênh-2-đặc biệt',
      'kênh-3-đặc biệt',
    ]);
    expect((batches[6]!.records.at(-1) as Observation).note).toBe('ghi chú "19999"');
  });

  it('validating two passes reports progress 0–0.5 then 0.5–1 and the File and the string agree', async () => {
    const text = bigCsv(2_000);
    const progress: number[] = [];
    const fromFile = collect();
    const fromText = collect();
    await importCsv(new File([text], 'big.csv'), {
      ...bigOptions,
      chunkSize: 8 * 1024,
      sink: fromFile.sink,
      skipBadRows: false,
      onProgress: (f) => progress.push(f),
    });
    await importCsv(text, { ...bigOptions, chunkSize: 5000, sink: fromText.sink, skipBadRows: false });
    expect(fromText.ids()).toEqual(fromFile.ids());
    expect(progress.filter((f) => f <= 0.5).length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('cancel via AbortSignal stops the import early with an AbortError', async () => {
    const controller = new AbortController();
    let sinkCalls = 0;
    const run = importCsv(bigCsv(20_000), {
      ...bigOptions,
      chunkSize: 16 * 1024,
      chunkRows: 500,
      skipBadRows: true,
      signal: controller.signal,
      sink: async () => {
        sinkCalls++;
        if (sinkCalls === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(sinkCalls).toBe(2);
  });

  it('a cancelled validation rejects too', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      validateCsv(bigCsv(100), { ...bigOptions, signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('a stray quote early in a big file is reported instead of swallowing the file', async () => {
    // Past 4 MB a quoted field is taken as runaway: re-scanning it chunk after chunk is quadratic.
    const rows = bigCsv(120_000, false).split('\n');
    rows[3] = '2020-01-01,1,"stray,note';
    const summary = await validateCsv(rows.join('\n'), { ...bigOptions, chunkSize: 1024 * 1024 });
    expect(summary.goodRows).toBe(2);
    expect(summary.errors).toEqual([
      {
        row: 4,
        column: '',
        value: '',
        reason: 'a quoted field is never closed (a " is missing); the rest of the file is unreadable',
      },
    ]);
  });
});

describe('streamCsvRows', () => {
  it('gives the same rows at any chunk size as parsing the whole text (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', 'ệ', '😀', ',', '"', '\n', '\r\n', ' ', '1') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 16, max: 80 }),
        fc.boolean(),
        async (rows, chunkSize, asFile) => {
          // Every row starts with a letter so no row is blank and none is a lone empty field.
          const data = rows.map(([a, b]) => [`x${a}`, b ?? '']);
          const text = Papa.unparse(data, { newline: '\n', quotes: true });
          const got: string[][] = [];
          const input = asFile ? new File([text], 'p.csv') : text;
          await streamCsvRows(input, { delimiter: ',', newline: '\n', chunkSize }, ({ rows: r }) => {
            got.push(...r);
          });
          expect(got).toEqual(data);
        },
      ),
      { numRuns: 60 },
    );
  });
});
