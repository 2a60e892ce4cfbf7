/**
 * Zoho CRM: the Leads, Contacts, Accounts and Potentials (= deals) tabs, as list views, the deals
 * kanban and record pages, on every data centre (crm.zoho.com, .eu, .in, .com.au, .jp…).
 * Zoho renders with its Lyte framework: `lyte-*` / `crux-*` custom elements, with `data-zcqa`
 * QA hooks on the parts that matter. List cells carry no field name, so columns are mapped through
 * the header row's labels; record fields carry their API name in `data-zcqa`.
 */
import { parseAmount } from './amount';
import { parseCrmDate } from './date';
import {
  absoluteHref,
  deepText,
  fill,
  isHiddenByMarkup,
  present,
  type QueryRoot,
  queryAllFirst,
  queryFirst,
  safeQueryAll,
  shownByMarkup,
} from './dom';
import { type CrmAdapter, type ObjectType, type PageMatch, toSighting } from './types';

const HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.jp',
  'crm.zoho.com.cn',
  'crm.zoho.sa',
  'crm.zoho.uk',
  'crm.zohocloud.ca',
] as const;

const MODULES: Record<string, ObjectType> = {
  Leads: 'lead',
  Contacts: 'contact',
  Accounts: 'account',
  Potentials: 'deal',
  Deals: 'deal',
};

export const SELECTORS = {
  table: ['crux-table-component', '#listViewTable'],
  headerRow: ['lyte-exptable-tr#listviewHeaderRow', 'lyte-exptable-thead lyte-exptable-tr'],
  headerCell: ['lyte-exptable-th'],
  /** Rows carry a configurable data-zcqa (a prefix plus the row id, or "detailView"): any value. */
  row: [
    'lyte-exptable-tr[data-zcqa]:not(#listviewHeaderRow)',
    '.lyteExpTableRowGroup > lyte-exptable-tr', // TODO [2027-06-01]: Drop: rows before the data-zcqa hook
  ],
  /** Rows Zoho keeps in the DOM but hides (filtered out, collapsed groups). */
  hiddenRow: ['.cruxHideRow'],
  cell: ['lyte-exptable-td'],
  recordLink: ['a[id^="listView_"]', 'a[href*="/tab/{module}/"]'],
  board: ['lyte-board[data-zcqa^="kanbanHeader_"]'],
  card: ['lyte-card.crm-kv-card', 'lyte-card'],
  cardLink: ['a.crm-kv-header-link', 'a[href*="/tab/{module}/"]'],
  cardAmount: ['.numberDivCurrencyView', '.counterValue'],
  cardOwner: ['[data-zcqa="recordOwner"]'],
  cardAccount: ['a[href*="/tab/Accounts/"]'],
  recordRoot: [
    'crux-detailpage-wrapper',
    'crux-detail-page', // TODO [2027-06-01]: Drop: unverified root of the 2026-11-23 fixture
    '#detailViewContainer', // TODO [2027-06-01]: Drop: classic (pre-Canvas) detail view
    // The header alone (a wrapper renamed): its fields are its parent's.
    'crux-detailpage-header',
  ],
  /** The name alone: #recordDetails also holds the record's email (div.cxDvRecordEmail). */
  recordName: [
    '#recHeader1',
    '.cxDvRecordHeader1',
    'crux-detailpage-header [data-zcqa="recordName"]', // TODO [2027-06-01]: Drop: unverified 2026-11-23 hook
  ],
  /** Field values keyed by column name (value_LASTNAME), API name or label (value_Time Zone). */
  field: ['[data-zcqa="value_{key}"]', '[id="value_{key}"]'],
  /** The crux components hold their value in cx-prop-value; the text is their rendering of it. */
  propValue: ['[cx-prop-value]'],
} as const;

type Field =
  | 'name'
  | 'company'
  | 'email'
  | 'stage'
  | 'status'
  | 'amount'
  | 'owner'
  | 'channel'
  | 'createdDate';

