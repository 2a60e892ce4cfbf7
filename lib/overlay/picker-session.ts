/**
 * Mapping a CRM by pointing, as pure steps over the DOM: the user clicks one row or card, then the
 * name, stage, amount, owner and source inside it; each click becomes a selector that survives
 * re-renders (lib/crm/selector-derive.ts); the result is a zod-checked CrmMapping and a preview of
 * what it reads on the current page. The UI (components/overlay/picker.tsx) only forwards clicks.
 */
import { createCustomAdapter } from '../crm/custom';
import { safeQueryAll } from '../crm/dom';
import { CRM_MAPPING_VERSION, CrmMapping } from '../crm/mapping';
import { readPage } from '../crm/read-page';
import { deriveFieldSelector, deriveItemSelector } from '../crm/selector-derive';
import type { LeadObjectType, LeadSighting } from '../schema/lead';

export const PICK_FIELDS = ['name', 'stage', 'amount', 'owner', 'channel'] as const;
export type PickField = (typeof PICK_FIELDS)[number];
export type PickKind = CrmMapping['kind'];

export interface PickerState {
  /** Index into PICK_FIELDS of the field asked for next; -1 while the item is being chosen. */
  fieldIndex: number;
  item: Element | null;
  itemSelector: string | null;
  fields: Partial<Record<PickField, string>>;
  kind: PickKind;
  objectType: LeadObjectType;
  error: 'noItem' | 'notInItem' | null;
}

export function initialPicker(kind: PickKind = 'list', objectType: LeadObjectType = 'deal'): PickerState {
  return { fieldIndex: -1, item: null, itemSelector: null, fields: {}, kind, objectType, error: null };
}

const ROW = 'tr, [role="row"]';
const ID_ATTRIBUTES = [
  'data-id',
  'data-record-id',
  'data-row-key',
  'data-deal-id',
  'data-lead-id',
  'data-key',
];

function similarSiblings(el: Element): number {
  const parent = el.parentElement;
  if (!parent) return 0;
  let n = 0;
  for (const child of Array.from(parent.children)) if (child.tagName === el.tagName) n++;
  return n;
}

/** The row or card around a click: a table row if there is one, else the nearest repeated element with content. */
export function itemAround(target: Element): Element | null {
  const row = target.closest(ROW);
  if (row) return row;
  for (let el: Element | null = target; el && el.tagName !== 'BODY'; el = el.parentElement) {
    const hasContent = el.querySelector('a[href]') !== null || el.querySelectorAll('*').length >= 3;
    if (similarSiblings(el) >= 2 && hasContent) return el;
  }
  return null;
}

export function chooseItem(state: PickerState, target: Element): PickerState {
  const item = itemAround(target);
  const selector = item ? deriveItemSelector(item) : null;
  if (!item || !selector) return { ...state, error: 'noItem' };
  const kind: PickKind = item.matches(ROW) ? 'list' : state.kind === 'record' ? 'record' : 'board';
  return { ...state, item, itemSelector: selector, kind, fields: {}, fieldIndex: 0, error: null };
}

export function chooseField(state: PickerState, target: Element): PickerState {
  const field = PICK_FIELDS[state.fieldIndex];
  if (!state.item || !field) return state;
  const doc = state.item.ownerDocument;
  const siblings = state.itemSelector
    ? safeQueryAll(doc, state.itemSelector).filter((el) => el !== state.item)
    : [];
  const selector = deriveFieldSelector(target, state.item, { siblings });
  if (!selector) return { ...state, error: 'notInItem' };
  return {
    ...state,
    fields: { ...state.fields, [field]: selector },
    fieldIndex: state.fieldIndex + 1,
    error: null,
  };
}

/** Skips an optional field (every field but the name). */
export function skipField(state: PickerState): PickerState {
  if (state.fieldIndex <= 0) return state;
  return { ...state, fieldIndex: state.fieldIndex + 1, error: null };
}

export function currentField(state: PickerState): PickField | null {
  return state.fieldIndex >= 0 ? (PICK_FIELDS[state.fieldIndex] ?? null) : null;
}

export function isComplete(state: PickerState): boolean {
  return state.fieldIndex >= PICK_FIELDS.length && Boolean(state.fields.name);
}

/** A path prefix that keeps list and record mappings of one CRM apart. */
export function pathPrefixFor(url: URL, kind: PickKind): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean);
  if (kind === 'record') return segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : undefined;
  return segments.length > 1 ? `/${segments[0]}` : undefined;
}

export type BuiltMapping = { ok: true; mapping: CrmMapping } | { ok: false; error: string };

export function buildMapping(state: PickerState, url: URL, now: number): BuiltMapping {
  if (!state.itemSelector || !state.fields.name || !state.item)
    return { ok: false, error: 'name not chosen' };
  const idAttribute = ID_ATTRIBUTES.find((a) => /\d/.test(state.item?.getAttribute(a) ?? ''));
  const prefix = pathPrefixFor(url, state.kind);
  const parsed = CrmMapping.safeParse({
    version: CRM_MAPPING_VERSION,
    origin: url.origin,
    label: url.hostname,
    ...(prefix ? { pathPrefix: prefix } : {}),
    kind: state.kind,
    objectType: state.objectType,
    item: state.itemSelector,
    fields: state.fields,
    ...(idAttribute ? { idAttribute } : {}),
    createdAt: now,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid mapping' };
  return { ok: true, mapping: parsed.data };
}

export interface Preview {
  count: number;
  rows: LeadSighting[];
}

/** What the mapping reads on this page: how many records and the first few. */
export function previewMapping(mapping: CrmMapping, doc: Document, url: URL, max = 5): Preview {
  const adapter = createCustomAdapter(mapping);
  const result = readPage(adapter, doc, url);
  if (result.status !== 'ok') return { count: 0, rows: [] };
  return { count: result.sightings.length, rows: result.sightings.slice(0, max) };
}
