import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatDayInWords } from '../../lib/i18n/format';
import {
  dayProblemText,
  dayReading,
  formatDayTyped,
  formatMonthTyped,
  isDayKey,
  isMonthKey,
  monthReading,
  parseDay,
  parseMonth,
} from '../../lib/i18n/parse-day';
import { t } from '../../lib/i18n/translate';
import type { Locale } from '../../lib/schema';

/** What the forms pass on to the field (FormField's a11y attributes among them). */
interface InputAttrs {
  max?: string;
  min?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
  /** A filter above a list (the values list's month) is not where a dialog's focus starts. */
  'data-no-first-focus'?: boolean;
}

type Kind = 'day' | 'month';

export interface CalendarFieldProps extends InputAttrs {
  id: string;
  kind: Kind;
  /** The form's reading of the field: a day ("2026-12-07") or month ("2026-12") key, '' or text to fix. */
  value: string;
  locale: Locale;
  /** The field's label, for the calendar button's name ("Deadline: choose on a calendar"). */
  label: string;
  onValue: (reading: string) => void;
  /** The popup's words are short (`Mon, Dec 7`), with the year only when it is not this one. */
  words?: { style: 'short'; thisYear: number };
}

/** The line beside a field: the day in words, or (once the user has left the field) what is wrong. */
export interface FieldNote {
  id: string;
  text: string;
  problem: boolean;
}

const shown = (kind: Kind, value: string, locale: Locale) =>
  kind === 'day'
    ? isDayKey(value)
      ? formatDayTyped(value, locale)
      : value
    : isMonthKey(value)
      ? formatMonthTyped(value, locale)
      : value;

let monthPickerType: 'month' | 'date' | null = null;
/** Firefox has no month picker (a `type="month"` input stays a text box): a day's picker stands in. */
function monthPicker(): 'month' | 'date' {
  if (!monthPickerType) {
    const probe = document.createElement('input');
    probe.setAttribute('type', 'month');
    monthPickerType = probe.type === 'month' ? 'month' : 'date';
  }
  return monthPickerType;
}

/**
 * A day or month typed in Pacer's language, with a calendar button. A browser's own date field writes
 * the day in the browser's order whatever the page's language: "12/07/2026" in an English Chrome, which
 * a Vietnamese reader takes for 12 July. So the field is text, read by lib/i18n/parse-day.ts (vi
 * 31/12/2026, en Dec 31, 2026), and the browser's picker opens from the button on a visually hidden
 * date input (`showPicker()`, Chromium and Firefox), the picked day written back in the UI's form.
 *
 * The form keeps the field's reading (see `dayReading`): a key, '', or the text as typed, so a wrong
 * day is neither lost nor saved, and the form's check names what is wrong when it is saved.
 */
