import type { PasteResult } from '../../../lib/app/paste-values';
import type { Translator } from '../../../lib/i18n/translate';
import { say } from './form-field';

/** Rows shown in the preview table; the rest are summarised so a long paste keeps the dialog usable. */
const SHOWN = 50;

/** What a pasted column will save (line, date, value), and every line that cannot be saved. */
export function PastePreview({
  result,
  format,
  formatDay,
  question,
  t,
}: {
  result: PasteResult;
  format: (v: number) => string;
  /** The quick log's question for an odd value ("-3? This KPI counts things…"), shown on its row. */
  question: (v: number) => string | null;
  formatDay: (ms: number) => string;
  t: Translator;
}) {
  return (
    <div class="pc-paste-preview">
      {result.problems.length > 0 && (
        <ul class="pc-paste-problems pc-error" aria-live="polite" data-testid="paste-problems">
          {result.problems.map((p) => (
            <li key={p.line}>
              {t('entry.lineError', { line: String(p.line), message: say(t, p.message) ?? '' })}
            </li>
          ))}
        </ul>
      )}
      {result.headerSkipped && <p class="pc-muted">{t('entry.headerSkipped')}</p>}
      {result.rows.length > 0 && (
        <table class="pc-table" data-testid="paste-preview">
          <caption>{t.plural('entry.previewCaption', result.rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('entry.line')}</th>
              <th scope="col">{t('popup.date')}</th>
              <th scope="col" class="pc-num">
                {t('popup.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.slice(0, SHOWN).map((r) => (
              <tr key={r.line} class={r.odd ? 'pc-odd-row' : undefined} data-odd={r.odd || undefined}>
                <td>{String(r.line)}</td>
                <td>{formatDay(r.time)}</td>
                <td class="pc-num">
                  {format(r.value)}
                  {r.odd && (
                    <span class="pc-odd-note" data-testid="paste-odd">
                      {question(r.value)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.rows.length > SHOWN && (
        <p class="pc-muted">{t('entry.more', { count: result.rows.length - SHOWN })}</p>
      )}
    </div>
  );
}
