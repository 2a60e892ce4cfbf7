/**
 * The milestones the timeline shows before "Show all": what matters now. A BHAG broken into years,
 * quarters and months made 68 cards (~2,650 px) on the new tab, most of them months two years away.
 * Kept: every overdue one, every running or soon-due one, the next few upcoming and the last few done.
 * A short timeline is shown whole: hiding two cards behind a button saves nothing.
 */
import type { MilestoneView } from './dashboard-types';

export const FOCUS = { upcoming: 3, done: 2, wholeUpTo: 8 } as const;

/** `milestones` in timeline order (by deadline, dateless last, as dashboard-data.ts sorts them). */
export function focusMilestones<M extends Pick<MilestoneView, 'id' | 'state' | 'whenMs' | 'doneAt'>>(
  milestones: readonly M[],
  limits: { upcoming: number; done: number; wholeUpTo: number } = FOCUS,
): { shown: M[]; hidden: number } {
  if (milestones.length <= limits.wholeUpTo) return { shown: [...milestones], hidden: 0 };
  const keep = new Set<string>();
  for (const m of milestones) if (m.state !== 'upcoming' && m.state !== 'done') keep.add(m.id);
  for (const m of milestones.filter((m) => m.state === 'upcoming').slice(0, limits.upcoming)) keep.add(m.id);
  // The most recently done: ticked off by hand lately (one just ticked off stays in sight), else the
  // latest due of those met by their metric.
  const doneWhen = (m: M) => m.doneAt ?? m.whenMs ?? 0;
  const done = milestones.filter((m) => m.state === 'done').sort((a, b) => doneWhen(b) - doneWhen(a));
  for (const m of done.slice(0, limits.done)) keep.add(m.id);
  const shown = milestones.filter((m) => keep.has(m.id));
  return { shown, hidden: milestones.length - shown.length };
}
