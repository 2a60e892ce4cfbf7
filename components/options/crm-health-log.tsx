/** The pages Pacer could not read: which CRM, which page, when; cleared by the user. */
import { formatDate } from '../../lib/i18n/format';
import type { HealthRecord } from '../../lib/overlay/stored';
import { settings, tr } from '../app/session';
import { clearHealth } from './crm-browser';

export function CrmHealthLog({ records }: { records: HealthRecord[] }) {
  const t = tr.value;
  const { locale, timeZone } = settings.value;
  return (
    <div data-testid="crm-health">
      <h3>{t('crm.health.title')}</h3>
      {records.length === 0 ? (
        <p class="pc-muted">{t('crm.health.none')}</p>
      ) : (
        <>
          <ul>
            {records.map((r) => (
              <li key={`${r.crm}-${r.url}-${r.at}`} data-testid="crm-health-record">
                {t('overlay.cantRead')}: <strong>{r.crm}</strong> · {r.pageKind} · <code>{r.url}</code> ·{' '}
                {formatDate(r.at, locale, timeZone, 'dateTime')}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void clearHealth()}>
            {t('crm.health.clear')}
          </button>
        </>
      )}
    </div>
  );
}
