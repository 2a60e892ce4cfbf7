import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatNumber } from '../../lib/i18n/format';
import type { Locale } from '../../lib/schema';

/**
 * A file field in the page's own words: a button, and beside it the file chosen or "No file chosen
 * yet". The native input is visually hidden but is still the label's control (Tab reaches it, Enter
 * opens the picker, the focus ring shows on the button). The browser's own "Choose File" (English in
 * a Vietnamese page) and "No file selected." (Firefox, once the input is cleared so the same file can
 * be chosen again) had contradicted the file the page named.
 */
export function FileField(p: {
  /** The button's words: what to choose ("Choose a backup file (JSON)"). */
  button: string;
  accept: string;
  /** The file chosen, in the page's words, or what to say when there is none. */
  status: ComponentChildren;
  chosen: boolean;
  disabled?: boolean;
  testId: string;
  statusTestId?: string;
  onFile(file: File | undefined): void;
}) {
  const statusId = useId();
  return (
    <div class="pc-file-row">
      <label class={`pc-file-pick${p.disabled ? ' pc-file-busy' : ''}`}>
        <input
          type="file"
          class="pc-visually-hidden"
          accept={p.accept}
          disabled={p.disabled}
          aria-describedby={statusId}
          data-testid={p.testId}
          onChange={(e) => {
            const input = e.currentTarget;
            const chosen = input.files?.[0];
            // Cleared so that choosing the same file again fires `change` again.
            input.value = '';
            p.onFile(chosen);
          }}
        />
        <span class="pc-button pc-file-button" data-testid={`${p.testId}-button`}>
          {p.button}
        </span>
      </label>
      <p
        id={statusId}
        class={p.chosen ? 'pc-file-status' : 'pc-file-status pc-file-none'}
        data-testid={p.statusTestId}
      >
        {p.status}
      </p>
    </div>
  );
}

/** "12.4 KB", "1.2 MB" (vi "12,4 KB"): a file's size beside its name. */
export const fileSize = (bytes: number, locale: Locale): string =>
  bytes < 1_000_000
    ? `${formatNumber(Math.max(0.1, bytes / 1000), locale, { maximumFractionDigits: 1 })} KB`
    : `${formatNumber(bytes / 1_000_000, locale, { maximumFractionDigits: 1 })} MB`;
