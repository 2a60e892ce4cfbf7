// Wiring only, and deliberately tiny: /popup-shell.js (a classic script, entrypoints/popup-shell.tsx)
// has painted the new tab's cached goals while the page was parsed. Nothing else is fetched until that
// frame is out, so the rest (boot.ts: quick log, storage, engine) never competes with it.
import { SHELL_PAINTED } from '../../components/popup/shell-markers';

let started = false;
const loadRest = () => {
  if (started) return;
  started = true;
  void import('./boot');
};
if (document.getElementById('app')?.dataset[SHELL_PAINTED] && document.visibilityState === 'visible') {
  // The timeout covers a frame that never comes (a page hidden meanwhile).
  requestAnimationFrame(() => setTimeout(loadRest, 0));
  setTimeout(loadRest, 100);
} else loadRest();
