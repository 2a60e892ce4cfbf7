import { describe, expect, it } from 'vitest';
import { okrProgressText } from '../../../lib/app/okr-score-text';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { exampleViews } from '../example/example-views';

/**
 * An objective's score line never reads as a second verdict beside its status (docs/figures.md §
 * Objective): while its window runs it is the score so far and what a good end is; the zone (an
 * end-of-quarter grade) only once the window is over.
 */
// The day of the manager's review (Dec 8, 2026), when the card read 0.38.
const NOW = Date.UTC(2026, 11, 8, 2);
const TZ = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const ctx = (locale: Locale, okrZones = { low: 0.3, high: 0.7 }) => ({
  t: createTranslator(locale),
  settings: { ...defaultSettings({ locale, timeZone: TZ }), okrZones },
  now: NOW,
});

describe("an objective's score line", () => {
  it('on the example card: the score so far beside the status, no zone (en, vi)', () => {
    const en = exampleViews(NOW, TZ, 'en');
    const vi = exampleViews(NOW, TZ, 'vi');
    const sao = en.find((v) => v.goal.id === 'ex-okr-online');
    expect(sao?.view.status).toBe('off_track');
    // Mean of its key results' scores, as the OKR panel shows them: (1.00 + 0 + 0.53 + 0) ÷ 4 = 0.38.
    const krs = en.filter((v) => v.goal.parentId === 'ex-okr-online' && v.goal.kind === 'key_result');
    expect(krs.map((k) => k.ev.okr?.score).sort()).toEqual([0, 0, 0.53, 1]);
    expect(sao?.view.value).toBe('0.38');
    expect(sao?.view.target).toBe('1.00');
    expect(sao?.view.progressText).toBe('OKR score so far · 0.7 by the end is a good result');
    expect(vi.find((v) => v.goal.id === 'ex-okr-online')?.view.progressText).toBe(
      'Điểm OKR đến nay · cuối kỳ đạt 0,7 là tốt',
    );
    // No objective whose window runs names a zone, in either language.
    for (const { goal, view } of [...en, ...vi]) {
      if (goal.kind !== 'objective' || (goal.deadline ?? Infinity) < NOW) continue;
      expect(view.progressText, goal.id).not.toMatch(/zone|vùng|red|yellow|green|đỏ|vàng|xanh/);
    }
  });

  it('names the zone as the final grade once the deadline has passed or the goal is done', () => {
    const yellow = { zone: 'yellow' as const };
    expect(okrProgressText({ deadline: NOW - DAY }, yellow, ctx('en'))).toBe('final OKR score · yellow zone');
    expect(okrProgressText({ deadline: NOW - DAY }, yellow, ctx('vi'))).toBe('Điểm OKR cuối kỳ · vùng vàng');
    expect(okrProgressText({ deadline: NOW + DAY, doneAt: NOW - DAY }, { zone: 'green' }, ctx('en'))).toBe(
      'final OKR score · green zone',
    );
    // No deadline: never ended, so never graded.
    expect(okrProgressText({}, { zone: 'red' }, ctx('en'))).toBe(
      'OKR score so far · 0.7 by the end is a good result',
    );
  });

  it('says the good end from Settings → OKR zones', () => {
    expect(
      okrProgressText({ deadline: NOW + DAY }, { zone: 'red' }, ctx('en', { low: 0.3, high: 0.75 })),
    ).toBe('OKR score so far · 0.75 by the end is a good result');
  });
});