/** Header labels of list columns (English, Vietnamese); the order matters only within a field. */
export const LABELS: Record<Field, readonly string[]> = {
  // Only for rows whose name is not a record link; 'Account Name' last: it is a column of deals too.
  name: [
    'Lead Name',
    'Contact Name',
    'Deal Name',
    'Potential Name',
    'Tên tiềm năng',
    'Tên liên hệ',
    'Tên giao dịch',
    'Account Name',
  ],
  company: ['Company', 'Account Name', 'Công ty', 'Tên tài khoản'],
  email: ['Email'],
  stage: ['Stage', 'Giai đoạn'],
  status: ['Lead Status', 'Trạng thái tiềm năng', 'Trạng thái'],
  amount: ['Amount', 'Số tiền'],
  owner: [
    'Lead Owner',
    'Contact Owner',
    'Account Owner',
    'Deal Owner',
    'Potential Owner',
    'Owner',
    'Chủ sở hữu tiềm năng',
    'Chủ sở hữu',
  ],
  channel: ['Lead Source', 'Nguồn tiềm năng'],
  createdDate: ['Created Time', 'Thời gian tạo'],
};

/**
 * Keys of record fields per module, tried in order: the API name, the database column name and the
 * English label (Zoho keys its value_<key> hooks by column name, and by label for some fields).
 */
const FIELD_KEYS: Record<string, Partial<Record<Field, readonly string[]>>> = {
  Leads: {
    company: ['Company', 'COMPANY'],
    email: ['Email', 'EMAIL'],
    status: ['Lead_Status', 'LEADSTATUS', 'Lead Status'],
    owner: ['Owner', 'SMOWNERID', 'Lead Owner'],
    channel: ['Lead_Source', 'LEADSOURCE', 'Lead Source'],
    createdDate: ['Created_Time', 'CREATEDTIME', 'Created Time'],
  },
  Contacts: {
    company: ['Account_Name', 'ACCOUNTID', 'Account Name'],
    email: ['Email', 'EMAIL'],
    owner: ['Owner', 'SMOWNERID', 'Contact Owner'],
    channel: ['Lead_Source', 'LEADSOURCE', 'Lead Source'],
  },
  Accounts: {
    owner: ['Owner', 'SMOWNERID', 'Account Owner'],
    createdDate: ['Created_Time', 'CREATEDTIME', 'Created Time'],
  },
  Potentials: {
    company: ['Account_Name', 'ACCOUNTID', 'Account Name'],
    stage: ['Stage', 'STAGE'],
    amount: ['Amount', 'AMOUNT'],
    owner: ['Owner', 'SMOWNERID', 'Deal Owner'],
    channel: ['Lead_Source', 'LEADSOURCE', 'Lead Source'],
  },
};
FIELD_KEYS.Deals = FIELD_KEYS.Potentials!;

