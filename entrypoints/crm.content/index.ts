// First: WXT's start message must not reach the page (it names the extension).
import './quiet-start';
import { browser, defineContentScript } from '#imports';
import { createOverlayController } from '../../components/overlay/overlay-controller';
import { extensionEnv, OVERLAY_CHANGED } from './extension-env';
import { guardAgainstForgedRestart } from './started-guard';

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
    // Before anything else: a page must not be able to switch the overlay off with WXT's event.
    guardAgainstForgedRestart(ctx);
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
    // Single-page navigation: tear down and read the new page. WXT's event comes before `location`
    // changes (Navigation API), so its `newUrl` is used; a page can dispatch an event of that name
    // too, but its properties are not visible in this world, and a URL on another origin is ignored.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const next: unknown = (event as { newUrl?: unknown }).newUrl;
      if (next instanceof URL && next.origin === location.origin) restart(next.href);
    });
    // A new mapping, a CRM enabled or disabled in the options page: the background says so (this
    // script cannot watch extension storage), and the overlay starts over on this page.
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (ctx.isInvalid || sender.id !== browser.runtime.id || sender.tab) return;
      if ((message as { type?: unknown } | null)?.type === OVERLAY_CHANGED) restart(location.href, true);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
