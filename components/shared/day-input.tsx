import { formatDayInWords } from '../../lib/i18n/format';
import type { Locale } from '../../lib/schema';

/** What the forms pass on to the field (FormField's a11y attributes among them). */
interface InputAttrs {
  max?: string;
  min?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

/**
 * A browser date field with the chosen day in words beneath it, in the page's language. The field
 * writes the day in the browser's own order ("12/07/2026" in an English browser), which a Vietnamese
 * reader takes for 12 July; "Thứ Hai, 7 tháng 12, 2026" beside it says which day will be saved.
 */
export function DayInput({
  value,
  locale,
  onDay,
  id,
  ...attrs
}: InputAttrs & { id: string; value: string; locale: Locale; onDay: (day: string) => void }) {
  const words = formatDayInWords(value, locale);
  const wordsId = `${id}-words`;
  const describedBy = [attrs['aria-describedby'], words ? wordsId : null].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...attrs}
        id={id}
        type="date"
        value={value}
        onInput={(e) => onDay(e.currentTarget.value)}
        aria-describedby={describedBy || undefined}
      />
      {words && (
        <span id={wordsId} class="pc-day-words" data-testid="day-words">
          {words}
        </span>
      )}
    </>
  );
}
