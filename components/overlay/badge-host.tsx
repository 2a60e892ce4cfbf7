/**
 * A lead badge inside the CRM's page: a `<pacer-lead-badge>` host with its own shadow root (the
 * page's CSS cannot reach in, ours cannot leak out), rendered with the shared LeadBadge component.
 * One per anchor: a second render updates the first, so a re-scan never duplicates a badge.
 */
import { render } from 'preact';
import type { BadgeView } from '../../lib/overlay/badge-format';
import { LeadBadge } from '../widgets/badge';
import { adoptBadgeStyles } from './styles';

export const BADGE_TAG = 'pacer-lead-badge';
/** Every element Pacer adds to a page, for the mutation batcher to ignore. */
export const OWN_TAGS = new Set([BADGE_TAG, 'pacer-panel', 'pacer-picker']);

const lastView = new WeakMap<Element, string>();

export function isOwnElement(el: Element): boolean {
  return OWN_TAGS.has(el.localName);
}

function existingBadge(anchor: Element): Element | null {
  for (const child of Array.from(anchor.children)) if (child.localName === BADGE_TAG) return child;
  return null;
}

/** An empty badge slot in `anchor` (or the one already there). */
export function reserveBadge(anchor: Element): Element {
  const existing = existingBadge(anchor);
  if (existing) return existing;
  const host = anchor.ownerDocument.createElement(BADGE_TAG);
  const root = host.attachShadow({ mode: 'open' });
  adoptBadgeStyles(root);
  const mount = anchor.ownerDocument.createElement('span');
  mount.className = 'pc-root';
  root.append(mount);
  // First child + float: the badge sits at the end of the cell's first line instead of adding one.
  anchor.prepend(host);
  return host;
}

export function renderLeadBadge(anchor: Element, view: BadgeView): void {
  const host = reserveBadge(anchor);
  const key = JSON.stringify(view);
  if (lastView.get(host) === key) return;
  lastView.set(host, key);
  const mount = host.shadowRoot?.querySelector('.pc-root');
  if (mount)
    render(<LeadBadge tier={view.tier} share={view.share} days={view.days} title={view.title} />, mount);
}

/** Removes every badge Pacer drew in `root` (on navigation or when the CRM is disabled). */
export function removeAllBadges(root: ParentNode): void {
  for (const host of Array.from(root.querySelectorAll(BADGE_TAG))) {
    const mount = host.shadowRoot?.querySelector('.pc-root');
    if (mount) render(null, mount);
    host.remove();
  }
}
