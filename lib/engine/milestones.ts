import type { Goal } from '../schema';
import { daysLeft as daysLeftOf } from './days-left';

/**
 * Milestones: what (title) / when (deadline) / budget / who (owner); done, overdue, due soon, in
 * progress (its window has opened: the running quarter's revenue target), upcoming.
 */

export type MilestoneState = 'done' | 'overdue' | 'due_soon' | 'in_progress' | 'upcoming' | 'no_deadline';

export interface MilestoneStatus {
  state: MilestoneState;
  /** Whole local days until the deadline's day (days-left.ts; negative when overdue); null without one. */
  daysLeft: number | null;
  budget: {
    planned: number;
    spent: number | null;
    currency: string;
    share: number | null;
    over: boolean;
  } | null;
}

const DAY = 86_400_000;

/**
 * `conditionMet`: a milestone with a metric condition (goal-types/milestone.ts) whose condition holds is
 * done in all but the tick — never overdue, even after its date.
 */
export function milestoneStatus(
  goal: Pick<Goal, 'deadline' | 'doneAt' | 'budget' | 'spent' | 'startAt'>,
  now: number,
  dueSoonDays = 7,
  conditionMet: boolean | null = null,
  timeZone = 'UTC',
): MilestoneStatus {
  const daysLeft = goal.deadline === undefined ? null : daysLeftOf(goal.deadline, now, timeZone);
  let state: MilestoneState;
  if ((goal.doneAt !== undefined && goal.doneAt !== null) || conditionMet === true) state = 'done';
  else if (goal.deadline === undefined) state = 'no_deadline';
  else if (goal.deadline < now) state = 'overdue';
  else if (goal.deadline - now <= dueSoonDays * DAY) state = 'due_soon';
  else if (goal.startAt !== undefined && goal.startAt <= now) state = 'in_progress';
  else state = 'upcoming';
  const b = goal.budget;
  const spent = goal.spent !== undefined && Number.isFinite(goal.spent) ? goal.spent : null;
  const budget = b
    ? {
        planned: b.amount,
        spent,
        currency: b.currency,
        // Spent ÷ planned; a zero budget has no meaningful share.
        share: spent !== null && b.amount > 0 ? spent / b.amount : null,
        over: spent !== null && spent > b.amount,
      }
    : null;
  return { state, daysLeft, budget };
}
