import { describe, expect, it } from 'vitest';
import { importIntoDb, type OverlapPlan } from '../../../lib/app/import-sinks';
import { detectImport } from '../../../lib/import/detect-kind';
import {
  addIncoming,
  compareWithStored,
  emptyIncoming,
  type OverlapChoice,
  storedRangeFor,
} from '../../../lib/import/overlap';
import { type CsvImportOptions, validateCsv } from '../../../lib/import/run-import';
import { sniffCsv } from '../../../lib/import/sniff';
import type { Observation } from '../../../lib/schema';
import { undoImport } from '../../../lib/storage/import-undo';
import {
  beginIngest,
  ingestObservations,
  readAllObservations,
  readObservations,
} from '../../../lib/storage/observations';
import { freshDb } from '../storage/helpers';

/**
 * A KPI file over days that already hold values (the reviewers' import overlaps): the check step
 * reports them, and the import does what the user chose, all of it undoable.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const METRIC = 'm-revenue';
const NOW = Date.UTC(2026, 11, 7, 3);
// Local midnight in Hanoi (UTC+7) of a December 2026 day.
const local = (day: number, hour = 0) => Date.UTC(2026, 11, day, hour - 7);

const FILE = ['Date,Value', '2026-12-01,100', '2026-12-02,200', '2026-12-03,300', '2026-12-04,400'].join(
  '\n',
);

async function optionsFor(text: string): Promise<CsvImportOptions> {
  const sniff = await sniffCsv(new File([text], 'f.csv', { type: 'text/csv' }));
  if (!sniff.ok) throw new Error(sniff.message);
  const guess = detectImport(sniff.headers, sniff.rows);
  return {
    delimiter: sniff.delimiter,
    newline: sniff.newline,
    encoding: sniff.encoding,
    hasHeader: sniff.hasHeader,
    kind: 'kpi-series',
    mapping: guess.mapping,
    dateFormat: 'yyyy-mm-dd',
    numberFormat: '1,234.5',
    timeZone: TZ,
    metricId: METRIC,
    currency: 'VND',
    now: NOW,
  };
}

const manual = (id: string, time: number, value: number, dims = {}): Observation => ({
  id,
  metricId: METRIC,
  time,
  value,
  dims,
  source: 'manual',
});

/** What the check step computes: the file's values against the stored ones. */
async function check(db: Awaited<ReturnType<typeof freshDb>>['db'], text: string) {
  const options = await optionsFor(text);
  const incoming = emptyIncoming();
  await validateCsv(text, options, (r) => addIncoming(incoming, r as Observation));
  const range = storedRangeFor(incoming)!;
  const report = compareWithStored(incoming, await readObservations(db, METRIC, range), TZ);
  return { options, report };
}

async function importWith(
  db: Awaited<ReturnType<typeof freshDb>>['db'],
  text: string,
  choice: OverlapChoice,
) {
  const { options, report } = await check(db, text);
  const overlap: OverlapPlan = { choice, report, timeZone: TZ };
  return importIntoDb(db, text, { ...options, skipBadRows: false, overlap });
}

const byDay = (obs: Observation[]) => {
  const out: Record<string, number> = {};
  for (const o of obs) {
    const day = new Date(o.time + 7 * 3_600_000).toISOString().slice(0, 10);
    out[day] = (out[day] ?? 0) + o.value;
  }
  return out;
};

describe('import over days that already hold values', () => {
  it('names the days logged by hand, on the local day even across a UTC boundary', async () => {
    const { db } = await freshDb();
    // 06:30 in Hanoi on Dec 2 is Dec 1 in UTC: a different block from the file's Dec 2 midnight.
    await ingestObservations(db, [manual('a', local(2, 6.5), 200), manual('b', local(3, 12), 250)]);
    const { report } = await check(db, FILE);
    expect(report).toMatchObject({ occupiedDays: 2, sameValueDays: 1, changed: 0, unchanged: 0 });
    expect(report.occupiedExamples.map((o) => [o.day, o.stored, o.incoming, o.sources])).toEqual([
      ['2026-12-02', 200, 200, ['manual']],
      ['2026-12-03', 250, 300, ['manual']],
    ]);
  });

  it('does not count a value for another channel as the same day', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [manual('a', local(2, 9), 50, { channel: 'zalo' })]);
    const { report } = await check(db, FILE);
    expect(report.occupiedDays).toBe(0);
  });

  it('a second file for the same days lists the values it changes, and the unchanged ones', async () => {
    const { db } = await freshDb();
    const first = await importWith(db, FILE, 'add');
    expect(first).toMatchObject({ status: 'imported', added: 4, replaced: 0 });
    const second = FILE.replace('2026-12-03,300', '2026-12-03,350');
    const { report } = await check(db, second);
    expect(report).toMatchObject({ changed: 1, unchanged: 3, occupiedDays: 0 });
    expect(report.changedExamples).toEqual([{ day: '2026-12-03', dims: {}, before: 300, after: 350 }]);
    const result = await importWith(db, second, 'add');
    expect(result).toMatchObject({ status: 'imported', added: 0, replaced: 4, unchanged: 3 });
  });

  it('"replace": those days hold the file’s values alone, and undo brings the hand-typed ones back', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [manual('a', local(2, 6.5), 200), manual('b', local(3, 12), 250)]);
    const result = await importWith(db, FILE, 'replace');
    expect(result).toMatchObject({ status: 'imported', added: 4, removed: 2 });
    const after = await readAllObservations(db, METRIC);
    expect(byDay(after)).toEqual({
      '2026-12-01': 100,
      '2026-12-02': 200,
      '2026-12-03': 300,
      '2026-12-04': 400,
    });
    expect(after.every((o) => o.source === 'import')).toBe(true);

    const undoId = (await db.getAll('backups')).find((r) => r.reason === 'import')?.id as string;
    await undoImport(db, undoId);
    const restored = await readAllObservations(db, METRIC);
    expect(restored.map((o) => [o.id, o.value])).toEqual([
      ['a', 200],
      ['b', 250],
    ]);
  });

  it('"skip": days that hold values keep them; the other days are imported', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [manual('a', local(2, 6.5), 180)]);
    const result = await importWith(db, FILE, 'skip');
    expect(result).toMatchObject({ status: 'imported', added: 3, held: 1 });
    expect(byDay(await readAllObservations(db, METRIC))).toEqual({
      '2026-12-01': 100,
      '2026-12-02': 180,
      '2026-12-03': 300,
      '2026-12-04': 400,
    });
  });

  it('"add": both are kept, as before', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [manual('a', local(2, 6.5), 180)]);
    const result = await importWith(db, FILE, 'add');
    expect(result).toMatchObject({ status: 'imported', added: 4 });
    expect(byDay(await readAllObservations(db, METRIC))['2026-12-02']).toBe(380);
  });

  it('a rolled-back session puts the values it removed back', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [manual('a', local(2, 6.5), 200), manual('b', local(2, 8), 20)]);
    const session = beginIngest(db, { trusted: true, undoable: true });
    expect(await session.remove([manual('a', local(2, 6.5), 0)])).toBe(1);
    await session.add([{ ...manual('c', local(2), 999), source: 'import' }]);
    expect((await readAllObservations(db, METRIC)).map((o) => o.id)).toEqual(['c', 'b']);
    await session.rollback();
    expect((await readAllObservations(db, METRIC)).map((o) => [o.id, o.value])).toEqual([
      ['a', 200],
      ['b', 20],
    ]);
  });
});
