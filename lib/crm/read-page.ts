/**
 * One pass over a CRM page: which page it is, whether the adapter can still read it, and every
 * sighting on it. The overlay shows "Pacer can't read this page" on `unreadable`.
 */
import type { LeadSighting } from '../schema/lead';
import { type CrmAdapter, checkSighting, type PageMatch, type QueryRoot } from './types';

export type PageRead =
  | { status: 'not-a-crm-page' }
  | { status: 'unreadable'; page: PageMatch; missing: string[] }
  | {
      status: 'ok';
      page: PageMatch;
      sightings: LeadSighting[];
      /** Items found but not read (no id, invalid value), for diagnostics. */
      failures: { item: Element; reason: string }[];
    };

export function readPage(adapter: CrmAdapter | null, root: QueryRoot, url: URL): PageRead {
  const page = adapter?.matchPage(url) ?? null;
  if (!adapter || !page) return { status: 'not-a-crm-page' };
  const health = adapter.checkHealth(root, page);
  if (!health.ok) return { status: 'unreadable', page, missing: health.missing };
  const sightings: LeadSighting[] = [];
  const failures: { item: Element; reason: string }[] = [];
  for (const item of adapter.findItems(root, page)) {
    // Parsed here as the background will: the picker's preview shows what would be stored.
    const read = adapter.extract(item, page, url);
    const result = read.ok ? checkSighting(read.sighting) : read;
    if (result.ok) sightings.push(result.sighting);
    else failures.push({ item, reason: result.reason });
  }
  return { status: 'ok', page, sightings, failures };
}
