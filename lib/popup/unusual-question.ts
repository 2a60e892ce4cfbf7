import type { MessageParams } from '../i18n/interpolate';
import type { Translator } from '../i18n/translate';
import type { Dimension } from '../schema';
import type { Unusual } from './unusual-value';

/**
 * The words of the question before an unusual value is logged, true to the range it quotes: a sum's
 * range is of month totals ("a month"), and a range read across dimensions (compared-values.ts: no
 * history for the value's own) says which were put together ("every segment together").
 */
export function unusualQuestion(
  t: Translator,
  kind: Unusual['kind'],
  summed: boolean,
  across: readonly Dimension[],
  params: MessageParams,
): string {
  const dimensions = across.map((d) => t(`popup.dimension.${d}`).toLocaleLowerCase(t.locale)).join(' / ');
  const all = across.length > 0;
  if (summed && kind === 'above')
    return all
      ? t('quickLog.unusual.aboveMonthAcross', { ...params, dimensions })
      : t('quickLog.unusual.aboveMonth', params);
  if (!all) return t(`quickLog.unusual.${kind}`, params);
  return t(`quickLog.unusual.${kind}Across`, { ...params, dimensions });
}
