/**
 * HubSpot: contacts, companies and deals, as index (list) views and record pages, on app.hubspot.com
 * and the regional hosts (app-eu1, app-na2, app-ap1…). Every URL lives under /contacts/<portal>/
 * whatever the object; the object is the type id (0-1 contact, 0-2 company, 0-3 deal).
 */
import { parseAmount } from './amount';
import { parseCrmDate } from './date';
import {
  displayedValue,
  fill,
  isHiddenByMarkup,
  present,
  type QueryRoot,
  queryAllFirst,
  queryFirst,
  safeQueryAll,
  shownByMarkup,
} from './dom';
import { type CrmAdapter, type ObjectType, type PageMatch, type ReadFields, toSighting } from './types';

const HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;

const TYPE_IDS: Record<string, ObjectType> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal' };
/** Old object names in URLs, before the unified /objects/<type>/ and /record/<type>/ routes. */
const LEGACY_TYPES: Record<string, string> = {
  contact: '0-1',
  contacts: '0-1',
  company: '0-2',
  companies: '0-2',
  deal: '0-3',
  deals: '0-3',
};

/**
 * Selectors as data, newest first. `{type}` is the object type id, `{prop}` a property's internal name.
 * Where public code disagrees (the cell hook on data-test-id or on data-table-external-id), both are
 * kept, each with a fixture (tests/fixtures/crm/hubspot/, sources in each fixture's header).
 */
export const SELECTORS = {
  table: [
    'table[data-test-id="framework-data-table"]',
    'table[data-test-id="table"]', // TODO [2027-06-01]: Drop: pre-2025 index table
  ],
  /** Set on the table while HubSpot fetches a page of rows: nothing in it is final yet. */
  loading: ['[data-test-loading="true"]'],
  row: ['tbody > tr'],
  /** The row's own hook, "row-<record id>". */
  rowId: ['tr[data-test-id^="row-"]'],
  recordLink: [
    'a[href*="/record/{type}/"]',
    'a[href*="/contacts/"][href*="/{legacy}/"]', // TODO [2027-06-01]: Drop: legacy /contact/<id> links
  ],
  cell: ['td[data-test-id^="cell-{type}-{prop}-"]', 'td[data-table-external-id^="cell-{type}-{prop}-"]'],
  anyCell: ['td[data-test-id^="cell-{type}-"]', 'td[data-table-external-id^="cell-{type}-"]'],
  /** Fallback when cells carry no property: the header cell names it, the column index joins them. */
  headerCell: [
    'th[data-column-index][data-test-id^="header-{type}-"]',
    'th[data-column-index][data-table-external-id^="header-{type}-"]',
  ],
  indexedCell: ['td[data-column-index="{index}"]'],
  /** The record name's own element in the name cell (without the avatar and the Preview button). */
  cellLabel: ['[data-test-id="truncated-object-label"]', 'a'],
  recordRoot: [
    '[data-test-id="left-sidebar"]',
    '[data-scroll-trackable-container="left-sidebar"]',
    '[data-selenium-test="highlightedPropertySidebar"]', // TODO [2027-06-01]: Drop: pre-2024 sidebar
  ],
  recordName: [
    '[data-selenium-test="highlightTitle"]',
    '[data-test-id="highlight-record-label"]',
    '[data-test-id="left-sidebar"] h1',
  ],
  recordProperty: ['[data-selenium-test="property-input-{prop}"]'],
} as const;

/** The two attributes HubSpot has put its cell hooks on ("cell-<type>-<property>-<record id>"). */
const CELL_HOOKS = ['data-test-id', 'data-table-external-id'] as const;

function cellHook(td: Element): string | null {
  return td.getAttribute(CELL_HOOKS[0]) ?? td.getAttribute(CELL_HOOKS[1]);
}

/** Which HubSpot properties hold each Pacer field, per object type; first present wins. */
const PROPERTIES: Record<
  ObjectType,
  Partial<Record<keyof ReadFields | 'firstname' | 'lastname' | 'currencyCode', string[]>>
