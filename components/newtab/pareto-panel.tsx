import { MIN_DEALS_FOR_TIERS } from '../../lib/app/ranked-deals';
import './pareto-panel.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildParetoView, type ParetoSubject, type ParetoView, paretoCsv } from '../../lib/app/pareto-view';
import { wholePercents } from '../../lib/app/whole-percents';
import {
  formatCompact,
  formatCurrency,
  formatDate,
  formatPercent,
  formatPoints,
} from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n/translate';
import type { Lead } from '../../lib/schema';
import { onChange } from '../../lib/storage/changes';
import { repository } from '../../lib/storage/repository';
import { getDb, settings, tr } from '../app/session';
import { downloadText } from '../shared/download';

/** Entries listed per tier on screen; the CSV export has them all. */
const LISTED = 50;

/**
 * Customers and deals ranked into the Pareto tiers the CRM badges show (model: lib/app/pareto-view.ts):
 * per tier the count, the share of value and their change since the month began, the list, and a CSV.
 */
export function ParetoPanel() {
  const t = tr.value;
  const s = settings.value;
  const [leads, setLeads] = useState<Lead[] | null>(null);
  const [subject, setSubject] = useState<ParetoSubject>('deals');
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const [exported, setExported] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const list = await repository(await getDb(), 'leads').list();
      if (live) setLeads(list);
    };
    void load().catch(() => live && setLeads([]));
    const stop = onChange((e) => {
      if (e.stores.includes('leads')) void load().catch(() => undefined);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const view = useMemo(
    () =>
      leads &&
      buildParetoView({
        leads,
        subject,
        currency,
        fallbackCurrency: s.currency,
        thresholds: s.paretoThresholds,
        timeZone: s.timeZone,
        now: Date.now(),
      }),
    [leads, subject, currency, s.currency, s.paretoThresholds, s.timeZone],
  );
  if (!view) return null;

  const exportCsv = () => {
    const file = `pacer-pareto-${subject}-${view.currency}-${new Date().toISOString().slice(0, 10)}.csv`;
    downloadText(file, paretoCsv(view), 'text/csv');
    setExported(file);
  };

  return (
    <section class="pc-widget pc-widget-pareto" aria-labelledby="w-pareto" data-widget="pareto">
      <div class="pc-widget-head">
        <h2 id="w-pareto">{t('pareto.title')}</h2>
        {view.total > 0 && (
          <div class="pc-row">
            <fieldset class="pc-segmented">
              <legend class="pc-visually-hidden">{t('pareto.subject')}</legend>
              {(['deals', 'customers'] as const).map((k) => (
                <label key={k}>
                  <input
                    type="radio"
                    name="pareto-subject"
                    value={k}
                    checked={subject === k}
                    onChange={() => setSubject(k)}
                  />
                  {t(k === 'deals' ? 'pareto.deals' : 'pareto.customers')}
                </label>
              ))}
            </fieldset>
            {view.currencies.length > 1 && (
              <label>
                {t('pareto.currency')}{' '}
                <select
                  name="pareto-currency"
                  value={view.currency}
                  onChange={(e) => setCurrency(e.currentTarget.value)}
                >
                  {view.currencies.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {view.dealCount >= MIN_DEALS_FOR_TIERS && (
              <button type="button" data-testid="pareto-export" onClick={exportCsv}>
                {t('pareto.export')}
              </button>
            )}
          </div>
        )}
      </div>
      {view.total <= 0 ? (
        <EmptyPareto t={t} />
      ) : view.dealCount < MIN_DEALS_FOR_TIERS ? (
        <p class="pc-muted" data-testid="pareto-too-few">
          {t('pareto.tooFew', {
            deals: t.plural('pareto.dealsOf', view.dealCount),
            currency: view.currency,
            min: String(MIN_DEALS_FOR_TIERS),
          })}
        </p>
      ) : (
        <ParetoBody view={view} t={t} />
      )}
      <p role="status" class="pc-muted">
        {exported && t('pareto.exported', { file: exported })}
      </p>
    </section>
  );
}

function EmptyPareto({ t }: { t: Translator }) {
  return (
    <p class="pc-muted" data-testid="pareto-empty">
      {t('pareto.empty')} <a href="/import.html">{t('pareto.importLink')}</a>
    </p>
  );
}

function ParetoBody({ view, t }: { view: ParetoView; t: Translator }) {
  const locale = t.locale;
  const s = settings.value;
  const pct = (f: number) => formatPercent(f, locale, { maximumFractionDigits: 0 });
  const money = (v: number) => formatCurrency(v, view.currency, locale);
  const since = formatDate(view.monthStart, locale, s.timeZone, 'medium');
  const range = (i: number) => {
    const to = pct(view.thresholds[i]!);
    return i === 0
      ? t('pareto.tierRange', { to })
      : t('pareto.tierRangeFrom', { from: pct(view.thresholds[i - 1]!), to });
  };
  const count = view.tiers.reduce((a, tier) => a + tier.count, 0);
  // The share column adds up to 100%, as a manager checks it (never 85 + 11 + 5).
  const shares = wholePercents(view.tiers.map((tier) => tier.share));
  const deals = (n: number) => t.plural('pareto.dealsOf', n);
  const noun = (n: number) => (view.subject === 'deals' ? deals(n) : t.plural('pareto.customersOf', n));
  return (
    <>
      <p class="pc-muted">
        {t('pareto.total', { value: formatCompact(view.total, locale, view.currency), count: noun(count) })} ·{' '}
        {t('pareto.note', { a: pct(view.thresholds[0]!) })}
      </p>
      <div class="pc-table-wrap">
        <table class="pc-table pc-pareto-table" data-testid="pareto-tiers">
          <thead>
            <tr>
              <th scope="col">{t('pareto.tier')}</th>
              <th scope="col" class="pc-num">
                {t('pareto.count')}
              </th>
              <th scope="col" class="pc-num">
                {t('pareto.share')}
              </th>
              <th scope="col" class="pc-num">
                {t('pareto.value')}
              </th>
              <th scope="col" class="pc-num">
                {t('pareto.sinceMonth', { date: since })}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.tiers.map((tier) => {
              const dCount = tier.count - tier.previousCount;
              const dShare = tier.share - tier.previousShare;
              const changes = [
                dCount === 0 ? null : `${dCount > 0 ? '+' : '−'}${Math.abs(dCount)}`,
                Math.abs(dShare) < 0.0005
                  ? null
                  : `${dShare > 0 ? '+' : '−'}${formatPoints(Math.abs(dShare) * 100, locale, 1)}`,
              ].filter(Boolean);
              return (
                <tr key={tier.tier} data-tier={tier.label}>
                  <th scope="row">
                    <span class={`pc-tier pc-tier-${tier.tier}`}>{tier.label}</span>{' '}
                    <span class="pc-muted">{range(tier.tier)}</span>
                  </th>
                  <td class="pc-num">{tier.count}</td>
                  <td class="pc-num">{pct((shares[tier.tier] ?? 0) / 100)}</td>
                  <td class="pc-num">{formatCompact(tier.value, locale, view.currency)}</td>
                  <td class="pc-num">{changes.length ? changes.join(' · ') : t('pareto.noChange')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.tiers
        .filter((tier) => tier.count > 0)
        .map((tier) => (
          <details key={tier.tier} class="pc-pareto-list" data-testid={`pareto-list-${tier.label}`}>
            <summary>{t('pareto.list', { count: noun(tier.count), tier: tier.label })}</summary>
            <ol>
              {tier.entries.slice(0, LISTED).map((e) => (
                <li key={e.id}>
                  <span class="pc-pareto-name">
                    {e.url ? (
                      <a href={e.url} target="_blank" rel="noopener noreferrer">
                        {e.name}
                      </a>
                    ) : (
                      e.name
                    )}
                    {view.subject === 'customers' && <span class="pc-muted"> · {deals(e.deals)}</span>}
                  </span>
                  <span class="pc-num">{money(e.value)}</span>
                  <span class="pc-num pc-muted">{formatPercent(e.share, locale)}</span>
                  <span class="pc-muted">
                    {e.previousLabel
                      ? t('pareto.onDate', { date: since, tier: e.previousLabel })
                      : t('pareto.newSince', { date: since })}
                  </span>
                </li>
              ))}
            </ol>
            {tier.entries.length > LISTED && (
              <p class="pc-muted">{t('pareto.more', { count: tier.entries.length - LISTED })}</p>
            )}
          </details>
        ))}
    </>
  );
}
