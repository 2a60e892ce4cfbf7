import { defineUnlistedScript } from '#imports';
import { startDeferredModule } from '../components/popup/deferred-module';
import { paintPopupShell } from '../components/popup/popup-shell';
import { applyCachedAppearance } from '../lib/app/appearance-cache';

// Wiring only: the popup's one classic script, at the end of popup.html. It puts the cached theme and
// language on the page, paints the new tab's cached goals (components/popup/popup-shell.tsx), then
// starts the popup's module (quick log, storage, engine), which the build took out of the page.
export default defineUnlistedScript(() => {
  let painted = false;
  try {
    applyCachedAppearance(document.documentElement, localStorage);
    const root = document.getElementById('app');
    painted = root ? paintPopupShell(root, localStorage) : false;
  } catch (error) {
    // A broken cache or disabled storage costs the early paint, never the popup.
    console.error('Pacer: the popup could not paint its cached goals', error);
  }
  startDeferredModule(document, painted);
});
