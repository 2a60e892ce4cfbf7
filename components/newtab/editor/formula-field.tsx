import { localizedName, type Translator } from '../../../lib/i18n/translate';
import type { Metric } from '../../../lib/schema';
import { FormField } from './form-field';

/**
 * A derived KPI's formula. Formulas name other KPIs by id in braces, which nobody should have to
 * know by heart: the "Insert KPI" picker appends `{id}` for the KPI chosen by name.
 */
export function FormulaField({
  formula,
  onChange,
  error,
  others,
  t,
}: {
  formula: string;
  onChange: (formula: string) => void;
  error: string | null;
  others: readonly Metric[];
  t: Translator;
}) {
  return (
    <>
      <FormField
        id="metric-formula"
        label={t('editor.metric.formula')}
        error={error}
        hint={t('editor.metric.formulaHint')}
      >
        {(a) => (
          <textarea
            {...a}
            rows={2}
            value={formula}
            spellcheck={false}
            onInput={(e) => onChange(e.currentTarget.value)}
          />
        )}
      </FormField>
      <FormField id="metric-insert" label={t('editor.metric.insert')}>
        {(a) => (
          <select
            {...a}
            value=""
            onChange={(e) => e.currentTarget.value && onChange(`${formula}{${e.currentTarget.value}}`)}
          >
            <option value="">—</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {localizedName(m, t.locale)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
