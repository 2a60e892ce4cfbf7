import { normalizeHeader } from './column-aliases';

/** Columns that share a name (after the same normalising the mapping uses). */
export interface RepeatedHeader {
  header: string;
  /** 1-based, as a spreadsheet numbers columns. */
  columns: number[];
}

/**
 * Headers that appear more than once. The mapping takes the first column of a name, so a second
 * "Deal - Value" (an export with a custom field named like a built-in one) would be silently ignored;
 * the user is told which columns repeat and checks which one is meant.
 */
export function repeatedHeaders(headers: readonly string[]): RepeatedHeader[] {
  const byName = new Map<string, RepeatedHeader>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === '') return;
    const entry = byName.get(key);
    if (entry) entry.columns.push(i + 1);
    else byName.set(key, { header: h.trim(), columns: [i + 1] });
  });
  return [...byName.values()].filter((e) => e.columns.length > 1);
}
