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
    <LeadBadge tier={view.tier} share={view.share} days={view.days} title={view.title} label={view.label} />,
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
  // A pill that dropped its days to fit: read by a label naming every part.
  {
    tier: 'A',
    share: '13% of Q4 gap',
    title: 'A · 13% of Q4 gap · ≥12d — all',
    label: 'A · 13% of Q4 gap · ≥12d — all',
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

  it('puts page-derived text in as text', () => {
    const mount = document.createElement('span');
    paintLeadBadge(mount, { tier: 'A', share: '<img src=x onerror=alert(1)>', title: '"><script>' });
    expect(mount.querySelector('img, script')).toBeNull();
    expect(mount.querySelector('.pc-share')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
