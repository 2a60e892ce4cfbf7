/**
 * What the CRM overlay keeps in `chrome.storage.local` rather than IndexedDB: content scripts run on
 * the CRM's origin and cannot open the extension's database, but they can read extension storage.
 * Every value is parsed with zod on read; a damaged value reads as "nothing stored".
 */
import * as z from 'zod/mini';
import { CrmMapping } from '../crm/mapping';
import { Id } from '../schema/common';
import { CrmId } from '../schema/lead';
import { CORNERS } from './picker-place';

/** The user's mappings for CRMs without a built-in adapter. */
export const MAPPINGS_KEY = 'pacer:crm-mappings';
/** A mirror of Settings.enabledCrms, so a content script can check it is wanted on this site. */
export const ENABLED_KEY = 'pacer:crm-enabled';
/** "Pacer can't read this page" records, newest first, for the options page. */
export const HEALTH_KEY = 'pacer:crm-health';
/** Page structures that matched at least once ("used to match"), by health key. */
export const MATCHED_KEY = 'pacer:crm-matched';
/** The floating panel's position and collapsed state, per site. */
export const PANEL_KEY = 'pacer:overlay-panel';

export const MAX_HEALTH_RECORDS = 50;

export const HealthRecord = z.object({
  crm: z.string().check(z.maxLength(300)),
  /** Origin and path only: a query string may hold a search the user typed. */
  url: z.string().check(z.maxLength(2000)),
  pageKind: z.string().check(z.maxLength(40)),
  at: z.int().check(z.gte(0)),
});
export type HealthRecord = z.infer<typeof HealthRecord>;

/** Where the user put the picker on this site (lib/overlay/picker-place.ts), and whether it was shrunk. */
export const PickerPlace = z.object({
  corner: z.optional(z.enum(CORNERS)),
  collapsed: z.optional(z.boolean()),
});
export type PickerPlace = z.infer<typeof PickerPlace>;

export const PanelState = z.object({
  x: z.number(),
  y: z.number(),
  collapsed: z.boolean(),
  // A damaged picker place is dropped alone: the panel's own position is kept.
  picker: z.optional(z.catch(z.optional(PickerPlace), undefined)),
  /**
   * The goal the user picked on this site for the deal badges' share of the gap (the panel's "Measured
   * against"); unset: the rule of lib/overlay/revenue-goal.ts. A damaged value is dropped alone.
   */
  goalId: z.optional(z.catch(z.optional(Id), undefined)),
});
export type PanelState = z.infer<typeof PanelState>;

/** Parses a list item by item: one damaged entry is dropped, the others are kept. */
function parseList<T>(schema: z.ZodMiniType<T>, raw: unknown, max: number): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw.slice(0, max)) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export const parseMappings = (raw: unknown): CrmMapping[] => parseList(CrmMapping, raw, 200);
export const parseEnabled = (raw: unknown): string[] => parseList(CrmId, raw, 200);
export const parseHealth = (raw: unknown): HealthRecord[] => parseList(HealthRecord, raw, MAX_HEALTH_RECORDS);

export function parseMatched(raw: unknown): Record<string, true> {
  const parsed = z.record(z.string().check(z.maxLength(400)), z.literal(true)).safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export function parsePanels(raw: unknown): Record<string, PanelState> {
  const parsed = z.record(z.string().check(z.maxLength(300)), PanelState).safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** Adds a record at the front, drops an identical one (same crm, url, kind) and keeps the newest 50. */
export function addHealthRecord(list: readonly HealthRecord[], record: HealthRecord): HealthRecord[] {
  const rest = list.filter(
    (r) => !(r.crm === record.crm && r.url === record.url && r.pageKind === record.pageKind),
  );
  return [record, ...rest].slice(0, MAX_HEALTH_RECORDS);
}

/**
 * Two mappings for the same pages and the same rows: origin, kind, path and hash-route prefixes and
 * item selector. A list and a board at one address differ by their item selector and are both kept.
 */
export function sameMappingSlot(a: CrmMapping, b: CrmMapping): boolean {
  return (
    a.origin === b.origin &&
    a.kind === b.kind &&
    (a.pathPrefix ?? '') === (b.pathPrefix ?? '') &&
    (a.hashPrefix ?? '') === (b.hashPrefix ?? '') &&
    a.item === b.item
  );
}

/** Replaces the mapping in the same slot (sameMappingSlot), or adds it. */
export function upsertMapping(list: readonly CrmMapping[], mapping: CrmMapping): CrmMapping[] {
  return [...list.filter((m) => !sameMappingSlot(m, mapping)), mapping];
}

export function removeMapping(list: readonly CrmMapping[], mapping: CrmMapping): CrmMapping[] {
  return list.filter(
    (m) => !(m.origin === mapping.origin && m.createdAt === mapping.createdAt && m.kind === mapping.kind),
  );
}

/**
 * A URL without its query, for records the user may read or export. A hash route (`#/contacts`) is
 * the page in a single-page app and is kept, without its own query; an in-page anchor is dropped.
 */
export function pageAddress(url: URL): string {
  const route = /^#!?\//.test(url.hash) ? url.hash.split('?')[0] : '';
  return `${url.origin}${url.pathname}${route}`.slice(0, 2000);
}
