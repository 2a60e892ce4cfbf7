import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkInsToCsv, guardFormula, leadsToCsv, observationsToCsv } from '../../../lib/export/csv-export';
import { detectImport } from '../../../lib/import/detect-kind';
import { type ImportBatch, importCsv } from '../../../lib/import/run-import';
import { sniffCsv } from '../../../lib/import/sniff';
import type { CheckIn, Lead, Observation } from '../../../lib/schema';

const observations: Observation[] = [
  {
    id: 'obs-1',
    metricId: 'revenue',
    time: Date.UTC(2024, 0, 1),
    value: 1234.5,
    dims: { channel: 'facebook', segment: 'smb' },
    source: 'import',
    note: 'Said "great", then\nleft',
  },
  { id: 'obs-2', metricId: 'revenue', time: Date.UTC(2024, 0, 2), value: -12, dims: {}, source: 'manual' },
];

describe('observationsToCsv', () => {
  it('writes a header, ISO dates, numbers as numbers and quotes what needs quoting', () => {
    expect(
      observationsToCsv(observations, { metricName: (id) => (id === 'revenue' ? 'Doanh thu' : undefined) }),
    ).toBe(
      [
        'date,value,metric,channel,segment,owner,business unit,note,source,id',
        '2024-01-01T00:00:00.000Z,1234.5,Doanh thu,facebook,smb,,,"Said ""great"", then\nleft",import,obs-1',
        '2024-01-02T00:00:00.000Z,-12,Doanh thu,,,,,,manual,obs-2',
      ].join('\r\n'),
    );
  });

  it('starts with a BOM for Excel when asked, and can use ";"', () => {
    const csv = observationsToCsv(observations.slice(1), { bom: true, delimiter: ';', newline: '\n' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\n')[1]).toBe('2024-01-02T00:00:00.000Z;-12;revenue;;;;;;manual;obs-2');
  });

  it('parses back to the same cells', () => {
    const parsed = Papa.parse<string[]>(observationsToCsv(observations), { newline: '\r\n' }).data;
    expect(parsed[1]?.[7]).toBe('Said "great", then\nleft');
    expect(parsed).toHaveLength(3);
  });

  it('imports back to the same observations (same ids, values, dims and notes)', async () => {
    const csv = observationsToCsv(observations, { bom: true });
    const sniff = await sniffCsv(csv);
    if (!sniff.ok) throw new Error(sniff.message);
    const guess = detectImport(sniff.headers, sniff.rows);
    expect(guess.mapping).toMatchObject({ date: 0, value: 1, channel: 3, segment: 4, owner: 5, note: 7 });
    const batches: ImportBatch[] = [];
    await importCsv(csv, {
      ...sniff,
      kind: guess.kind,
      mapping: guess.mapping,
      dateFormat: guess.formats.dateFormat?.format ?? 'yyyy-mm-dd',
      numberFormat: '1,234.5',
      timeZone: 'Asia/Ho_Chi_Minh',
      metricId: 'revenue',
      skipBadRows: false,
      sink: async (b) => {
        batches.push(b);
      },
    });
    const back = batches.flatMap((b) => b.records as Observation[]);
    expect(back.map((o) => [o.time, o.value, o.dims, o.note])).toEqual(
      observations.map((o) => [o.time, o.value, o.dims, o.note]),
    );
    // Imports carry source 'import'; the ids of re-imported exports stay stable from run to run.
    expect(back[0]?.id).toMatch(/^obs-[0-9a-f]{16}$/);
  });

  it('writes a decimal comma for Excel with ";" (Vietnamese Windows), and the importer reads it back', async () => {
    const more = [
      ...observations,
      { ...observations[1]!, id: 'obs-3', time: Date.UTC(2024, 0, 3), value: 0.5 },
    ];
    const csv = observationsToCsv(more, { bom: true, delimiter: ';', decimalComma: true });
    expect(csv.slice(1).split('\r\n')[1]).toMatch(/^2024-01-01T00:00:00\.000Z;1234,5;/);
    const sniff = await sniffCsv(csv);
    if (!sniff.ok) throw new Error(sniff.message);
    const guess = detectImport(sniff.headers, sniff.rows);
    expect(guess.formats.numberFormat?.format).toBe('1.234,5');
    const batches: ImportBatch[] = [];
    await importCsv(csv, {
      ...sniff,
      kind: guess.kind,
      mapping: guess.mapping,
      dateFormat: guess.formats.dateFormat?.format ?? 'yyyy-mm-dd',
      numberFormat: '1.234,5',
      timeZone: 'Asia/Ho_Chi_Minh',
      metricId: 'revenue',
      skipBadRows: false,
      sink: async (b) => {
        batches.push(b);
      },
    });
    expect(batches.flatMap((b) => (b.records as Observation[]).map((o) => o.value))).toEqual([
      1234.5, -12, 0.5,
    ]);
    // A comma file never gets a decimal comma: it would split the cell.
    expect(observationsToCsv(observations, { decimalComma: true }).split('\r\n')[1]).toContain(',1234.5,');
  });
});

describe('formula-injection guard', () => {
  it.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['-12.5', '-12.5'],
    ['-3e5', '-3e5'],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(guardFormula(input)).toBe(output);
  });

  it('guards text cells of every export but leaves numbers alone', () => {
    const lead: Lead = {
      id: 'hubspot:contact:1',
      crm: 'hubspot',
      objectType: 'contact',
      externalId: '1',
      url: 'https://app.hubspot.com/',
      name: '=cmd|"/C calc"!A0',
      amount: -5,
      firstSeen: Date.UTC(2024, 0, 1),
      lastSeen: Date.UTC(2024, 0, 2),
      stageHistory: [],
      deletedAt: null,
    };
    const rows = Papa.parse<string[]>(leadsToCsv([lead]), { newline: '\r\n' }).data;
    expect(rows[0]?.slice(0, 5)).toEqual(['id', 'crm', 'object type', 'external id', 'name']);
    expect(rows[1]?.[4]).toBe('\'=cmd|"/C calc"!A0');
    expect(rows[1]?.[9]).toBe('-5');
    expect(rows[1]?.[15]).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('checkInsToCsv', () => {
  // Progress, plans, problems (PPP): the order of the check-in form and the goal's history.
  it('writes goal titles, confidence and multi-line text, notes in PPP order', () => {
    const checkIn: CheckIn = {
      id: 'c1',
      goalId: 'g1',
      time: Date.UTC(2024, 4, 3, 9),
      value: 42,
      confidence: 'at_risk',
      plans: 'Call 20 leads\nFix the form',
      progress: 'Two dealers signed',
      problems: '@ads budget',
      deletedAt: null,
    };
    expect(checkInsToCsv([checkIn], { goalTitle: () => 'Doanh thu Q2' })).toBe(
      [
        'date,goal,value,confidence,progress,plans,problems,goal id,id',
        `2024-05-03T09:00:00.000Z,Doanh thu Q2,42,at_risk,Two dealers signed,"Call 20 leads\nFix the form",'@ads budget,g1,c1`,
      ].join('\r\n'),
    );
  });

  it('writes only the header line for no rows', () => {
    expect(checkInsToCsv([])).toBe('date,goal,value,confidence,progress,plans,problems,goal id,id\r\n');
  });
});
