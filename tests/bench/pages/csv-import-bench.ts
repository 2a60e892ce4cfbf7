// Bench page for the CSV import, bundled by scripts/bench.mjs and driven from
// tests/bench/csv-import.bench.mjs. A KPI CSV of N rows (~100 bytes a row) is generated here as a
// Blob, then read (1) by papaparse alone, streaming the Blob as its own File reader does, and (2) by the
// whole import as the page runs it: sniff → detect → validateCsv → importIntoDb (IngestSession, commit,
// rollups). Both run on the main thread; a PerformanceObserver records long tasks during each step,
// which is what "the page stays responsive" means in numbers.
import Papa from 'papaparse';
import { IMPORT_CHUNK_BYTES, importIntoDb } from '../../../lib/app/import-sinks';
import { detectImport } from '../../../lib/import/detect-kind';
import { validateCsv } from '../../../lib/import/run-import';
import { sniffCsv } from '../../../lib/import/sniff';
import { openPacerDb } from '../../../lib/storage/db';

const START = Date.UTC(2021, 0, 1);
const MINUTE = 60_000;
const CHANNELS = ['facebook', 'google', 'zalo', 'tiktok'];
const SEGMENTS = ['smb', 'enterprise', 'consumer'];
const NOTE = 'imported from the weekly sales sheet';

let blob: Blob | null = null;
let rowCount = 0;

/** `rows` data rows, one every 5 minutes, ~100 bytes each; built in slices so no huge string exists. */
function makeCsv(rows: number): { rows: number; bytes: number } {
  const parts: string[] = ['date,value,channel,segment,note\n'];
  let slice: string[] = [];
  for (let i = 0; i < rows; i++) {
    const time = new Date(START + i * 5 * MINUTE).toISOString().slice(0, 19).replace('T', ' ');
    const value = ((i * 7919) % 1_000_000) / 100;
    slice.push(`${time},${value},${CHANNELS[i % 4]},${SEGMENTS[i % 3]},${NOTE} #${i % 1000}\n`);
    if (slice.length === 10_000) {
      parts.push(slice.join(''));
      slice = [];
    }
  }
  parts.push(slice.join(''));
  blob = new Blob(parts, { type: 'text/csv' });
  rowCount = rows;
  return { rows, bytes: blob.size };
}

/** Phase boundaries (performance.now()) of the running import, to say where the longest task fell. */
let marks: { phase: string; at: number }[] = [];
const phaseAt = (t: number): string => marks.filter((m) => m.at <= t).at(-1)?.phase ?? 'start';

interface Responsiveness {
  longestTaskPhase: string;
  longTasks: number;
  longestTaskMs: number;
  /** Worst delay of a 50 ms heartbeat timer: how long a click could have waited. */
  worstTimerLagMs: number;
}

/** Runs `fn` while watching long tasks and a heartbeat timer. */
async function watched<T>(fn: () => Promise<T>): Promise<T & { ms: number } & Responsiveness> {
  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  let worstLag = 0;
  let expected = performance.now() + 50;
  const beat = setInterval(() => {
    const now = performance.now();
    worstLag = Math.max(worstLag, now - expected);
    expected = now + 50;
  }, 50);
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    // Long-task entries arrive after the task: give the observer a turn.
    await new Promise((r) => setTimeout(r, 100));
    return {
      ...result,
      ms,
      longTasks: tasks.length,
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      longestTaskPhase: phaseAt(
        tasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 }).start,
      ),
      worstTimerLagMs: Math.round(worstLag),
    };
  } finally {
    clearInterval(beat);
    observer.disconnect();
  }
}

function parserOnly() {
  return watched(
    () =>
      new Promise<{ rows: number }>((resolve, reject) => {
        let rows = 0;
        Papa.parse<string[]>(blob as File, {
          delimiter: ',',
          newline: '\n',
          chunkSize: 1024 * 1024,
          skipEmptyLines: true,
          chunk: (result) => {
            rows += result.data.length;
          },
          complete: () => resolve({ rows: rows - 1 }),
          error: (e) => reject(e),
        });
      }),
  );
}

async function wholeImport(dbName: string) {
  const db = await openPacerDb(dbName);
  try {
    return await watched(async () => {
      const input = blob as Blob;
      const sniff = await sniffCsv(input);
      if (!sniff.ok) throw new Error(sniff.message);
      const guess = detectImport(sniff.headers, sniff.rows);
      const options = {
        delimiter: sniff.delimiter,
        newline: sniff.newline,
        encoding: sniff.encoding,
        hasHeader: sniff.hasHeader,
        headers: sniff.headers,
        kind: guess.kind,
        mapping: guess.mapping,
        dateFormat: guess.formats.dateFormat?.format ?? 'yyyy-mm-dd',
        numberFormat: guess.formats.numberFormat?.format ?? '1,234.5',
        timeZone: 'Asia/Ho_Chi_Minh',
        metricId: 'm-bench',
        // As the import page reads: small chunks keep each main-thread task short.
        chunkSize: IMPORT_CHUNK_BYTES,
      };
      const t0 = performance.now();
      marks = [{ phase: 'validate', at: t0 }];
      const validated = await validateCsv(input, options);
      const validateMs = performance.now() - t0;
      marks.push({ phase: 'import', at: performance.now() });
      const result = await importIntoDb(db, input, {
        ...options,
        skipBadRows: false,
        validated,
        onCommitting: () => marks.push({ phase: 'commit', at: performance.now() }),
      });
      if (result.status !== 'imported') throw new Error(`import ended ${result.status}`);
      if (result.added !== rowCount) throw new Error(`added ${result.added} of ${rowCount}`);
      return { rows: result.added, validateMs, importMs: performance.now() - t0 - validateMs };
    });
  } finally {
    db.close();
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase(dbName);
      req.onsuccess = req.onerror = req.onblocked = r;
    });
  }
}

Object.assign(globalThis, { pacerBench: { ready: true, makeCsv, parserOnly, wholeImport } });
