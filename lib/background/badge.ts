import type { GoalView } from '../app/goal-view';
import type { Translator } from '../i18n/translate';
import { type BadgeState, badgeState } from '../popup/badge-state';

/**
 * The part of `browser.action` the badge uses (a fake in unit tests). Both builds are MV3 (wxt.config.ts),
 * so Chrome and Firefox alike have `browser.action`; Firefox's MV2 `browserAction` is never needed.
 */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Milestones have their own timeline; the badge counts goals. */
export async function applyBadge(
  action: BadgeApi,
  goals: readonly Pick<GoalView, 'status' | 'kind'>[],
  t: Translator,
): Promise<BadgeState> {
  const state = badgeState(
    goals.filter((g) => g.kind !== 'milestone').map((g) => g.status),
    t,
  );
  await Promise.all([
    action.setBadgeText({ text: state.text }),
    action.setBadgeBackgroundColor({ color: state.color }),
    action.setTitle({ title: state.title }),
  ]);
  return state;
}
