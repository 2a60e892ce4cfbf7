import type { Lead } from '../schema';

const DAY_MS = 86_400_000;

/**
 * When a lead entered a stage of its history, as far as Pacer knows. A stage change Pacer saw happen
 * (any entry after the first) is dated when it was seen. The first entry is only "in this stage when
 * Pacer first read it": its date is the first sighting, not when the deal got there. Counting it as
 * the day a deal entered its stage had every badge read "0d" on install, and every deal already won
 * counted as won on the day Pacer was installed (5 deals, ₫2.75 billion "won today").
 *
 * The first stage's date is known when the lead was first read on the day it was created (it has
 * been in that stage since), or when the history carries dates of its own (the example data's, a
 * history not begun at the first sighting).
 */
export function enteredAt(
  lead: Pick<Lead, 'stageHistory' | 'createdDate' | 'firstSeen' | 'example'>,
  index: number,
): number | null {
  const change = lead.stageHistory[index];
  if (!change) return null;
  if (index > 0 || lead.example || change.at !== lead.firstSeen) return change.at;
  const created = lead.createdDate;
  return created !== undefined && lead.firstSeen - created < DAY_MS ? change.at : null;
}

export interface DaysInStage {
  days: number;
  /** True when Pacer only knows a lower bound: the lead was already in this stage when first read. */
  atLeast: boolean;
}

/** Whole days in the current stage; a lower bound when its start is unknown; null without a history. */
export function daysInStage(
  lead: Pick<Lead, 'stageHistory' | 'createdDate' | 'firstSeen' | 'example'>,
  now: number,
): DaysInStage | null {
  const i = lead.stageHistory.length - 1;
  const last = lead.stageHistory[i];
  if (!last) return null;
  const known = enteredAt(lead, i);
  return { days: Math.max(0, Math.floor((now - (known ?? last.at)) / DAY_MS)), atLeast: known === null };
}

/**
 * When a deal was won, for the dated "deals won" KPIs: when Pacer saw it move to a won stage; else
 * the close date the CRM shows; else null (won before Pacer read it, on a day it cannot know).
 */
export function wonAt(
  lead: Pick<Lead, 'stageHistory' | 'createdDate' | 'firstSeen' | 'example' | 'closeDate'>,
  isWon: (stage: string) => boolean,
): number | null {
  const i = lead.stageHistory.findIndex((c) => isWon(c.stage));
  if (i < 0) return null;
  return enteredAt(lead, i) ?? lead.closeDate ?? null;
}
