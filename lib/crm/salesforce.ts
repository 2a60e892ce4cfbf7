/**
 * Salesforce Lightning Experience: leads, contacts, accounts and opportunities, as list views
 * (/lightning/o/<Object>/list) and record pages (/lightning/r/<Object>/<id>/view).
 *
 * Two things make Lightning unlike the other CRMs. Components render into (native) shadow roots, so
 * every query goes through the deep helpers. And Lightning keeps earlier pages in the DOM as hidden
 * cached views: only the view marked `.active` (and not `hidden`/`aria-hidden`) is the one on screen.
 * Labels follow the user's language, so record fields are found by API name first
 * (data-target-selection-name) and list columns by a table of localized labels.
 */
import { parseAmount } from './amount';
import { parseCrmDate } from './date';
import {
  absoluteHref,
  composedParent,
  cssString,
  deepQueryAll,
  deepQueryAllFirst,
  deepQueryFirst,
  deepText,
  fill,
  isHiddenByMarkup,
  present,
  type QueryRoot,
  queryFirst,
  safeQueryAll,
  shownByMarkup,
} from './dom';
import { type CrmAdapter, type ObjectType, type PageMatch, type ReadFields, toSighting } from './types';

/**
 * Lightning hosts: the commercial cloud, the US government cloud, Salesforce on Alibaba Cloud (China)
 * and Microsoft Defender for Cloud Apps' proxy (the same list Salesforce Inspector Reloaded injects on).
 */
const HOST_SUFFIXES = [
  '.lightning.force.com',
  '.lightning.force.mil',
  '.sfcrmapps.cn',
  '.sfcrmproducts.cn',
  '.lightning.force.com.mcas.ms',
] as const;

function isLightningHost(hostname: string): boolean {
  return HOST_SUFFIXES.some((suffix) => hostname.endsWith(suffix) && hostname.length > suffix.length);
}

const OBJECTS: Record<string, ObjectType> = {
  Lead: 'lead',
  Contact: 'contact',
  Account: 'account',
  Opportunity: 'opportunity',
};
/** Key prefixes of the standard objects, for /lightning/r/<id>/view URLs that omit the object name. */
const ID_PREFIXES: Record<string, string> = {
  '00Q': 'Lead',
  '003': 'Contact',
  '001': 'Account',
  '006': 'Opportunity',
};

export const SELECTORS = {
  /** Containers of Lightning's page cache; only the one with `.active` is on screen. */
  viewContainer: ['.oneContent', '.tabContent', '.windowViewMode-normal', '.windowViewMode-maximized'],
  grid: [
    'table[role="grid"]',
    'table.slds-table', // TODO [2027-06-01]: Drop: Aura list views without role="grid"
  ],
  row: ['tbody > tr'],
  rowHeader: ['th[scope="row"]', 'th[data-label]'],
  cellByLabel: ['td[data-label={label}]'],
  recordLink: ['a[data-recordid]', 'a[href*="/lightning/r/"]'],
  recordRoot: [
    'one-record-home-flexipage2',
    'records-lwc-record-layout', // TODO [2027-06-01]: Drop: pre-Winter '25 record layout host
  ],
  /** Leads and contacts title with a formatted name, formula-named objects with a formula output. */
  recordName: [
    'lightning-formatted-text[slot="primaryField"]',
    'lightning-formatted-name[slot="primaryField"]',
    'records-formula-output[slot="primaryField"]',
    '.slds-page-header__title', // TODO [2027-06-01]: Drop: Aura highlights panel
  ],
  /**
   * The API name is on the layout item's inner div (records-record-layout-item > div, and Dynamic
   * Forms' record_flexipage-record-field > div), or on the item itself in older layouts: any element.
   */
  fieldByApi: ['[data-target-selection-name="sfdc:RecordField.{object}.{field}"]'],
  fieldByLabel: [
    'records-record-layout-item[field-label={label}]',
    'record_flexipage-record-field[field-label={label}]',
  ],
  /** Items whose label is only text: the label element is matched by its text, then its item. */
  fieldItem: ['records-record-layout-item', 'record_flexipage-record-field'],
  fieldLabel: ['.test-id__field-label'],
  fieldValue: [
    '[data-output-element-id="output-field"]',
    '.test-id__field-value',
    '.slds-form-element__static',
  ],
  lookupLink: ['force-lookup a', 'records-hoverable-link a', 'a'],
} as const;

