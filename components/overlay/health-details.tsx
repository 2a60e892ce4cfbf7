/**
 * "Details" under the health notice: the page kind, the reader in use (the adapter or the header-based
 * fallback), and per selector family whether it matched and how many elements, with "Copy as JSON" so
 * a user's "Pacer can't read this page" arrives with what support needs. Computed when opened, never
 * on every scan; the JSON holds selectors and counts only (lib/crm/diagnostics.ts).
 */
import { useState } from 'preact/hooks';
import { diagnosticsJson, type PageDiagnostics } from '../../lib/crm/diagnostics';
import { adaptersTranslator } from '../../lib/i18n/messages-crm-health';
import type { Locale } from '../../lib/schema/common';

export interface HealthDetailsProps {
  locale: Locale;
  /** The CRM's name as users know it ("HubSpot"). */
  crmLabel: string;
  diagnose(): PageDiagnostics | null;
  /** Copies text; defaults to the Clipboard API. */
  copy?(text: string): Promise<void>;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function HealthDetails({ locale, crmLabel, diagnose, copy }: HealthDetailsProps) {
  const t = adaptersTranslator(locale);
  const [report, setReport] = useState<PageDiagnostics | null>(null);
  const [copied, setCopied] = useState<CopyState>('idle');
  const open = report !== null;

  const toggle = () => {
    setCopied('idle');
    setReport(open ? null : diagnose());
  };
  const onCopy = () => {
    if (!report) return;
    const write = copy ?? ((text: string) => navigator.clipboard.writeText(text));
    write(diagnosticsJson(report)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div class="pc-health" data-testid="health-details">
      <div class="pc-health-actions">
        <button
          type="button"
          class="pc-button"
          aria-expanded={open}
          data-testid="health-toggle"
          onClick={toggle}
        >
          {t(open ? 'health.hideDetails' : 'health.details')}
        </button>
        {open && (
          <button type="button" class="pc-button" data-testid="health-copy" onClick={onCopy}>
            {t('health.copy')}
          </button>
        )}
      </div>
      {report && (
        <>
          <dl>
            <dt>{t('health.page')}</dt>
            <dd>{t(`health.kind.${report.page.kind}`)}</dd>
            <dt>{t('health.reader')}</dt>
            <dd data-testid="health-reader">
              {report.reader === 'adapter'
                ? t('health.reader.adapter', { crm: crmLabel })
                : t(report.reader === 'headers' ? 'health.reader.headers' : 'health.reader.none')}
            </dd>
            <dt>{t('health.items')}</dt>
            <dd data-testid="health-items">{report.items}</dd>
          </dl>
          {!report.verified && <p class="pc-health-note">{t('health.unverified')}</p>}
          <ul aria-label={t('health.families')} data-testid="health-families">
            {report.families.map((family) => (
              <li key={family.family}>
                <span>{family.family}</span>
                <FamilyCount family={family} missing={report.health.missing.includes(family.family)} t={t} />
              </li>
            ))}
          </ul>
          {report.page.kind === 'list' && (
            <p class="pc-health-note">
              {t('health.headerTables', { count: String(report.headerTables.length) })}
            </p>
          )}
          <p class="pc-health-note">{t('health.privacy')}</p>
          {copied === 'copied' && (
            <p class="pc-health-note" role="status">
              {t('health.copied')}
            </p>
          )}
          {copied === 'failed' && (
            <>
              <p class="pc-health-note" role="status">
                {t('health.copyFailed')}
              </p>
              <textarea readonly data-testid="health-json" value={diagnosticsJson(report)} />
            </>
          )}
        </>
      )}
    </div>
  );
}

/**
 * A family's count. Only the families the health check needs and misses are flagged: many others are
 * absent by design on a given page (the loading marker, record hooks on a list).
 */
function FamilyCount({
  family,
  missing,
  t,
}: {
  family: PageDiagnostics['families'][number];
  missing: boolean;
  t: ReturnType<typeof adaptersTranslator>;
}) {
  const counted = family.selectors.filter((s) => s.count !== null);
  if (counted.length === 0) return <span class="pc-health-note">{t('health.perRow')}</span>;
  const total = counted.reduce((sum, s) => sum + (s.count ?? 0), 0);
  return family.matched ? (
    <span>{t('health.found', { count: String(total) })}</span>
  ) : (
    <span class={missing ? 'pc-health-miss' : 'pc-health-note'} data-missing={missing || undefined}>
      {t('health.notFound')}
    </span>
  );
}