> = {
  contact: {
    name: ['name'],
    firstname: ['firstname'],
    lastname: ['lastname'],
    email: ['email'],
    company: ['associatedcompanyid', 'company'],
    stage: ['lifecyclestage'],
    status: ['hs_lead_status'],
    owner: ['hubspot_owner_id'],
    channel: ['hs_analytics_source'],
    createdDate: ['createdate'],
  },
  company: {
    name: ['name'],
    stage: ['lifecyclestage'],
    owner: ['hubspot_owner_id'],
    channel: ['hs_analytics_source'],
    createdDate: ['createdate'],
  },
  deal: {
    name: ['dealname'],
    stage: ['dealstage'],
    amountText: ['amount'],
    currencyCode: ['deal_currency_code'],
    owner: ['hubspot_owner_id'],
    channel: ['hs_analytics_source'],
    createdDate: ['createdate'],
  },
  lead: {},
  account: {},
  opportunity: {},
  person: {},
};

/** What HubSpot prints for an unset owner: not a person. */
const NO_OWNER = new Set(['No owner', 'Không có chủ sở hữu', 'Kein Inhaber', 'Aucun propriétaire']);

function ownerText(text: string | undefined): string | undefined {
  return text && NO_OWNER.has(text) ? undefined : text;
}

function legacyName(typeId: string): string {
  return typeId === '0-1' ? 'contact' : typeId === '0-2' ? 'company' : 'deal';
}

export function matchHubspotPage(url: URL): PageMatch | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'contacts' || !/^\d+$/.test(parts[1] ?? '')) return null;
  const [, , section, a, b, , kind] = parts;
  // /contacts/<portal>/record/<type>/<id>
  if (section === 'record' && a && b && TYPE_IDS[a] && /^\d+$/.test(b)) {
    return { kind: 'record', objectType: TYPE_IDS[a]!, crmObject: a, recordId: b };
  }
  // /contacts/<portal>/objects/<type>/views/<view>/list
  if (section === 'objects' && a && TYPE_IDS[a]) {
    if (b === undefined || (b === 'views' && (kind === undefined || kind === 'list'))) {
      return { kind: 'list', objectType: TYPE_IDS[a]!, crmObject: a };
    }
    return null;
  }
  // TODO [2027-06-01]: Drop: legacy routes /contacts/<portal>/deal/<id> and /contacts/<portal>/deals/list/view/all
  const legacy = section ? LEGACY_TYPES[section] : undefined;
  if (legacy && section) {
    if (!section.endsWith('s') && a && /^\d+$/.test(a)) {
      return { kind: 'record', objectType: TYPE_IDS[legacy]!, crmObject: legacy, recordId: a };
    }
    if (section.endsWith('s') && (a === undefined || a === 'list')) {
      return { kind: 'list', objectType: TYPE_IDS[legacy]!, crmObject: legacy };
    }
  }
  return null;
}

/** The portal id of the last page asked about: every row of a list asks with the same URL. */
let lastPortal: { href: string; portal: string } | null = null;

function portalOf(url: URL): string {
  const href = url.href;
  if (lastPortal?.href !== href) lastPortal = { href, portal: url.pathname.split('/')[2] ?? '' };
  return lastPortal.portal;
}

function cell(row: Element, type: string, props: readonly string[] | undefined): Element | null {
  const cells = cellsOf(row, type);
  for (const prop of props ?? []) {
    const found = cells.get(prop) ?? queryFirst(row, fill(SELECTORS.cell, { type, prop }));
    if (found) return found;
  }
  return null;
}

/**
 * All of a row's cells by property name. The cell hook is "cell-<type>-<property>-<record id>". Cells
 * are the row's own children in every HubSpot table seen, so they are walked directly (this runs for
 * every row read); a row that nests them is queried instead; a row whose cells carry no hook at all
 * is mapped through the header's column indexes.
 */
function cellsOf(row: Element, type: string): Map<string, Element> {
  const cells = new Map<string, Element>();
  const prefix = `cell-${type}-`;
  const add = (td: Element) => {
    const hook = td.tagName === 'TD' ? cellHook(td) : null;
    if (!hook?.startsWith(prefix)) return;
    const prop = cellProperty(hook, prefix.length);
    if (prop && !cells.has(prop)) cells.set(prop, td);
  };
  for (let td = row.firstElementChild; td; td = td.nextElementSibling) add(td);
  if (cells.size === 0) for (const td of queryAllFirst(row, fill(SELECTORS.anyCell, { type }))) add(td);
  if (cells.size === 0) return cellsByColumnIndex(row, type);
  return cells;
}

