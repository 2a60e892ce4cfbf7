import { useEffect, useState } from 'preact/hooks';
import type { Apart } from '../../lib/crm/exchange';
import { formatCurrency, formatNumber } from '../../lib/i18n/format';
import { parseNumber } from '../../lib/import/formats';
import { CRM_METRIC, deriveLeadKpis } from '../../lib/overlay/kpi-series';
import { ExchangeRate, type Settings } from '../../lib/schema';
import { onChange } from '../../lib/storage/changes';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, tr, updateSettings } from '../app/session';

/**
 * Settings → exchange rates: "1 USD = 25,400 VND", given by the user (Pacer fetches nothing). CRM
 * money KPIs count deals of other currencies with these rates; without one they are listed here,
 * apart, in their own currency — never added to the total.
 */
export function ExchangeRatesField() {
  const t = tr.value;
  const s = settings.value;
  const [from, setFrom] = useState('USD');
  const [rateText, setRateText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apart = useApart(s);
  const to = s.currency;
  const numberFormat = s.locale === 'vi' ? '1.234,5' : '1,234.5';

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const code = from.trim().toUpperCase();
    const parsed = parseNumber(rateText, numberFormat);
    if (!parsed.ok) return setError(t('crmdata.rates.notNumber', { text: rateText }));
    const candidate = ExchangeRate.safeParse({ from: code, to, rate: parsed.value });
    if (!candidate.success) {
      const field = String(candidate.error.issues[0]?.path[0] ?? '');
      return setError(
        field === 'from'
          ? t('crmdata.rates.badCode', { code })
          : field === 'rate'
            ? t('crmdata.rates.notPositive')
            : t('crmdata.rates.same', { code }),
      );
    }
    const others = s.exchangeRates.filter(
      (r) => !((r.from === code && r.to === to) || (r.from === to && r.to === code)),
    );
    await updateSettings({ exchangeRates: [...others, candidate.data] });
    setRateText('');
  };
  const remove = (i: number) => updateSettings({ exchangeRates: s.exchangeRates.filter((_, j) => j !== i) });

  return (
    <form onSubmit={add} data-testid="exchange-rates">
      <fieldset class="pc-form-grid">
        <legend>{t('crmdata.rates')}</legend>
        <p class="pc-muted" style={{ gridColumn: '1 / -1', margin: 0 }}>
          {t('crmdata.rates.hint', { currency: to })}
        </p>
        {s.exchangeRates.length > 0 && (
          <ul class="pc-rate-list" style={{ gridColumn: '1 / -1' }} data-testid="exchange-rate-list">
            {s.exchangeRates.map((r, i) => (
              <li key={`${r.from}-${r.to}`}>
                <span>
                  1 {r.from} = {formatNumber(r.rate, s.locale, { maximumFractionDigits: 6 })} {r.to}
                </span>{' '}
                <button
                  type="button"
                  aria-label={t('crmdata.rates.remove', { from: r.from, to: r.to })}
                  onClick={() => void remove(i)}
                >
                  {t('crmdata.rates.removeShort')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label>
          {t('crmdata.rates.from')}
          <input
            name="rateFrom"
            value={from}
            maxLength={3}
            autocapitalize="characters"
            spellcheck={false}
            onInput={(e) => setFrom(e.currentTarget.value.toUpperCase())}
          />
        </label>
        <label>
          {t('crmdata.rates.rate', { from: from.trim().toUpperCase() || '…', to })}
          <input
            name="rate"
            value={rateText}
            inputMode="decimal"
            placeholder={s.locale === 'vi' ? '25.400' : '25,400'}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => {
              setRateText(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <div>
          <button type="submit" disabled={rateText.trim() === ''}>
            {t('crmdata.rates.add')}
          </button>
        </div>
        {error && (
          <p role="alert" class="pc-error" style={{ gridColumn: '1 / -1', margin: 0 }}>
            {error}
          </p>
        )}
        {(['pipeline', 'won'] as const).map((which) => {
          const list = apart[which];
          if (list.length === 0) return null;
          return (
            <p
              key={which}
              class="pc-apart"
              style={{ gridColumn: '1 / -1', margin: 0 }}
              data-testid={`exchange-apart-${which}`}
            >
              {t(`crmdata.rates.apart.${which}`, {
                currency: to,
                list: list
                  .map((a) =>
                    t(a.count === 1 ? 'crmdata.rates.apartItem.one' : 'crmdata.rates.apartItem.other', {
                      amount: formatCurrency(a.amount, a.currency, s.locale),
                      count: a.count,
                    }),
                  )
                  .join('; '),
              })}
            </p>
          );
        })}
      </fieldset>
    </form>
  );
}

/** Amounts no rate converts, per currency: what the CRM money metrics leave out. */
function useApart(s: Settings): { pipeline: Apart[]; won: Apart[] } {
  const [apart, setApart] = useState<{ pipeline: Apart[]; won: Apart[] }>({ pipeline: [], won: [] });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const leads = await repository(await getDb(), 'leads').list();
      const { apart: left } = deriveLeadKpis(leads, {
        timeZone: s.timeZone,
        currency: s.currency,
        rates: s.exchangeRates,
        now: Date.now(),
      });
      if (!live) return;
      setApart({
        pipeline: left.filter((a) => a.metricId === CRM_METRIC.pipelineValue),
        won: left.filter((a) => a.metricId === CRM_METRIC.dealsWonValue),
      });
    };
    void load();
    const stop = onChange((e) => {
      if (e.stores.includes('leads')) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [s.currency, s.exchangeRates, s.timeZone]);
  return apart;
}
