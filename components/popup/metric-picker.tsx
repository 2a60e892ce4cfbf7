import { useMemo, useRef, useState } from 'preact/hooks';
import { localizedName, type Translator } from '../../lib/i18n/translate';
import { rankMetrics } from '../../lib/popup/metric-search';
import type { RecentUse } from '../../lib/popup/recent-metrics';
import type { Metric } from '../../lib/schema';

interface Props {
  metrics: Metric[];
  recent: RecentUse[];
  selected: Metric | null;
  /** A KPI picked from the list, or null once the user types over the one chosen. */
  onSelect: (m: Metric | null) => void;
  t: Translator;
  autoFocus?: boolean;
}

/**
 * KPI type-ahead: an ARIA 1.2 combobox. Arrow keys move through the list, Enter picks (and does not
 * submit the form), Escape closes. It opens on a click, on typing or on ↓ (not on focus alone);
 * with nothing typed, recently used KPIs come first. Typing over a chosen KPI unchooses it: the text
 * in the field is what will be saved to, never a KPI the field no longer shows ("Marketing spend"
 * typed over "Conversion rate" had saved 40% to Conversion rate).
 */
export function MetricPicker({ metrics, recent, selected, onSelect, t, autoFocus }: Props) {
  const [query, setQuery] = useState(selected ? '' : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The list closes a moment after the field loses focus (so a click on an option lands); focus
  // coming back before then must not be closed by that stale timer.
  const closing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelClose = () => {
    if (closing.current) clearTimeout(closing.current);
    closing.current = null;
  };
  const ranked = useMemo(
    () => rankMetrics(metrics, query, recent, t.locale, 8),
    [metrics, query, recent, t.locale],
  );
  // The chosen KPI in the UI's language even when the last query ranks it out of the list ("Số đơn
  // hàng", not its English name "Orders").
  const shownText = open || !selected ? query : localizedName(selected, t.locale);

  const pick = (m: Metric) => {
    onSelect(m);
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // The first ↓ opens the list on its first option; the next ones move down.
      if (!open) setActive(0);
      else setActive((a) => Math.min(a + 1, ranked.length - 1));
      setOpen(true);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open) {
      const choice = ranked[active];
      if (choice) {
        e.preventDefault();
        pick(choice.metric);
        // Straight on to the value: the fastest path is type, Enter, type, Enter.
        (document.getElementById('ql-value') as HTMLInputElement | null)?.focus();
      }
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const activeId = open && ranked[active] ? `ql-opt-${ranked[active].metric.id}` : undefined;
  return (
    <div class="pp-combo">
      <label for="ql-metric">{t('field.metric')}</label>
      <input
        id="ql-metric"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="ql-metric-list"
        aria-activedescendant={activeId}
        placeholder={t('popup.metricPlaceholder')}
        value={shownText}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to log a value; focus starts where typing does
        autoFocus={autoFocus}
        // Focus alone does not open the list: the popup focuses this field as it opens, and a list
        // open from the start covered the value and date fields. A click, typing or ↓ opens it.
        onFocus={cancelClose}
        onClick={() => {
          cancelClose();
          setOpen(true);
        }}
        onBlur={() => {
          cancelClose();
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onInput={(e) => {
          cancelClose();
          if (selected) onSelect(null);
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        data-testid="metric-input"
      />
      {open && (
        <div id="ql-metric-list" role="listbox" class="pp-options" aria-label={t('popup.pickMetric')}>
          {ranked.length === 0 && (
            <p class="pp-empty">
              {metrics.length === 0 ? t('popup.noMetrics') : t('popup.noMatch', { query })}
            </p>
          )}
          {ranked.map((r, i) => (
            <div
              key={r.metric.id}
              id={`ql-opt-${r.metric.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'pp-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(r.metric);
              }}
              data-testid="metric-option"
            >
              <span>{r.label}</span>
              {r.recentAt !== null && <span class="pp-muted">{t('popup.recent')}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
