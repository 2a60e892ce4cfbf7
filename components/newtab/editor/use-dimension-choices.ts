import { useMemo } from 'preact/hooks';
import { dimensionChoices } from '../../../lib/app/dimension-values';
import type { Dimension, Metric } from '../../../lib/schema';
import { useRollups } from './use-rollups';

/** The channels and segments a goal on `metric` can be narrowed to, with the values its data holds. */
export function useDimensionChoices(
  metric: Metric | undefined,
  metrics: readonly Metric[],
  held: Partial<Record<Dimension, string>> | undefined,
): { dimension: Dimension; values: string[] }[] {
  const rollups = useRollups();
  return useMemo(
    () =>
      metric ? dimensionChoices(metric, new Map(metrics.map((m) => [m.id, m])), rollups ?? [], held) : [],
    [metric, metrics, rollups, held],
  );
}
