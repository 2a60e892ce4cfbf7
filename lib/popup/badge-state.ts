import type { ViewStatus } from '../app/goal-view';
import type { Translator } from '../i18n/translate';
import { STATUS_SEVERITY } from './top-goals';

export interface BadgeState {
  /** Off-track count ('' when none: a quiet toolbar when nothing is off track). */
  text: string;
  /** Colour of the worst status among the goals. */
  color: string;
  /** Tooltip: the counts in words. */
  title: string;
}

/** Contrast-checked against the white badge text Chromium draws. */
export const BADGE_COLORS: Record<ViewStatus, string> = {
  off_track: '#b3261e',
  at_risk: '#9a5b00',
  on_track: '#1e7a34',
  too_early: '#5f6368',
  no_data: '#5f6368',
  done: '#1e7a34',
};

export function badgeState(statuses: readonly ViewStatus[], t: Translator): BadgeState {
  const counts: Record<ViewStatus, number> = {
    off_track: 0,
    at_risk: 0,
    on_track: 0,
    too_early: 0,
    no_data: 0,
    done: 0,
  };
  for (const s of statuses) counts[s]++;
  const worst = statuses.reduce<ViewStatus>(
    (w, s) => (STATUS_SEVERITY[s] < STATUS_SEVERITY[w] ? s : w),
    'done',
  );
  const off = counts.off_track;
  const text = off === 0 ? '' : off > 99 ? '99+' : String(off);
  const parts: string[] = [];
  if (statuses.length === 0) parts.push(t('badge.noGoals'));
  else {
    if (off) parts.push(t.plural('badge.offTrack', off));
    if (counts.at_risk) parts.push(t.plural('badge.atRisk', counts.at_risk));
    if (counts.on_track) parts.push(t.plural('badge.onTrack', counts.on_track));
    if (counts.done) parts.push(t.plural('badge.done', counts.done));
    // Goals with figures but too early to judge: neither off track nor missing (status.ts rule 5b).
    if (counts.too_early) parts.push(t.plural('badge.tooEarly', counts.too_early));
  }
  return {
    text,
    color: BADGE_COLORS[statuses.length ? worst : 'no_data'],
    title: `${t('app.name')} — ${parts.join(', ')}`,
  };
}
