import { describe, expect, it } from 'vitest';
import { countedSoFar } from '../../../lib/app/form-counted';
import { emptyGoalForm, type GoalFormState, smartHints } from '../../../lib/app/goal-form';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { buildExampleData } from '../../../lib/example/example-data';

/**
 * The goal form's realism hint spreads what is left of a total over the time left (form-counted.ts,
 * smart-check.ts). A ₫1.5B Q4 total of marketing spend on Dec 7, 2026, with ₫634M already counted
 * since Oct 1 (by 10:00), read "needs about ₫1.86B per month" — the whole ₫1.5B over the 0.81 month
 * left — where (₫1.5B − ₫634M) ÷ 0.81 is ₫1.07B.
 */
const tz = 'Asia/Ho_Chi_Minh';
const now = startOfLocalDay('2026-12-07', tz) + 10 * 3_600_000;
const data = buildExampleData(now, tz);
const spend = data.metrics.find((m) => m.id === 'ex-ad-spend');
if (!spend) throw new Error('the example has no marketing spend');
const rollups = rollupFromPoints(
  spend.id,
  data.observations.filter((o) => o.metricId === spend.id),
  tz,
);
const M = 1_000_000;
// Dec 7, 10:00 to the end of Dec 31: 24 days 14 hours, in months of 30.4375 days.
const monthsLeft = (startOfLocalDay('2027-01-01', tz) - 1 - now) / (30.4375 * 86_400_000);
// The metric's months, oldest first, as the form reads them; its lowest ₫192M (November).
const history = [380 * M, 410 * M, 420 * M, 403.5 * M, 192 * M];
const form = (over: Partial<GoalFormState>): GoalFormState => ({
  ...emptyGoalForm({ currency: 'VND' }),
  title: 'Marketing spend in Q4',
  metricId: spend.id,
  goalType: 'total',
  direction: 'up',
  start: '2026-10-01',
  deadline: '2026-12-31',
  target: '1,5 tỷ',
  owner: 'Trần Văn Minh',
  ...over,
});
const hints = (f: GoalFormState) => {
  const counted = countedSoFar(rollups, spend, f, now, tz);
  return smartHints(f, {
    locale: 'vi',
    timeZone: tz,
    now,
    newId: () => 'g',
    metric: spend,
    history,
    counted,
  });
};
const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('the goal form’s realism hint counts what is already counted', () => {
  it('a total counts Oct 1 – Dec 7, 10:00: ₫634M of marketing spend', () => {
    expect(countedSoFar(rollups, spend, form({}), now, tz)).toBe(634 * M);
    // Before the window opens nothing is counted; a KPI that does not add up has no total.
    expect(countedSoFar(rollups, spend, form({ start: '2027-01-01' }), now, tz)).toBe(0);
    expect(countedSoFar(rollups, { ...spend, aggregation: 'last' }, form({}), now, tz)).toBeNull();
  });

  it('a total to reach: what is left over the time left (₫1.07B a month), not the whole target', () => {
    const left = 1_500 * M - (countedSoFar(rollups, spend, form({}), now, tz) ?? 0);
    expect(left / monthsLeft).toBeCloseTo(1_070 * M, -7);
    const [issue] = hints(form({}));
    expect(issue?.code).toBe('unrealistic_growth');
    expect(issue?.message.en).toBe(
      'Reaching the target needs about ₫1.07B per month; the best month in the history was ₫420M.',
    );
    expect(plain(issue?.message.vi)).toBe(
      'Để đạt mục tiêu cần khoảng 1,07 tỷ ₫ mỗi tháng; tháng tốt nhất trong lịch sử chỉ đạt 420 tr ₫.',
    );
    // A baseline counts too: ₫300M before the window leaves ₫566M, ₫701M a month.
    expect(hints(form({ baseline: '300tr' }))[0]?.message.en).toMatch(/about ₫701M per month/);
  });

  it('a budget cap allows a rate, never "needs" one; only a tight one is a hint', () => {
    // ₫1.5B at most: ₫866M left for 0.81 month allows ₫1.07B a month, far above the lowest month.
    expect(hints(form({ direction: 'down' }))).toEqual([]);
    // ₫700M at most: ₫66M left allows ₫81.7M a month, under ₫192M ÷ 1.5 (₫128M).
    const [tight] = hints(form({ direction: 'down', target: '700tr' }));
    expect(tight?.code).toBe('tight_cap');
    expect(tight?.message.en).toBe(
      'Staying within the target allows about ₫81.7M per month from now; the lowest month in the history was ₫192M.',
    );
    expect(plain(tight?.message.vi)).toBe(
      'Để không vượt mục tiêu, từ nay chỉ được khoảng 81,7 tr ₫ mỗi tháng; tháng thấp nhất trong lịch sử là 192 tr ₫.',
    );
    // ₫600M at most: already past it.
    const [used] = hints(form({ direction: 'down', target: '600tr' }));
    expect(used?.message.en).toBe(
      '₫634M is already counted in the period: the ₫600M target leaves nothing for the rest of it.',
    );
    expect(plain(used?.message.vi)).toBe(
      'Kỳ này đã ghi nhận 634 tr ₫: mục tiêu 600 tr ₫ không còn gì cho phần còn lại của kỳ.',
    );
  });
});
