import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../lib/schema';
import { exampleViews as viewsAt } from './example-views';

/**
 * The example's calendar boundaries land on the user's own days (lib/example/example-zone.ts): its
 * deadlines "by the end of 2026" read Dec 31 in Hà Nội, New York and UTC, and a keep goal's window
 * counts the 12 months of 2026 — not a January east of UTC, nor the December before west of it.
 */
// Sunday Dec 6, 09:00 in Hà Nội; Saturday Dec 5, 21:00 in New York.
const NOW = Date.UTC(2026, 11, 6, 2);

const exampleViews = (tz: string, locale: Locale = 'en') => viewsAt(NOW, tz, locale);

const byId = (views: ReturnType<typeof exampleViews>, id: string) => {
  const v = views.find((x) => x.goal.id === id);
  if (!v) throw new Error(`no ${id}`);
  return v;
};

describe('the example in the user time zone', () => {
  for (const [tz, left] of [
    ['UTC', 25],
    ['Asia/Ho_Chi_Minh', 25],
    ['America/New_York', 26],
  ] as const) {
    it(`${tz}: deadlines end on the last day of their period, windows start on the first`, () => {
      const views = exampleViews(tz);
      const margin = byId(views, 'ex-kpi-gross-margin');
      expect(margin.view.deadline).toBe(`Dec 31, 2026 · ${left} days left`);
      // The keep window: the 12 months of 2026, held 5 of them.
      expect(margin.ev.keep?.periods).toBe(12);
      expect(margin.view.progressText).toBe('held 5 of 12 months');
      expect(byId(views, 'ex-goal-q-2026-q4').view.deadline).toBe(`Dec 31, 2026 · ${left} days left`);
      expect(byId(views, 'ex-goal-month-2026-11').view.deadline).toBe('Nov 30, 2026 · Past the deadline');
      expect(byId(views, 'ex-goal-month-2026-11').view.reason).toBe('past its deadline of Nov 30, 2026');
      // Not started: the progress line says when (the scorecard lists it so), never "0% of target".
      expect(byId(views, 'ex-goal-year-2027').view.progressText).toBe('starts Jan 1, 2027');
      expect(byId(views, 'ex-goal-year-2027').view.statusLabel).toBe('Not started');
      expect(byId(views, 'ex-goal-year-2027').view.reason).toBeUndefined();
      expect(byId(views, 'ex-goal-bhag').view.deadline).toMatch(/^Dec 31, 2028 · /);
      // No deadline line anywhere reads the 1st of a month.
      expect(views.map((v) => v.view.deadline ?? '').filter((d) => /^\w{3} 1, /.test(d))).toEqual([]);
    });
  }

  it('Vietnamese reads the same days', () => {
    const views = exampleViews('Asia/Ho_Chi_Minh', 'vi');
    expect(byId(views, 'ex-kpi-gross-margin').view.deadline).toBe('31/12/2026 · Còn 25 ngày');
  });
});
