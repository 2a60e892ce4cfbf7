/**
 * The "map this page" picker: highlights the row or card the pointer is over (and how many like it
 * the page has), takes the user's click on one and then on its fields (lib/overlay/picker-session.ts
 * turns them into selectors), outlines what is mapped, previews what the mapping reads, and saves it.
 * While it is open, clicks on the page are captured so the CRM does not navigate away; Escape or
 * Cancel gives the page back untouched. Its window listeners live exactly as long as this component:
 * the overlay controller unmounts it on save, cancel and navigation.
 */

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CrmMapping } from '../../lib/crm/mapping';
import { deriveItemSelector } from '../../lib/crm/selector-derive';
import { overlayTranslator } from '../../lib/i18n/messages-overlay';
import { nameLooksLikeNumber } from '../../lib/overlay/name-check';
import {
  type Corner,
  contentBoxes,
  contentCost,
  cornerAt,
  cornerRect,
  cornerToward,
  firstCorner,
  overlapArea,
  placePicker,
  type Size,
} from '../../lib/overlay/picker-place';
import {
  addCustomField,
  askField,
  buildMapping,
  chooseField,
  chooseItem,
  currentField,
  guessObjectType,
  initialPicker,
  isComplete,
  markOutcome,
  offeredAt,
  PICK_FIELDS,
  type PickError,
  type PickerState,
  previewMapping,
  shownCount,
  skipField,
  undoPick,
} from '../../lib/overlay/picker-session';
import { markedOutcome, outcomeByName, type StageOutcome } from '../../lib/overlay/stages';
import type { PickerPlace } from '../../lib/overlay/stored';
import type { Locale } from '../../lib/schema/common';
import type { LeadSighting } from '../../lib/schema/lead';
import { ChevronIcon, GripIcon } from './floating-panel';

export interface PickerProps {
  locale: Locale;
  doc: Document;
  url: URL;
  /** The picker's own host element: events inside it are the picker's, not the page's. */
  host: Element;
  /** Where the user put the picker on this site before, and whether they shrank it. */
  place?: PickerPlace | undefined;
  /** The user moved or shrank the picker: remembered for this site. */
  onPlace?(place: PickerPlace): void;
  onSave(mapping: CrmMapping): void;
  onCancel(): void;
}

const BLOCKED = [
  'pointerdown',
  'mousedown',
  'mouseup',
  'pointerup',
  'click',
  'dblclick',
  'auxclick',
  'dragstart',
] as const;

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const boxOf = (el: Element | null | undefined): Box | null => {
  if (!el?.isConnected) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return null;
  return { top: r.top, left: r.left, width: r.width, height: r.height };
};

/** Preact 11 no longer appends `px` to numbers in style objects: every length says its unit. */
const placed = (b: Box) => ({
  top: `${b.top}px`,
  left: `${b.left}px`,
  width: `${b.width}px`,
  height: `${b.height}px`,
});

function pageTarget(event: Event, host: Element): Element | null {
  const first = event.composedPath()[0];
  if (!(first instanceof Element) || first === host || host.contains(first)) return null;
  // Inside the picker's own shadow root the path starts there: the host is on the path.
  return event.composedPath().includes(host) ? null : first;
}

interface Hover {
  /** The element outlined: measured on every render, so the outline follows a scroll. */
  el: Element;
  /** While the row is being chosen: how many rows like the one under the pointer. */
  similar: number | null;
}

const ERROR_KEYS = {
  noItem: 'picker.noItem',
  notInItem: 'picker.notInItem',
  gap: 'picker.gap',
  customName: 'picker.custom.name',
  customTaken: 'picker.custom.taken',
  customTooMany: 'picker.custom.tooMany',
} as const satisfies Record<PickError, string>;

const OUTCOMES: readonly StageOutcome[] = ['open', 'won', 'lost'];

/**
 * How long an outline must lie under the picker before the picker moves away: a pointer passing over
 * cards on its way to the picker does not chase it into another corner.
 */
const MOVE_AFTER_MS = 250;

