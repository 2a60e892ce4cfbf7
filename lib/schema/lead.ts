import * as z from 'zod/mini';
import { CurrencyCode, FiniteNumber, Id, ShortText, Timestamp } from './common';

export const CRM_IDS = ['hubspot', 'salesforce', 'pipedrive', 'zoho'] as const;
/** A built-in adapter id, or `custom:<origin>` for a CRM the user mapped by pointing. */
export const CrmId = z.union([z.enum(CRM_IDS), z.string().check(z.regex(/^custom:https?:\/\/[^/\s]+$/))]);
export type CrmId = z.infer<typeof CrmId>;

export const LeadObjectType = z.enum([
  'contact',
  'company',
  'deal',
  'lead',
  'account',
  'opportunity',
  'person',
]);
export type LeadObjectType = z.infer<typeof LeadObjectType>;

/** A field's name as the user typed it in the picker ("Priority", "Ngành"). */
export const CustomFieldName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(40),
  // Kept as object keys: never a name an object already has.
  z.refine((n) => !['__proto__', 'constructor', 'prototype'].includes(n), 'reserved name'),
);
export const MAX_CUSTOM_FIELDS = 10;
export const CustomFieldValues = z
  .record(CustomFieldName, ShortText)
  .check(z.refine((o) => Object.keys(o).length <= MAX_CUSTOM_FIELDS, 'too many custom fields'));

export const StageChange = z.object({ stage: ShortText, at: Timestamp });

export const Lead = z.object({
  /** `${crm}:${objectType}:${externalId}` — the same record read twice is the same lead. */
  id: Id,
  crm: CrmId,
  objectType: LeadObjectType,
  externalId: z.string().check(z.minLength(1), z.maxLength(200)),
  url: z.string().check(z.maxLength(2000), z.regex(/^https?:\/\//, 'expected an http(s) URL')),
  name: ShortText,
  company: z.optional(ShortText),
  email: z.optional(z.string().check(z.maxLength(320))),
  stage: z.optional(ShortText),
  status: z.optional(ShortText),
  amount: z.optional(FiniteNumber),
  currency: z.optional(CurrencyCode),
  owner: z.optional(ShortText),
  channel: z.optional(ShortText),
  segment: z.optional(ShortText),
  createdDate: z.optional(Timestamp),
  /** The close date the CRM shows (expected or actual), read through a user's mapping. */
  closeDate: z.optional(Timestamp),
  /**
   * Whether the lead's stage is won, lost or open, as the user marked its stage in the mapping; absent,
   * the stage's name decides (lib/overlay/stages.ts).
   */
  outcome: z.optional(z.enum(['open', 'won', 'lost'])),
  /** Fields the user named and pointed at ("Priority" → "High"), by name. */
  custom: z.optional(CustomFieldValues),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
  stageHistory: z.array(StageChange).check(z.maxLength(500)),
  example: z.optional(z.boolean()),
  deletedAt: z.nullable(Timestamp),
});
export type Lead = z.infer<typeof Lead>;

/** What a content script reads off a page, before the background adds first/last seen and history. */
export const LeadSighting = z.omit(Lead, {
  id: true,
  firstSeen: true,
  lastSeen: true,
  stageHistory: true,
  example: true,
  deletedAt: true,
});
export type LeadSighting = z.infer<typeof LeadSighting>;

/** A lead's key in storage: one per CRM record, whatever page it was seen on. */
export const leadId = (s: Pick<LeadSighting, 'crm' | 'objectType' | 'externalId'>) =>
  `${s.crm}:${s.objectType}:${s.externalId}`;
