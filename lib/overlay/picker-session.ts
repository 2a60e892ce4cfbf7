/**
 * Mapping a CRM by pointing, as pure steps over the DOM: the user clicks one row or card, then the
 * name and whichever other fields they want inside it; each click becomes a selector that survives
 * re-renders (lib/crm/selector-derive.ts); the result is a zod-checked CrmMapping and a preview of
 * what it reads on the current page. The UI (components/overlay/picker.tsx) only forwards clicks.
 */
import { createCustomAdapter, hashRoute } from '../crm/custom';
import { safeQueryAll } from '../crm/dom';
import { CRM_MAPPING_VERSION, CrmMapping, type CustomField, type StageOutcomes } from '../crm/mapping';
import { readPage } from '../crm/read-page';
import { deriveFieldSelector, deriveItemSelector, isGeneratedValue } from '../crm/selector-derive';
import { CustomFieldName, type LeadObjectType, type LeadSighting, MAX_CUSTOM_FIELDS } from '../schema/lead';
import { isGap, itemAround } from './item-around';
import { markStage, type StageOutcome } from './stages';

export { isGap, itemAround, offeredAt, shownCount, similarCount } from './item-around';

/** In the order the picker asks for them; only the name is required. */
export const PICK_FIELDS = [
  'name',
  'stage',
  'amount',
  'owner',
  'channel',
  'company',
  'email',
  'status',
  'created',
  'close',
  'id',
] as const;
export type PickField = (typeof PICK_FIELDS)[number];
export type PickKind = CrmMapping['kind'];

export interface PickerState {
  /** Index into PICK_FIELDS of the field asked for next; -1 while the item is being chosen. */
  fieldIndex: number;
  item: Element | null;
  itemSelector: string | null;
  fields: Partial<Record<PickField, string>>;
  /** The element picked for each field, to outline it. */
  picked: Partial<Record<PickField, Element>>;
  /** A stage read from the board column's heading, when the user clicked it outside the card. */
  stageColumn: { column: string; heading: string } | null;
  /** Fields the user named and pointed at, in the order added. */
  custom: CustomField[];
  /** The element picked for each named field, by name. */
  pickedCustom: Record<string, Element>;
  /** A named field waiting for its click: the next click in the row is its value. */
  pending: string | null;
  /** Stages the user marked won, lost or open; null until one is marked. */
  outcomes: StageOutcomes | null;
  /** Fields in the order they were picked (a named one as `custom:Name`), so the last can be undone. */
  history: (PickField | `custom:${string}`)[];
  kind: PickKind;
  objectType: LeadObjectType;
  error: PickError | null;
}

/** 'gap': the click fell between records (item-around.ts `isGap`), where nothing is taken. */
export type PickError = 'noItem' | 'notInItem' | 'gap' | 'customName' | 'customTaken' | 'customTooMany';

export function initialPicker(kind: PickKind = 'list', objectType: LeadObjectType = 'deal'): PickerState {
  return {
    fieldIndex: -1,
    item: null,
    itemSelector: null,
    fields: {},
    picked: {},
    stageColumn: null,
    custom: [],
    pickedCustom: {},
    pending: null,
    outcomes: null,
    history: [],
    kind,
    objectType,
    error: null,
  };
}

const ROW = 'tr, [role="row"]';

/** The kind of record a page most likely lists, from the words in its address (hash route included). */
export function guessObjectType(url: URL): LeadObjectType {
  const words = `${url.pathname} ${hashRoute(url)}`.toLowerCase();
  const kinds: [RegExp, LeadObjectType][] = [
    [/opportunit/, 'opportunity'],
    [/contact|people|person|khach-hang|khachhang/, 'contact'],
    [/compan|account|organi[sz]ation|cong-ty/, 'company'],
    [/lead/, 'lead'],
  ];
  return kinds.find(([re]) => re.test(words))?.[1] ?? 'deal';
}

