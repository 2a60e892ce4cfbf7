import Papa from 'papaparse';
import { DATE_FORMATS, NUMBER_FORMATS, parseNumber, parseWallTime } from './formats';

/**
 * First look at a file the user dropped: is it text at all, which encoding, which delimiter, which
 * line ending, is row 1 a header. Works on a sample (64 KiB by default) so a 100 MB file answers at once.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Newline = '\n' | '\r\n' | '\r';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export const BINARY_MESSAGE = 'This file is not text (it looks binary)';
export const EMPTY_MESSAGE = 'This file is empty';

export interface SniffOk {
  ok: true;
  encoding: TextEncodingName;
  hadBom: boolean;
  delimiter: Delimiter;
  /** False when no delimiter splits the rows into a steady number of columns: show the choice. */
  delimiterConfident: boolean;
  newline: Newline;
  hasHeader: boolean;
  /** Header texts, or "Column 1"… when row 1 is data. */
  headers: string[];
  /** Up to `PREVIEW_ROWS` rows after the header, as text cells. */
  rows: string[][];
  /**
   * The file's row number (1-based, as the check report counts: blank rows count) of each sampled
   * row, the header row first when there is one. The sample leaves blank rows out, so after a blank
   * line its index no longer tells its row.
   */
  rowNumbers: number[];
  columnCount: number;
  /** Sentences for the user, e.g. characters that are not UTF-8. */
  warnings: string[];
}
export interface SniffFailure {
  ok: false;
  reason: 'binary' | 'empty';
  message: string;
}
export type SniffResult = SniffOk | SniffFailure;

export const PREVIEW_ROWS = 20;
export const DEFAULT_SAMPLE_BYTES = 64 * 1024;

export async function sniffCsv(
  input: Blob | string,
  sampleBytes = DEFAULT_SAMPLE_BYTES,
): Promise<SniffResult> {
  if (typeof input === 'string') return sniffText(input.slice(0, sampleBytes), input.length > sampleBytes);
  const buffer = await input.slice(0, sampleBytes).arrayBuffer();
  return sniffBytes(new Uint8Array(buffer), input.size > sampleBytes);
}

/** `truncated`: the sample stops mid-file, so its last line may be cut and is dropped. */
export function sniffBytes(bytes: Uint8Array, truncated = false): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: EMPTY_MESSAGE };
  const { encoding, bomLength } = encodingFromBom(bytes);
  // UTF-16 text is full of NUL bytes by design; only other encodings are checked byte-wise.
  if (encoding === 'utf-8' && looksBinary(bytes.subarray(bomLength))) {
    return { ok: false, reason: 'binary', message: BINARY_MESSAGE };
  }
  // stream: a sample cut inside a multi-byte character must not read as a broken one.
  const text = new TextDecoder(encoding).decode(bytes, { stream: truncated });
  return sniffDecoded(text, encoding, bomLength > 0, truncated);
}

export function sniffText(text: string, truncated = false): SniffResult {
  const hadBom = text.charCodeAt(0) === 0xfeff;
  const body = hadBom ? text.slice(1) : text;
  if (body.includes('\0') || controlRatio(body) > 0.05) {
    return { ok: false, reason: 'binary', message: BINARY_MESSAGE };
  }
  return sniffDecoded(body, 'utf-8', hadBom, truncated);
}

function encodingFromBom(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** NUL bytes never occur in UTF-8 text; a few other C0 controls can, so they need to be frequent. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.05;
}

function controlRatio(text: string): number {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return n === 0 ? 0 : control / n;
}

