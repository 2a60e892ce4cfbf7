import { localDayKey } from '../engine/time-buckets';
import { dimKey, type Observation } from '../schema';

/**
 * A value about to be logged that is already there: the same KPI, day (the user's local day) and
 * dimensions, and the same value. Logging ₫88,000,000 for Nov 30 a second time had doubled the day
 * silently (a total ₫705M → ₫928M, and a "rose 96% week over week" alert). Asked about, never refused:
 * two orders of the same amount on one day happen.
 */
export function repeatOf(
  next: Pick<Observation, 'metricId' | 'time' | 'value' | 'dims'>,
  stored: readonly Observation[],
  timeZone: string,
): Observation | null {
  const day = localDayKey(next.time, timeZone);
  const dims = dimKey(next.dims);
  return (
    stored.find(
      (o) =>
        o.metricId === next.metricId &&
        o.value === next.value &&
        dimKey(o.dims) === dims &&
        localDayKey(o.time, timeZone) === day,
    ) ?? null
  );
}
