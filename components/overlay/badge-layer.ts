/**
 * Lead badges, drawn in one layer of Pacer's own at the end of the page's body instead of inside the
 * CRM's table cells. Any change inside a big table re-lays out the whole table (~25 ms for 2,000 rows
 * here, per badge pass); a change in a separate, layout-contained layer costs well under a millisecond.
 * Each badge is a `<pacer-lead-badge>` host with its own shadow root (page CSS cannot reach in, ours
 * cannot leak out) sharing one constructed stylesheet, placed over its anchor from rectangles read in
 * one pass per frame (lib/overlay/badge-position.ts). Badges follow scrolling, resizing and the CRM's
 * re-renders; a badge whose anchor left the page is removed, so a re-render never leaves a duplicate.
 */
import type { BadgeView } from '../../lib/overlay/badge-format';
import { type BadgePlacement, placeBadge } from '../../lib/overlay/badge-position';
import { paintLeadBadge } from '../widgets/lead-badge-dom';
import { adoptBadgeStyles, BADGE_SIZE } from './styles';

export const BADGE_TAG = 'pacer-lead-badge';
export const LAYER_TAG = 'pacer-badge-layer';
/** Every element Pacer adds to a page, for the mutation batcher to ignore. */
export const OWN_TAGS = new Set([BADGE_TAG, LAYER_TAG, 'pacer-panel', 'pacer-picker']);

export function isOwnElement(el: Element): boolean {
  return OWN_TAGS.has(el.localName);
}

/**
 * Out of the page's flow, no box of its own, above the CRM's content. Badges take no pointer events:
 * they lie over the CRM's cells, and a click there must still reach the CRM. Size and layout
 * containment make the layer a layout root, so showing, hiding or refilling badges never lays out the
 * page (a pass over a 2,000-row page costs 2–4 ms even for five changed boxes). No paint containment:
 * badges lie outside the layer's empty box and must not be clipped.
 */
const LAYER_STYLE =
  'all:initial;display:block;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;' +
  'z-index:2147483000;pointer-events:none;contain:size layout style';

const MAX_SPARE = 200;

/**
 * Hides a badge with `content-visibility: hidden`, not `visibility`: the browser keeps the hidden
 * badge's style and layout, so showing it again (a host reused for a re-rendered row, a row scrolled
 * back) restyles nothing inside it, where `visibility`, an inherited property, restyled every element
 * of the badge on each toggle. Hidden content is also left out of the accessibility tree.
 */
function setHidden(host: HTMLElement, hidden: boolean): void {
  const value = hidden ? 'hidden' : '';
  if (host.style.contentVisibility !== value) host.style.contentVisibility = value;
}

/** Marks a hidden host kept for reuse (tests count drawn badges without it). */
export const SPARE_ATTR = 'data-spare';

interface Entry {
  anchor: Element;
  host: HTMLElement;
  mount: HTMLElement;
  view: string;
  placed: BadgePlacement | null;
  /** What the visibility observer last said (a row scrolled out of a CRM's own scroll box is not). */
  visible: boolean;
}

export interface BadgeLayer {
  /** Draws or updates the one badge of `item`, over `anchor`. */
  render(item: Element, anchor: Element, view: BadgeView): void;
  /** Removes the badge of an item the CRM removed. */
  forget(item: Element): void;
  /** The page changed around the badges: place them again in the next frame. */
  reflow(): void;
  /** Removes the layer and every badge (navigation, CRM disabled). */
  clear(): void;
}

