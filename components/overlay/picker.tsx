/**
 * The "map this page" picker: highlights what the pointer is over, takes the user's clicks on a row
 * or card and then its fields (lib/overlay/picker-session.ts turns them into selectors), previews
 * what the mapping reads, and saves it. While it is open, clicks on the page are captured so the CRM
 * does not navigate away; Escape or Cancel gives the page back untouched.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CrmMapping } from '../../lib/crm/mapping';
import { overlayTranslator } from '../../lib/i18n/messages-overlay';
import {
  buildMapping,
  chooseField,
  chooseItem,
  currentField,
  initialPicker,
  isComplete,
  type PickerState,
  previewMapping,
  skipField,
} from '../../lib/overlay/picker-session';
import type { Locale } from '../../lib/schema/common';

export interface PickerProps {
  locale: Locale;
  doc: Document;
  url: URL;
  /** The picker's own host element: events inside it are the picker's, not the page's. */
  host: Element;
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
] as const;

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const boxOf = (el: Element | null): Box | null => {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { top: r.top, left: r.left, width: r.width, height: r.height };
};

function pageTarget(event: Event, host: Element): Element | null {
  const first = event.composedPath()[0];
  if (!(first instanceof Element) || first === host || host.contains(first)) return null;
  // Inside the picker's own shadow root the path starts there: the host is on the path.
  return event.composedPath().includes(host) ? null : first;
}

export function Picker({ locale, doc, url, host, onSave, onCancel }: PickerProps) {
  const [state, setState] = useState<PickerState>(() => initialPicker());
  const [hover, setHover] = useState<Box | null>(null);
  const tr = overlayTranslator(locale);

  useEffect(() => {
    const view = doc.defaultView;
    if (!view) return;
    const move = (e: Event) => {
      try {
        setHover(boxOf(pageTarget(e, host)));
      } catch {
        // a detached node: nothing to highlight
      }
    };
    const block = (e: Event) => {
      const target = pageTarget(e, host);
      if (!target) return;
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
      if (e.type !== 'click') return;
      try {
        setState((s) =>
          s.fieldIndex < 0 ? chooseItem(s, target) : isComplete(s) ? s : chooseField(s, target),
        );
      } catch {
        setState((s) => ({ ...s, error: s.fieldIndex < 0 ? 'noItem' : 'notInItem' }));
      }
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    view.addEventListener('pointermove', move, true);
    for (const type of BLOCKED) view.addEventListener(type, block, true);
    view.addEventListener('keydown', key, true);
    return () => {
      view.removeEventListener('pointermove', move, true);
      for (const type of BLOCKED) view.removeEventListener(type, block, true);
      view.removeEventListener('keydown', key, true);
    };
  }, [doc, host, onCancel]);

  const field = currentField(state);
  const built = useMemo(
    () => (isComplete(state) ? buildMapping(state, url, Date.now()) : null),
    [state, url],
  );
  const preview = useMemo(
    () => (built?.ok ? previewMapping(built.mapping, doc, url) : null),
    [built, doc, url],
  );
  const chosen = boxOf(state.item);

  return (
    <div class="pc-overlay">
      {hover && (
        <div
          class="pc-highlight"
          style={{ top: hover.top, left: hover.left, width: hover.width, height: hover.height }}
        />
      )}
      {chosen && (
        <div
          class="pc-highlight pc-chosen"
          style={{ top: chosen.top, left: chosen.left, width: chosen.width, height: chosen.height }}
        />
      )}
      <section
        class="pc-picker"
        style={{ position: 'fixed', top: '12px', right: '12px', zIndex: 2147483647 }}
        role="dialog"
        aria-label={tr('overlay.mapThisPage')}
        data-testid="pacer-picker"
      >
        <h2 data-testid="picker-step">
          {state.fieldIndex < 0
            ? tr('picker.stepItem')
            : field
              ? tr('picker.stepField', { field: tr(`picker.field.${field}`) })
              : tr('picker.preview')}
        </h2>
        {field && field !== 'name' && <p class="pc-read-count">{tr('picker.optional')}</p>}
        {state.error && (
          <p class="pc-picker-error">{tr(state.error === 'noItem' ? 'picker.noItem' : 'picker.notInItem')}</p>
        )}
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
            {preview.rows.length === 0 ? (
              <p class="pc-picker-error">{tr('picker.previewEmpty')}</p>
            ) : (
              <table>
                <tbody>
                  {preview.rows.map((s) => (
                    <tr key={s.externalId}>
                      <td>{s.name}</td>
                      <td>{s.stage ?? ''}</td>
                      <td>{s.amount === undefined ? '' : `${s.amount} ${s.currency ?? ''}`}</td>
                      <td>{s.owner ?? ''}</td>
                      <td>{s.channel ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
        {built && !built.ok && <p class="pc-picker-error">{built.error}</p>}
        <div class="pc-picker-row">
          {state.fieldIndex >= 0 && (
            <button
              type="button"
              class="pc-button"
              onClick={() => setState(initialPicker(state.kind, state.objectType))}
            >
              {tr('picker.back')}
            </button>
          )}
          {field && field !== 'name' && (
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
          {built?.ok && preview && preview.count > 0 && (
            <button
              type="button"
              class="pc-button pc-primary"
              data-testid="picker-save"
              onClick={() => onSave(built.mapping)}
            >
              {tr('picker.save')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