export function useCalendarField(props: CalendarFieldProps): { control: VNode; note: FieldNote | null } {
  const { id, kind, value, locale, label, onValue, words, min, max, ...attrs } = props;
  const key = `${locale}|${value}`;
  // `key`: the reading (and language) the text stands for. When the form's value is another, the form
  // changed it itself (back to today after a save, Newest) and the field shows that one.
  const state = useRef<{ text: string; key: string; left: boolean } | null>(null);
  if (state.current?.key !== key) state.current = { text: shown(kind, value, locale), key, left: false };
  const current = state.current;
  const [, rerender] = useState(0);
  const setState = (next: { text: string; key: string; left: boolean }) => {
    state.current = next;
    rerender((n) => n + 1);
  };
  const picker = useRef<HTMLInputElement>(null);
  // A day without a year is the latest such day up to the field's last one (a log day's today);
  // a field without one asks for the year (lib/i18n/parse-day.ts).
  const reading = (text: string) => (kind === 'day' ? dayReading(text, locale, max) : monthReading(text));
  const type = (text: string, left: boolean) => {
    const next = reading(text);
    setState({ text, key: `${locale}|${next}`, left });
    onValue(next);
  };

  const read =
    kind === 'day' ? parseDay(current.text, locale, { min, max, latest: max }) : parseMonth(current.text);
  const day = read.ok && 'day' in read ? read.day : null;
  const problem = read.ok ? null : read.problem;
  const ranged = problem?.kind === 'tooEarly' || problem?.kind === 'tooLate' ? problem.day : null;
  const wordsOf = (d: string) => formatDayInWords(d, locale, words?.style ?? 'long', words?.thisYear);
  // The form's own error (FormField) wins: one message under a field, not two.
  const showProblem = problem && problem.kind !== 'empty' && current.left && !attrs['aria-invalid'];
  const noteId = `${id}-words`;
  const note: FieldNote | null = showProblem
    ? { id: noteId, text: dayProblemText(problem).text[locale], problem: true }
    : day || ranged
      ? { id: noteId, text: wordsOf((day ?? ranged) as string), problem: false }
      : null;
  const describedBy = [attrs['aria-describedby'], note ? noteId : null].filter(Boolean).join(' ');

  const pickerType = kind === 'day' ? 'date' : monthPicker();
  const key0 = read.ok ? ('day' in read ? read.day : read.month) : (ranged ?? '');
  const pickerValue = pickerType === 'date' && kind === 'month' && key0 ? `${key0}-01` : key0;
  const picked = (v: string) => {
    const next = kind === 'month' ? v.slice(0, 7) : v;
    if (next === (read.ok ? key0 : null)) return;
    type(shown(kind, next, locale), true);
  };
  const open = () => {
    const el = picker.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      // No showPicker (older browsers) or refused: a focused date input opens its picker with Alt+↓.
      el.focus();
    }
  };
  const calendar = t(locale, 'dayField.calendar', { field: label });
  // Where a day may be typed without its year, the field's tooltip says which one it is.
  const yearless = kind === 'day' && max ? t(locale, 'dayField.yearlessHint') : undefined;

  const control = (
    <span class="pc-date-field">
      <input
        {...attrs}
        id={id}
        type="text"
        class="pc-date-text"
        autoComplete="off"
        spellcheck={false}
        placeholder={t(locale, kind === 'day' ? 'dayField.placeholder' : 'monthField.placeholder')}
        title={yearless}
        value={current.text}
        onInput={(e) => type(e.currentTarget.value, false)}
        onBlur={(e) => {
          const text = e.currentTarget.value;
          const next = reading(text);
          // A day that reads is written back the way the UI writes it: "7/12/26" becomes 07/12/2026.
          const tidy = next && !isDayKey(next) && !isMonthKey(next) ? text : shown(kind, next, locale);
          setState({ text: tidy, key: `${locale}|${next}`, left: true });
        }}
        onKeyDown={(e) => {
          // Alt+↓ opens a browser's date picker; the same here.
          if (e.altKey && e.key === 'ArrowDown') {
            e.preventDefault();
            open();
          }
        }}
        aria-invalid={attrs['aria-invalid'] || (showProblem ? true : undefined)}
        aria-describedby={describedBy || undefined}
      />
      <button type="button" class="pc-calendar-button" aria-label={calendar} title={calendar} onClick={open}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            fill="none"
            stroke="currentColor"
            stroke-width="1.4"
            d="M2.7 3.7h10.6v9.6H2.7zM2.7 6.7h10.6M5.3 2v3.2M10.7 2v3.2"
          />
        </svg>
      </button>
      <input
        ref={picker}
        type={pickerType}
        class="pc-picker-anchor"
        tabIndex={-1}
        data-no-first-focus
        aria-hidden="true"
        aria-label={calendar}
        value={pickerValue}
        min={kind === 'day' ? min : undefined}
        max={kind === 'day' ? max : undefined}
        onInput={(e) => picked(e.currentTarget.value)}
        onChange={(e) => picked(e.currentTarget.value)}
      />
    </span>
  );
  return { control, note };
}

function Note({ note }: { note: FieldNote | null }) {
  if (!note) return null;
  return (
    <span
      id={note.id}
      class={note.problem ? 'pc-day-words pc-day-problem' : 'pc-day-words'}
      data-testid={note.problem ? 'day-problem' : 'day-words'}
    >
      {note.text}
    </span>
  );
}

/** A day field for the forms: typed in the UI's language, the day in words beneath it. */
export function DayInput({
  onDay,
  ...props
}: InputAttrs & { id: string; value: string; locale: Locale; label: string; onDay: (day: string) => void }) {
  const { control, note } = useCalendarField({ ...props, kind: 'day', onValue: onDay });
  return (
    <>
      {control}
      <Note note={note} />
    </>
  );
}

export { Note as FieldNoteLine };
