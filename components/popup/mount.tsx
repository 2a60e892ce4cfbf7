import { render } from 'preact';
import type { GoalView } from '../../lib/app/goal-view';
import type { RecentStore } from '../../lib/popup/recent-metrics';
import { PopupApp, type PopupEnv, popupView } from './popup-app';
import { goals, startPopupModel } from './popup-model';

export { popupView };

/** Replaces the first-paint shell with the full popup; Preact diffs, so the cards stay in place. */
export function mountPopup(
  root: HTMLElement,
  env: PopupEnv,
  start: { cached: GoalView[] | null; view: 'home' | 'check-in'; recentStore: RecentStore },
): void {
  goals.value ??= start.cached;
  popupView.value = start.view;
  render(<PopupApp env={env} />, root);
  void startPopupModel(start.recentStore);
}
