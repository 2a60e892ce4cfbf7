import { useEffect, useMemo, useState } from 'preact/hooks';
import { dimensionChoices } from '../../../lib/app/dimension-values';
import type { DailyRollup } from '../../../lib/engine/rollup';
import type { Dimension, Metric } from '../../../lib/schema';
import { readRollups } from '../../../lib/storage/rollup-store';
import { getDb } from '../../app/session';

/** The channels and segments a goal on `metric` can be narrowed to, with the values its data holds. */
export function useDimensionChoices(
  metric: Metric | undefined,
  metrics: readonly Metric[],
  held: Partial<Record<Dimension, string>> | undefined,
): { dimension: Dimension; values: string[] }[] {
  const [rollups, setRollups] = useState<DailyRollup[] | null>(null);
  useEffect(() => {
    let alive = true;
    void getDb()
      .then(readRollups)
      .then((r) => alive && setRollups(r));
    return () => {
      alive = false;
    };
  }, []);
  return useMemo(
    () =>
      metric ? dimensionChoices(metric, new Map(metrics.map((m) => [m.id, m])), rollups ?? [], held) : [],
    [metric, metrics, rollups, held],
  );
}
