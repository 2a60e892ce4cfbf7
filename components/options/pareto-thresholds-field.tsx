import { useEffect, useState } from 'preact/hooks';
import { formatThresholds, parseThresholds, tierLabel } from '../../lib/app/pareto-view';
import type { MessageKey } from '../../lib/i18n/translate';
import { settings, tr, updateSettings } from '../app/session';

/**
 * Settings → Pareto tiers: the cumulative limits the new tab's panel and the CRM badges share. The text
 * is checked as it is typed and saved only when valid, so a half-typed list never reaches the badges.
 */
export function ParetoThresholdsField() {
  const t = tr.value;
  const stored = formatThresholds(settings.value.paretoThresholds);
  const [text, setText] = useState(stored);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(stored), [stored]);
  const check = parseThresholds(text);
  const error = check.ok
    ? null
    : t(`settings.pareto.${check.problem}` as MessageKey, { detail: check.detail ?? '' });
  const preview = check.ok
    ? check.thresholds
        .map((v, i) => {
          const from = i === 0 ? 0 : check.thresholds[i - 1]!;
          return `${tierLabel(i)} ${Math.round(from * 1000) / 10}–${Math.round(v * 1000) / 10}%`;
        })
        .join(' · ')
    : null;
  const save = async (e: Event) => {
    e.preventDefault();
    if (!check.ok) return;
    await updateSettings({ paretoThresholds: check.thresholds });
    setSaved(true);
  };
  return (
    <form onSubmit={save} data-testid="pareto-settings">
      <fieldset class="pc-form-grid">
        <legend>{t('settings.pareto')}</legend>
        <label>
          {t('settings.pareto.field')}
          <input
            name="paretoThresholds"
            value={text}
            inputMode="decimal"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="pareto-hint pareto-check"
            onInput={(e) => {
              setText(e.currentTarget.value);
              setSaved(false);
            }}
          />
        </label>
        <div style={{ gridColumn: 'span 2' }}>
          <p id="pareto-hint" class="pc-muted">
            {t('settings.pareto.hint')}
          </p>
          <p id="pareto-check" class={error ? 'pc-error' : 'pc-muted'} role={error ? 'alert' : undefined}>
            {error ?? t('settings.pareto.preview', { tiers: preview ?? '' })}
          </p>
          <button type="submit" disabled={!check.ok || text.trim() === stored}>
            {t('settings.pareto.save')}
          </button>{' '}
          {saved && <span role="status">{t('settings.pareto.saved')}</span>}
        </div>
      </fieldset>
    </form>
  );
}
