/**
 * The lead badge (LeadBadge in badge.tsx) written straight to the DOM, for the CRM overlay: it redraws
 * dozens of badges on every re-render of a CRM table, where a Preact render per badge was the largest
 * part of drawing them. The markup is the component's, element for element, and a unit test holds the
 * two to the same output (tests/unit/widgets/lead-badge-dom.test.tsx). Text goes in as text, never as
 * markup.
 */
import type { BadgeView } from '../../lib/overlay/badge-format';

const PARTS = ['tier', 'share', 'days'] as const;
const kindOf = (part: (typeof PARTS)[number]) => `pc-${part}`;
/** A part out of sight (widgets.css `.pc-badge > .pc-dropped`), still read by assistive tech. */
const DROPPED = 'pc-dropped';

/** Draws `view` into `mount`, reusing the pill and the parts already there. */
export function paintLeadBadge(mount: HTMLElement, view: BadgeView): void {
  const doc = mount.ownerDocument;
  let pill = mount.firstElementChild as HTMLElement | null;
  if (pill?.className !== 'pc-badge' || mount.childNodes.length !== 1) {
    pill = doc.createElement('span');
    pill.className = 'pc-badge';
    pill.title = view.title;
    pill.setAttribute('data-testid', 'pacer-badge');
    mount.replaceChildren(pill);
  }
  if (pill.title !== view.title) pill.title = view.title;
  // Parts a pill dropped to fit (lib/overlay/pill-fit.ts) stay, visually hidden: a screen reader reads
  // the words shown, then the ones dropped. No role="img" label, read in place of the visible words.
  const wanted = PARTS.filter((part) => view[part]).map((part) => {
    const base = part === 'tier' ? `pc-tier pc-tier-${view.tier}` : kindOf(part);
    return {
      kind: kindOf(part),
      className: view.dropped?.includes(part) ? `${base} ${DROPPED}` : base,
      text: view[part] ?? '',
    };
  });
  // Parts the view lacks go; the rest are already in order, so only missing ones are inserted.
  for (const child of [...pill.children]) {
    if (!wanted.some((w) => child.classList.contains(w.kind))) child.remove();
  }
  wanted.forEach((w, i) => {
    let el = pill.children[i] as HTMLElement | undefined;
    if (!el?.classList.contains(w.kind)) {
      const created = doc.createElement('span');
      pill.insertBefore(created, el ?? null);
      el = created;
    }
    if (el.className !== w.className) el.className = w.className;
    if (el.textContent !== w.text) el.textContent = w.text;
  });
}
