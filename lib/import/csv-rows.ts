import Papa from 'papaparse';
import type { Delimiter, Newline, TextEncodingName } from './sniff';

/**
 * Streams a CSV (a File/Blob or a string) as rows, one chunk at a time, giving the event loop a turn
 * between chunks so a 100 MB file never freezes the page.
 *
 * Papa's own File streaming decodes every slice on its own, which turns a multi-byte character cut by
 * a slice boundary into two U+FFFD (mholt/PapaParse#751, #1132) — every Vietnamese file would lose
 * letters. So bytes are decoded here with one streaming TextDecoder, and Papa's parser core
 * (`Papa.Parser`, the piece its streamers use) is fed the text, carrying the unfinished last row over
 * to the next chunk exactly as Papa's ChunkStreamer does.
 */

export interface CsvStreamOptions {
  delimiter: Delimiter;
  newline: Newline;
  /** From `sniffCsv`; only used for Blob input. Default utf-8. */
  encoding?: TextEncodingName;
  /** Bytes (Blob) or characters (string) per chunk. Default 1 MiB. */
  chunkSize?: number;
  signal?: AbortSignal;
}

export interface RowChunk {
  rows: string[][];
  /** Spreadsheet number (1-based) of `rows[0]`. */
  firstRow: number;
  /** Row number → reason, for rows the parser could not read cleanly. */
  parseErrors: Map<number, string>;
  /** Share of the input read so far, 0–1. */
  fraction: number;
}

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
const MAX_ROW_CHARS = 4_000_000;

interface TextPiece {
  text: string;
  last: boolean;
  fraction: number;
}

async function* textPieces(
  input: Blob | string,
  encoding: TextEncodingName,
  chunkSize: number,
): AsyncGenerator<TextPiece> {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length === 0) yield { text: '', last: true, fraction: 1 };
    for (let start = 0; start < text.length; start += chunkSize) {
      const end = Math.min(text.length, start + chunkSize);
      yield { text: text.slice(start, end), last: end >= text.length, fraction: end / text.length };
    }
    return;
  }
  // The decoder drops a BOM itself and keeps a character's first bytes until its last ones arrive.
  const decoder = new TextDecoder(encoding);
  const size = input.size;
  if (size === 0) yield { text: '', last: true, fraction: 1 };
  for (let start = 0; start < size; start += chunkSize) {
    const end = Math.min(size, start + chunkSize);
    const bytes = await input.slice(start, end).arrayBuffer();
    const last = end >= size;
    yield { text: decoder.decode(bytes, { stream: !last }), last, fraction: end / size };
  }
}

const PARSE_ERROR_REASONS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (a " is missing)',
  InvalidQuotes: 'a quote (") inside a field is not doubled',
  UndetectableDelimiter: 'no delimiter found',
  TooFewFields: 'too few fields',
  TooManyFields: 'too many fields',
};

export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The import was cancelled', 'AbortError');
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Calls `onChunk` for each chunk of parsed rows, awaiting it (so a slow consumer slows the reading). */
export async function streamCsvRows(
  input: Blob | string,
  options: CsvStreamOptions,
  onChunk: (chunk: RowChunk) => void | Promise<void>,
): Promise<void> {
  const { delimiter, newline, signal } = options;
  const chunkSize = Math.max(16, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const parser = new Papa.Parser({ delimiter, newline });
  let carry = '';
  let nextRow = 1;

  for await (const piece of textPieces(input, options.encoding ?? 'utf-8', chunkSize)) {
    if (signal?.aborted) throw abortError(signal);
    const text = carry + piece.text;
    // Until the last piece, the final row may be cut in half: leave it for the next round.
    const result = parser.parse(text, 0, !piece.last) as Papa.ParseResult<string[]>;
    carry = piece.last ? '' : text.slice(result.meta.cursor);
    const rows = result.data;
    // A file ending in a line break yields one empty row that is not a row in any spreadsheet.
    if (piece.last && rows.length > 0 && text.endsWith(newline)) {
      const tail = rows[rows.length - 1]!;
      if (tail.length === 1 && tail[0] === '') rows.pop();
    }
    if (newline === '\n') {
      // A CRLF line in a mostly-LF file leaves "\r" on its last field.
      for (const row of rows) {
        const i = row.length - 1;
        const lastCell = row[i];
        if (lastCell?.endsWith('\r')) row[i] = lastCell.slice(0, -1);
      }
    }
    const parseErrors = new Map<number, string>();
    for (const e of result.errors) {
      if (e.row === undefined) continue;
      const row = nextRow + e.row;
      if (!parseErrors.has(row)) parseErrors.set(row, PARSE_ERROR_REASONS[e.code] ?? e.message);
    }
    // An unclosed quote makes the rest of the file one field; re-scanning an ever-growing carry would
    // be quadratic, so past a size no real row reaches, the row is reported and reading stops.
    const runaway = carry.length > Math.max(4 * chunkSize, MAX_ROW_CHARS);
    if (runaway) {
      rows.push(['']);
      parseErrors.set(
        nextRow + rows.length - 1,
        `${PARSE_ERROR_REASONS.MissingQuotes}; the rest of the file is unreadable`,
      );
    }
    await onChunk({ rows, firstRow: nextRow, parseErrors, fraction: runaway ? 1 : piece.fraction });
    nextRow += rows.length;
    if (runaway) return;
    if (!piece.last) await yieldToEventLoop();
  }
}
