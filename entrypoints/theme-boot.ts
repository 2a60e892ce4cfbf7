import { defineUnlistedScript } from '#imports';
import { applyCachedAppearance } from '../lib/app/appearance-cache';

// /theme-boot.js: a classic, blocking script in the head of the new tab, options and import pages (MV3
// forbids inline scripts), so a dark-theme user never sees a white flash and the first paint is in the
// user's language. The popup does the same from its shell script (entrypoints/popup-shell.tsx).
export default defineUnlistedScript(() => {
  try {
    applyCachedAppearance(document.documentElement, localStorage);
  } catch {
    // storage disabled: the page paints with the system theme
  }
});
