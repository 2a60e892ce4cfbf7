import { signal } from '@preact/signals';
import type { GoalFormState } from '../../../lib/app/goal-form';

/**
 * Fields a new goal starts with when another editor opens the goal form (a goal-shaped template sets the
 * kind, measure and its metric). The goal form takes it once on open and clears it.
 */
export const goalPrefill = signal<Partial<GoalFormState> | null>(null);
