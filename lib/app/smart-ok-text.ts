import type { Translator } from '../i18n/translate';
import type { Goal } from '../schema';

/**
 * What the detail says when the SMART check finds nothing missing (smart-check.ts). An objective
 * without a metric is measured by its key results, not by a target of its own: "specific, measurable
 * and time-bound" claimed a measure it does not have, so it says what measures it.
 */
export function smartOkText(
  goal: Pick<Goal, 'kind' | 'metricId'>,
  keyResults: number,
  t: Translator,
): string {
  if (goal.kind === 'objective' && !goal.metricId && keyResults > 0)
    return t(keyResults === 1 ? 'detail.smartOkObjective.one' : 'detail.smartOkObjective.other', {
      count: keyResults,
    });
  return t('detail.smartOk');
}
