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
  /** The drawn view, serialized: a badge is repainted only when it differs. */
  view: string;
  placed: BadgePlacement | null;
  /** What the visibility observer last said (a row scrolled out of a CRM's own scroll box is not). */
  visible: boolean;
}

export interface BadgeLayer {
  /** Draws or updates the one badge of `item`, over `anchor` (shown by the next `place`). */
  render(item: Element, anchor: Element, view: BadgeView): void;
  /** The CRM removed `item`: its badge is hidden by the next `place`, unless a new row takes it over. */
  forget(item: Element): void;
  /** Places every badge over its anchor and hides the ones left behind: one pass of reads, then writes. */
  place(): void;
  /** Removes the layer and every badge (navigation, CRM disabled). */
  clear(): void;
}

/** The key a badge is matched by when a new row could take over a drawn or spare host. */
const viewKey = (view: BadgeView) => JSON.stringify(view);

export function createBadgeLayer(doc: Document): BadgeLayer {
  const win = doc.defaultView ?? window;
  const entries = new Map<Element, Entry>();
  const byAnchor = new Map<Element, Entry>();
  /** Badges of removed rows, still shown until the next `place`: a new row with the same view takes one. */
  let leaving: Entry[] = [];
  /** Hidden hosts kept for the next rows: a new shadow root costs a style recalc of its own. */
  const spare: Entry[] = [];
  let layer: HTMLElement | null = null;

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

  function ensureLayer(): HTMLElement {
    if (!layer) {
      layer = doc.createElement(LAYER_TAG);
      layer.setAttribute('style', LAYER_STYLE);
    }
    if (!layer.isConnected) (doc.body ?? doc.documentElement).append(layer);
    return layer;
  }

  function applyShown(entry: Entry): void {
    const shown = entry.visible && (entry.placed?.shown ?? false);
    setHidden(entry.host, !shown);
  }

  function watch(entry: Entry, anchor: Element): void {
    entry.anchor = anchor;
    if (byAnchor.has(anchor)) return;
    byAnchor.set(anchor, entry);
    visibility?.observe(anchor);
  }

  function unwatch(entry: Entry): void {
    if (byAnchor.get(entry.anchor) !== entry) return;
    visibility?.unobserve(entry.anchor);
    byAnchor.delete(entry.anchor);
  }

  function retire(entry: Entry): void {
    setHidden(entry.host, true);
    entry.placed = null;
    if (spare.length < MAX_SPARE) {
      entry.host.setAttribute(SPARE_ATTR, '');
      spare.push(entry);
    } else entry.host.remove();
  }

  /** A leaving badge with this view (kept as it is), else a spare host (one with this view first). */
  function reuse(key: string): Entry | undefined {
    const same = leaving.findIndex((e) => e.view === key);
    if (same >= 0) return leaving.splice(same, 1)[0];
    if (leaving.length > 0 && spare.length === 0) return leaving.pop();
    let at = spare.length - 1;
    for (let i = spare.length - 1; i >= 0; i--)
      if (spare[i]?.view === key) {
        at = i;
        break;
      }
    const entry = at >= 0 ? spare.splice(at, 1)[0] : undefined;
    entry?.host.removeAttribute(SPARE_ATTR);
    return entry;
  }

  function create(anchor: Element): Entry {
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
      const key = viewKey(view);
      let entry = entries.get(item);
      if (!entry) {
        entry = reuse(key) ?? create(anchor);
        entry.visible = true;
        entries.set(item, entry);
      }
      if (entry.anchor !== anchor || !byAnchor.has(anchor)) {
        unwatch(entry);
        watch(entry, anchor);
      }
      if (entry.view !== key) {
        entry.view = key;
        paintLeadBadge(entry.mount, view);
      }
    },
    forget(item) {
      const entry = entries.get(item);
      if (!entry) return;
      entries.delete(item);
      unwatch(entry);
      leaving.push(entry);
    },
    place() {
      for (const entry of leaving) retire(entry);
      leaving = [];
      if (entries.size === 0) return;
      const root = ensureLayer();
      const origin = root.getBoundingClientRect();
      const moves: [Entry, BadgePlacement][] = [];
      for (const [item, entry] of [...entries]) {
        if (!entry.anchor.isConnected || !item.isConnected) {
          entries.delete(item);
          unwatch(entry);
          retire(entry);
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
    },
    clear() {
      for (const entry of [...entries.values(), ...leaving]) retire(entry);
      entries.clear();
      byAnchor.clear();
      leaving = [];
      // The spare hosts live in the layer and leave with it.
      spare.length = 0;
      visibility?.disconnect();
      layer?.remove();
      layer = null;
    },
  };
}