/** A field element's value: its crux component's cx-prop-value when it is plain text, else its text. */
function fieldText(el: Element | null): string | undefined {
  if (!el) return undefined;
  const prop = (el.matches(SELECTORS.propValue[0]) ? el : queryFirst(el, SELECTORS.propValue))?.getAttribute(
    'cx-prop-value',
  );
  // Lookups and users hold JSON objects there: only plain strings are values.
  if (prop && !/^[[{]/.test(prop.trim())) return present(prop);
  return present(deepText(el));
}

export function matchZohoPage(url: URL): PageMatch | null {
  if (url.protocol !== 'https:' || !(HOSTS as readonly string[]).includes(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'crm') return null;
  // /crm/org<id>/tab/<Module>/… ; single-org accounts omit the org segment.
  const rest = /^org\d+$/.test(parts[1] ?? '') ? parts.slice(2) : parts.slice(1);
  const [tab, module, a, , view] = rest;
  if (tab !== 'tab' || !module || !MODULES[module]) return null;
  const objectType = MODULES[module]!;
  if (a && /^\d{6,}$/.test(a)) return { kind: 'record', objectType, crmObject: module, recordId: a };
  if (a === undefined || a === 'list') return { kind: 'list', objectType, crmObject: module };
  if (a === 'custom-view' && view === 'list') return { kind: 'list', objectType, crmObject: module };
  if (a === 'custom-view' && view === 'kanban') return { kind: 'board', objectType, crmObject: module };
  return null;
}

function idFrom(link: Element | null, module: string): string | null {
  const fromId = /^listView_(\d+)$/.exec(link?.getAttribute('id') ?? '')?.[1];
  if (fromId) return fromId;
  const href = link?.getAttribute('href') ?? '';
  return new RegExp(`/tab/${module}/(\\d{6,})`).exec(href)?.[1] ?? null;
}

/** The record id of a list row: its link, else the row's own id (Zoho renders id="{{row.id}}"). */
function rowId(row: Element, module: string): string | null {
  const fromLink = idFrom(queryFirst(row, fill(SELECTORS.recordLink, { module })), module);
  if (fromLink) return fromLink;
  for (const attr of ['id', 'data-id']) {
    const value = row.getAttribute(attr);
    if (value && /^\d{6,}$/.test(value)) return value;
  }
  return null;
}

function isHiddenRow(row: Element): boolean {
  return SELECTORS.hiddenRow.some((selector) => row.matches(selector));
}

function recordUrl(url: URL, module: string, id: string): string {
  const org = url.pathname.split('/').find((p) => /^org\d+$/.test(p));
  return `${url.origin}/crm/${org ? `${org}/` : ''}tab/${module}/${id}`;
}

/** Column index of each field, read from the header row of the list the row belongs to. */
function columnsFor(row: Element): Partial<Record<Field, number>> {
  const table = row.closest(SELECTORS.table.join(', ')) ?? row.ownerDocument;
  const header = queryFirst(table, SELECTORS.headerRow);
  const labels = header ? safeQueryAll(header, SELECTORS.headerCell[0]).map((th) => deepText(th)) : [];
  const out: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(LABELS) as Field[]) {
    for (const label of LABELS[field]) {
      const index = labels.indexOf(label);
      if (index >= 0) {
        out[field] = index;
        break;
      }
    }
  }
  return out;
}

function money(text: string) {
  return parseAmount(text);
}

function extractRow(row: Element, page: PageMatch, url: URL) {
  const module = page.crmObject;
  const link = queryFirst(row, fill(SELECTORS.recordLink, { module }));
  const id = rowId(row, module);
  if (!id) return { ok: false as const, reason: 'row has no record link or id' };
  const cells = safeQueryAll(row, SELECTORS.cell[0]).filter((cell) => cell.parentElement === row);
  const columns = columnsFor(row);
  const text = (field: Field) => {
    const index = columns[field];
    if (index === undefined) return undefined;
    // cxcellcol is the cell's own column index, when Zoho renders it; else its position.
    const cell = cells.find((c) => c.getAttribute('cxcellcol') === String(index)) ?? cells[index];
    return present(deepText(cell));
  };
  const href = absoluteHref(link?.getAttribute('href'), url);
  return toSighting(
    {
      crm: 'zoho',
      objectType: page.objectType,
      externalId: id,
      url: href?.pathname.includes(id) ? href.href : recordUrl(url, module, id),
    },
    {
      name: present(deepText(link)) ?? text('name') ?? '',
      company: page.objectType === 'account' ? undefined : text('company'),
      email: text('email'),
      stage: text('stage'),
      status: text('status'),
      amountText: text('amount'),
      owner: text('owner'),
      channel: text('channel'),
      createdDate: parseCrmDate(text('createdDate')),
    },
    money,
  );
}

function extractCard(card: Element, page: PageMatch, url: URL) {
  const module = page.crmObject;
  const link = queryFirst(card, fill(SELECTORS.cardLink, { module }));
  const id = idFrom(link, module);
  if (!id) return { ok: false as const, reason: 'card has no record link' };
  const board = card.closest(SELECTORS.board.join(', '));
  const stage = board
    ?.getAttribute('data-zcqa')
    ?.replace(/^kanbanHeader_/, '')
    .replace(/_/g, ' ');
  return toSighting(
    { crm: 'zoho', objectType: page.objectType, externalId: id, url: recordUrl(url, module, id) },
    {
      name: present(deepText(link)) ?? '',
      stage: present(stage),
      company: present(deepText(queryFirst(card, SELECTORS.cardAccount))),
      amountText: present(deepText(queryFirst(card, SELECTORS.cardAmount))),
      owner: present(deepText(queryFirst(card, SELECTORS.cardOwner))),
    },
    money,
  );
}

function extractRecord(root: Element, page: PageMatch, url: URL) {
  if (!page.recordId) return { ok: false as const, reason: 'no record id in the URL' };
  const keys = FIELD_KEYS[page.crmObject] ?? {};
  const scope = root.tagName === 'CRUX-DETAILPAGE-HEADER' ? (root.parentElement ?? root) : root;
  const field = (f: Field) => {
    for (const key of keys[f] ?? []) {
      const found = queryFirst(scope, fill(SELECTORS.field, { key: key.replace(/["\\]/g, '') }));
      if (found) return fieldText(found);
    }
    return undefined;
  };
  return toSighting(
    {
      crm: 'zoho',
      objectType: page.objectType,
      externalId: page.recordId,
      url: recordUrl(url, page.crmObject, page.recordId),
    },
    {
      name: present(deepText(queryFirst(root, SELECTORS.recordName))) ?? '',
      company: field('company'),
      email: field('email'),
      stage: field('stage'),
      status: field('status'),
      amountText: field('amount'),
      owner: field('owner'),
      channel: field('channel'),
      createdDate: parseCrmDate(field('createdDate')),
    },
    money,
  );
}

const HEALTH_GROUP = { list: 'table', board: 'board', record: 'recordRoot' } as const;

export const zoho: CrmAdapter = {
  id: 'zoho',
  label: 'Zoho CRM',
  hostPatterns: HOSTS.map((host) => `https://${host}/*`),
  matchesHost: (url) => url.protocol === 'https:' && (HOSTS as readonly string[]).includes(url.hostname),
  matchPage: matchZohoPage,
  selectors: SELECTORS,
  // No public source shows the kanban's markup yet: its fixture mirrors one unchecked extractor.
  unverified: ['board'],
  findItems(root: QueryRoot, page: PageMatch): Element[] {
    if (page.kind === 'record') {
      const record = queryFirst(root, SELECTORS.recordRoot);
      return record && !isHiddenByMarkup(record) ? [record] : [];
    }
    const module = page.crmObject;
    if (page.kind === 'board') {
      return shownByMarkup(queryAllFirst(root, SELECTORS.card)).filter((card) =>
        idFrom(queryFirst(card, fill(SELECTORS.cardLink, { module })), module),
      );
    }
    const table = queryFirst(root, SELECTORS.table);
    if (!table) return [];
    return shownByMarkup(queryAllFirst(table, SELECTORS.row)).filter(
      (row) => !isHiddenRow(row) && rowId(row, module) !== null,
    );
  },
  extract(item, page, url) {
    if (page.kind === 'record') return extractRecord(item, page, url);
    return page.kind === 'board' ? extractCard(item, page, url) : extractRow(item, page, url);
  },
  badgeAnchor(item, page) {
    if (page.kind === 'record') return queryFirst(item, SELECTORS.recordName);
    const module = page.crmObject;
    return queryFirst(
      item,
      fill(page.kind === 'board' ? SELECTORS.cardLink : SELECTORS.recordLink, { module }),
    );
  },
  checkHealth(root, page) {
    const group = HEALTH_GROUP[page.kind];
    return queryFirst(root, SELECTORS[group]) ? { ok: true } : { ok: false, missing: [group] };
  },
};
