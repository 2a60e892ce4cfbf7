import * as z from 'zod/mini';
import { Locale } from '../schema/common';
import { GoalView } from './goal-view';

/**
 * A small summary of the dashboard kept in localStorage so the new tab paints goal cards before
 * IndexedDB and the engine have answered. It is derived data: a missing or invalid cache is ignored
 * (and overwritten by the next real computation), never trusted.
 */
export const SUMMARY_KEY = 'pacer:summary';
export const MAX_CACHED_GOALS = 60;

export const Summary = z.object({
  version: z.literal(1),
  generatedAt: z.number(),
  locale: Locale,
  onboarded: z.boolean(),
  goals: z.array(GoalView).check(z.maxLength(MAX_CACHED_GOALS)),
});
export type Summary = z.infer<typeof Summary>;

export function readSummary(storage: Pick<Storage, 'getItem'>): Summary | null {
  try {
    const raw = storage.getItem(SUMMARY_KEY);
    if (!raw) return null;
    const parsed = Summary.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSummary(storage: Pick<Storage, 'setItem'>, summary: Summary): void {
  try {
    storage.setItem(
      SUMMARY_KEY,
      JSON.stringify({ ...summary, goals: summary.goals.slice(0, MAX_CACHED_GOALS) }),
    );
  } catch {
    // quota or disabled storage: the next tab simply paints after IndexedDB
  }
}