export function chooseItem(state: PickerState, target: Element): PickerState {
  if (isGap(target)) return { ...state, error: 'gap' };
  const item = itemAround(target);
  const selector = item ? deriveItemSelector(item) : null;
  if (!item || !selector) return { ...state, error: 'noItem' };
  const kind: PickKind = item.matches(ROW) ? 'list' : state.kind === 'record' ? 'record' : 'board';
  return {
    ...initialPicker(kind, state.objectType),
    item,
    itemSelector: selector,
    fieldIndex: 0,
  };
}

/** The next field not yet picked after `from`, or PICK_FIELDS.length when all are. */
function nextOpen(fields: PickerState['fields'], from: number, column: boolean): number {
  let i = from;
  while (i < PICK_FIELDS.length) {
    const f = PICK_FIELDS[i]!;
    if (!fields[f] && !(f === 'stage' && column)) break;
    i++;
  }
  return i;
}

/**
 * A board column heading clicked for the stage: the column is the nearest ancestor of the card that
 * holds the click, the heading a selector inside it that finds one element in every such column.
 */
function columnStage(state: PickerState, target: Element): PickerState['stageColumn'] {
  const item = state.item;
  if (!item) return null;
  let column: Element | null = item.parentElement;
  while (column && !column.contains(target)) column = column.parentElement;
  if (!column || column === item.ownerDocument.body || column === item.ownerDocument.documentElement)
    return null;
  const columnSelector = deriveItemSelector(column);
  if (!columnSelector) return null;
  const peers = safeQueryAll(item.ownerDocument, columnSelector).filter((c) => c !== column);
  const heading = deriveFieldSelector(target, column, { siblings: peers });
  // The heading must come before the cards, not be one of them.
  if (!heading || item.contains(target)) return null;
  return { column: columnSelector, heading };
}

/** The selector of a click inside the chosen item, unique among its siblings' like elements. */
function selectorInItem(state: PickerState, target: Element): string | null {
  if (!state.item) return null;
  const siblings = state.itemSelector
    ? safeQueryAll(state.item.ownerDocument, state.itemSelector).filter((el) => el !== state.item)
    : [];
  return deriveFieldSelector(target, state.item, { siblings });
}

/**
 * Names a field the user wants beyond the built-in ones ("Priority"); the next click in the row is
 * its value. A name already used (built-in or named) or past the limit is refused with a reason.
 */
export function addCustomField(state: PickerState, rawName: string): PickerState {
  if (!state.item) return state;
  const parsed = CustomFieldName.safeParse(rawName);
  if (!parsed.success) return { ...state, error: 'customName' };
  const name = parsed.data;
  const lower = name.toLowerCase();
  const again = state.custom.some((f) => f.name.toLowerCase() === lower);
  if ((PICK_FIELDS as readonly string[]).includes(lower)) return { ...state, error: 'customTaken' };
  if (!again && state.custom.length >= MAX_CUSTOM_FIELDS) return { ...state, error: 'customTooMany' };
  // The same name again re-points it: its click replaces the earlier one.
  const existing = state.custom.find((f) => f.name.toLowerCase() === lower)?.name;
  return { ...state, pending: existing ?? name, error: null };
}

function chooseCustom(state: PickerState, name: string, target: Element): PickerState {
  const selector = state.item?.contains(target) ? selectorInItem(state, target) : null;
  if (!selector) return { ...state, error: 'notInItem' };
  const lower = name.toLowerCase();
  const at = state.custom.findIndex((f) => f.name.toLowerCase() === lower);
  const custom =
    at >= 0
      ? state.custom.map((f, i) => (i === at ? { name: f.name, selector } : f))
      : [...state.custom, { name, selector }];
  const key = `custom:${name}` as const;
  return {
    ...state,
    custom,
    pickedCustom: { ...state.pickedCustom, [name]: target },
    history: [...state.history.filter((h) => h !== key), key],
    pending: null,
    error: null,
  };
}

/** Marks a stage read on the page as won, lost or open. */
export function markOutcome(state: PickerState, stage: string, outcome: StageOutcome): PickerState {
  return { ...state, outcomes: markStage(state.outcomes ?? undefined, stage, outcome) };
}

