import type { Confidence, Settings } from '../../schema';
import { type KrScore, objectiveScore, okrZone } from '../okr';
import { emptyReading, type GoalFacts, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import { decideStatus } from './shared';

/**
 * Objective: scored from its key results (or, for a BHAG without a metric, from its children).
 * docs/figures.md § Objective.
 *
 * - Own reading: no value; status is the owner's confidence until children are read.
 * - Score (objectiveScore, okr.ts): the weight-averaged 0–1 scores of its key results, each clamped to
 *   0–1 first; zone red < 0.3 ≤ yellow < 0.7 ≤ green (Settings.okrZones). Without key results, the
 *   roll-up of its children's progress, clamped to 0–1. The card's progress is this score, so card and
 *   OKR panel say the same number.
 * - Status, when it has none of its own: the mean rank of its children's statuses (on track 0, at risk
 *   1, off track 2): below 0.5 on track, below 1.25 at risk, else off track — as a scorecard
 *   perspective does. A manual confidence can only make it worse.
 */
export function readObjective(f: GoalFacts, ctx: SeriesContext): TypeReading {
  const r = emptyReading();
  decideStatus(r, f, ctx.now, {
    reached: false,
    deadlinePassed: false,
    gapPct: null,
    probability: null,
  });
  if (f.done) r.progress = 1;
  return r;
}

const RANK: Record<Confidence, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The objective's OKR score from its key results, or from its children's rolled-up progress. */
export function objectiveOkr(
  krs: ReadonlyArray<{ score: number | null; weight: number }>,
  rolledUpProgress: number | null,
  zones: Settings['okrZones'],
): KrScore | null {
  const score = krs.length
    ? objectiveScore(krs)
    : rolledUpProgress === null
      ? null
      : Math.round(Math.min(1, Math.max(0, rolledUpProgress)) * 100) / 100;
  return score === null ? null : { score, zone: okrZone(score, zones), meetsExpectation: score >= 1 };
}

/** Mean rank of the children's statuses, or null when none has one. */
export function statusFromChildren(
  statuses: ReadonlyArray<Confidence | null | undefined>,
): Confidence | null {
  const ranks = statuses.filter((s): s is Confidence => !!s).map((s) => RANK[s]);
  if (!ranks.length) return null;
  const mean = ranks.reduce((a, b) => a + b, 0) / ranks.length;
  return mean < 0.5 ? 'on_track' : mean < 1.25 ? 'at_risk' : 'off_track';
}

/** How many children stand at each status, and whether all of them are key results. */
export interface ChildTally {
  on_track: number;
  at_risk: number;
  off_track: number;
  keyResults: boolean;
}

/** The tally behind a status from children: what the card names ("key results: 2 off track, 2 on track"). */
export function childTally(
  kids: ReadonlyArray<{ kind: string; status: Confidence | null | undefined }>,
): ChildTally {
  const t: ChildTally = { on_track: 0, at_risk: 0, off_track: 0, keyResults: true };
  for (const k of kids) {
    if (k.status) t[k.status]++;
    if (k.kind !== 'key_result') t.keyResults = false;
  }
  return t;
}

export function worseStatus(a: Confidence | null, b: Confidence | null): Confidence | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[b] > RANK[a] ? b : a;
}
