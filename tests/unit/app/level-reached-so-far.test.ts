import { describe, expect, it } from 'vitest';
import { exampleViews } from '../example/example-views';

/**
 * A level read on the running month (a rate logged for December on Dec 6) has met its target so far,
 * not for good: the reason says so (docs/figures.md § Reach a level).
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const TZ = 'Asia/Ho_Chi_Minh';

describe('a level goal above its target in the running month', () => {
  it('reads "target met so far in Dec", not "target reached" (en, vi)', () => {
    const en = exampleViews(NOW, TZ, 'en').find((v) => v.goal.id === 'ex-kr-facebook-roas');
    expect(en?.ev.period?.partial).toBe(true);
    expect(en?.ev.decidedBy).toBe('target_reached');
    expect(en?.view.reason).toBe('target met so far in Dec');
    const vi = exampleViews(NOW, TZ, 'vi').find((v) => v.goal.id === 'ex-kr-facebook-roas');
    expect(vi?.view.reason).toBe('Tháng 12 đến nay đã đạt mục tiêu');
  });

  it('a complete period keeps "target reached"', () => {
    // On Jan 2, 2027 December is complete: whatever it read is the month's level.
    const views = exampleViews(Date.UTC(2027, 0, 2, 2), TZ, 'en');
    const reached = views.filter((x) => x.ev.decidedBy === 'target_reached' && !x.ev.period?.partial);
    expect(reached.length).toBeGreaterThan(0);
    for (const v of reached) expect(v.view.reason).toBe('target reached');
  });
});
