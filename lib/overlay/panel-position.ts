/**
 * Where the floating panel sits, per site. Stored as the distance from the viewport's right and bottom
 * edges (the corner it starts in), so a window resize keeps it in the same corner; clamped so that it
 * can never be dragged out of reach.
 */
import type { PanelState } from './stored';

export const DEFAULT_PANEL: PanelState = { x: 16, y: 16, collapsed: false };
const MARGIN = 4;

export interface Size {
  width: number;
  height: number;
}

/** Keeps the panel (of `panel` size) fully inside the viewport. */
export function clampPanel(state: PanelState, viewport: Size, panel: Size): PanelState {
  const clamp = (v: number, max: number) =>
    Math.min(Math.max(MARGIN, Number.isFinite(v) ? v : MARGIN), Math.max(MARGIN, max));
  return {
    ...state,
    x: Math.round(clamp(state.x, viewport.width - panel.width - MARGIN)),
    y: Math.round(clamp(state.y, viewport.height - panel.height - MARGIN)),
  };
}

/** The new right/bottom offsets after a drag of (dx, dy) pixels (right and down are positive). */
export function dragPanel(
  start: PanelState,
  dx: number,
  dy: number,
  viewport: Size,
  panel: Size,
): PanelState {
  return clampPanel({ ...start, x: start.x - dx, y: start.y - dy }, viewport, panel);
}

/** The key a site's panel state is kept under: its origin. */
export function panelKey(url: URL): string {
  return url.origin;
}
