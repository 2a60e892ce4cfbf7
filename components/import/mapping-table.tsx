import { requiredFields } from '../../lib/import/column-aliases';
import { tr } from '../app/session';
import { fieldsOf, remap } from './import-draft';
import { draft, layout, updateDraft } from './import-model';
import { fieldLabel } from './labels';

/** One row per field Pacer can read for this kind of file, each with a select of the file's columns. */
export function MappingTable() {
  const t = tr.value;
  const d = draft.value;
  const l = layout.value;
  if (!d || !l) return null;
  const required = new Set(requiredFields(d.kind, d.mapping));
  const first = l.rows[0] ?? [];
  return (
    <table class="pi-table" data-testid="import-mapping">
      <caption>{t('csv.mapping')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('csv.mapping.field')}</th>
          <th scope="col">{t('csv.mapping.column')}</th>
          <th scope="col">{t('csv.mapping.sample')}</th>
        </tr>
      </thead>
      <tbody>
        {fieldsOf(d.kind).map((field) => {
          const column = d.mapping[field];
          const id = `pi-map-${field}`;
          return (
            <tr key={field}>
              <th scope="row">
                <label for={id}>
                  {fieldLabel(t, field)}
                  {required.has(field) && <span class="pi-required"> ({t('csv.required')})</span>}
                </label>
              </th>
              <td>
                <select
                  id={id}
                  data-testid={`import-map-${field}`}
                  value={column === undefined ? '' : String(column)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    updateDraft({ mapping: remap(d.mapping, field, v === '' ? undefined : Number(v)) }, true);
                  }}
                >
                  <option value="">{t('csv.notInFile')}</option>
                  {l.headers.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {h}
                    </option>
                  ))}
                </select>
              </td>
              <td class="pi-sample">{column === undefined ? '' : (first[column] ?? '')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
