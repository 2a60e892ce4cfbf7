import { render } from 'preact';
import type { GoalView } from '../../lib/app/goal-view';
import type { RecentStore } from '../../lib/popup/recent-metrics';
import { PopupApp, type PopupEnv, popupView } from './popup-app';
import { goals, startPopupModel } from './popup-model';
import { SHELL_HOST_CLASS } from './shell-markers';

export { popupView };

/**
 * Replaces the first-paint shell (drawn by its own copy of Preact, see popup-shell.tsx) with the full
 * popup, in one task, so no frame shows neither.
 */
export function mountPopup(
  root: HTMLElement,
  env: PopupEnv,
  start: { cached: GoalView[] | null; view: 'home' | 'check-in'; recentStore: RecentStore },
): void {
  goals.value ??= start.cached;
  popupView.value = start.view;
  root.querySelector(`:scope > .${SHELL_HOST_CLASS}`)?.remove();
  render(<PopupApp env={env} />, root);
  void startPopupModel(start.recentStore);
}