type Field = Exclude<keyof ReadFields, 'name' | 'amountText' | 'createdDate'> | 'amount' | 'createdDate';

/**
 * Column and field labels as users see them, per language: English, Vietnamese, German, French,
 * Spanish, Portuguese, Japanese. Record pages find fields by API name first; labels are for list
 * columns (data-label) and for layouts without API names.
 */
export const LABELS: Record<Field, readonly string[]> = {
  amount: ['Amount', 'Số tiền', 'Betrag', 'Montant', 'Importe', 'Valor', '金額'],
  stage: ['Stage', 'Giai đoạn', 'Phase', 'Étape', 'Etapa', 'Fase', 'フェーズ'],
  owner: [
    'Opportunity Owner',
    'Lead Owner',
    'Contact Owner',
    'Account Owner',
    'Owner Full Name',
    'Owner Alias',
    'Owner',
    'Chủ sở hữu cơ hội',
    'Chủ sở hữu tiềm năng',
    'Chủ sở hữu liên hệ',
    'Chủ sở hữu tài khoản',
    'Chủ sở hữu',
    'Opportunity-Inhaber',
    'Lead-Inhaber',
    'Inhaber',
    "Propriétaire de l'opportunité",
    'Propriétaire de la piste',
    'Propriétaire',
    'Propietario de la oportunidad',
    'Propietario del candidato',
    'Propietario',
    'Proprietário da oportunidade',
    'Proprietário do lead',
    'Proprietário',
    '商談 所有者',
    'リード 所有者',
    '所有者',
  ],
  status: [
    'Lead Status',
    'Status',
    'Trạng thái tiềm năng',
    'Trạng thái',
    'Lead-Status',
    'Statut de la piste',
    'Statut',
    'Estado del candidato',
    'Estado',
    'Status do lead',
    'リード状況',
    '状況',
  ],
  company: [
    'Company',
    'Account Name',
    'Công ty',
    'Tên tài khoản',
    'Firma',
    'Accountname',
    'Société',
    'Nom du compte',
    'Empresa',
    'Nombre de la cuenta',
    'Nome da conta',
    '会社名',
    '取引先名',
  ],
  email: ['Email', 'E-mail', 'E-Mail', 'Correo electrónico', 'メール'],
  channel: [
    'Lead Source',
    'Nguồn tiềm năng',
    'Lead-Quelle',
    'Origine de la piste',
    'Origen del candidato',
    'Origem do lead',
    'リードソース',
  ],
  segment: [],
  createdDate: [
    'Created Date',
    'Ngày tạo',
    'Erstellungsdatum',
    'Date de création',
    'Fecha de creación',
    'Data de criação',
    '作成日',
  ],
};

/** API names of the fields each object shows, for record pages. */
const API_FIELDS: Record<string, Partial<Record<Field, string>>> = {
  Opportunity: {
    amount: 'Amount',
    stage: 'StageName',
    owner: 'OwnerId',
    company: 'AccountId',
    channel: 'LeadSource',
    createdDate: 'CreatedDate',
  },
  Lead: {
    status: 'Status',
    owner: 'OwnerId',
    company: 'Company',
    email: 'Email',
    channel: 'LeadSource',
    createdDate: 'CreatedDate',
  },
  Contact: { owner: 'OwnerId', company: 'AccountId', email: 'Email', channel: 'LeadSource' },
  Account: { owner: 'OwnerId', createdDate: 'CreatedDate' },
};

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * The case-safe 18-character form of a Salesforce id, so a record read from a 15-character URL and
 * from an 18-character link is the same lead.
 */