/** Cells joined to their header by data-column-index, the header's hook naming the property. */
function cellsByColumnIndex(row: Element, type: string): Map<string, Element> {
  const cells = new Map<string, Element>();
  const table = row.closest('table');
  if (!table) return cells;
  const prefix = `header-${type}-`;
  for (const th of queryAllFirst(table, fill(SELECTORS.headerCell, { type }))) {
    const hook = cellHook(th) ?? '';
    const prop = hook.slice(prefix.length);
    const index = th.getAttribute('data-column-index') ?? '';
    if (!prop || !/^\d+$/.test(index) || cells.has(prop)) continue;
    const td = queryFirst(row, fill(SELECTORS.indexedCell, { index }));
    if (td) cells.set(prop, td);
  }
  return cells;
}

const CELL_ID = /-(\d+)$/;
const ROW_ID = /^row-(\d+)$/;

/** "dealname" from "cell-0-3-dealname-21474836481" (the hook after `from`), without a regex per cell. */
function cellProperty(testId: string, from: number): string | null {
  const dash = testId.lastIndexOf('-');
  if (dash <= from || dash === testId.length - 1) return null;
  for (let i = dash + 1; i < testId.length; i++) {
    const c = testId.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return testId.slice(from, dash);
}

/** The record id in the row's own hook ("row-21474836481") or its first cell hook. */
function cellRecordId(row: Element, type: string): string | null {
  const own = ROW_ID.exec(row.getAttribute('data-test-id') ?? '')?.[1];
  if (own) return own;
  const prefix = `cell-${type}-`;
  for (let td = row.firstElementChild; td; td = td.nextElementSibling) {
    const hook = cellHook(td);
    if (hook?.startsWith(prefix)) return CELL_ID.exec(hook)?.[1] ?? null;
  }
  const cell = queryFirst(row, fill(SELECTORS.anyCell, { type }));
  return CELL_ID.exec((cell && cellHook(cell)) ?? '')?.[1] ?? null;
}

function property(root: Element, props: readonly string[] | undefined): string | undefined {
  for (const prop of props ?? []) {
    const value = present(displayedValue(queryFirst(root, fill(SELECTORS.recordProperty, { prop }))));
    if (value) return value;
  }
  return undefined;
}

/** Whether `link` is what SELECTORS.recordLink would find for this object type. */
function isRecordLink(link: Element, type: string): boolean {
  return fill(SELECTORS.recordLink, { type, legacy: legacyName(type) }).some((selector) =>
    link.matches(selector),
  );
}

function rowLink(row: Element, type: string): Element | null {
  return queryFirst(row, fill(SELECTORS.recordLink, { type, legacy: legacyName(type) }));
}

/** The record id in a record link's href (new and legacy routes). */
function linkRecordId(link: Element | null): string | null {
  const href = link?.getAttribute('href') ?? '';
  return (
    /\/record\/\d+-\d+\/(\d+)/.exec(href)?.[1] ?? /\/(?:contact|company|deal)\/(\d+)/.exec(href)?.[1] ?? null
  );
}

/** The record id from the row's link (preferred: it is what the user clicks), else from its cells. */
function rowId(row: Element, type: string, link = rowLink(row, type)): string | null {
  return linkRecordId(link) ?? cellRecordId(row, type);
}

function money(currencyCode: string | undefined) {
  return (text: string) => {
    const parsed = parseAmount(text);
    return parsed && { amount: parsed.amount, currency: parsed.currency ?? currencyCode ?? null };
  };
}

/** The name cell each row had when it was last read: its badge anchor, without reading the row again. */
const nameCells = new WeakMap<Element, Element>();

function extractRow(row: Element, page: PageMatch, url: URL) {
  const type = page.crmObject;
  const props = PROPERTIES[page.objectType];
  const cells = cellsOf(row, type);
  const cellFor = (names: readonly string[] | undefined) => {
    for (const name of names ?? []) {
      const found = cells.get(name);
      if (found) return found;
    }
    return null;
  };
  const nameCell = cellFor(props.name);
  if (nameCell) nameCells.set(row, nameCell);
  // The name cell also holds an avatar and a "Preview" button: the label (or link) text is the name.
  // The link is the record link too, found without a second query of the row when it is one.
  const nameLink = nameCell?.querySelector('a[href]') ?? null;
  const nameLabel = nameCell ? queryFirst(nameCell, SELECTORS.cellLabel) : null;
  const id = rowId(row, type, nameLink && isRecordLink(nameLink, type) ? nameLink : rowLink(row, type));
  if (!id) return { ok: false as const, reason: 'row has no record link or cell id' };
  const text = (key: keyof typeof props) => present(displayedValue(cellFor(props[key])));
  const name = present(displayedValue(nameLabel ?? nameCell)) ?? '';
  return toSighting(
    // The canonical record address, whatever route the row links to (legacy links still resolve).
    { crm: 'hubspot', objectType: page.objectType, externalId: id, url: recordUrl(url, type, id) },
    {
      name,
      email: text('email'),
      company: text('company'),
      stage: text('stage'),
      status: text('status'),
      amountText: text('amountText'),
      owner: ownerText(text('owner')),
      channel: text('channel'),
      createdDate: parseCrmDate(text('createdDate'), { dayFirst: false }),
    },
    money(text('currencyCode')),
  );
}

function recordUrl(url: URL, type: string, id: string): string {
  return `${url.origin}/contacts/${portalOf(url)}/record/${type}/${id}`;
}

function extractRecord(root: Element, page: PageMatch, url: URL) {
  if (!page.recordId) return { ok: false as const, reason: 'no record id in the URL' };
  const props = PROPERTIES[page.objectType];
  const fromParts = [property(root, props.firstname), property(root, props.lastname)]
    .filter(Boolean)
    .join(' ');
  const name =
    present(displayedValue(queryFirst(root, SELECTORS.recordName))) ??
    property(root, props.name) ??
    fromParts;
  return toSighting(
    {
      crm: 'hubspot',
      objectType: page.objectType,
      externalId: page.recordId,
      url: recordUrl(url, page.crmObject, page.recordId),
    },
    {
      name,
      email: property(root, props.email),
      company: property(root, props.company),
      stage: property(root, props.stage),
      status: property(root, props.status),
      amountText: property(root, props.amountText),
      owner: ownerText(property(root, props.owner)),
      channel: property(root, props.channel),
      createdDate: parseCrmDate(property(root, props.createdDate), { dayFirst: false }),
    },
    money(property(root, props.currencyCode)),
  );
}

function isLoadingTable(table: Element): boolean {
  return SELECTORS.loading.some((selector) => table.matches(selector));
}

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  label: 'HubSpot',
  // *.hubspot.com covers app.hubspot.com and every regional app-<region>.hubspot.com host.
  hostPatterns: ['https://*.hubspot.com/*'],
  matchesHost: (url) => url.protocol === 'https:' && HOST.test(url.hostname),
  matchPage: matchHubspotPage,
  selectors: SELECTORS,
  findItems(root: QueryRoot, page: PageMatch): Element[] {
    if (page.kind === 'record') {
      const record = queryFirst(root, SELECTORS.recordRoot);
      return record && !isHiddenByMarkup(record) ? [record] : [];
    }
    const table = queryFirst(root, SELECTORS.table);
    if (!table || isHiddenByMarkup(table) || isLoadingTable(table)) return [];
    // Rows not yet loaded (HubSpot virtualises the table) are skeletons without an id: skip them.
    // Per row, only the row itself is checked for hiding, and the cheap cell-id test runs first.
    return shownByMarkup(safeQueryAll(table, SELECTORS.row[0])).filter(
      (row) =>
        cellRecordId(row, page.crmObject) !== null || linkRecordId(rowLink(row, page.crmObject)) !== null,
    );
  },
  extract(item, page, url) {
    return page.kind === 'record' ? extractRecord(item, page, url) : extractRow(item, page, url);
  },
  badgeAnchor(item, page) {
    if (page.kind === 'record') return queryFirst(item, SELECTORS.recordName);
    const known = nameCells.get(item);
    if (known?.parentElement === item) return known;
    return cell(item, page.crmObject, PROPERTIES[page.objectType].name) ?? item.querySelector('td');
  },
  isLoading(root, page) {
    if (page.kind === 'record') return false;
    const table = queryFirst(root, SELECTORS.table);
    return table !== null && isLoadingTable(table);
  },
  checkHealth(root, page) {
    const group = page.kind === 'record' ? 'recordRoot' : 'table';
    return queryFirst(root, SELECTORS[group]) ? { ok: true } : { ok: false, missing: [group] };
  },
};
