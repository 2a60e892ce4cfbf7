import { describe, expect, it } from 'vitest';
import { repeatOf } from '../../../lib/popup/repeat-value';
import type { Observation } from '../../../lib/schema';

const TZ = 'Asia/Ho_Chi_Minh';
// Nov 30, 2026 at 09:00 in Hanoi.
const NOV30 = Date.UTC(2026, 10, 30, 2);
const stored: Observation = {
  id: 'a',
  metricId: 'rev',
  time: NOV30,
  value: 88_000_000,
  dims: { channel: 'zalo' },
  source: 'manual',
};

describe('repeatOf', () => {
  it('finds the same value on the same local day, KPI and dimensions', () => {
    const next = {
      metricId: 'rev',
      time: NOV30 + 5 * 3_600_000,
      value: 88_000_000,
      dims: { channel: 'zalo' },
    };
    expect(repeatOf(next, [stored], TZ)).toBe(stored);
    // 23:30 on Nov 30 in Hanoi is still Nov 30 there, though Dec 1 is near in UTC+7 terms.
    expect(repeatOf({ ...next, time: Date.UTC(2026, 10, 30, 16, 30) }, [stored], TZ)).toBe(stored);
  });

  it('lets a different value, day, KPI or channel through', () => {
    const next = { metricId: 'rev', time: NOV30, value: 88_000_000, dims: { channel: 'zalo' } };
    expect(repeatOf({ ...next, value: 88_000_001 }, [stored], TZ)).toBeNull();
    expect(repeatOf({ ...next, time: NOV30 + 86_400_000 }, [stored], TZ)).toBeNull();
    expect(repeatOf({ ...next, metricId: 'orders' }, [stored], TZ)).toBeNull();
    expect(repeatOf({ ...next, dims: { channel: 'facebook' } }, [stored], TZ)).toBeNull();
    expect(repeatOf({ ...next, dims: {} }, [stored], TZ)).toBeNull();
  });
});
