import { type GoalReadingKey, goalReadingEn } from '../i18n/messages-goal-reading';
import type { Translator } from '../i18n/translate';

/**
 * A dimension value as people say it: "Trade show" / "Hội chợ triển lãm", never the stored key
 * "trade_show". Known channels and segments have translations; any other key is shown with its
 * underscores as spaces and a capital first letter, as typed by whoever set it up.
 */
export function dimensionValueLabel(key: string, t: Translator): string {
  const known = `dimValue.${key}`;
  if (Object.hasOwn(goalReadingEn, known)) return t(known as GoalReadingKey);
  const spaced = key.replaceAll('_', ' ').trim();
  return spaced ? spaced.charAt(0).toLocaleUpperCase(t.locale) + spaced.slice(1) : key;
}
