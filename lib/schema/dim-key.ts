import { DIMENSIONS, type DimensionValues } from './common';

/**
 * Canonical string for a set of dimension values: `channel=facebook&segment=smb`, keys in a fixed
 * order, values URI-encoded, '' when there are none. It is part of the observation block key, so two
 * spellings of the same dimensions can never end up as two series.
 */
export function dimKey(dims: DimensionValues | undefined): string {
  if (!dims) return '';
  const parts: string[] = [];
  for (const d of DIMENSIONS) {
    const v = dims[d];
    if (v !== undefined && v !== '') parts.push(`${d}=${encodeURIComponent(v)}`);
  }
  return parts.join('&');
}

export function parseDimKey(key: string): DimensionValues {
  const out: DimensionValues = {};
  if (!key) return out;
  for (const part of key.split('&')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq) as (typeof DIMENSIONS)[number];
    if (eq > 0 && (DIMENSIONS as readonly string[]).includes(name)) {
      out[name] = decodeURIComponent(part.slice(eq + 1));
    }
  }
  return out;
}

/** True when every dimension value in `filter` is matched by `dims`. */
export function dimsMatch(dims: DimensionValues, filter: DimensionValues | undefined): boolean {
  if (!filter) return true;
  for (const d of DIMENSIONS) {
    const want = filter[d];
    if (want !== undefined && dims[d] !== want) return false;
  }
  return true;
}
