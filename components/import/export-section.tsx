import { useState } from 'preact/hooks';
import { checkInsToCsv, leadsToCsv, observationsToCsv } from '../../lib/export/csv-export';
import { localizedName } from '../../lib/i18n/translate';
import { readAllObservations } from '../../lib/storage/observations';
import { repository } from '../../lib/storage/repository';
import { yourValues } from '../../lib/team/whose-values';
import { getDb, tr } from '../app/session';
import { downloadText } from '../shared/download';
import { metrics } from './import-model';

type Separator = ',' | ';' | '\t';

/** A file name from a title: "Doanh thu (VND)" → "doanh-thu-vnd". */
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'series';

/** KPI series, check-ins and leads to CSV; a BOM so Excel reads Vietnamese text right. */
export function ExportSection() {
  const t = tr.value;
  const [metricId, setMetricId] = useState('');
  const [delimiter, setDelimiter] = useState<Separator>(t.locale === 'vi' ? ';' : ',');
  const [status, setStatus] = useState<string | null>(null);
  const chosen = metrics.value.find((m) => m.id === metricId) ?? metrics.value[0];
  // Excel where ';' separates cells also reads a decimal comma (a Vietnamese Windows).
  const options = { bom: true, delimiter, decimalComma: delimiter === ';' };
  const today = new Date().toISOString().slice(0, 10);

  const save = (name: string, csv: string, count: number) => {
    if (count === 0) {
      setStatus(t('csv.nothingToExport'));
      return;
    }
    const file = `pacer-${name}-${today}.csv`;
    downloadText(file, csv, 'text/csv');
    setStatus(t.plural('rows.exported', count, { file }));
  };

  const exportSeries = async () => {
    if (!chosen) return;
    // Your values: teammates' numbers are theirs to export (lib/team/whose-values.ts).
    const rows = yourValues(await readAllObservations(await getDb(), chosen.id));
    const name = localizedName(chosen, t.locale);
    save(slug(name), observationsToCsv(rows, { ...options, metricName: () => name }), rows.length);
  };
  const exportCheckIns = async () => {
    const db = await getDb();
    const [checkIns, goals] = await Promise.all([
      repository(db, 'checkIns').list(),
      repository(db, 'goals').list(),
    ]);
    const titles = new Map(goals.map((g) => [g.id, localizedName(g, t.locale)]));
    checkIns.sort((a, b) => a.time - b.time);
    save(
      'check-ins',
      checkInsToCsv(checkIns, { ...options, goalTitle: (id) => titles.get(id) }),
      checkIns.length,
    );
  };
  const exportLeads = async () => {
    const leads = await repository(await getDb(), 'leads').list();
    leads.sort((a, b) => a.firstSeen - b.firstSeen);
    save('leads', leadsToCsv(leads, options), leads.length);
  };

  return (
    <section class="pc-card" aria-labelledby="pi-export-h" data-testid="export-section">
      <h2 id="pi-export-h">{t('csv.exportTitle')}</h2>
      <div class="pc-form-grid">
        <label>
          {t('field.metric')}
          <select
            value={chosen?.id ?? ''}
            disabled={metrics.value.length === 0}
            data-testid="export-metric"
            onChange={(e) => setMetricId(e.currentTarget.value)}
          >
            {metrics.value.map((m) => (
              <option key={m.id} value={m.id}>
                {localizedName(m, t.locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('csv.exportDelimiter')}
          <select value={delimiter} onChange={(e) => setDelimiter(e.currentTarget.value as Separator)}>
            <option value=",">{t('csv.delimiter.comma')}</option>
            <option value=";">{t('csv.delimiter.semicolon')}</option>
            <option value={'\t'}>{t('csv.delimiter.tab')}</option>
          </select>
        </label>
      </div>
      <div class="pc-row pi-export-buttons">
        <button
          type="button"
          disabled={!chosen}
          data-testid="export-series"
          onClick={() => void exportSeries()}
        >
          {t('csv.exportSeries')}
        </button>
        <button type="button" data-testid="export-check-ins" onClick={() => void exportCheckIns()}>
          {t('csv.exportCheckIns')}
        </button>
        <button type="button" data-testid="export-leads" onClick={() => void exportLeads()}>
          {t('csv.exportLeads')}
        </button>
      </div>
      {status && (
        <p role="status" data-testid="export-status">
          {status}
        </p>
      )}
    </section>
  );
}
