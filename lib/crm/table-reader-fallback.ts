/**
 * A built-in adapter with the header-based table reader behind it. On a list page where the adapter
 * reads nothing (its table hooks renamed, its cells re-keyed) and the CRM is not merely loading, the
 * rows of the largest table whose headers name a record column are read instead, so the overlay
 * keeps working while the adapter waits for its fix; `source()` says which reader is in use, for the
 * health notice. Where the adapter reads rows, the fallback costs one check of the first row.
 *
 * Identity still never comes from text: a row's record link must be one the adapter itself
 * recognises as a record URL (its `matchPage`), so the lead is the same one the adapter reads once
 * it works again; else the row's own id attribute.
 */
import { parseAmount } from './amount';
import { parseCrmDate } from './date';
import { absoluteHref } from './dom';
import { findHeaderTables, type HeaderTable, headerNameCell, readHeaderRow } from './table-reader';
import { type CrmAdapter, type ExtractResult, type PageMatch, type QueryRoot, toSighting } from './types';

export type ReaderSource = 'adapter' | 'headers' | 'none';

export interface FallbackAdapter extends CrmAdapter {
  /** Which reader found the items of the last `findItems` on a list page. */
  source(): ReaderSource;
}

/** Row attributes CRMs keep a record id in (Salesforce, HubSpot, Zoho, generic grids). */
const ID_ATTRIBUTES = ['data-row-key-value', 'data-record-id', 'data-id', 'data-test-id', 'id'] as const;
const ID_VALUE = /^(?:row-)?([A-Za-z0-9_-]{6,120})$/;

function rowIdentity(
  adapter: CrmAdapter,
  row: Element,
  nameCell: Element | null,
  url: URL,
): { externalId: string; url: string } | null {
  // The name cell's links first: the row's record link is almost always there, and the rest of the
  // row (an owner's or company's link) is looked at only when it is not.
  const fromLinks = (links: Iterable<Element>) => {
    for (const link of links) {
      const href = absoluteHref(link.getAttribute('href'), url);
      const match = href ? adapter.matchPage(href) : null;
      if (href && match?.kind === 'record' && match.recordId)
        return { externalId: match.recordId, url: href.href };
    }
    return null;
  };
  const linked =
    (nameCell && fromLinks(nameCell.querySelectorAll('a[href]'))) ??
    fromLinks(row.querySelectorAll('a[href]'));
  if (linked) return linked;
  for (const attr of ID_ATTRIBUTES) {
    const id = ID_VALUE.exec(row.getAttribute(attr) ?? '')?.[1];
    // Digits somewhere: "row-123", "0065g00000XyZcDAAV"; never a word like "header".
    if (id && /\d/.test(id)) return { externalId: id, url: url.href };
  }
  return null;
}

/** Read one row of a header table into a sighting for `adapter`'s CRM. */
export function extractHeaderRow(
  adapter: CrmAdapter,
  table: HeaderTable,
  row: Element,
  page: PageMatch,
  url: URL,
): ExtractResult {
  const { nameCell, values } = readHeaderRow(table, row);
  const identity = rowIdentity(adapter, row, nameCell, url);
  if (!identity) return { ok: false, reason: 'row has no record link or id' };
  return toSighting(
    { crm: adapter.id, objectType: page.objectType, externalId: identity.externalId, url: identity.url },
    {
      name: values.name ?? '',
      amountText: values.amount,
      stage: values.stage,
      status: values.status,
      owner: values.owner,
      channel: values.source,
      company: values.company,
      email: values.email && /@/.test(values.email) ? values.email : undefined,
      createdDate: parseCrmDate(values.createdDate),
    },
    (t) => parseAmount(t),
  );
}

/** `url`: the page the adapter reads (the overlay wraps the adapter again on every navigation). */
export function withHeaderFallback(adapter: CrmAdapter, url: URL | null = null): FallbackAdapter {
  /** Rows the fallback found, with their table: extract and badgeAnchor route on this. */
  let rows = new WeakMap<Element, HeaderTable>();
  let source: ReaderSource = 'none';

  const adapterReads = (items: Element[], page: PageMatch, url: URL | null): boolean => {
    if (items.length === 0) return false;
    // Rows found but none readable (a renamed name hook) is "reads nothing" too: probe the first few.
    if (!url) return true;
    return items.slice(0, 3).some((item) => adapter.extract(item, page, url).ok);
  };

  /** The table the fallback reads, and the elements its rows sit in (a tbody, a grid's row group). */
  let current: { table: HeaderTable; bodies: Set<Element> } | null = null;

  const fallbackRows = (root: QueryRoot): Element[] => {
    const [table] = findHeaderTables(root, { isActive: adapter.isInActiveView });
    if (!table) return [];
    rows = new WeakMap();
    const bodies = new Set<Element>();
    for (const row of table.rows) {
      rows.set(row, table);
      if (row.parentElement) bodies.add(row.parentElement);
    }
    current = { table, bodies };
    return table.rows;
  };

  /**
   * The table of a row the fallback read, or of one the CRM put in its place since (React replaces a
   * re-rendered row with a new element, which the scanner reads as a new row beside the old ones): a
   * row of the same kind in the same row group is read by the same headers.
   */
  const tableOf = (item: Element): HeaderTable | undefined => {
    const known = rows.get(item);
    if (known || source !== 'headers' || !current) return known;
    const { table, bodies } = current;
    const parent = item.parentElement;
    if (!parent || !bodies.has(parent) || item === table.headerRow || !table.container.isConnected)
      return undefined;
    if (item.tagName !== table.rows[0]?.tagName) return undefined;
    rows.set(item, table);
    return table;
  };

  // findItems has no URL: the probe reads with the page's, given here or kept from the last extract or
  // match. Without one the probe trusts the adapter.
  let lastUrl: URL | null = url;

  return {
    ...adapter,
    matchPage(url) {
      const page = adapter.matchPage(url);
      if (page) lastUrl = url;
      return page;
    },
    findItems(root, page) {
      const items = adapter.findItems(root, page);
      if (page.kind !== 'list' || adapterReads(items, page, lastUrl) || adapter.isLoading?.(root, page)) {
        source = items.length > 0 ? 'adapter' : 'none';
        return items;
      }
      const found = fallbackRows(root);
      source = found.length > 0 ? 'headers' : 'none';
      return found.length > 0 ? found : items;
    },
    extract(item, page, url) {
      lastUrl = url;
      const table = tableOf(item);
      return table ? extractHeaderRow(adapter, table, item, page, url) : adapter.extract(item, page, url);
    },
    badgeAnchor(item, page) {
      const table = tableOf(item);
      return table ? headerNameCell(table, item) : adapter.badgeAnchor(item, page);
    },
    checkHealth(root, page) {
      const health = adapter.checkHealth(root, page);
      if (health.ok || page.kind !== 'list') return health;
      // The adapter's page hooks are gone but the list still reads by its headers: not "can't read".
      return findHeaderTables(root, { isActive: adapter.isInActiveView }).length > 0 ? { ok: true } : health;
    },
    source: () => source,
  };
}
