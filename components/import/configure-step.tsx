import { useMemo } from 'preact/hooks';
import { usesFallbackIdentity } from '../../lib/import/column-aliases';
import { repeatedHeaders } from '../../lib/import/header-check';
import { settings, tr } from '../app/session';
import { crmTargetProblems } from './crm-target-fields';
import { FormatFields } from './format-fields';
import { missingFields, needsConfirmation, previewRows } from './import-draft';
import { draft, failure, layout, percentScale, startOver, validate } from './import-model';
import { fieldLabel } from './labels';
import { LayoutFields } from './layout-fields';
import { MappingTable } from './mapping-table';
import { MetricTarget, metricChosen } from './metric-target';
import { PreviewTable } from './preview-table';

/** Everything the user confirms before the whole file is checked. */
export function ConfigureStep() {
  const t = tr.value;
  const d = draft.value;
  const l = layout.value;
  const tz = settings.value.timeZone;
  const scale = percentScale.value;
  const rows = useMemo(() => (d && l ? previewRows(d, l, tz, scale) : null), [d, l, tz, scale]);
  if (!d || !l) return null;
  const missing = missingFields(d);
  const problems: string[] = [];
  if (missing.length > 0)
    problems.push(t('csv.missing', { fields: missing.map((f) => fieldLabel(t, f)).join(', ') }));
  if (!metricChosen()) problems.push(t('csv.metric.missing'));
  problems.push(...crmTargetProblems(d));
  const notes = repeatedHeaders(l.hasHeader ? l.headers : []).map((r) =>
    t('import.repeatedHeader', { header: r.header, columns: r.columns.join(', ') }),
  );
  if (usesFallbackIdentity(d.kind, d.mapping)) notes.push(t('import.fallbackIdentity'));
  const blocked = problems.length > 0 || needsConfirmation(d);
  return (
    <div class="pi-step" data-testid="import-configure">
      {notes.length > 0 && (
        <ul class="pi-notes" data-testid="import-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <LayoutFields />
      <MappingTable />
      <FormatFields rows={rows} />
      <MetricTarget />
      <PreviewTable rows={rows} />
      {problems.length > 0 && (
        <ul class="pc-error" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {failure.value && (
        <p role="alert" class="pc-error">
          {t('csv.failed', { reason: failure.value })}
        </p>
      )}
      <div class="pc-row">
        <button
          type="button"
          class="primary"
          disabled={blocked}
          data-testid="import-validate"
          onClick={() => void validate()}
        >
          {t('csv.validate')}
        </button>
        <button type="button" onClick={startOver}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
