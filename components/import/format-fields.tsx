import type { MessageKey } from '../../lib/i18n/translate';
import type { LeadObjectType } from '../../lib/import/column-aliases';
import { DATE_FORMATS, NUMBER_FORMATS } from '../../lib/import/formats';
import type { SpendPeriod } from '../../lib/import/plan';
import { tr } from '../app/session';
import { currencyChoices } from '../shared/currency-choices';
import { CrmTargetFields } from './crm-target-fields';
import type { PreviewRow } from './import-draft';
import { draft, updateDraft } from './import-model';

const OBJECT_TYPES: LeadObjectType[] = [
  'contact',
  'company',
  'deal',
  'lead',
  'account',
  'opportunity',
  'person',
];
const PERIODS: SpendPeriod[] = ['day', 'week', 'month'];

/** Date and number formats (a confirmation box when the sample reads both ways) and per-kind extras. */
export function FormatFields({ rows }: { rows: PreviewRow[] | null }) {
  const t = tr.value;
  const d = draft.value;
  if (!d) return null;
  const ambiguous = d.dateAmbiguous || d.numberAmbiguous;
  const currencies = currencyChoices(d.currency);
  return (
    <fieldset class="pc-form-grid" data-testid="import-formats">
      <legend>{t('csv.formats')}</legend>
      <label>
        {t('csv.dateFormat')}
        <select
          value={d.dateFormat}
          data-testid="import-date-format"
          onChange={(e) => updateDraft({ dateFormat: e.currentTarget.value as typeof d.dateFormat })}
        >
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f === 'excel-serial' ? 'Excel (45292)' : f}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('csv.numberFormat')}
        <select
          value={d.numberFormat}
          data-testid="import-number-format"
          onChange={(e) => updateDraft({ numberFormat: e.currentTarget.value as typeof d.numberFormat })}
        >
          {NUMBER_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      {d.kind !== 'kpi-series' && (
        <label>
          {t('csv.currency')}
          <select value={d.currency} onChange={(e) => updateDraft({ currency: e.currentTarget.value })}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      {d.kind === 'channel-spend' && d.mapping.periodEnd === undefined && (
        <label>
          {t('csv.spendPeriod')}
          <select
            value={d.spendPeriod}
            onChange={(e) => updateDraft({ spendPeriod: e.currentTarget.value as SpendPeriod })}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`csv.period.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      )}
      {d.kind === 'leads' && (
        <>
          <CrmTargetFields rows={rows} />
          <label>
            {t('csv.objectType')}
            <select
              value={d.objectType}
              onChange={(e) => updateDraft({ objectType: e.currentTarget.value as LeadObjectType })}
            >
              {OBJECT_TYPES.map((o) => (
                <option key={o} value={o}>
                  {t(`csv.object.${o}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {ambiguous && (
        <fieldset class="pi-confirm">
          <legend class="pc-visually-hidden">{t('csv.formats')}</legend>
          {d.dateAmbiguous && <p>{t('csv.dateAmbiguous')}</p>}
          {d.numberAmbiguous && <p>{t('csv.numberAmbiguous')}</p>}
          <label class="pi-check">
            <input
              type="checkbox"
              checked={d.formatsConfirmed}
              data-testid="import-confirm-formats"
              onChange={(e) => updateDraft({ formatsConfirmed: e.currentTarget.checked })}
            />
            {t('csv.confirmFormats')}
          </label>
        </fieldset>
      )}
    </fieldset>
  );
}
