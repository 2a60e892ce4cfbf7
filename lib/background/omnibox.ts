import { formatExactValue } from '../i18n/format';
import { localizedName, type Translator } from '../i18n/translate';
import { escapeOmnibox, type OmniboxAction, omniboxAction, parseOmnibox } from '../popup/omnibox-parse';
import type { UiText } from '../popup/quick-log';
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

/**
 * What Enter will do, in words: the same `omniboxAction` that `enter` runs, so the line the address
 * bar shows and what Enter does cannot disagree — an ambiguous "1.200" is never announced as
 * "Log 1,200" and then opened for a question, or the other way round.
 */
function describe(action: OmniboxAction, query: string, t: Translator): string {
  const name = (m: Metric) => `<match>${escapeOmnibox(localizedName(m, t.locale))}</match>`;
  const say = (m: UiText) => ('key' in m ? t(m.key, m.params) : m.text[t.locale]);
  if (action.kind === 'save') {
    return t('omnibox.log', {
      value: escapeOmnibox(formatExactValue(action.value, action.metric.unit, t.locale)),
      metric: name(action.metric),
    });
  }
  const { reason, metric } = action;
  if (reason.why === 'noValue' && metric) return t('omnibox.pick', { metric: name(metric) });
  if (reason.why === 'check' && metric) {
    const text =
      reason.check.status === 'confirm'
        ? t('omnibox.choose', { question: reason.check.question[t.locale] })
        : t('omnibox.openToFinish', { reason: say(reason.check.message) });
    return `${name(metric)} <dim>${escapeOmnibox(text)}</dim>`;
  }
  const why = reason.why === 'tie' ? t('omnibox.tie') : t('omnibox.noMatch', { query });
  return `<dim>${escapeOmnibox(t('omnibox.openToFinish', { reason: why }))}</dim>`;
}

/** `kpi revenue 12tr` as the user types: the best matching KPIs with the value as it will be saved. */
export async function suggest(text: string, deps: OmniboxDeps): Promise<Suggestions> {
  const [metrics, recent, t] = await Promise.all([deps.metrics(), deps.recent(), deps.t()]);
  const outcome = (typed: string) => {
    const input = parseOmnibox(typed, metrics, recent, t.locale);
    return { input, action: omniboxAction(input, t.locale) };
  };
  const typed = outcome(text);
  // Each row is described by what Enter does with that row's own text (its KPI named in full).
  const suggestions = typed.input.matches.map((r) => {
    const content = typed.input.valueText ? `${r.label} ${typed.input.valueText}` : `${r.label} `;
    const row = outcome(content);
    return { content, description: describe(row.action, row.input.query, t) };
  });
  const defaultDescription =
    text.trim() === '' ? escapeOmnibox(t('omnibox.help')) : describe(typed.action, typed.input.query, t);
  return { defaultDescription, suggestions };
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
      value: formatExactValue(action.value, action.metric.unit, t.locale),
      metric: localizedName(action.metric, t.locale),
    }),
  );
  return 'saved';
}
