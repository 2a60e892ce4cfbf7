/**
 * The overlay's window on the extension: runtime messages (lib/messages/protocol.ts) for everything —
 * its stored mappings, enabled CRMs and panel positions, leads, health and badge context. It never
 * touches `chrome.storage` itself: that is closed to content scripts (lib/background/storage-access.ts)
 * and the background answers each tab only about its own site (lib/background/crm-store.ts). WXT's
 * createShadowRootUi, in closed mode, hosts the panel and the picker; `ctx` timers so nothing outlives
 * the context.
 */

import { render } from 'preact';
import * as z from 'zod/mini';
import { browser, type ContentScriptContext, createShadowRootUi } from '#imports';
import type { OverlayEnv } from '../../components/overlay/overlay-controller';
import { OVERLAY_HOST_STYLE, overlayPanelCss } from '../../components/overlay/styles';
import type { CrmMapping } from '../../lib/crm/mapping';
import { detectLocale } from '../../lib/i18n/detect-locale';
import { parseReply } from '../../lib/messages/protocol';
import { OverlayContext, SightedReply } from '../../lib/overlay/overlay-context';
import { parseEnabled, parseMappings, parseMatched, parsePanels } from '../../lib/overlay/stored';

/** The background's answer to `overlay/store`; each part is parsed item by item as it is read. */
const StoreReply = z.object({
  enabled: z.unknown(),
  mappings: z.unknown(),
  panels: z.unknown(),
  matched: z.unknown(),
});

/** What the background sends a CRM tab when its mappings or the enabled CRMs changed. */
export const OVERLAY_CHANGED = 'overlay/changed';

export function extensionEnv(ctx: ContentScriptContext): OverlayEnv {
  const send = async (message: unknown) => {
    if (ctx.isInvalid) return null;
    return browser.runtime.sendMessage(message);
  };
  const reportError = (error: unknown) => {
    // Never into the page: a quiet line in the console is all a CRM user should ever see.
    if (!ctx.isInvalid) console.debug('[pacer]', error instanceof Error ? error.message : error);
  };
  /** A write through the background; a refusal is an error for the caller's onError. */
  const write = async (message: unknown) => {
    const reply = parseReply(z.null(), await send(message));
    if (!reply.ok) throw new Error(reply.error);
  };
  return {
    async readStore() {
      const reply = parseReply(StoreReply, await send({ type: 'overlay/store' }));
      // Refused (this site is not enabled any more) or no answer: the overlay stays off.
      if (!reply.ok) reportError(reply.error);
      const raw = reply.ok ? reply.data : { enabled: [], mappings: [], panels: {}, matched: {} };
      return {
        enabled: parseEnabled(raw.enabled),
        mappings: parseMappings(raw.mappings),
        panels: parsePanels(raw.panels),
        matched: parseMatched(raw.matched),
      };
    },
    saveMapping: (mapping: CrmMapping) => write({ type: 'overlay/save-mapping', mapping }),
    // The background files the position under this page's origin (lib/overlay/panel-position.ts).
    savePanel: (_key, state) => write({ type: 'overlay/save-panel', state }),
    rememberMatched: (key) => write({ type: 'overlay/remember-matched', key }),
    async send(sightings, contextFor, goalId) {
      const message = contextFor?.length
        ? { type: 'leads/sighted', sightings, contextFor, ...(goalId ? { goalId } : {}) }
        : { type: 'leads/sighted', sightings };
      const reply = parseReply(SightedReply, await send(message));
      if (!reply.ok) {
        reportError(reply.error);
        return null;
      }
      // Rows the background dropped as malformed (the rest of the batch was stored).
      if (reply.data.refused) reportError(`${reply.data.refused} sighting(s) refused as malformed`);
      return reply.data.context ?? null;
    },
    async context(leadIds, goalId) {
      const message = { type: 'overlay/context', leadIds, ...(goalId ? { goalId } : {}) };
      const reply = parseReply(OverlayContext, await send(message));
      return reply.ok ? reply.data : null;
    },
    reportHealth: (report) => send({ type: 'crm/health', ...report }),
    async mountUi(name, paint) {
      const ui = await createShadowRootUi(ctx, {
        name,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        // WXT's own host reset is `all: initial !important`, which no host style can override; ours
        // (in overlayPanelCss) is the same without !important, so OVERLAY_HOST_STYLE applies.
        inheritStyles: true,
        // Closed: the CRM page's scripts cannot reach in through `host.shadowRoot` and read the goal's
        // numbers (issue 15, finding 5). Only this closure holds the container.
        mode: 'closed',
        css: overlayPanelCss(),
        onMount: (container, _shadow, host) => {
          host.setAttribute('style', OVERLAY_HOST_STYLE);
          paint(container, host);
          return container;
        },
        // However the UI goes (the controller, or WXT when the extension reloads), its Preact tree
        // goes with it: a tree left mounted keeps its window listeners, and the picker's block clicks.
        onRemove: (container) => {
          if (container) render(null, container);
        },
      });
      ui.mount();
      return { remove: () => ui.remove() };
    },
    // Not ctx.setTimeout / ctx.requestAnimationFrame: each of those adds an `abort` listener to the
    // context's signal that is never removed, and the scanner asks for a frame on every CRM re-render
    // and scroll — an hour on a busy list left thousands of listeners, each new one costing a scan of
    // the others. A callback still never runs once the context is gone, and the overlay's stop (on
    // invalidation, see the content script) cancels what is outstanding.
    timers: {
      setTimeout: (fn, ms) => window.setTimeout(() => ctx.isValid && fn(), ms),
      clearTimeout: (id) => clearTimeout(id),
      requestAnimationFrame: (fn) => requestAnimationFrame(() => ctx.isValid && fn()),
      cancelAnimationFrame: (id) => cancelAnimationFrame(id),
    },
    locale: () => detectLocale(navigator.languages),
    onError: reportError,
  };
}
