import { importReason } from '../../lib/i18n/import-reasons';
import { settings, tr } from '../app/session';
import { fieldsOf, type PreviewRow } from './import-draft';
import { draft, targetMetric } from './import-model';
import { fieldLabel } from './labels';
import { previewValue } from './preview-value';

/** The first sample rows read with the current choices: parsed values, or why a row fails. */
export function PreviewTable({ rows }: { rows: PreviewRow[] | null }) {
  const t = tr.value;
  const d = draft.value;
  if (!d) return null;
  if (!rows) return <p data-testid="import-preview-none">{t('csv.preview.none')}</p>;
  const fields = fieldsOf(d.kind).filter((f) => d.mapping[f] !== undefined);
  const tz = settings.value.timeZone;
  const unit = targetMetric.value?.unit;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable)
    <section class="pi-scroll" tabIndex={0} aria-labelledby="pi-preview-caption">
      <table class="pi-table" data-testid="import-preview">
        <caption id="pi-preview-caption">{t.plural('rows.preview', rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csv.preview.row')}</th>
            {fields.map((f) => (
              <th key={f} scope="col">
                {fieldLabel(t, f)}
              </th>
            ))}
            <th scope="col">{t('csv.preview.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.row} class={p.status === 'bad' ? 'pi-bad' : undefined}>
              <th scope="row">{p.row}</th>
              {fields.map((f) => {
                const raw = p.cells[d.mapping[f] ?? -1] ?? '';
                return <td key={f}>{p.record ? previewValue(t, f, p.record, raw, tz, unit) : raw}</td>;
              })}
              <td class="pc-error">
                {p.status === 'bad'
                  ? p.errors.map((e) => `${e.column}: ${importReason(e.reason, t.locale)}`).join('; ')
                  : p.status === 'repeated'
                    ? t('csv.preview.repeated')
                    : p.status === 'footer'
                      ? t('csv.preview.footer')
                      : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