export function chooseField(state: PickerState, target: Element): PickerState {
  // Between cards, or a column's background: no field, and no stage heading either.
  if (isGap(target)) return { ...state, error: 'gap' };
  if (state.pending) return chooseCustom(state, state.pending, target);
  const field = PICK_FIELDS[state.fieldIndex];
  if (!state.item || !field) return state;
  if (!state.item.contains(target)) {
    const column = field === 'stage' ? columnStage(state, target) : null;
    if (!column) return { ...state, error: 'notInItem' };
    const fields = { ...state.fields };
    delete fields.stage;
    return {
      ...state,
      fields,
      stageColumn: column,
      picked: { ...state.picked, stage: target },
      history: [...state.history.filter((f) => f !== 'stage'), 'stage'],
      fieldIndex: nextOpen(fields, state.fieldIndex + 1, true),
      error: null,
    };
  }
  const selector = selectorInItem(state, target);
  if (!selector) return { ...state, error: 'notInItem' };
  const fields = { ...state.fields, [field]: selector };
  const stageColumn = field === 'stage' ? null : state.stageColumn;
  return {
    ...state,
    fields,
    stageColumn,
    picked: { ...state.picked, [field]: target },
    history: [...state.history.filter((f) => f !== field), field],
    fieldIndex: nextOpen(fields, state.fieldIndex + 1, stageColumn !== null),
    error: null,
  };
}

/** Asks next for `field` (the user chose it from the list of fields), picked before or not. */
export function askField(state: PickerState, field: PickField): PickerState {
  if (!state.item) return state;
  return { ...state, fieldIndex: PICK_FIELDS.indexOf(field), pending: null, error: null };
}

/** Takes back the last field picked, and asks for it again. */
export function undoPick(state: PickerState): PickerState {
  const last = state.history.at(-1);
  if (state.pending) return { ...state, pending: null, error: null };
  if (!last) return state.item ? initialPicker(state.kind, state.objectType) : state;
  if (last.startsWith('custom:')) {
    const name = last.slice('custom:'.length);
    const pickedCustom = { ...state.pickedCustom };
    delete pickedCustom[name];
    return {
      ...state,
      custom: state.custom.filter((f) => f.name !== name),
      pickedCustom,
      history: state.history.slice(0, -1),
      pending: name,
      error: null,
    };
  }
  if (!isPickField(last)) return state;
  const fields = { ...state.fields };
  const picked = { ...state.picked };
  delete fields[last];
  delete picked[last];
  return {
    ...state,
    fields,
    picked,
    stageColumn: last === 'stage' ? null : state.stageColumn,
    history: state.history.slice(0, -1),
    fieldIndex: PICK_FIELDS.indexOf(last),
    error: null,
  };
}

const isPickField = (f: string): f is PickField => (PICK_FIELDS as readonly string[]).includes(f);

/** Skips an optional field (every field but the name). */
export function skipField(state: PickerState): PickerState {
  if (state.pending) return { ...state, pending: null, error: null };
  if (state.fieldIndex <= 0 && !state.fields.name) return state;
  return {
    ...state,
    fieldIndex: nextOpen(state.fields, state.fieldIndex + 1, state.stageColumn !== null),
    error: null,
  };
}

export function currentField(state: PickerState): PickField | null {
  return state.fieldIndex >= 0 ? (PICK_FIELDS[state.fieldIndex] ?? null) : null;
}

/** Enough to save: a row or card and its name. Other fields are optional. */
export function isComplete(state: PickerState): boolean {
  return state.item !== null && Boolean(state.fields.name);
}

/** A path prefix that keeps list and record mappings of one CRM apart. */
export function pathPrefixFor(url: URL, kind: PickKind): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean);
  if (kind === 'record') return segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : undefined;
  return segments.length > 1 ? `/${segments[0]}` : undefined;
}

/** The same for a hash route: `#/contacts` for a list, `#/contacts/` for `#/contacts/192/show`. */
export function hashPrefixFor(url: URL, kind: PickKind): string | undefined {
  const route = hashRoute(url).split('?')[0] ?? '';
  if (!route) return undefined;
  const bang = route.startsWith('#!') ? '#!' : '#';
  const segments = route.slice(bang.length).split('/').filter(Boolean);
  if (segments.length === 0) return undefined;
  if (kind === 'record') return `${bang}/${segments[0]}/`;
  return `${bang}/${segments[0]}`;
}

