import { browser, ContentScriptContext } from '#imports';

/**
 * WXT stops an older copy of a content script when a newer one starts: the new copy dispatches
 * `<extension id>:<entrypoint>:wxt:content-script-started` on `document`, and every other copy that
 * hears it invalidates its context (wxt/utils/content-script-context). A page can dispatch that event
 * too — the name is no secret, WXT also posts it to the page with `window.postMessage` — and so switch
 * the overlay off (issue 15, finding 5).
 *
 * The copy WXT means to stop is one left behind by an extension update or reload: its extension
 * context is gone, and `browser.runtime.id` reads undefined there. So while this copy's extension is
 * alive, the event is stopped before WXT's listener (a capturing listener on `window` runs before any
 * listener on `document`); an orphaned copy lets it through and stops as WXT intends. A second copy
 * injected into a live page is already handled by the content script's run-once flag.
 */
export function guardAgainstForgedRestart(ctx: ContentScriptContext): void {
  // WXT keeps the name in a static it does not export as public API; the fallback is how it builds it.
  const wxtName = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  const name =
    typeof wxtName === 'string'
      ? wxtName
      : `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  const onStarted = (event: Event) => {
    if (browser.runtime?.id) event.stopImmediatePropagation();
  };
  ctx.addEventListener(window, name as never, onStarted, { capture: true });
}
