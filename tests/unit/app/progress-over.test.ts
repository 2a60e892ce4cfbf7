import { describe, expect, it } from 'vitest';
import { progressText } from '../../../lib/app/reading-text';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Goal } from '../../../lib/schema';

const goal = {
  id: 'g',
  kind: 'key_result',
  title: 'Win 180 new online customers',
  goalType: 'total',
} as Goal;
const ev = (progress: number) =>
  ({
    type: 'total',
    current: 5097,
    target: 180,
    progress,
    rolledUpProgress: progress,
  }) as unknown as GoalEvaluation;

describe('progress past the cap', () => {
  it('reads "over 200% of target", never an exact-looking 200% (en, vi)', () => {
    for (const [locale, over, plain] of [
      ['en', 'over 200% of target', '150% of target'],
      ['vi', 'Đạt hơn 200% mục tiêu', 'Đạt 150% mục tiêu'],
    ] as const) {
      const ctx = { t: createTranslator(locale), settings: defaultSettings({ locale }), now: 0 };
      expect(progressText(goal, ev(2), { kind: 'count' }, ctx)).toBe(over);
      expect(progressText(goal, ev(1.5), { kind: 'count' }, ctx)).toBe(plain);
    }
  });
});
