import { defineUnlistedScript } from '#imports';
import { paintPopupShell } from '../components/popup/popup-shell';

// Wiring only: a classic script at the end of popup.html, so the cached goals are on screen before the
// module graph (quick log, storage, engine) has even been fetched. See components/popup/popup-shell.tsx.
export default defineUnlistedScript(() => {
  const root = document.getElementById('app');
  if (root) paintPopupShell(root, localStorage);
});
