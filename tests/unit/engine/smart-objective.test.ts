import { describe, expect, it } from 'vitest';
import { smartCheck } from '../../../lib/engine/smart-check';
import { exampleEvaluation } from '../example/example-views';
import { goal } from './fixtures';

/** An objective is measured through its key results (docs/figures.md § Objective). */
const now = Date.UTC(2026, 11, 7, 2);
const codes = (keyResults: number | undefined) =>
  smartCheck(
    goal({
      id: 'o',
      kind: 'objective',
      goalType: undefined,
      metricId: undefined,
      owner: 'Lan',
      deadline: now + 9e9,
    }),
    {
      now,
      keyResults,
    },
  ).map((i) => i.code);

describe('SMART check of an objective', () => {
  it('asks for key results while it has none, and never for a metric or target of its own', () => {
    expect(codes(0)).toEqual(['no_key_results']);
    expect(codes(2)).toEqual([]);
    // The goal form, before the objective exists: its key results are not known, so nothing is said.
    expect(codes(undefined)).toEqual([]);
  });

  it('is quiet on the example objectives, which have their key results', () => {
    const { data, result } = exampleEvaluation(now, 'Asia/Ho_Chi_Minh', 'en', 50);
    const objectives = data.goals.filter((g) => g.kind === 'objective');
    expect(objectives.length).toBeGreaterThanOrEqual(2);
    for (const o of objectives)
      expect(result.perGoal.get(o.id)?.smart.map((s) => s.code)).not.toContain('no_key_results');
  });
});
