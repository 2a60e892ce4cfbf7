import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectImport, type ImportGuess } from '../../../lib/import/detect-kind';
import type { CsvImportOptions } from '../../../lib/import/run-import';
import { type SniffOk, sniffCsv } from '../../../lib/import/sniff';

/**
 * Sample files live in tests/fixtures/import; tests read them as bytes, text or a File. Paths go from
 * the project root (Vitest's cwd): under happy-dom `import.meta.url` is not a file: URL.
 */
export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/import', name)));
}

/** The file as a string, BOM included (as `File.text()` would not give it: that is the point). */
export function fixtureText(name: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixtureBytes(name));
}

export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name)], name, { type: 'text/csv' });
}

export const NOW = Date.UTC(2024, 3, 1);
export const TZ = 'Asia/Ho_Chi_Minh';

/** Sniff + detect a fixture and build the options the UI would submit unchanged. */
export async function autoOptions(
  name: string,
  extra: Partial<CsvImportOptions> = {},
): Promise<{ sniff: SniffOk; guess: ImportGuess; options: CsvImportOptions; file: File }> {
  const file = fixtureFile(name);
  const sniff = await sniffCsv(file);
  if (!sniff.ok) throw new Error(`${name}: ${sniff.message}`);
  const guess = detectImport(sniff.headers, sniff.rows);
  const options: CsvImportOptions = {
    delimiter: sniff.delimiter,
    newline: sniff.newline,
    encoding: sniff.encoding,
    hasHeader: sniff.hasHeader,
    kind: guess.kind,
    mapping: guess.mapping,
    dateFormat: guess.formats.dateFormat?.format ?? 'yyyy-mm-dd',
    numberFormat: guess.formats.numberFormat?.format ?? '1,234.5',
    timeZone: TZ,
    metricId: 'metric-leads',
    ...(guess.crm ? { crm: guess.crm } : {}),
    ...(guess.objectType ? { objectType: guess.objectType } : {}),
    currency: 'VND',
    now: NOW,
    ...extra,
  };
  return { sniff, guess, options, file };
}