export function toSalesforceId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet.charAt(bits);
  }
  return id + suffix;
}

export function matchSalesforcePage(url: URL): PageMatch | null {
  if (url.protocol !== 'https:' || !isLightningHost(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'lightning') return null;
  const [, section, a, b, c] = parts;
  if (section === 'o' && a && OBJECTS[a] && (b === 'list' || b === 'home')) {
    return { kind: 'list', objectType: OBJECTS[a]!, crmObject: a };
  }
  if (section === 'r' && a) {
    // /lightning/r/<Object>/<id>/view or /lightning/r/<id>/view
    const [object, id, action] =
      SF_ID.test(a) && b === 'view' ? [ID_PREFIXES[a.slice(0, 3)], a, b] : [a, b, c];
    if (object && OBJECTS[object] && id && SF_ID.test(id) && action === 'view') {
      return {
        kind: 'record',
        objectType: OBJECTS[object]!,
        crmObject: object,
        recordId: toSalesforceId18(id),
      };
    }
  }
  return null;
}

/** On screen: not hidden by markup, and every page-cache container around it is the active one. */
export function isActiveView(el: Element): boolean {
  if (isHiddenByMarkup(el)) return false;
  const containers = SELECTORS.viewContainer.join(', ');
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (node.matches(containers) && !node.classList.contains('active')) return false;
  }
  return true;
}

function dayFirst(item: Element): boolean {
  const lang = item.ownerDocument.documentElement.getAttribute('lang') ?? '';
  return !/^en-US$/i.test(lang);
}

function idFromHref(href: string): string | null {
  const m = /\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([a-zA-Z0-9]{15,18})\/view/.exec(href);
  return m?.[1] && SF_ID.test(m[1]) ? m[1] : null;
}

function rowId(row: Element): string | null {
  const key = row.getAttribute('data-row-key-value');
  if (key && SF_ID.test(key)) return toSalesforceId18(key);
  const link = deepQueryFirst(row, SELECTORS.recordLink);
  const dataId = link?.getAttribute('data-recordid');
  if (dataId && SF_ID.test(dataId)) return toSalesforceId18(dataId);
  const fromHref = idFromHref(link?.getAttribute('href') ?? '');
  return fromHref ? toSalesforceId18(fromHref) : null;
}

function cellText(row: Element, field: Field): string | undefined {
  for (const label of LABELS[field]) {
    const found = queryFirst(row, fill(SELECTORS.cellByLabel, { label: cssString(label) }));
    if (found) return present(deepText(found));
  }
  return undefined;
}

function fieldValue(layoutItem: Element): string | undefined {
  const output = deepQueryFirst(layoutItem, SELECTORS.fieldValue) ?? layoutItem;
  // Lookups (owner, account) render a link plus hidden "Change owner" helpers: the link is the value.
  const link = deepQueryFirst(output, SELECTORS.lookupLink);
  return present(deepText(link ?? output));
}

function recordField(root: Element, object: string, field: Field): string | undefined {
  const api = API_FIELDS[object]?.[field];
  const byApi = api ? deepQueryFirst(root, fill(SELECTORS.fieldByApi, { object, field: api })) : null;
  if (byApi) return fieldValue(byApi);
  for (const label of LABELS[field]) {
    const byLabel = deepQueryFirst(root, fill(SELECTORS.fieldByLabel, { label: cssString(label) }));
    if (byLabel) return fieldValue(byLabel);
  }
  const byText = itemByLabelText(root, LABELS[field]);
  return byText ? fieldValue(byText) : undefined;
}

/** The layout item whose visible label is one of `labels` (items without a field-label attribute). */
function itemByLabelText(root: Element, labels: readonly string[]): Element | null {
  if (labels.length === 0) return null;
  // Climbed by tag name: "record_flexipage-record-field" is a valid selector, but not to every engine.
  const items = new Set(SELECTORS.fieldItem.map((tag) => tag.toUpperCase()));
  for (const label of deepQueryAll(root, SELECTORS.fieldLabel[0])) {
    if (!labels.includes(deepText(label))) continue;
    for (let node: Element | null = label; node && node !== root; node = composedParent(node)) {
      if (items.has(node.tagName)) return node;
    }
  }
  return null;
}

