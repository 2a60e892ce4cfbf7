import { formatValue } from '../i18n/format';
import { localizedName, type Translator } from '../i18n/translate';
import { escapeOmnibox, omniboxAction, parseOmnibox } from '../popup/omnibox-parse';
import { checkValue } from '../popup/quick-log';
import type { RecentUse } from '../popup/recent-metrics';
import type { Metric } from '../schema';

export interface OmniboxDeps {
  metrics(): Promise<Metric[]>;
  recent(): Promise<RecentUse[]>;
  t(): Promise<Translator>;
  /** Writes the observation (the background is the writer here) and remembers the metric as recent. */
  save(metric: Metric, value: number, now: number): Promise<void>;
  /** Opens an extension page (the prefilled popup page) in the current or a new tab. */
  openPath(path: string, disposition: string): Promise<void>;
  /** Tells the user what was saved (a notification: the omnibox has no reply channel). */
  confirm(message: string): Promise<void>;
}

export interface Suggestions {
  defaultDescription: string;
  suggestions: { content: string; description: string }[];
}

/** `kpi revenue 12tr` as the user types: the best matching KPIs with the value as it will be saved. */
export async function suggest(text: string, deps: OmniboxDeps): Promise<Suggestions> {
  const [metrics, recent, t] = await Promise.all([deps.metrics(), deps.recent(), deps.t()]);
  const input = parseOmnibox(text, metrics, recent, t.locale);
  const describe = (m: Metric): string => {
    const name = `<match>${escapeOmnibox(localizedName(m, t.locale))}</match>`;
    if (!input.valueText) return t('omnibox.pick', { metric: name });
    const check = checkValue(input.valueText, t.locale, m.unit);
    if (check.status === 'error') {
      const msg =
        'key' in check.message ? t(check.message.key, check.message.params) : check.message.text[t.locale];
      return `${name} <dim>${escapeOmnibox(msg)}</dim>`;
    }
    return t('omnibox.log', {
      value: escapeOmnibox(formatValue(check.value, m.unit, t.locale)),
      metric: name,
    });
  };
  const suggestions = input.matches.map((r) => ({
    content: input.valueText ? `${r.label} ${input.valueText}` : `${r.label} `,
    description: describe(r.metric),
  }));
  return { defaultDescription: escapeOmnibox(t('omnibox.help')), suggestions };
}

/** Enter: a clear KPI and value is saved at once; anything unclear opens the popup page prefilled. */
export async function enter(
  text: string,
  disposition: string,
  deps: OmniboxDeps,
  now: number,
): Promise<'saved' | 'opened'> {
  const [metrics, recent, t] = await Promise.all([deps.metrics(), deps.recent(), deps.t()]);
  const action = omniboxAction(parseOmnibox(text, metrics, recent, t.locale), t.locale);
  if (action.kind === 'open') {
    await deps.openPath(action.path, disposition);
    return 'opened';
  }
  await deps.save(action.metric, action.value, now);
  await deps.confirm(
    t('popup.savedValue', {
      value: formatValue(action.value, action.metric.unit, t.locale),
      metric: localizedName(action.metric, t.locale),
    }),
  );
  return 'saved';
}
