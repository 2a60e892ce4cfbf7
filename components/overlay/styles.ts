/**
 * The overlay's CSS: the shared widget sheets (theme tokens as :host defaults, widgets.css) plus the
 * overlay's own, built once per page. Badges adopt them as constructed stylesheets, shared by every
 * badge's shadow root (measured ~1.45× a plain element per badge, against 1.9× for a <style> each).
 */
import { withTokenFallbacks } from '../../lib/snapshot/widget-css';
import { adoptStyles, widgetBaseCss } from '../widgets/elements/styles';
import overlayCss from './overlay.css?inline';

/** The box every badge host has in the badge layer (components/overlay/badge-layer.tsx). */
export const BADGE_SIZE = { width: 150, height: 18 } as const;

/**
 * A badge host: absolutely placed in the layer (moved with a transform), size-contained so that
 * filling or updating it lays out the host alone. No pointer events: clicks go to the CRM below.
 */
const BADGE_HOST_CSS =
  `:host{all:initial;display:block;position:absolute;top:0;left:0;contain:strict;width:${BADGE_SIZE.width}px;` +
  `height:${BADGE_SIZE.height}px;overflow:hidden;pointer-events:none}` +
  '.pc-root{display:flex;justify-content:flex-end;align-items:center;height:100%}';

let panelCss: string | null = null;

/** Everything the panel and the picker need, as one text for createShadowRootUi's `css`. */
export function overlayPanelCss(): string {
  panelCss ??= `${widgetBaseCss()}\n${withTokenFallbacks(overlayCss)}`;
  return panelCss;
}

export function adoptBadgeStyles(root: ShadowRoot): void {
  adoptStyles(root, BADGE_HOST_CSS);
}
