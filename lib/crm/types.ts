import type * as z from 'zod/mini';
import { type CrmId, type LeadObjectType, LeadSighting } from '../schema/lead';
import type { QueryRoot } from './dom';

export type { QueryRoot } from './dom';
export type ObjectType = z.infer<typeof LeadObjectType>;

/** What kind of CRM page the URL shows: a table of records, a pipeline board, or one record. */
export type PageKind = 'list' | 'board' | 'record';

export interface PageMatch {
  kind: PageKind;
  objectType: ObjectType;
  /** The CRM's own name for the object: '0-3' (HubSpot), 'Opportunity', 'Potentials', 'deal'. */
  crmObject: string;
  /** The record id read from the URL, on record pages: identity comes from the URL, never from text. */
  recordId?: string;
}

export type ExtractResult = { ok: true; sighting: LeadSighting } | { ok: false; reason: string };

/** Whether the adapter's page-level selectors still find the page's structure. */
export type AdapterHealth = { ok: true } | { ok: false; missing: string[] };

export interface CrmAdapter {
  id: CrmId;
  label: string;
  /** Match patterns ('https://*.hubspot.com/*') for optional_host_permissions and content script matches. */
  hostPatterns: readonly string[];
  /** True when the URL is on one of this CRM's hosts, whatever the page. */
  matchesHost(url: URL): boolean;
  /** The page this URL shows, or null when Pacer does not read it (settings, reports…). */
  matchPage(url: URL): PageMatch | null;
  /** Rows, cards or the record root, in the active view only (cached hidden views are skipped). */
  findItems(root: QueryRoot, page: PageMatch): Element[];
  /** Read one item into a sighting (zod-parsed by the background, see toSighting). Pure: reads the DOM, never changes it. */
  extract(item: Element, page: PageMatch, url: URL): ExtractResult;
  /** Where a badge goes for this item (e.g. the name cell), or null. */
  badgeAnchor(item: Element, page: PageMatch): Element | null;
  /** Whether the page's structure (table, board, record layout) is found, so the UI can say "can't read". */
  checkHealth(root: QueryRoot, page: PageMatch): AdapterHealth;
  /**
   * True while the CRM says its list is still loading (HubSpot's data-test-loading): nothing read now
   * is final, and the header-based fallback must not step in for an adapter that is only waiting.
   */
  isLoading?(root: QueryRoot, page: PageMatch): boolean;
  /**
   * Pages whose markup no public source confirms yet, as a page kind ('board') or kind and object
   * ('record:person'): the health details say so, so a failure there is read as "unverified".
   */
  unverified?: readonly string[];
  /**
   * Whether an element is in the view on screen (Salesforce keeps earlier pages as hidden cached
   * views), for readers other than the adapter's own, such as the header-based fallback.
   */
  isInActiveView?(el: Element): boolean;
  /** The adapter's selector families, newest first, for the diagnostics a user can copy. */
  selectors?: Readonly<Record<string, readonly string[]>>;
}

/** Fields an adapter read off the page, before identity and validation. */
export interface ReadFields {
  name: string;
  company?: string;
  email?: string;
  stage?: string;
  status?: string;
  amountText?: string;
  owner?: string;
  channel?: string;
  segment?: string;
  createdDate?: number | null;
}

/** What only a user's mapping reads (lib/crm/custom.ts): built-in adapters have no such fields. */
export interface MappedFields {
  closeDate?: number | null;
  /** The stage's outcome as the user marked it. */
  outcome?: 'open' | 'won' | 'lost';
  /** Named custom fields' values. */
  custom?: Record<string, string>;
}

/**
 * Build a sighting from what an adapter read; every adapter returns through here. Not zod-parsed
 * here: this runs for every row the overlay reads (50 per CRM re-render, issue 17), and the
 * background, the boundary every sighting crosses, parses each one on its own (parseSightingBatch in
 * lib/messages/protocol.ts), so a DOM surprise (a 900-char name, an unknown currency) is dropped there
 * instead of becoming bad data in the database. Callers that show a reading to the user parse it with
 * `checkSighting` (readPage: the picker's preview).
 */
export function toSighting(
  base: { crm: CrmId; objectType: ObjectType; externalId: string; url: string },
  fields: ReadFields,
  parseMoney: (text: string) => { amount: number; currency: string | null } | null,
  mapped: MappedFields = {},
): ExtractResult {
  if (!fields.name) return { ok: false, reason: 'no record name found' };
  const money = fields.amountText ? parseMoney(fields.amountText) : null;
  const candidate: Record<string, unknown> = { ...base, name: fields.name };
  const optional: [string, string | number | Record<string, string> | null | undefined][] = [
    ['company', fields.company],
    ['email', fields.email],
    ['stage', fields.stage],
    ['status', fields.status],
    ['owner', fields.owner],
    ['channel', fields.channel],
    ['segment', fields.segment],
    ['createdDate', fields.createdDate],
    ['closeDate', mapped.closeDate],
    ['outcome', mapped.outcome],
    ['custom', mapped.custom],
    ['amount', money?.amount],
    ['currency', money?.currency],
  ];
  for (const [key, value] of optional) {
    if (value !== undefined && value !== null && value !== '') candidate[key] = value;
  }
  // Shaped as a sighting, parsed by the background (see above).
  return { ok: true, sighting: candidate as LeadSighting };
}

/** The background's parse of one sighting, for readings shown to the user before they are sent. */
export function checkSighting(sighting: LeadSighting): ExtractResult {
  const parsed = LeadSighting.safeParse(sighting);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid sighting: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` };
  }
  return { ok: true, sighting: parsed.data };
}
