import type { Goal } from '../schema';

/**
 * Whether a goal's detail offers "Mark as done". Marking done sets `doneAt`: the goal reads "Done",
 * its bar is full and it scores 1.0 wherever it is rolled up. That fits a goal reached or a milestone
 * delivered, and a cap (docs/figures.md § Budget cap) once its window is over; but a cap is met only
 * by staying within it to the end, so "done" in the middle of its window would score 1.0 a budget that
 * may yet be overrun, and hide the overrun. While its window runs it is not offered. "Reopen" always is.
 */
export function offersMarkDone(
  goal: Pick<Goal, 'doneAt' | 'deadline'>,
  isCap: boolean,
  now: number,
): boolean {
  if (goal.doneAt) return true;
  if (!isCap) return true;
  return goal.deadline !== undefined && goal.deadline <= now;
}