function extractRow(row: Element, page: PageMatch, url: URL) {
  const id = rowId(row);
  if (!id) return { ok: false as const, reason: 'row has no record id' };
  const header = queryFirst(row, SELECTORS.rowHeader);
  const link = deepQueryFirst(header ?? row, SELECTORS.recordLink);
  const name = present(deepText(link ?? header)) ?? '';
  const href = absoluteHref(link?.getAttribute('href'), url);
  const text = (field: Field) => cellText(row, field);
  return toSighting(
    {
      crm: 'salesforce',
      objectType: page.objectType,
      externalId: id,
      url:
        href && idFromHref(href.pathname)
          ? href.href
          : `${url.origin}/lightning/r/${page.crmObject}/${id}/view`,
    },
    {
      name,
      company: page.objectType === 'account' ? undefined : text('company'),
      email: text('email'),
      stage: text('stage'),
      status: text('status'),
      amountText: text('amount'),
      owner: text('owner'),
      channel: text('channel'),
      createdDate: parseCrmDate(text('createdDate'), { dayFirst: dayFirst(row) }),
    },
    (t) => parseAmount(t),
  );
}

function extractRecord(root: Element, page: PageMatch, url: URL) {
  if (!page.recordId) return { ok: false as const, reason: 'no record id in the URL' };
  const object = page.crmObject;
  const field = (f: Field) => recordField(root, object, f);
  return toSighting(
    {
      crm: 'salesforce',
      objectType: page.objectType,
      externalId: page.recordId,
      url: `${url.origin}/lightning/r/${object}/${page.recordId}/view`,
    },
    {
      name: present(deepText(deepQueryFirst(root, SELECTORS.recordName))) ?? '',
      company: field('company'),
      email: field('email'),
      stage: field('stage'),
      status: field('status'),
      amountText: field('amount'),
      owner: field('owner'),
      channel: field('channel'),
      createdDate: parseCrmDate(field('createdDate'), { dayFirst: dayFirst(root) }),
    },
    (t) => parseAmount(t),
  );
}

function activeGrids(root: QueryRoot): Element[] {
  return deepQueryAllFirst(root, SELECTORS.grid).filter(isActiveView);
}

function activeRecordRoot(root: QueryRoot): Element | null {
  for (const selector of SELECTORS.recordRoot) {
    const found = deepQueryAll(root, selector).find(isActiveView);
    if (found) return found;
  }
  return null;
}

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  label: 'Salesforce',
  hostPatterns: HOST_SUFFIXES.map((suffix) => `https://*${suffix}/*`),
  matchesHost: (url) => url.protocol === 'https:' && isLightningHost(url.hostname),
  selectors: SELECTORS,
  isInActiveView: isActiveView,
  matchPage: matchSalesforcePage,
  findItems(root, page) {
    if (page.kind === 'record') {
      const record = activeRecordRoot(root);
      return record ? [record] : [];
    }
    return activeGrids(root).flatMap((grid) =>
      shownByMarkup(safeQueryAll(grid, SELECTORS.row[0])).filter((row) => rowId(row) !== null),
    );
  },
  extract(item, page, url) {
    return page.kind === 'record' ? extractRecord(item, page, url) : extractRow(item, page, url);
  },
  badgeAnchor(item, page) {
    if (page.kind === 'record') return deepQueryFirst(item, SELECTORS.recordName);
    return queryFirst(item, SELECTORS.rowHeader);
  },
  checkHealth(root, page) {
    if (page.kind === 'record')
      return activeRecordRoot(root) ? { ok: true } : { ok: false, missing: ['recordRoot'] };
    return activeGrids(root).length > 0 ? { ok: true } : { ok: false, missing: ['grid'] };
  },
};
