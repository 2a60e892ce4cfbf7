import { describe, expect, it } from 'vitest';
import { childTally } from '../../../lib/engine/goal-types/objective';
import { exampleViews } from '../example/example-views';

/** An objective's status from its key results names the tally it comes from (docs/figures.md § Objective). */
const NOW = Date.UTC(2026, 11, 6, 2);
const TZ = 'Asia/Ho_Chi_Minh';

describe("an objective's reason", () => {
  it('counts its key results by status, worst first (en, vi)', () => {
    const en = exampleViews(NOW, TZ, 'en');
    const vi = exampleViews(NOW, TZ, 'vi');
    let objectives = 0;
    for (const { goal, ev, view } of en) {
      if (ev?.decidedBy !== 'children' || goal.kind !== 'objective') continue;
      objectives++;
      const c = ev.childTally;
      expect(c, goal.id).toBeDefined();
      // The tally is the key results' own statuses, as their cards show them.
      const krs = en.filter((v) => v.goal.parentId === goal.id && v.goal.kind === 'key_result');
      for (const s of ['on_track', 'at_risk', 'off_track'] as const)
        expect(c?.[s], `${goal.id} ${s}`).toBe(krs.filter((k) => k.ev?.status === s).length);
      expect(view.reason).toMatch(
        /^key results: \d+ (off track|at risk|on track)(, \d+ (at risk|on track))*$/,
      );
      const v = vi.find((x) => x.goal.id === goal.id);
      expect(v?.view.reason).toMatch(/^kết quả then chốt: \d+ /);
    }
    expect(objectives).toBeGreaterThanOrEqual(2);
    const sao = en.find((v) => v.goal.id === 'ex-okr-online');
    // On Dec 6 the Zalo conversion key result reads November's 10.5%, not a week of December (18.4%,
    // "target met so far"): off track beside Google cost per MQL.
    expect(sao?.view.reason).toBe('key results: 3 off track, 1 on track');
  });

  it('calls mixed children sub-goals, and skips a status no child has', () => {
    const t = childTally([
      { kind: 'key_result', status: 'off_track' },
      { kind: 'milestone', status: 'on_track' },
      { kind: 'key_result', status: null },
    ]);
    expect(t).toEqual({ on_track: 1, at_risk: 0, off_track: 1, keyResults: false });
  });
});