/** CSS for a corner: the picker's two edges PICKER_MARGIN from the viewport's. */
const cornerStyle = (corner: Corner): Record<string, string> => {
  const [vertical, horizontal] = corner.split('-') as [string, string];
  return { [vertical]: '12px', [horizontal]: '12px' };
};

function Outline({ box, kind, label }: { box: Box; kind: string; label?: string }) {
  return (
    <div class={`pc-highlight ${kind}`} style={placed(box)}>
      {label && <span class="pc-highlight-label">{label}</span>}
    </div>
  );
}

export function Picker({ locale, doc, url, host, place, onPlace, onSave, onCancel }: PickerProps) {
  const [state, setState] = useState<PickerState>(() => initialPicker('list', guessObjectType(url)));
  const [hover, setHover] = useState<Hover | null>(null);
  const [stale, setStale] = useState(false);
  const [customName, setCustomName] = useState('');
  // Outlines are measured on render: a scroll or resize re-renders so they follow the page.
  const [frame, setFrame] = useState(0);
  const tr = overlayTranslator(locale);
  const panel = useRef<HTMLElement>(null);
  const [corner, setCorner] = useState<Corner>(place?.corner ?? 'top-right');
  const [collapsed, setCollapsed] = useState(place?.collapsed ?? false);
  /** The corner the user chose (dragged or moved with the keys): the one remembered for the site. */
  const chosenCorner = useRef<Corner | undefined>(place?.corner);
  const [drag, setDrag] = useState<{ dx: number; dy: number } | null>(null);
  const dragFrom = useRef<{ x: number; y: number; rect: DOMRect } | null>(null);
  const choosingItem = state.fieldIndex < 0 || !state.item;

  useEffect(() => {
    const view = doc.defaultView;
    if (!view) return;
    let lastTarget: Element | null = null;
    // The count under the pointer is the page-wide one the pick would give: derived once per row.
    let lastItem: Element | null = null;
    let lastCount: number | null = null;
    let frame = 0;
    const countFor = (item: Element): number | null => {
      if (item !== lastItem) {
        lastItem = item;
        const selector = deriveItemSelector(item);
        lastCount = selector ? shownCount(doc, selector) : null;
      }
      return lastCount;
    };
    const move = (e: Event) => {
      const target = pageTarget(e, host);
      if (target === lastTarget) return;
      lastTarget = target;
      try {
        const offered = target ? offeredAt(target, choosingItem) : null;
        // Between two cards (a column's own background): the last outline stays until the pointer
        // is over a record again, so moving from card to card never flashes the whole column.
        if (offered === 'gap') return;
        setHover(offered ? { el: offered, similar: choosingItem ? countFor(offered) : null } : null);
      } catch {
        setHover(null); // a detached node: nothing to highlight
      }
    };
    const block = (e: Event) => {
      const target = pageTarget(e, host);
      if (!target) return;
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
      if (e.type !== 'click') return;
      setStale(false);
      try {
        setState((s) =>
          s.fieldIndex < 0 || !s.item
            ? chooseItem(s, target)
            : s.pending || currentField(s)
              ? chooseField(s, target)
              : s,
        );
      } catch {
        setState((s) => ({ ...s, error: s.fieldIndex < 0 ? 'noItem' : 'notInItem' }));
      }
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    const reflow = () => {
      if (frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        lastTarget = null;
        setFrame((n) => n + 1);
      });
    };
    view.addEventListener('pointermove', move, true);
    for (const type of BLOCKED) view.addEventListener(type, block, true);
    view.addEventListener('keydown', key, true);
    view.addEventListener('scroll', reflow, { capture: true, passive: true });
    view.addEventListener('resize', reflow, { passive: true });
    return () => {
      view.removeEventListener('pointermove', move, true);
      for (const type of BLOCKED) view.removeEventListener(type, block, true);
      view.removeEventListener('keydown', key, true);
      view.removeEventListener('scroll', reflow, { capture: true });
      view.removeEventListener('resize', reflow);
      if (frame) view.cancelAnimationFrame(frame);
    };
  }, [doc, host, onCancel, choosingItem]);

  const field = state.pending ? null : currentField(state);
  const built = useMemo(
    () => (isComplete(state) ? buildMapping(state, url, Date.now()) : null),
    [state, url],
  );
  const preview = useMemo(
    () => (built?.ok ? previewMapping(built.mapping, doc, url) : null),
    [built, doc, url],
  );
  const chosen = boxOf(state.item);
  const hoverBox = boxOf(hover?.el);

  // The viewport is the host's box (fixed, inset 0: scrollbars excluded); the picker's size its own.
  const viewportSize = (): Size => {
    const r = host.getBoundingClientRect();
    return { width: r.width, height: r.height };
  };
  const pickerSize = (): Size => {
    const r = panel.current?.getBoundingClientRect();
    return { width: r?.width ?? 0, height: r?.height ?? 0 };
  };
  const costIn = (viewport: Size, size: Size) => (c: Corner) =>
    contentCost(doc, cornerRect(c, viewport, size), host);

  // First placement: the user's corner for this site, else the corner covering the least content.
  // Measured once, when the picker opens.
  useLayoutEffect(() => {
    if (place?.corner) return;
    const viewport = viewportSize();
    const size = pickerSize();
    if (viewport.width > 0 && size.width > 0) setCorner(firstCorner(costIn(viewport, size)));
  }, []);

  // Out of the way: when the outlined element (or what the chosen row shows) lies under the picker
  // for a moment, the picker goes to the corner that covers it least.
  const hoveredEl = hover?.el ?? null;
  // Checked again when what is outlined, the corner, the size or the scroll change.
  useEffect(() => {
    const view = doc.defaultView;
    if (drag || !view) return;
    const viewport = viewportSize();
    const size = pickerSize();
    if (viewport.width === 0 || size.width === 0) return;
    const here = cornerRect(corner, viewport, size);
    // The outlined element's box, and what the chosen row shows (not its whole box: a row as wide as
    // the page leaves room beside its words).
    const avoid = () => [boxOf(hoveredEl), contentBoxes(state.item)] as const;
    const [outlined, chosenWords] = avoid();
    const under =
      (outlined && overlapArea(here, outlined) > 0) || chosenWords.some((b) => overlapArea(here, b) > 0);
    if (!under) return;
    const timer = view.setTimeout(() => {
      const v = viewportSize();
      const s = pickerSize();
      const next = placePicker({ viewport: v, size: s, current: corner, avoid: avoid(), cost: costIn(v, s) });
      if (next !== corner) setCorner(next);
    }, MOVE_AFTER_MS);
    return () => view.clearTimeout(timer);
  }, [hoveredEl, state, corner, collapsed, frame, drag === null]);

  const remember = (next: { corner?: Corner; collapsed: boolean }) => {
    if (next.corner) chosenCorner.current = next.corner;
    const c = chosenCorner.current;
    onPlace?.(c ? { corner: c, collapsed: next.collapsed } : { collapsed: next.collapsed });
  };
  const moveTo = (next: Corner) => {
    setCorner(next);
    remember({ corner: next, collapsed });
  };
  const toggle = () => {
    setCollapsed(!collapsed);
    remember({ collapsed: !collapsed });
  };
  // The grip: dragged, the picker follows the pointer and lands in the corner of the quarter it is
  // dropped in; with the arrow keys it moves a corner up, down, left or right.
  const onGripDown = (e: PointerEvent) => {
    const rect = panel.current?.getBoundingClientRect();
    if (!rect) return;
    dragFrom.current = { x: e.clientX, y: e.clientY, rect };
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
  };
  const onGripMove = (e: PointerEvent) => {
    const from = dragFrom.current;
    if (from) setDrag({ dx: e.clientX - from.x, dy: e.clientY - from.y });
  };
  const onGripUp = (e: PointerEvent) => {
    const from = dragFrom.current;
    dragFrom.current = null;
    setDrag(null);
    if (!from) return;
    const dx = e.clientX - from.x;
    const dy = e.clientY - from.y;
    if (Math.abs(dx) + Math.abs(dy) < 4) return;
    const centre = {
      x: from.rect.left + from.rect.width / 2 + dx,
      y: from.rect.top + from.rect.height / 2 + dy,
    };
    moveTo(cornerAt(centre, viewportSize()));
  };
  const onGripKey = (e: KeyboardEvent) => {
    const next = cornerToward(corner, e.key);
    if (!next) return;
    e.preventDefault();
    moveTo(next);
  };
  // Rows like the chosen one on the whole page (every column of a board), as the mapping will find them.
  const itemCount = useMemo(
    () => (state.itemSelector ? shownCount(doc, state.itemSelector) : 0),
    [doc, state.itemSelector],
  );
  // The preview is a narrow table: compact amounts (52.6K) and short dates (3/14/27) fit its cells.
  const [dateText, numberText] = useMemo(() => {
    const tag = locale === 'vi' ? 'vi-VN' : 'en-US';
    return [
      new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeZone: 'UTC' }),
      new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 }),
    ];
  }, [locale]);
  // The preview's columns, each headed by the field it shows: only those some row has a value in, so a
  // narrow table keeps room for names. Without headers an owner and a company read alike.
  const columns = useMemo(() => {
    const head = (key: Parameters<typeof tr>[0]) => {
      const text = tr(key);
      return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
    };
    const cells: { head: string; cell: (s: LeadSighting) => string }[] = [
      { head: head('picker.field.name'), cell: (s) => s.name },
      { head: head('picker.field.stage'), cell: (s) => s.stage ?? s.status ?? '' },
      {
        head: head('picker.field.amount'),
        cell: (s) =>
          s.amount === undefined ? '' : `${numberText.format(s.amount)} ${s.currency ?? ''}`.trim(),
      },
      { head: head('picker.field.owner'), cell: (s) => s.owner ?? '' },
      { head: head('picker.col.company'), cell: (s) => s.company ?? '' },
      { head: head('picker.field.channel'), cell: (s) => s.channel ?? '' },
      { head: head('picker.col.email'), cell: (s) => s.email ?? '' },
      {
        head: head('picker.col.closeDate'),
        cell: (s) => (s.closeDate === undefined ? '' : dateText.format(s.closeDate)),
      },
      {
        head: state.custom.map((c) => c.name).join(' · '),
        cell: (s) => state.custom.map((c) => s.custom?.[c.name] ?? '').join(' · '),
      },
    ];
    const rows = preview?.rows ?? [];
    return cells.filter(
      (col, c) => c === 0 || rows.some((row) => col.cell(row).replaceAll(' · ', '') !== ''),
    );
  }, [preview, state.custom, numberText, dateText, locale]);
  const canSave = built?.ok && preview && preview.count > 0 && preview.collapsed === 0;

  const save = () => {
    if (!built?.ok) return;
    // The rows on screen may have been re-rendered since they were picked: read the page afresh
    // with the stored selectors alone, as the next visit will, and save only if that still works.
    const fresh = previewMapping(built.mapping, doc, new URL(doc.location?.href ?? url.href));
    if (fresh.count === 0 || fresh.collapsed > 0) {
      setStale(true);
      setState(initialPicker(state.kind, state.objectType));
      return;
    }
    onSave(built.mapping);
  };

  const step = (
    <h2 data-testid="picker-step">
      {choosingItem
        ? tr('picker.stepItem')
        : state.pending
          ? tr('picker.stepField', { field: state.pending })
          : field
            ? tr('picker.stepField', { field: tr(`picker.field.${field}`) })
            : tr('picker.preview')}
    </h2>
  );

  return (
    <div class="pc-overlay">
      {hoverBox && hover && (
        <Outline
          box={hoverBox}
          kind={choosingItem ? 'pc-candidate' : ''}
          label={
            hover.similar !== null && hover.similar > 1
              ? tr('picker.similar.other', { count: hover.similar })
              : undefined
          }
        />
      )}
      {chosen && <Outline box={chosen} kind="pc-chosen" />}
      {PICK_FIELDS.map((f) => {
        const box = boxOf(state.picked[f]);
        return box ? <Outline key={f} box={box} kind="pc-field" label={tr(`picker.field.${f}`)} /> : null;
      })}
      {state.custom.map((c) => {
        const box = boxOf(state.pickedCustom[c.name]);
        return box ? <Outline key={`custom-${c.name}`} box={box} kind="pc-field" label={c.name} /> : null;
      })}
      <section
        ref={panel}
        class={`pc-picker${collapsed ? ' pc-picker-collapsed' : ''}`}
        style={{
          position: 'fixed',
          ...cornerStyle(corner),
          zIndex: 2147483647,
          ...(drag ? { transform: `translate(${drag.dx}px, ${drag.dy}px)` } : {}),
        }}
        role="dialog"
        aria-label={tr('overlay.mapThisPage')}
        data-testid="pacer-picker"
        data-corner={corner}
      >
        <div class="pc-picker-bar">
          <button
            type="button"
            class="pc-icon-button pc-picker-grip"
            aria-label={tr('picker.move')}
            title={tr('picker.move')}
            data-testid="picker-move"
            onPointerDown={onGripDown}
            onPointerMove={onGripMove}
            onPointerUp={onGripUp}
            onPointerCancel={() => {
              dragFrom.current = null;
              setDrag(null);
            }}
            onKeyDown={onGripKey}
          >
            <GripIcon />
          </button>
          {/* Shrunk to a handle, the picker still says what to click. */}
          {collapsed ? step : <span class="pc-panel-title">{tr('app.name')}</span>}
          <button
            type="button"
            class="pc-icon-button"
            aria-expanded={!collapsed}
            aria-label={tr(collapsed ? 'picker.expand' : 'picker.collapse')}
            title={tr(collapsed ? 'picker.expand' : 'picker.collapse')}
            data-testid="picker-toggle"
            onClick={toggle}
          >
            <ChevronIcon up={collapsed} />
          </button>
        </div>
        {!collapsed && step}
        {!collapsed && (
          <>
            {!choosingItem && (
              <p class="pc-read-count" data-testid="picker-similar">
                {tr(itemCount === 1 ? 'picker.similar.one' : 'picker.similar.other', { count: itemCount })}
              </p>
            )}
            {(state.pending || (field && field !== 'name')) && (
              <p class="pc-read-count">{tr('picker.optional')}</p>
            )}
            {stale && <p class="pc-picker-error">{tr('picker.stale')}</p>}
            {state.error && (
              <p class="pc-picker-error" data-testid="picker-error">
                {tr(ERROR_KEYS[state.error])}
              </p>
            )}
            {nameLooksLikeNumber(state.picked.name?.textContent) && (
              <p class="pc-picker-error" data-testid="picker-name-warning">
                {tr('picker.nameLooksLikeNumber', {
                  text: (state.picked.name?.textContent ?? '').trim().slice(0, 40),
                })}
              </p>
            )}
            {!choosingItem && (
              <fieldset class="pc-picker-row pc-field-chips" aria-label={tr('picker.fields')}>
                {PICK_FIELDS.map((f) => (
                  <button
                    key={f}
                    type="button"
                    class={`pc-field-chip${state.fields[f] || (f === 'stage' && state.stageColumn) ? ' pc-mapped' : ''}`}
                    aria-pressed={f === field}
                    data-testid={`picker-field-${f}`}
                    onClick={() => setState((s) => askField(s, f))}
                  >
                    {tr(`picker.field.${f}`)}
                  </button>
                ))}
                {state.custom.map((c) => (
                  <button
                    key={`custom-${c.name}`}
                    type="button"
                    class="pc-field-chip pc-mapped"
                    aria-pressed={state.pending === c.name}
                    data-testid="picker-custom-chip"
                    onClick={() => setState((s) => addCustomField(s, c.name))}
                  >
                    {c.name}
                  </button>
                ))}
              </fieldset>
            )}
            {!choosingItem && (
              <form
                class="pc-picker-row pc-custom-field"
                onSubmit={(e) => {
                  e.preventDefault();
                  setState((s) => addCustomField(s, customName));
                  setCustomName('');
                }}
              >
                <label>
                  {tr('picker.custom.label')}{' '}
                  <input
                    type="text"
                    maxLength={40}
                    value={customName}
                    placeholder={tr('picker.custom.placeholder')}
                    data-testid="picker-custom-name"
                    onInput={(e) => setCustomName((e.currentTarget as HTMLInputElement).value)}
                  />
                </label>
                <button type="submit" class="pc-button" data-testid="picker-custom-add">
                  {tr('picker.custom.add')}
                </button>
              </form>
            )}
            {state.stageColumn && <p class="pc-read-count">{tr('picker.stageFromColumn')}</p>}
            <div class="pc-picker-row">
              <label>
                {tr('picker.objectType')}{' '}
                <select
                  value={state.objectType}
                  onChange={(e) =>
                    setState((s) => ({
                      ...s,
                      objectType: (e.currentTarget as HTMLSelectElement).value as PickerState['objectType'],
                    }))
                  }
                >
                  {(['deal', 'lead', 'contact', 'opportunity', 'company'] as const).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {preview && (
              <div data-testid="picker-preview">
                <p class="pc-read-count">{tr('overlay.panel.read.other', { count: preview.count })}</p>
                {/* The rows found and the records read differ ("22 similar rows", "21 records"): say why. */}
                {preview.items > preview.count && (
                  <p class="pc-read-count" data-testid="picker-unread">
                    {tr('picker.unread', { count: preview.items - preview.count, total: preview.items })}
                  </p>
                )}
                {preview.collapsed > 0 && (
                  <p class="pc-picker-error" data-testid="picker-collapsed">
                    {tr('picker.collapsed', { count: preview.collapsed + 1 })}
                  </p>
                )}
                {preview.rows.length === 0 ? (
                  <p class="pc-picker-error">{tr('picker.previewEmpty')}</p>
                ) : (
                  <table>
                    <thead>
                      <tr>
                        {columns.map((col, c) => (
                          <th key={c} scope="col">
                            {col.head}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.map((s, i) => (
                        <tr key={`${s.externalId}-${i}`}>
                          {columns.map((col, c) => (
                            <td key={c}>{col.cell(s)}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {preview.stages.length > 0 && (
                  <fieldset class="pc-outcomes" data-testid="picker-outcomes">
                    <legend>{tr('picker.outcomes')}</legend>
                    <p class="pc-read-count">{tr('picker.outcomes.hint')}</p>
                    {preview.stages.map((stage) => (
                      <label key={stage} class="pc-outcome">
                        <span>{stage}</span>
                        <select
                          value={markedOutcome(stage, state.outcomes ?? undefined) ?? outcomeByName(stage)}
                          data-stage={stage}
                          data-testid="picker-outcome"
                          onChange={(e) => {
                            const outcome = (e.currentTarget as HTMLSelectElement).value as StageOutcome;
                            setState((s) => markOutcome(s, stage, outcome));
                          }}
                        >
                          {OUTCOMES.map((o) => (
                            <option key={o} value={o}>
                              {tr(`picker.outcome.${o}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    ))}
                  </fieldset>
                )}
              </div>
            )}
            {built && !built.ok && <p class="pc-picker-error">{built.error}</p>}
            <div class="pc-picker-row pc-picker-actions">
              {!choosingItem && (
                <button
                  type="button"
                  class="pc-button"
                  data-testid="picker-undo"
                  onClick={() => setState(undoPick)}
                >
                  {tr('picker.undo')}
                </button>
              )}
              {(state.pending || (field && field !== 'name')) && (
                <button
                  type="button"
                  class="pc-button"
                  data-testid="picker-skip"
                  onClick={() => setState(skipField)}
                >
                  {tr('picker.skip')}
                </button>
              )}
              <button type="button" class="pc-button" data-testid="picker-cancel" onClick={onCancel}>
                {tr('picker.cancel')}
              </button>
              {canSave && (
                <button type="button" class="pc-button pc-primary" data-testid="picker-save" onClick={save}>
                  {tr('picker.save')}
                </button>
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