function sniffDecoded(
  raw: string,
  encoding: TextEncodingName,
  hadBom: boolean,
  truncated: boolean,
): SniffResult {
  // TextDecoder already dropped a BOM; a string input may still carry one.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, reason: 'empty', message: EMPTY_MESSAGE };

  const warnings: string[] = [];
  const replaced = text.split('\uFFFD').length - 1;
  if (replaced > 0) {
    if (replaced / text.length > 0.3) return { ok: false, reason: 'binary', message: BINARY_MESSAGE };
    warnings.push(
      'Some characters are not UTF-8 and will show as �. In Excel, save the file as “CSV UTF-8”.',
    );
  }

  const newline = detectNewline(text);
  let sample = text;
  if (truncated) {
    const cut = sample.lastIndexOf(newline);
    if (cut > 0) sample = sample.slice(0, cut);
  }

  const { delimiter, confident, rows } = detectDelimiter(sample, newline);
  if (!confident) {
    const counts = new Set(rows.map((r) => r.length));
    warnings.push(
      counts.size > 1
        ? 'Rows have different numbers of columns: check the delimiter.'
        : 'Only one column was found: the file may use a delimiter other than comma, semicolon, tab or |.',
    );
  }
  const first = rows[0] ?? [];
  const hasHeader = first.some((c) => c.trim() !== '') && !first.some(looksLikeData);
  const columnCount = Math.max(0, ...rows.map((r) => r.length));
  const headers = hasHeader
    ? Array.from({ length: columnCount }, (_, i) => (first[i] ?? '').trim() || `Column ${i + 1}`)
    : Array.from({ length: columnCount }, (_, i) => `Column ${i + 1}`);
  const dataRows = (hasHeader ? rows.slice(1) : rows).slice(0, PREVIEW_ROWS);
  const rowNumbers = fileRowNumbers(sample, delimiter, newline).slice(
    0,
    (hasHeader ? 1 : 0) + dataRows.length,
  );
  return {
    ok: true,
    encoding,
    hadBom,
    delimiter,
    delimiterConfident: confident,
    newline,
    hasHeader,
    headers,
    rows: dataRows,
    rowNumbers,
    columnCount,
    warnings,
  };
}

/** The line ending used most often outside quoted fields. */
export function detectNewline(text: string): Newline {
  const unquoted = text.slice(0, 1024 * 1024).replace(/"[^"]*"/g, '');
  const crlf = unquoted.split('\r\n').length - 1;
  const lf = unquoted.split('\n').length - 1 - crlf;
  const cr = unquoted.split('\r').length - 1 - crlf;
  if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

const SNIFF_ROWS = 50;

/** A row Papa's `skipEmptyLines: 'greedy'` leaves out: nothing but blanks and delimiters. */
export const isBlankRow = (row: readonly string[]): boolean => row.join('').trim() === '';

/**
 * The file row number of each row the sniff keeps (blank rows left out), counted as the import
 * counts them (csv-rows.ts: every parsed row, blank ones too), so the preview and the check report
 * give a row the same number.
 */
function fileRowNumbers(sample: string, delimiter: Delimiter, newline: Newline): number[] {
  const all = Papa.parse<string[]>(sample, { delimiter, newline, preview: SNIFF_ROWS * 4 }).data;
  const numbers: number[] = [];
  all.forEach((row, i) => {
    if (!isBlankRow(row)) numbers.push(i + 1);
  });
  return numbers;
}

/**
 * Picks the delimiter that splits the most rows into the same number (> 1) of columns, ties going to
 * more columns. Papa's own guess is similar but gives no confidence to show the user.
 */
export function detectDelimiter(
  sample: string,
  newline: Newline,
): { delimiter: Delimiter; confident: boolean; rows: string[][] } {
  let best: {
    delimiter: Delimiter;
    score: number;
    consistency: number;
    columns: number;
    rows: string[][];
  } | null = null;
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, {
      delimiter,
      newline,
      preview: SNIFF_ROWS,
      skipEmptyLines: 'greedy',
    });
    const rows = parsed.data;
    // Report footers ("Generated By: …") are a few one-cell lines after the table: they say nothing
    // here. When most rows are one cell, though, the delimiter is wrong and they count.
    let end = rows.length;
    while (end > 1 && rows[end - 1]!.length === 1) end--;
    const table = end >= 2 && end > rows.length / 2 ? rows.slice(0, end) : rows;
    const freq = new Map<number, number>();
    for (const r of table) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let columns = 1;
    let top = 0;
    for (const [len, n] of freq) {
      if (n > top || (n === top && len > columns)) {
        columns = len;
        top = n;
      }
    }
    const consistency = table.length === 0 ? 0 : top / table.length;
    const score = columns > 1 ? consistency * 1000 + columns : 0;
    if (!best || score > best.score) best = { delimiter, score, consistency, columns, rows };
  }
  // `best` is always set: DELIMITERS is not empty.
  const chosen = best!;
  return {
    delimiter: chosen.delimiter,
    confident: chosen.columns > 1 && chosen.consistency >= 0.9,
    rows: chosen.rows,
  };
}

/** A header cell is text; a cell that reads as a number or a date means row 1 is already data. */
function looksLikeData(cell: string): boolean {
  const s = cell.trim();
  if (s === '') return false;
  if (NUMBER_FORMATS.some((f) => parseNumber(s, f).ok)) return true;
  return DATE_FORMATS.some((f) => f !== 'excel-serial' && parseWallTime(s, f).ok);
}
