/**
 * The overlay's CSS: the shared widget sheets (theme tokens as :host defaults, widgets.css) plus the
 * overlay's own, built once per page. Badges adopt a smaller sheet (theme tokens and the pill rules:
 * badgeBaseCss) as constructed stylesheets, shared by every badge's shadow root (measured ~1.45× a
 * plain element per badge, against 1.9× for a <style> each).
 */
import { withTokenFallbacks } from '../../lib/snapshot/widget-css';
import { adoptStyleTexts, badgeBaseCss, widgetBaseCss } from '../widgets/elements/styles';
import healthCss from './health-details.css?inline';
import overlayCss from './overlay.css?inline';
import pickerStepsCss from './picker-steps.css?inline';

/** The box every badge host has in the badge layer (components/overlay/badge-layer.ts). */
export const BADGE_SIZE = { width: 150, height: 18 } as const;

/**
 * A badge host: at the layer's origin (moved with a transform), size-contained so that filling or
 * updating it lays out the host alone. No pointer events: clicks go to the CRM below. In the layer's
 * flow, not absolutely placed: an absolutely placed host added to the layer laid out the whole page
 * from its root (the layer's containment does not stop it), 2–5 ms on a 2,000-row table each time
 * badges are first drawn, where a host in flow lays out the layer alone. Each host's negative bottom
 * margin cancels its height, so every host starts at the layer's origin as the absolute ones did.
 * No `all: initial` here: the layer has it already, so nothing is inherited from the page, and page
 * rules win over `:host` rules anyway. On a host it made every restyle apply several hundred initial
 * values, uncached since each host's inline transform differs (3–5 ms per 50-row re-render, traced).
 */
const BADGE_HOST_CSS =
  `:host{display:block;contain:strict;width:${BADGE_SIZE.width}px;height:${BADGE_SIZE.height}px;` +
  `margin:0 0 -${BADGE_SIZE.height}px;overflow:hidden;pointer-events:none}` +
  '.pc-root{display:flex;justify-content:flex-end;align-items:center;height:100%}' +
  ':host([data-start]) .pc-root{justify-content:flex-start}';

let panelCss: string | null = null;

/**
 * The panel's and the picker's host: the whole viewport, out of the page's flow, fully contained and
 * transparent to the pointer (their own boxes take pointer events back). Containment makes the host a
 * layout root: the panel's "52 records read" changing on every CRM re-render lays out the panel alone,
 * where an uncontained host at the end of <body> cost a layout pass of the whole 2,000-row page
 * (2–4 ms each, traced). The fixed-position UIs inside are placed against this host, i.e. the viewport.
 */
export const OVERLAY_HOST_STYLE =
  'all:initial;display:block;position:fixed;inset:0;z-index:2147483646;contain:strict;pointer-events:none';

/** Everything the panel and the picker need, as one text for createShadowRootUi's `css`. */
export function overlayPanelCss(): string {
  panelCss ??= `:host{all:initial}\n${widgetBaseCss()}\n${withTokenFallbacks(overlayCss)}\n${withTokenFallbacks(healthCss)}\n${withTokenFallbacks(pickerStepsCss)}\n${UI_POINTER_CSS}`;
  return panelCss;
}

/** Inside the pointer-transparent host, the panel and the picker take clicks again. */
const UI_POINTER_CSS = '.pc-panel,.pc-picker{pointer-events:auto}';

export function adoptBadgeStyles(root: ShadowRoot): void {
  adoptStyleTexts(root, [badgeBaseCss(), BADGE_HOST_CSS]);
}
