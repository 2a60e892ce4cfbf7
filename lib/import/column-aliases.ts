import type * as z from 'zod/mini';
import type { CRM_IDS, LeadObjectType as LeadObjectTypeSchema } from '../schema';

// lib/schema/lead.ts exports the schema but no type of the same name yet.
export type LeadObjectType = z.infer<typeof LeadObjectTypeSchema>;

/**
 * What a CSV column can mean, per kind of file, and the header names each source writes for it.
 * Aliases are stored normalised (see `normalizeHeader`): "Deal - Title" → "deal title",
 * "Ngày" → "ngay", "Amount spent (VND)" → "amount spent vnd". Best alias first.
 */

export const IMPORT_KINDS = ['kpi-series', 'leads', 'channel-spend'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const KPI_FIELDS = ['date', 'value', 'channel', 'segment', 'owner', 'businessUnit', 'note'] as const;
export const LEAD_FIELDS = [
  'externalId',
  'name',
  'firstName',
  'lastName',
  'company',
  'email',
  'stage',
  'status',
  'amount',
  'currency',
  'owner',
  'channel',
  'segment',
  'createdDate',
  'wonDate',
  'url',
] as const;
export const SPEND_FIELDS = ['channel', 'periodStart', 'periodEnd', 'amount', 'currency', 'note'] as const;

export type KpiField = (typeof KPI_FIELDS)[number];
export type LeadField = (typeof LEAD_FIELDS)[number];
export type SpendField = (typeof SPEND_FIELDS)[number];
export type ImportField = KpiField | LeadField | SpendField;

/** Field → 0-based column index. The user can change it before importing. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const FIELDS_BY_KIND: Record<ImportKind, readonly ImportField[]> = {
  'kpi-series': KPI_FIELDS,
  leads: LEAD_FIELDS,
  'channel-spend': SPEND_FIELDS,
};

export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  'kpi-series': ['date', 'value'],
  leads: ['externalId'],
  'channel-spend': ['channel', 'periodStart', 'amount'],
};

/**
 * Some exports leave the record ID out (Pipedrive writes "Deal - ID" only when the column is picked in
 * its export dialog). Title + created time + organisation then name the record well enough to import
 * it again without doubles; the organisation may be empty (a deal with a person only).
 */
export const LEAD_FALLBACK_IDENTITY: readonly LeadField[] = ['name', 'createdDate', 'company'];
const FALLBACK_REQUIRED: readonly LeadField[] = ['name', 'createdDate'];

/** True when a leads mapping has no record ID column but the fallback identity's columns. */
export function usesFallbackIdentity(kind: ImportKind, mapping: ColumnMapping): boolean {
  return (
    kind === 'leads' &&
    mapping.externalId === undefined &&
    LEAD_FALLBACK_IDENTITY.every((f) => mapping[f] !== undefined)
  );
}

/** The fields each row must fill for this mapping: the record ID, or else the fallback identity. */
export function requiredFields(kind: ImportKind, mapping: ColumnMapping): readonly ImportField[] {
  return usesFallbackIdentity(kind, mapping) ? FALLBACK_REQUIRED : REQUIRED_FIELDS[kind];
}

export type BuiltinCrm = (typeof CRM_IDS)[number];

export interface ImportProfile {
  id: string;
  kind: ImportKind;
  crm?: BuiltinCrm;
  objectType?: LeadObjectType;
  /** Headers typical of this export: how many are present decides between look-alike exports. */
  signature: readonly string[];
  /** Signature headers that make recognition certain: 3 for CRM exports, 1 for Pacer's own kinds. */
  signatureNeeded: number;
  /**
   * Headers only this CRM writes ("Lifecycle Stage", "Opportunity ID", "Deal - Title"). A file with
   * none of them is never called this CRM's export, however many common headers (name, email,
   * stage, amount) it shares: another CRM's export would otherwise be linked to HubSpot or Salesforce.
   */
  telltale?: readonly string[];
  /**
   * The most this reading scores. A generic reading (plain "id, value, owner" columns) fits many files,
   * so one that fits a file as well as a specific reading (Pacer's own KPI export) yields to it.
   */
  maxConfidence?: number;
  aliases: Partial<Record<ImportField, readonly string[]>>;
}

/** Lower case, no accents (đ → d), punctuation to single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NOTE = ['note', 'notes', 'comment', 'comments', 'ghi chu', 'description', 'mo ta'];
const DATE = ['date', 'day', 'ngay', 'time', 'timestamp', 'datetime', 'period', 'month', 'week', 'thoi gian'];
const DATE_VI = ['ngay thang', 'thang', 'tuan', 'ky'];

const KPI: ImportProfile = {
  id: 'kpi-series',
  kind: 'kpi-series',
  signatureNeeded: 1,
  signature: ['value', 'gia tri', 'kpi', 'doanh thu', 'revenue', 'so luong'],
  aliases: {
    date: [...DATE, ...DATE_VI],
    value: [
      'value',
      'gia tri',
      'kpi',
      'metric',
      'count',
      'total',
      'so luong',
      'tong',
      'doanh thu',
      'revenue',
      'sales',
      'so lieu',
      'ket qua',
      'result',
    ],
    channel: ['channel', 'kenh', 'source', 'nguon', 'kenh ban hang'],
    segment: ['segment', 'phan khuc', 'customer segment', 'nhom khach hang', 'nhom'],
    owner: ['owner', 'nguoi phu trach', 'phu trach'],
    businessUnit: ['business unit', 'bu', 'don vi', 'bo phan', 'department', 'phong ban'],
    note: NOTE,
  },
};

const SPEND: ImportProfile = {
  id: 'channel-spend',
  kind: 'channel-spend',
  signatureNeeded: 1,
  signature: ['spend', 'cost', 'chi phi', 'amount spent', 'period start', 'period end', 'reporting starts'],
  aliases: {
    channel: ['channel', 'kenh', 'source', 'nguon', 'platform', 'nen tang'],
    periodStart: [
      'period start',
      'start date',
      'start',
      'from',
      'reporting starts',
      'tu ngay',
      'ngay bat dau',
      ...DATE,
      ...DATE_VI,
    ],
    periodEnd: ['period end', 'end date', 'end', 'to', 'reporting ends', 'den ngay', 'ngay ket thuc'],
    amount: ['spend', 'cost', 'amount spent', 'chi phi', 'amount', 'so tien', 'spent'],
    currency: ['currency', 'tien te', 'loai tien', 'don vi tien'],
    note: NOTE,
  },
};

// CRM exports. Column names follow each CRM's default export / report labels (English UI).
const HUBSPOT_SOURCE = [
  'original traffic source',
  'original source',
  'latest traffic source',
  'latest source',
];

const CRM_PROFILES: readonly ImportProfile[] = [
  {
    id: 'hubspot-contact',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: [
      'lifecycle stage',
      'marketing contact status',
      'original source',
      'original traffic source',
      'hubspot owner',
      'contact owner',
    ],
    crm: 'hubspot',
    objectType: 'contact',
    signature: [
      'record id',
      'lifecycle stage',
      'contact owner',
      'lead status',
      'create date',
      'original source',
      'original traffic source',
      'marketing contact status',
      'last activity date',
    ],
    aliases: {
      externalId: ['record id', 'contact id'],
      firstName: ['first name'],
      lastName: ['last name'],
      email: ['email'],
      company: ['company name', 'associated company', 'company'],
      stage: ['lifecycle stage'],
      status: ['lead status'],
      owner: ['contact owner', 'hubspot owner'],
      channel: HUBSPOT_SOURCE,
      createdDate: ['create date', 'created date'],
    },
  },
  {
    id: 'hubspot-deal',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['deal stage', 'deal owner', 'pipeline', 'hubspot owner', 'associated company'],
    crm: 'hubspot',
    objectType: 'deal',
    signature: [
      'record id',
      'deal name',
      'deal stage',
      'deal owner',
      'pipeline',
      'close date',
      'create date',
      'deal type',
    ],
    aliases: {
      externalId: ['record id', 'deal id'],
      name: ['deal name'],
      company: ['associated company', 'associated company primary', 'company name'],
      stage: ['deal stage'],
      amount: ['amount', 'amount in company currency'],
      currency: ['currency', 'deal currency code'],
      owner: ['deal owner', 'hubspot owner'],
      channel: HUBSPOT_SOURCE,
      segment: ['deal type'],
      createdDate: ['create date', 'created date'],
    },
  },
  {
    id: 'hubspot-company',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['company domain name', 'company owner', 'lifecycle stage', 'hubspot owner'],
    crm: 'hubspot',
    objectType: 'company',
    signature: [
      'record id',
      'company name',
      'company domain name',
      'company owner',
      'lifecycle stage',
      'create date',
    ],
    aliases: {
      externalId: ['record id', 'company id'],
      name: ['company name', 'name'],
      stage: ['lifecycle stage'],
      status: ['lead status'],
      owner: ['company owner', 'hubspot owner'],
      channel: HUBSPOT_SOURCE,
      segment: ['industry'],
      createdDate: ['create date', 'created date'],
    },
  },
  {
    id: 'salesforce-opportunity',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['opportunity id', 'opportunity name', 'opportunity owner', 'fiscal period', 'probability'],
    crm: 'salesforce',
    objectType: 'opportunity',
    signature: [
      'opportunity name',
      'opportunity id',
      'opportunity owner',
      'stage',
      'close date',
      'account name',
      'probability',
      'fiscal period',
      'lead source',
      'created date',
    ],
    aliases: {
      externalId: ['opportunity id', 'id'],
      name: ['opportunity name'],
      company: ['account name'],
      stage: ['stage'],
      amount: ['amount', 'amount converted'],
      currency: ['opportunity currency', 'amount currency', 'currency'],
      owner: ['opportunity owner', 'owner', 'owner name'],
      channel: ['lead source'],
      segment: ['type'],
      createdDate: ['created date', 'create date'],
    },
  },
  {
    id: 'salesforce-lead',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['company account', 'lead owner', 'lead id'],
    crm: 'salesforce',
    objectType: 'lead',
    signature: [
      'lead id',
      'lead owner',
      'company account',
      'lead status',
      'lead source',
      'create date',
      'rating',
    ],
    aliases: {
      externalId: ['lead id', 'id'],
      name: ['name', 'full name'],
      firstName: ['first name'],
      lastName: ['last name'],
      company: ['company account', 'company'],
      email: ['email'],
      status: ['lead status'],
      owner: ['lead owner', 'owner'],
      channel: ['lead source'],
      segment: ['industry'],
      createdDate: ['create date', 'created date'],
    },
  },
  {
    id: 'salesforce-contact',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['contact id', 'mailing city', 'contact owner'],
    crm: 'salesforce',
    objectType: 'contact',
    signature: ['contact id', 'contact owner', 'account name', 'lead source', 'mailing city', 'created date'],
    aliases: {
      externalId: ['contact id', 'id'],
      name: ['name', 'full name'],
      firstName: ['first name'],
      lastName: ['last name'],
      company: ['account name'],
      email: ['email'],
      owner: ['contact owner', 'owner'],
      channel: ['lead source'],
      createdDate: ['created date', 'create date'],
    },
  },
  {
    id: 'pipedrive-deal',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['deal title', 'deal value', 'deal deal created', 'deal pipeline', 'deal organization'],
    crm: 'pipedrive',
    objectType: 'deal',
    signature: [
      'deal id',
      'deal title',
      'deal value',
      'deal currency',
      'deal stage',
      'deal owner',
      'deal deal created',
      'deal pipeline',
      'deal status',
      'person name',
      'deal won time',
      'deal organization',
      'organization name',
    ],
    aliases: {
      externalId: ['deal id'],
      name: ['deal title'],
      company: ['deal organization', 'organization name'],
      email: ['person email'],
      stage: ['deal stage'],
      status: ['deal status'],
      amount: ['deal value'],
      currency: ['deal currency'],
      owner: ['deal owner'],
      channel: ['deal source channel', 'deal source origin', 'deal source'],
      createdDate: ['deal deal created', 'deal created'],
      wonDate: ['deal won time', 'deal won date', 'won time'],
    },
  },
  {
    id: 'pipedrive-person',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['person name', 'person organization', 'person person created'],
    crm: 'pipedrive',
    objectType: 'person',
    signature: [
      'person id',
      'person name',
      'person email',
      'person owner',
      'person organization',
      'person person created',
    ],
    aliases: {
      externalId: ['person id'],
      name: ['person name'],
      firstName: ['person first name'],
      lastName: ['person last name'],
      company: ['person organization', 'organization name'],
      email: ['person email'],
      owner: ['person owner'],
      channel: ['person source channel', 'person source origin'],
      segment: ['person label'],
      createdDate: ['person person created', 'person created'],
    },
  },
  {
    id: 'pipedrive-lead',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['lead title', 'lead value', 'lead lead created'],
    crm: 'pipedrive',
    objectType: 'lead',
    signature: ['lead id', 'lead title', 'lead owner', 'lead source', 'lead lead created', 'lead value'],
    aliases: {
      externalId: ['lead id'],
      name: ['lead title'],
      company: ['organization name', 'lead organization'],
      email: ['person email'],
      amount: ['lead value'],
      currency: ['lead currency'],
      owner: ['lead owner'],
      channel: ['lead source channel', 'lead source', 'lead source origin'],
      createdDate: ['lead lead created', 'lead created'],
    },
  },
  {
    id: 'zoho-lead',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['created time', 'modified time', 'lead name'],
    crm: 'zoho',
    objectType: 'lead',
    signature: [
      'record id',
      'lead owner',
      'lead status',
      'lead source',
      'created time',
      'modified time',
      'lead name',
    ],
    aliases: {
      externalId: ['record id', 'lead id'],
      name: ['lead name', 'full name'],
      firstName: ['first name'],
      lastName: ['last name'],
      company: ['company'],
      email: ['email'],
      status: ['lead status'],
      owner: ['lead owner'],
      channel: ['lead source'],
      segment: ['industry'],
      createdDate: ['created time', 'created date'],
    },
  },
  {
    id: 'zoho-deal',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['closing date', 'created time', 'modified time'],
    crm: 'zoho',
    objectType: 'deal',
    signature: [
      'record id',
      'deal name',
      'deal owner',
      'stage',
      'closing date',
      'account name',
      'created time',
      'contact name',
    ],
    aliases: {
      externalId: ['record id', 'deal id'],
      name: ['deal name'],
      company: ['account name'],
      stage: ['stage'],
      amount: ['amount'],
      currency: ['currency'],
      owner: ['deal owner'],
      channel: ['lead source'],
      segment: ['type'],
      createdDate: ['created time', 'created date'],
    },
  },
  {
    id: 'zoho-contact',
    kind: 'leads',
    signatureNeeded: 3,
    telltale: ['created time', 'modified time', 'contact name'],
    crm: 'zoho',
    objectType: 'contact',
    signature: ['record id', 'contact owner', 'account name', 'lead source', 'created time', 'contact name'],
    aliases: {
      externalId: ['record id', 'contact id'],
      name: ['contact name', 'full name'],
      firstName: ['first name'],
      lastName: ['last name'],
      company: ['account name'],
      email: ['email'],
      owner: ['contact owner'],
      channel: ['lead source'],
      createdDate: ['created time', 'created date'],
    },
  },
];

/**
 * Any other CRM's export, for a CRM the user mapped by pointing ("Other CRM"): plain column names.
 * It has no telltale headers and no CRM of its own; the import ties it to one of the user's mapped
 * origins so its rows become the same lead records the pages show (lib/import/custom-records.ts).
 */
export const OTHER_CRM_PROFILE: ImportProfile = {
  id: 'other-crm',
  kind: 'leads',
  signatureNeeded: 3,
  maxConfidence: 0.95,
  signature: [
    'id',
    'name',
    'title',
    'stage',
    'status',
    'amount',
    'value',
    'currency',
    'owner',
    'email',
    'company',
    'created',
    'created at',
    'close',
    'close date',
  ],
  aliases: {
    externalId: ['id', 'record id', 'external id', 'deal id', 'contact id', 'lead id', 'ma', 'ma so', 'uuid'],
    name: ['name', 'title', 'full name', 'contact name', 'deal name', 'ten', 'ho ten', 'tieu de'],
    firstName: ['first name', 'firstname', 'given name'],
    lastName: ['last name', 'lastname', 'surname', 'family name'],
    company: ['company', 'organization', 'organisation', 'account', 'cong ty'],
    email: ['email', 'e mail', 'email address'],
    stage: ['stage', 'pipeline stage', 'giai doan'],
    status: ['status', 'trang thai'],
    amount: ['amount', 'value', 'deal value', 'gia tri', 'so tien'],
    currency: ['currency', 'currency code', 'tien te'],
    owner: ['owner', 'assignee', 'assigned to', 'sales rep', 'nguoi phu trach'],
    channel: ['source', 'channel', 'lead source', 'nguon', 'kenh'],
    segment: ['segment', 'type', 'industry'],
    createdDate: ['created', 'created at', 'created date', 'created on', 'ngay tao'],
    wonDate: ['close', 'close date', 'closed', 'closed at', 'closed on', 'ngay chot'],
    url: ['url', 'link', 'record url'],
  },
};

export const IMPORT_PROFILES: readonly ImportProfile[] = [KPI, SPEND, ...CRM_PROFILES, OTHER_CRM_PROFILE];

export function profileById(id: string): ImportProfile | undefined {
  return IMPORT_PROFILES.find((p) => p.id === id);
}
