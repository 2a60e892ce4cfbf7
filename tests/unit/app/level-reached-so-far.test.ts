import { describe, expect, it } from 'vitest';
import { exampleViews } from '../example/example-views';

/**
 * A level read on the running month (a rate logged for December on Dec 6) has met its target so far,
 * not for good: the reason says so (docs/figures.md § Reach a level).
 */
/** Mid-December: a level is read on the running month from its 15th day (level-value.ts). */
const NOW = Date.UTC(2026, 11, 16, 2);
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

  it('reads the last complete month in the first two weeks of a month: a week is too little to judge', () => {
    // On Dec 6 the Zalo conversion read "Dec 1–6: 18.4%" (9 customers of 49 leads) and scored 1.00.
    const early = exampleViews(Date.UTC(2026, 11, 6, 2), TZ, 'en');
    for (const id of ['ex-kr-zalo-conversion', 'ex-kr-facebook-roas', 'ex-kr-on-time']) {
      const v = early.find((x) => x.goal.id === id);
      expect(v?.ev.period).toMatchObject({ start: '2026-11-01', partial: false });
      expect(v?.view.value).toMatch(/^Nov: /);
    }
    const zalo = early.find((x) => x.goal.id === 'ex-kr-zalo-conversion');
    expect(zalo?.view.value).toBe('Nov: 10.5%');
    expect(zalo?.ev.okr?.score ?? 0).toBeLessThan(0.7);
  });

  it('a complete period keeps "target reached"', () => {
    // On Jan 2, 2027 December is complete: whatever it read is the month's level.
    const views = exampleViews(Date.UTC(2027, 0, 2, 2), TZ, 'en');
    const reached = views.filter((x) => x.ev.decidedBy === 'target_reached' && !x.ev.period?.partial);
    expect(reached.length).toBeGreaterThan(0);
    for (const v of reached) expect(v.view.reason).toBe('target reached');
  });
});
