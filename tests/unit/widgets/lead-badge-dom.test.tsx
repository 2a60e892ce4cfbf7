// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { LeadBadge } from '../../../components/widgets/badge';
import { paintLeadBadge } from '../../../components/widgets/lead-badge-dom';
import type { BadgeView } from '../../../lib/overlay/badge-format';

/** Tag, attributes (sorted) and text of every node: attribute order is not part of the markup. */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.textContent;
  const el = node as Element;
  const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort();
  return [el.localName, attrs, [...el.childNodes].map(shape)];
}

function viaPreact(view: BadgeView) {
  const mount = document.createElement('span');
  render(
    <LeadBadge
      tier={view.tier}
      share={view.share}
      days={view.days}
      title={view.title}
      dropped={view.dropped}
    />,
    mount,
  );
  return [...mount.childNodes].map(shape);
}

const VIEWS: BadgeView[] = [
  { tier: 'A', share: '18% of Q3 gap', days: '5d', title: 'Tier A · closes 18% · 5 days' },
  { tier: 'C', title: 'Tier C' },
  { share: '<1% of Q4 gap', title: 'closes <1%' },
  { days: '0d', title: 'new today' },
  { tier: 'B', days: '12d', title: 'Tier B · 12 days' },
  { tier: 'A', share: '2% of Q4 gap', title: '<b>not markup</b>' },
  // Pills that dropped parts to fit: every part drawn, the dropped ones out of sight.
  {
    tier: 'A',
    share: '13% of Q4 gap',
    days: '≥12d',
    dropped: ['days'],
    title: 'A · 13% of Q4 gap · ≥12d — all',
  },
  {
    tier: 'A',
    share: '13% of Q4 gap',
    days: '≥12d',
    dropped: ['share', 'days'],
    title: 'A · 13% of Q4 gap · ≥12d — all',
  },
];

describe('lead badge painted without Preact', () => {
  it.each(VIEWS.map((v) => [v.title, v]))('draws the same markup as LeadBadge: %s', (_t, view) => {
    const mount = document.createElement('span');
    paintLeadBadge(mount, view);
    expect([...mount.childNodes].map(shape)).toEqual(viaPreact(view));
  });

  it('updates one badge through every view in turn, ending where a fresh badge would', () => {
    const mount = document.createElement('span');
    for (const [i, view] of [...VIEWS, ...VIEWS.slice().reverse()].entries()) {
      paintLeadBadge(mount, view);
      expect([...mount.childNodes].map(shape), `step ${i}`).toEqual(viaPreact(view));
    }
  });

  it('keeps the pill and the parts it can reuse', () => {
    const mount = document.createElement('span');
    paintLeadBadge(mount, VIEWS[0]!);
    const pill = mount.firstElementChild;
    const days = mount.querySelector('.pc-days');
    paintLeadBadge(mount, { tier: 'B', days: '6d', title: 'Tier B · 6 days' });
    expect(mount.firstElementChild).toBe(pill);
    expect(mount.querySelector('.pc-days')).toBe(days);
    expect(mount.querySelector('.pc-share')).toBeNull();
    expect(mount.textContent).toBe('B6d');
  });

  it('keeps a dropped part in the pill, out of sight, with no role="img" label read instead', () => {
    const mount = document.createElement('span');
    paintLeadBadge(mount, VIEWS[VIEWS.length - 1]!);
    const pill = mount.querySelector('.pc-badge')!;
    expect(pill.hasAttribute('role')).toBe(false);
    expect(pill.hasAttribute('aria-label')).toBe(false);
    expect([...pill.children].map((c) => c.className)).toEqual([
      'pc-tier pc-tier-A',
      'pc-share pc-dropped',
      'pc-days pc-dropped',
    ]);
    // Grows back: the parts come into sight again, in the same elements.
    const share = pill.querySelector('.pc-share');
    paintLeadBadge(mount, VIEWS[0]!);
    expect(pill.querySelector('.pc-share')).toBe(share);
    expect(pill.querySelector('.pc-dropped')).toBeNull();
  });

  it('puts page-derived text in as text', () => {
    const mount = document.createElement('span');
    paintLeadBadge(mount, { tier: 'A', share: '<img src=x onerror=alert(1)>', title: '"><script>' });
    expect(mount.querySelector('img, script')).toBeNull();
    expect(mount.querySelector('.pc-share')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
