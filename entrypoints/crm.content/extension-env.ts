/**
 * The overlay's window on the extension: chrome.storage.local for mappings, enabled CRMs and panel
 * positions; runtime messages (lib/messages/protocol.ts) for leads, health and badge context; WXT's
 * createShadowRootUi for the panel and the picker; `ctx` timers so nothing outlives the context.
 */

import { render } from 'preact';
import { browser, type ContentScriptContext, createShadowRootUi } from '#imports';
import type { OverlayEnv } from '../../components/overlay/overlay-controller';
import { OVERLAY_HOST_STYLE, overlayPanelCss } from '../../components/overlay/styles';
import type { CrmMapping } from '../../lib/crm/mapping';
import { detectLocale } from '../../lib/i18n/detect-locale';
import { parseReply } from '../../lib/messages/protocol';
import { OverlayContext, SightedReply } from '../../lib/overlay/overlay-context';
import {
  ENABLED_KEY,
  MAPPINGS_KEY,
  MATCHED_KEY,
  PANEL_KEY,
  parseEnabled,
  parseMappings,
  parseMatched,
  parsePanels,
  upsertMapping,
} from '../../lib/overlay/stored';

export const STORE_KEYS = [ENABLED_KEY, MAPPINGS_KEY, PANEL_KEY, MATCHED_KEY];

export function extensionEnv(ctx: ContentScriptContext): OverlayEnv {
  const local = browser.storage.local;
  const send = async (message: unknown) => {
    if (ctx.isInvalid) return null;
    return browser.runtime.sendMessage(message);
  };
  const reportError = (error: unknown) => {
    // Never into the page: a quiet line in the console is all a CRM user should ever see.
    if (!ctx.isInvalid) console.debug('[pacer]', error instanceof Error ? error.message : error);
  };
  return {
    async readStore() {
      const raw = await local.get(STORE_KEYS);
      return {
        enabled: parseEnabled(raw[ENABLED_KEY]),
        mappings: parseMappings(raw[MAPPINGS_KEY]),
        panels: parsePanels(raw[PANEL_KEY]),
        matched: parseMatched(raw[MATCHED_KEY]),
      };
    },
    async saveMapping(mapping: CrmMapping) {
      const list = parseMappings((await local.get(MAPPINGS_KEY))[MAPPINGS_KEY]);
      await local.set({ [MAPPINGS_KEY]: upsertMapping(list, mapping) });
    },
    async savePanel(key, state) {
      const panels = parsePanels((await local.get(PANEL_KEY))[PANEL_KEY]);
      await local.set({ [PANEL_KEY]: { ...panels, [key]: state } });
    },
    async rememberMatched(key) {
      const matched = parseMatched((await local.get(MATCHED_KEY))[MATCHED_KEY]);
      await local.set({ [MATCHED_KEY]: { ...matched, [key]: true } });
    },
    async send(sightings, contextFor) {
      const message = contextFor?.length
        ? { type: 'leads/sighted', sightings, contextFor }
        : { type: 'leads/sighted', sightings };
      const reply = parseReply(SightedReply, await send(message));
      if (!reply.ok) {
        reportError(reply.error);
        return null;
      }
      return reply.data.context ?? null;
    },
    async context(leadIds) {
      const reply = parseReply(OverlayContext, await send({ type: 'overlay/context', leadIds }));
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
    timers: {
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      requestAnimationFrame: (fn) => ctx.requestAnimationFrame(fn),
      cancelAnimationFrame: (id) => cancelAnimationFrame(id),
    },
    locale: () => detectLocale(navigator.languages),
    onError: reportError,
  };
}
