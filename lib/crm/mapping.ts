/**
 * A user's mapping for a CRM Pacer has no adapter for: which elements are the rows or cards, and
 * where each field sits inside one, as CSS selectors relative to the item. Made by pointing at the
 * page (selector-derive.ts), exported and imported as JSON, always validated by zod.
 */
import * as z from 'zod/mini';
import { CurrencyCode, ShortText, Timestamp } from '../schema/common';
import { CustomFieldName, LeadObjectType, MAX_CUSTOM_FIELDS } from '../schema/lead';

/** A CSS selector as stored: syntax is checked where it is used (a bad one simply matches nothing). */
export const CssSelector = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(500), z.regex(/^[^{}<]*$/, 'not a CSS selector'));

export const MAPPING_FIELDS = [
  'name',
  'stage',
  'amount',
  'owner',
  'channel',
  'email',
  'company',
  'segment',
  'status',
  'created',
  'close',
  'id',
  'link',
] as const;

export const MappingFields = z.object({
  name: CssSelector,
  stage: z.optional(CssSelector),
  amount: z.optional(CssSelector),
  owner: z.optional(CssSelector),
  /** Lead source, e.g. "Facebook Ads". */
  channel: z.optional(CssSelector),
  email: z.optional(CssSelector),
  company: z.optional(CssSelector),
  segment: z.optional(CssSelector),
  /** A status, often a coloured dot whose label is only in its title or tooltip. */
  status: z.optional(CssSelector),
  /** The record's creation date, as the CRM shows it. */
  created: z.optional(CssSelector),
  /** The close date (expected or actual), as the CRM shows it. */
  close: z.optional(CssSelector),
  /** An element whose text is the record's id, for items with neither a link nor an id attribute. */
  id: z.optional(CssSelector),
  /** The link to the record: its href is the record's identity on list and board pages. */
  link: z.optional(CssSelector),
});

/** A field the user named and pointed at ("Priority"): read per row into the lead's `custom`. */
export const CustomField = z.object({ name: CustomFieldName, selector: CssSelector });
export type CustomField = z.infer<typeof CustomField>;

const StageNames = z.array(ShortText).check(z.maxLength(100));
/**
 * Stage values the user marked won, lost or open (a stage named "Won" that is not); a stage in none
 * goes by its name (lib/overlay/stages.ts). Compared trimmed and case-insensitively.
 */
export const StageOutcomes = z.object({ won: StageNames, lost: StageNames, open: StageNames });
export type StageOutcomes = z.infer<typeof StageOutcomes>;

export const CRM_MAPPING_VERSION = 1;

export const CrmMapping = z.object({
  version: z.literal(CRM_MAPPING_VERSION),
  /** e.g. "https://crm.example.vn" — no path, no trailing slash. */
  origin: z
    .string()
    .check(z.regex(/^https?:\/\/[^/\s]+$/, 'expected an origin such as https://crm.example.com')),
  label: z.optional(ShortText),
  /** Only pages whose path starts with this are read; absent = every page of the origin. */
  pathPrefix: z.optional(z.string().check(z.maxLength(500), z.regex(/^\//, 'must start with /'))),
  /** For apps with hash routes (`#/contacts/192/show`): only pages whose hash starts with this. */
  hashPrefix: z.optional(z.string().check(z.maxLength(500), z.regex(/^#!?\//, 'must start with #/'))),
  kind: z.enum(['list', 'board', 'record']),
  objectType: LeadObjectType,
  item: CssSelector,
  fields: MappingFields,
  /**
   * A stage shown outside the card, as the heading of its board column: `column` is matched with
   * `item.closest()`, `heading` inside that column.
   */
  stageColumn: z.optional(z.object({ column: CssSelector, heading: CssSelector })),
  /** The currency of amounts shown without one ("12,500"): the CRM account's currency. */
  defaultCurrency: z.optional(CurrencyCode),
  /** An attribute of the item holding the record id (e.g. data-id), when there is no link. */
  idAttribute: z.optional(z.string().check(z.regex(/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/), z.maxLength(100))),
  /** Named fields beyond the built-in ones, in the order the user added them; names are distinct. */
  custom: z.optional(
    z.array(CustomField).check(
      z.maxLength(MAX_CUSTOM_FIELDS),
      z.refine(
        (list) => new Set(list.map((f) => f.name.toLowerCase())).size === list.length,
        'two custom fields have the same name',
      ),
    ),
  ),
  stageOutcomes: z.optional(StageOutcomes),
  createdAt: Timestamp,
});
export type CrmMapping = z.infer<typeof CrmMapping>;

/** The CrmId of the custom adapter for a mapping. */
export function customCrmId(mapping: Pick<CrmMapping, 'origin'>): `custom:${string}` {
  return `custom:${mapping.origin}`;
}

export function exportMapping(mapping: CrmMapping): string {
  return JSON.stringify(CrmMapping.parse(mapping), null, 2);
}

export type ImportResult = { ok: true; mapping: CrmMapping } | { ok: false; error: string };

/** Parse a mapping from JSON text (a file the user picked): never throws. */
export function importMapping(json: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const parsed = CrmMapping.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'mapping'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, mapping: parsed.data };
}
