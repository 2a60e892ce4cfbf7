import { ENTITY_IMPORT_LIMIT } from '../../lib/app/import-sinks';
import { importReason } from '../../lib/i18n/import-reasons';
import { needsChoice } from '../../lib/import/overlap';
import { tr } from '../app/session';
import {
  draft,
  failure,
  overlap,
  overlapChoice,
  phase,
  runImport,
  startOver,
  validation,
} from './import-model';
import { OverlapNotice } from './overlap-notice';

const focusFileInput = () => {
  startOver();
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.focus(),
  );
};

/** The whole-file check: counts, every bad row (the first 1000 listed), and what to do about them. */
export function ValidationReport() {
  const t = tr.value;
  const v = validation.value;
  const d = draft.value;
  if (!v || !d) return null;
  const tooLarge = d.kind !== 'kpi-series' && v.goodRows > ENTITY_IMPORT_LIMIT;
  // Days that already hold values: nothing is written until the user says what happens on them.
  const waiting = needsChoice(overlap.value) && overlapChoice.value === null;
  return (
    <div class="pi-step" data-testid="import-report">
      <h3>{t('csv.report')}</h3>
      <p data-testid="import-ready">{t.plural('rows.ready', v.rows, { good: v.goodRows })}</p>
      {v.duplicateRows > 0 && <p>{t.plural('rows.repeated', v.duplicateRows)}</p>}
      {v.sameDayRows > 0 && <p data-testid="import-same-day">{t.plural('rows.sameDay', v.sameDayRows)}</p>}
      {v.footerRows > 0 && (
        <p data-testid="import-footers">
          {t.plural('import.footer', v.footerRows, {
            rows: v.footers.map((f) => f.row).join(', '),
            text: v.footers[0]?.text ?? '',
          })}
        </p>
      )}
      <OverlapNotice />
      {v.mixedCurrencies.length > 1 && (
        <p role="alert" class="pc-error" data-testid="import-mixed-currencies">
          {t('import.mixedCurrencies', { currencies: v.mixedCurrencies.join(', ') })}
        </p>
      )}
      {tooLarge && (
        <p role="alert" class="pc-error" data-testid="import-too-large">
          {t('csv.tooLarge', { limit: ENTITY_IMPORT_LIMIT })}
        </p>
      )}
      {failure.value && (
        <p role="alert" class="pc-error">
          {t('csv.failed', { reason: failure.value })}
        </p>
      )}
      {v.badRows > 0 && (
        <>
          <p role="alert" class="pc-error" data-testid="import-bad-count">
            {t.plural('csv.reportBad', v.badRows)}
          </p>
          {v.errorsTruncated && (
            <p>{t('csv.report.shown', { shown: v.errors.length, total: v.errorCount })}</p>
          )}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable) */}
          <section class="pi-scroll pi-errors" tabIndex={0} aria-labelledby="pi-errors-caption">
            <table class="pi-table" data-testid="import-errors">
              <caption id="pi-errors-caption">{t.plural('import.errors', v.badRows)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('csv.preview.row')}</th>
                  <th scope="col">{t('csv.report.column')}</th>
                  <th scope="col">{t('csv.report.value')}</th>
                  <th scope="col">{t('csv.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {v.errors.map((e, i) => (
                  <tr key={i}>
                    <th scope="row">{e.row}</th>
                    <td>{e.column}</td>
                    <td>{e.value}</td>
                    <td>{importReason(e.reason, t.locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      {waiting && v.goodRows > 0 && (
        <p class="pc-muted" id="pi-overlap-wait" data-testid="import-overlap-wait">
          {t('overlap.chooseFirst')}
        </p>
      )}
      <div class="pc-row">
        {!tooLarge && v.badRows === 0 && v.goodRows > 0 && (
          <button
            type="button"
            class="primary"
            data-testid="import-start"
            disabled={waiting}
            aria-describedby={waiting ? 'pi-overlap-wait' : undefined}
            onClick={() => void runImport(false)}
          >
            {t.plural('rows.start', v.goodRows)}
          </button>
        )}
        {!tooLarge && v.badRows > 0 && v.goodRows > 0 && (
          <button
            type="button"
            data-testid="import-skip-bad"
            disabled={waiting}
            aria-describedby={waiting ? 'pi-overlap-wait' : undefined}
            onClick={() => void runImport(true)}
          >
            {t.plural('rows.skipBad', v.goodRows)}
          </button>
        )}
        {v.badRows > 0 && (
          <button type="button" data-testid="import-fix-file" onClick={focusFileInput}>
            {t('csv.fixFile')}
          </button>
        )}
        <button type="button" onClick={() => (phase.value = 'configure')}>
          {t('action.back')}
        </button>
        <button type="button" data-testid="import-report-cancel" onClick={startOver}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