export function createBadgeLayer(doc: Document): BadgeLayer {
  const win = doc.defaultView ?? window;
  const entries = new Map<Element, Entry>();
  const byAnchor = new Map<Element, Entry>();
  /** Hosts of removed rows, kept for the next rows: a new shadow root costs a style recalc of its own. */
  const spare: Pick<Entry, 'host' | 'mount' | 'view'>[] = [];
  let layer: HTMLElement | null = null;
  let frame: number | null = null;
  let listening = false;

  const visibility =
    typeof win.IntersectionObserver === 'function'
      ? new win.IntersectionObserver((records) => {
          for (const record of records) {
            const entry = byAnchor.get(record.target);
            if (!entry) continue;
            entry.visible = record.isIntersecting;
            applyShown(entry);
          }
        })
      : null;

  const onMove = () => schedule();

  function ensureLayer(): HTMLElement {
    if (!layer) {
      layer = doc.createElement(LAYER_TAG);
      layer.setAttribute('style', LAYER_STYLE);
    }
    if (!layer.isConnected) (doc.body ?? doc.documentElement).append(layer);
    if (!listening) {
      listening = true;
      doc.addEventListener('scroll', onMove, { capture: true, passive: true });
      win.addEventListener('resize', onMove, { passive: true });
    }
    return layer;
  }

  function applyShown(entry: Entry): void {
    const shown = entry.visible && (entry.placed?.shown ?? false);
    setHidden(entry.host, !shown);
  }

  function drop(item: Element, entry: Entry): void {
    setHidden(entry.host, true);
    if (spare.length < MAX_SPARE) {
      entry.host.setAttribute(SPARE_ATTR, '');
      spare.push(entry);
    } else entry.host.remove();
    visibility?.unobserve(entry.anchor);
    byAnchor.delete(entry.anchor);
    entries.delete(item);
  }

  /** One pass of reads (rectangles), then one pass of writes (transforms): at most one page layout. */
  function place(): void {
    frame = null;
    if (entries.size === 0) return;
    const root = ensureLayer();
    const origin = root.getBoundingClientRect();
    const moves: [Entry, BadgePlacement][] = [];
    for (const [item, entry] of entries) {
      if (!entry.anchor.isConnected || !item.isConnected) {
        drop(item, entry);
        continue;
      }
      moves.push([entry, placeBadge(entry.anchor.getBoundingClientRect(), origin, BADGE_SIZE)]);
    }
    for (const [entry, placed] of moves) {
      if (placed.shown && (entry.placed?.x !== placed.x || entry.placed?.y !== placed.y))
        entry.host.style.transform = `translate(${placed.x}px,${placed.y}px)`;
      entry.placed = placed;
      applyShown(entry);
    }
  }

  function schedule(): void {
    if (frame !== null || entries.size === 0) return;
    frame = win.requestAnimationFrame(place);
  }

  function create(anchor: Element): Entry {
    const reused = spare.pop();
    if (reused) {
      reused.host.removeAttribute(SPARE_ATTR);
      return { ...reused, anchor, placed: null, visible: true };
    }
    const host = doc.createElement(BADGE_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    adoptBadgeStyles(shadow);
    const mount = doc.createElement('span');
    mount.className = 'pc-root';
    shadow.append(mount);
    // Hidden until placed: a badge never flashes at the layer's corner.
    setHidden(host, true);
    ensureLayer().append(host);
    return { anchor, host, mount, view: '', placed: null, visible: true };
  }

  return {
    render(item, anchor, view) {
      let entry = entries.get(item);
      if (entry && entry.anchor !== anchor) {
        visibility?.unobserve(entry.anchor);
        byAnchor.delete(entry.anchor);
        entry.anchor = anchor;
        entry.placed = null;
      }
      if (!entry) {
        entry = create(anchor);
        entries.set(item, entry);
      }
      if (!byAnchor.has(anchor)) {
        byAnchor.set(anchor, entry);
        visibility?.observe(anchor);
      }
      const key = JSON.stringify(view);
      if (entry.view !== key) {
        entry.view = key;
        paintLeadBadge(entry.mount, view);
      }
      schedule();
    },
    forget(item) {
      const entry = entries.get(item);
      if (entry) drop(item, entry);
    },
    reflow: schedule,
    clear() {
      if (frame !== null) win.cancelAnimationFrame(frame);
      frame = null;
      for (const [item, entry] of [...entries]) drop(item, entry);
      // The spare hosts live in the layer and leave with it.
      spare.length = 0;
      visibility?.disconnect();
      layer?.remove();
      layer = null;
      if (listening) {
        doc.removeEventListener('scroll', onMove, { capture: true });
        win.removeEventListener('resize', onMove);
        listening = false;
      }
    },
  };
}
