import { DIMENSIONS, type Dimension, type DimensionValues } from '../schema';

/**
 * Canonical string for a set of dimension values: `channel=facebook&segment=smb`, keys sorted, values
 * URI-encoded, '' for none. Storage uses it as part of a record key, so the same dims must always give
 * the same string whatever order the object's keys were written in.
 */
export function dimKey(dims: DimensionValues | undefined): string {
  if (!dims) return '';
  const parts: string[] = [];
  for (const name of Object.keys(dims).sort()) {
    const value = dims[name as Dimension];
    if (value === undefined || value === '') continue;
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

const KNOWN = new Set<string>(DIMENSIONS);

/** Inverse of dimKey. Unknown dimension names and malformed parts are dropped rather than thrown on. */
export function parseDimKey(key: string): DimensionValues {
  const out: DimensionValues = {};
  if (!key) return out;
  for (const part of key.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(part.slice(0, eq));
      value = decodeURIComponent(part.slice(eq + 1));
    } catch {
      continue;
    }
    if (KNOWN.has(name) && value) out[name as Dimension] = value;
  }
  return out;
}

/** True when every value in `filter` is present, equal, in `dims`: a goal on channel=facebook counts only those. */
export function dimsMatch(dims: DimensionValues, filter: DimensionValues | undefined): boolean {
  if (!filter) return true;
  for (const name of Object.keys(filter) as Dimension[]) {
    const want = filter[name];
    if (want !== undefined && dims[name] !== want) return false;
  }
  return true;
}
