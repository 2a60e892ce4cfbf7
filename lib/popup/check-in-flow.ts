import type { GoalView } from '../app/goal-view';
import { localDayKey } from '../engine/time-buckets';
import type { CheckIn, Confidence } from '../schema';
import { fold } from './text-match';
import { sameOwner } from './top-goals';

/** What the check-in needs of a goal. */
export type CheckInGoal = Pick<
  GoalView,
  'id' | 'title' | 'owner' | 'status' | 'value' | 'target' | 'notStarted'
>;

export interface CheckInAnswer {
  kind: 'answered';
  confidence: Confidence;
  value?: number;
  plans: string;
  progress: string;
  problems: string;
}
export type CheckInEntry = CheckInAnswer | { kind: 'skipped' };

/** One pass through the user's goals, one goal at a time; immutable so "back" is trivial. */
export interface CheckInState {
  /** When this pass began: part of each record id, so answering a goal again overwrites its record. */
  startedAt: number;
  goals: CheckInGoal[];
  index: number;
  entries: Readonly<Record<string, CheckInEntry>>;
}

/** Distinct owner names, for "who are you?" (asked once, then remembered in settings). */
export function ownersOf(goals: readonly Pick<GoalView, 'owner'>[]): string[] {
  const seen = new Map<string, string>();
  for (const g of goals) {
    const o = g.owner?.trim();
    // "Lan Nguyễn" and "lan nguyen" are one person, as sameOwner() sees it; the first spelling is shown.
    if (o && !seen.has(fold(o))) seen.set(fold(o), o);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The goals to review: the ones `ownerName` owns, or every open goal when the name is empty (not asked
 * yet, or the user chose "everyone"). Done goals need no check-in.
 */
export function goalsForCheckIn<G extends CheckInGoal>(goals: readonly G[], ownerName: string): G[] {
  // Done goals and goals whose window has not opened have nothing to report: a cascade's 51 future
  // milestones had made the weekly check-in "Goal 1 of 57".
  const open = goals.filter((g) => g.status !== 'done' && !g.notStarted);
  return ownerName.trim() ? open.filter((g) => sameOwner(g.owner, ownerName)) : open;
}

export function startCheckIn(goals: readonly CheckInGoal[], now: number): CheckInState {
  return { startedAt: now, goals: [...goals], index: 0, entries: {} };
}

export function currentGoal(s: CheckInState): CheckInGoal | null {
  return s.goals[s.index] ?? null;
}

export function isFinished(s: CheckInState): boolean {
  return s.index >= s.goals.length;
}

function advance(s: CheckInState, entry: CheckInEntry): CheckInState {
  const goal = currentGoal(s);
  if (!goal) return s;
  return { ...s, index: s.index + 1, entries: { ...s.entries, [goal.id]: entry } };
}

export function answer(s: CheckInState, a: Omit<CheckInAnswer, 'kind'>): CheckInState {
  return advance(s, { kind: 'answered', ...a });
}

export function skip(s: CheckInState): CheckInState {
  return advance(s, { kind: 'skipped' });
}

export function back(s: CheckInState): CheckInState {
  return s.index === 0 ? s : { ...s, index: s.index - 1 };
}

export interface CheckInSummary {
  answered: number;
  skipped: number;
  counts: Record<Confidence, number>;
  /** Goals in review order with their answer, for the closing list. */
  items: { goalId: string; title: string; confidence: Confidence | null }[];
}

export function summarize(s: CheckInState): CheckInSummary {
  const counts: Record<Confidence, number> = { on_track: 0, at_risk: 0, off_track: 0 };
  const items: CheckInSummary['items'] = [];
  let answered = 0;
  let skipped = 0;
  for (const g of s.goals) {
    const e = s.entries[g.id];
    if (!e) continue;
    if (e.kind === 'skipped') skipped++;
    else {
      answered++;
      counts[e.confidence]++;
    }
    items.push({ goalId: g.id, title: g.title, confidence: e.kind === 'answered' ? e.confidence : null });
  }
  return { answered, skipped, counts, items };
}

/**
 * The CheckIn record of one answered goal, null for a skipped or unanswered one. Answers are saved as
 * the user goes (a popup closes as soon as it loses focus), and the id is stable within one pass.
 */
/**
 * One goal's answer as a record. Its id is the goal and the local day: a second pass on the same day
 * replaces the first answer instead of adding a twin (two identical "Dec 7 · At risk" entries had
 * shown on the goal), while each day of the week keeps its own.
 */
export function checkInRecord(
  s: CheckInState,
  goalId: string,
  now: number,
  timeZone = 'UTC',
): CheckIn | null {
  const e = s.entries[goalId];
  if (e?.kind !== 'answered') return null;
  const text = (x: string) => x.trim().slice(0, 20_000);
  const notes = { plans: text(e.plans), progress: text(e.progress), problems: text(e.problems) };
  return {
    id: `checkin-${localDayKey(now, timeZone)}-${goalId}`.slice(0, 200),
    goalId,
    time: now,
    confidence: e.confidence,
    ...(e.value !== undefined ? { value: e.value } : {}),
    ...(notes.plans ? { plans: notes.plans } : {}),
    ...(notes.progress ? { progress: notes.progress } : {}),
    ...(notes.problems ? { problems: notes.problems } : {}),
    deletedAt: null,
  };
}

/** Every record of the pass (answered goals only). */
export function toCheckIns(s: CheckInState, now: number, timeZone = 'UTC'): CheckIn[] {
  return s.goals.flatMap((g) => checkInRecord(s, g.id, now, timeZone) ?? []);
}
