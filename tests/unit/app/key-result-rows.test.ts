import { describe, expect, it } from 'vitest';
import { keyResultRows } from '../../../lib/app/goal-key-results';
import { createTranslator } from '../../../lib/i18n/translate';
import { exampleEvaluation } from '../example/example-views';

/** Which key results a detail lists, and when it names their weights (lib/app/goal-key-results.ts). */
const NOW = Date.UTC(2026, 11, 8, 2);
const TZ = 'Asia/Ho_Chi_Minh';

describe('keyResultRows', () => {
  const { data, result, settings } = exampleEvaluation(NOW, TZ, 'en', 200);
  const ctx = { t: createTranslator('en'), settings, now: NOW };
  const krIds = data.goals.filter((g) => g.parentId === 'ex-okr-online').map((g) => g.id);

  it('names each weight only when they differ, and skips archived or deleted key results', () => {
    const even = keyResultRows({ id: 'ex-okr-online' }, data.goals, result.perGoal, [], ctx);
    expect(even.map((r) => r.id)).toEqual(krIds);
    expect(even.some((r) => 'weight' in r)).toBe(false);

    const goals = data.goals.map((g) =>
      g.id === krIds[0]
        ? { ...g, weight: 2 }
        : g.id === krIds[1]
          ? { ...g, archived: true }
          : g.id === krIds[2]
            ? { ...g, deletedAt: NOW }
            : g,
    );
    const rows = keyResultRows({ id: 'ex-okr-online' }, goals, result.perGoal, [], ctx);
    expect(rows.map((r) => [r.id, r.weight])).toEqual([
      [krIds[0], 2],
      [krIds[3], 1],
    ]);
    // Without the dashboard's views, the status is the evaluation's, in words.
    expect(rows[0]?.statusLabel).toMatch(/^(On track|At risk|Off track)$/);
  });
});