/** Attributes CRMs and list libraries put a record id in, most trusted first. */
const ID_ATTRIBUTES = [
  'data-id',
  'data-record-id',
  'data-row-key',
  'data-deal-id',
  'data-lead-id',
  'data-contact-id',
  'data-key',
  'data-rfd-draggable-id',
  'data-rbd-draggable-id',
];

/**
 * The item attribute holding its record id: one with a digit in it, different on every item
 * (a row index or a generated React id is not an identity).
 */
export function idAttributeOf(item: Element, peers: readonly Element[]): string | undefined {
  const names = [
    ...ID_ATTRIBUTES,
    ...Array.from(item.attributes)
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-') && /id$|key$/.test(n) && !ID_ATTRIBUTES.includes(n)),
    'id',
  ];
  return names.find((name) => {
    const value = item.getAttribute(name);
    if (!value || !/\d/.test(value) || isGeneratedValue(value) || /^data-(?:index|row-index)$/.test(name))
      return false;
    const values = new Set([value, ...peers.map((p) => p.getAttribute(name))]);
    return !values.has(null) && values.size === peers.length + 1;
  });
}

export type BuiltMapping = { ok: true; mapping: CrmMapping } | { ok: false; error: string };

export function buildMapping(state: PickerState, url: URL, now: number): BuiltMapping {
  if (!state.itemSelector || !state.fields.name || !state.item)
    return { ok: false, error: 'name not chosen' };
  const peers = safeQueryAll(state.item.ownerDocument, state.itemSelector)
    .filter((el) => el !== state.item)
    .slice(0, 50);
  const idAttribute = state.fields.id ? undefined : idAttributeOf(state.item, peers);
  const prefix = pathPrefixFor(url, state.kind);
  const hashPrefix = hashPrefixFor(url, state.kind);
  const parsed = CrmMapping.safeParse({
    version: CRM_MAPPING_VERSION,
    origin: url.origin,
    label: url.hostname,
    ...(prefix ? { pathPrefix: prefix } : {}),
    ...(hashPrefix ? { hashPrefix } : {}),
    kind: state.kind,
    objectType: state.objectType,
    item: state.itemSelector,
    fields: state.fields,
    ...(state.stageColumn ? { stageColumn: state.stageColumn } : {}),
    ...(idAttribute ? { idAttribute } : {}),
    ...(state.custom.length > 0 ? { custom: state.custom } : {}),
    ...(state.outcomes ? { stageOutcomes: state.outcomes } : {}),
    createdAt: now,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid mapping' };
  return { ok: true, mapping: parsed.data };
}

/** Most stages the picker offers to mark: a board has a handful, a list a few more. */
const MAX_STAGES = 30;

export interface Preview {
  /** Records read. */
  count: number;
  /** Items the mapping found (shown ones), read or not. */
  items: number;
  /** Records that share an identity with another: their rows would be stored as one lead. */
  collapsed: number;
  rows: LeadSighting[];
  /** Every stage the mapping reads on the page, in the order first seen, for marking won and lost. */
  stages: string[];
}

/** What the mapping reads on this page: how many records, whether they stay distinct, the first few. */
export function previewMapping(mapping: CrmMapping, doc: Document, url: URL, max = 5): Preview {
  const adapter = createCustomAdapter(mapping);
  const result = readPage(adapter, doc, url);
  if (result.status !== 'ok') return { count: 0, items: 0, collapsed: 0, rows: [], stages: [] };
  const ids = new Set(result.sightings.map((s) => s.externalId));
  return {
    count: result.sightings.length,
    items: result.sightings.length + result.failures.length,
    collapsed: result.sightings.length - ids.size,
    rows: result.sightings.slice(0, max),
    stages: [...new Set(result.sightings.flatMap((s) => (s.stage ? [s.stage] : [])))].slice(0, MAX_STAGES),
  };
}
