import { browser, defineContentScript } from '#imports';
import { createOverlayController } from '../../components/overlay/overlay-controller';
import { extensionEnv, STORE_KEYS } from './extension-env';

// The CRM overlay. Registered at runtime only (lib/background/crm-registration.ts), for the CRM hosts
// the user enabled and granted: a static `matches` would be granted at install and run everywhere
// those hosts are, which is exactly what optional host permissions are meant to prevent.
// CSS is passed to createShadowRootUi as text ('manual'): with no manifest entry there is no
// web-accessible stylesheet for the 'ui' mode to fetch.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Registered and executed twice (e.g. two enabled patterns covering one host): run once.
    const scope = globalThis as { __pacerCrmOverlay?: boolean };
    if (scope.__pacerCrmOverlay) return;
    scope.__pacerCrmOverlay = true;
    ctx.onInvalidated(() => {
      scope.__pacerCrmOverlay = false;
    });

    const env = extensionEnv(ctx);
    const overlay = createOverlayController(env, document);
    let shown = '';
    const restart = (href: string, force = false) => {
      if (href === shown && !force) return;
      shown = href;
      overlay.start(new URL(href)).catch(env.onError);
    };
    restart(location.href);
    // A hash route changes the page at once; WXT's own location watch only polls.
    ctx.addEventListener(window, 'hashchange', () => restart(location.href));
    ctx.onInvalidated(() => overlay.stop());
    // Single-page navigation: tear down and read the new page.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => restart(newUrl.href));
    // A new mapping, a CRM enabled or disabled in the options page: start over on this page.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || ctx.isInvalid) return;
      if (STORE_KEYS.slice(0, 2).some((key) => key in changes)) restart(location.href, true);
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  },
});
