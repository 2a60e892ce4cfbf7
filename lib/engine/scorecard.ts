import { type Confidence, type Goal, PERSPECTIVES, type Perspective } from '../schema';

/**
 * Balanced Scorecard: goals grouped by the four perspectives, each with a health.
 * Health = the mean of its open goals' status ranks (on track 0, at risk 1, off track 2): below 0.5 is
 * on_track, below 1.25 at_risk, else off_track — so one red goal among four turns the perspective
 * amber but not red. Goals without a status don't count; a perspective with none has health null.
 * Goals already achieved (done, or their window over with the target met: last quarter's milestone)
 * are listed and counted in progress but left out of the health, which is about what is still open:
 * three met quarters must not turn two red KPIs amber. Only when every goal is achieved do they make
 * the health (on track). A goal whose deadline passed undone stays in: that miss is open business.
 * Goals whose window has not opened (next year's quarters and months of a cascade) are left out: the
 * scorecard is about the business now, and a three-year cascade had put 51 rows under Financial.
 */

export interface PerspectiveHealth {
  perspective: Perspective;
  /** Open goals first, then the achieved ones (a met quarter is history, listed after what is open). */
  goalIds: string[];
  /** The goals already achieved: listed as done, left out of the health. */
  achievedIds: string[];
  counts: Record<Confidence | 'none', number>;
  /** Weighted mean of the goals' progress, clamped to 0..1; null when none has progress. */
  progress: number | null;
  health: Confidence | null;
}

const RANK: Record<Confidence, number> = { on_track: 0, at_risk: 1, off_track: 2 };

export function scorecard(
  goals: readonly Pick<Goal, 'id' | 'perspective' | 'weight'>[],
  evaluation: (
    goalId: string,
  ) =>
    | { status: Confidence | null; progress: number | null; achieved?: boolean; notStarted?: boolean }
    | undefined,
): PerspectiveHealth[] {
  return PERSPECTIVES.map((perspective) => {
    const mine = goals.filter((g) => g.perspective === perspective);
    const counts = { on_track: 0, at_risk: 0, off_track: 0, none: 0 };
    const open: (Confidence | null)[] = [];
    let pSum = 0;
    let wSum = 0;
    let pCount = 0;
    let pPlain = 0;
    const openIds: string[] = [];
    const achievedIds: string[] = [];
    for (const g of mine) {
      const e = evaluation(g.id);
      if (e?.notStarted) continue;
      const st = e?.status ?? null;
      (e?.achieved ? achievedIds : openIds).push(g.id);
      if (st) counts[st]++;
      else counts.none++;
      if (!e?.achieved) open.push(st);
      if (e && e.progress !== null && Number.isFinite(e.progress)) {
        const p = Math.min(1, Math.max(0, e.progress));
        pSum += p * g.weight;
        wSum += g.weight;
        pPlain += p;
        pCount++;
      }
    }
    return {
      perspective,
      goalIds: [...openIds, ...achievedIds],
      achievedIds,
      counts,
      progress: pCount ? (wSum > 0 ? pSum / wSum : pPlain / pCount) : null,
      health: perspectiveHealth(open, achievedIds.length),
    };
  });
}

/**
 * A perspective's health (see the file's comment) from the statuses of its open goals and how many are
 * already achieved. The one rule for the dashboard's scorecard and a shared snapshot's, which
 * recomputes it over the goals it carries (lib/snapshot/build-snapshot.ts).
 */
export function perspectiveHealth(open: readonly (Confidence | null)[], achieved: number): Confidence | null {
  const ranked = open.filter((s): s is Confidence => s !== null);
  // An achieved goal has a status (done, or target reached): with only those, the health is on track.
  const mean = ranked.length
    ? ranked.reduce((sum, s) => sum + RANK[s], 0) / ranked.length
    : achieved > 0
      ? 0
      : null;
  return mean === null ? null : mean < 0.5 ? 'on_track' : mean < 1.25 ? 'at_risk' : 'off_track';
}
