import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeLayer, isOwnElement, LAYER_TAG } from '../../../components/overlay/badge-layer';
import type { BadgeView } from '../../../lib/overlay/badge-format';

/**
 * Badge shadow roots are closed (a page script must not read them): the test keeps each one as it is
 * attached, the way only the badge layer's own closure does in the extension.
 */
const shadows = new WeakMap<Element, ShadowRoot>();
const shadowOf = (host: Element | null | undefined) => (host ? shadows.get(host) : undefined);
const attachShadow = Element.prototype.attachShadow;
vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
  const root = attachShadow.call(this, init);
  shadows.set(this, root);
  return root;
});

/** Badges still drawn (a removed row's host is kept hidden, for reuse by the next row). */
const drawn = () => document.querySelectorAll('pacer-lead-badge:not([data-spare])');

type Row = { tr: HTMLTableRowElement; td: HTMLTableCellElement };

function row(text: string): Row {
  const tr = document.createElement('tr');
  const td = document.createElement('td');
  td.textContent = text;
  tr.append(td);
  document.querySelector('tbody')?.append(tr);
  return { tr, td };
}

/** A layer with one row per badge given (tier and title both `tier`), drawn and placed. */
function drawnRows<const T extends string[]>(...tiers: T) {
  const layer = createBadgeLayer(document);
  const rows = tiers.map((tier) => {
    const r = row(tier.toLowerCase());
    const view: BadgeView = { tier, title: tier };
    layer.render(r.tr, r.td, view);
    return r;
  });
  layer.place();
  return { layer, rows: rows as { [K in keyof T]: Row } };
}

describe('badge layer', () => {
  beforeEach(() => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('draws one badge per item outside the table, updates it in place and leaves the page text alone', async () => {
    const { tr, td } = row('Deal <b>name</b>');
    const layer = createBadgeLayer(document);
    layer.render(tr, td, { tier: 'A', share: '18% of Q3 gap', title: '<img src=x onerror=alert(1)>' });
    layer.place();
    layer.render(tr, td, { tier: 'B', days: '3d', title: 'Tier B' });
    layer.place();
    const hosts = document.querySelectorAll('pacer-lead-badge');
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.parentElement?.localName).toBe(LAYER_TAG);
    expect(document.querySelector('table')?.querySelector('pacer-lead-badge')).toBeNull();
    expect(isOwnElement(host) && isOwnElement(host.parentElement!)).toBe(true);
    const badge = shadowOf(host)?.querySelector('[data-testid="pacer-badge"]');
    expect(badge?.textContent).toBe('B3d');
    // Closed: the page sees a host and nothing in it.
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(badge?.getAttribute('title')).toBe('Tier B');
    expect(td.textContent).toBe('Deal <b>name</b>');
    layer.clear();
    expect(document.querySelector(LAYER_TAG)).toBeNull();
  });

  it('attach puts the empty layer in the page at once, and the first badge goes into that one', () => {
    const { tr, td } = row('x');
    const layer = createBadgeLayer(document);
    expect(document.querySelector(LAYER_TAG)).toBeNull();
    layer.attach();
    const attached = document.querySelector(LAYER_TAG);
    expect(attached?.parentElement).toBe(document.body);
    expect(attached?.childElementCount).toBe(0);
    layer.render(tr, td, { tier: 'A', title: 'Tier A' });
    layer.place();
    expect(document.querySelectorAll(LAYER_TAG)).toHaveLength(1);
    expect(document.querySelector('pacer-lead-badge')?.parentElement).toBe(attached);
    layer.clear();
    expect(document.querySelector(LAYER_TAG)).toBeNull();
  });

  it('keeps page text as text (a title is never parsed as HTML)', () => {
    const { tr, td } = row('x');
    const layer = createBadgeLayer(document);
    layer.render(tr, td, { tier: 'C', title: '<img src=x>' });
    layer.place();
    const root = shadowOf(document.querySelector('pacer-lead-badge'));
    expect(root?.querySelector('img')).toBeNull();
    expect(root?.querySelector('[title]')?.getAttribute('title')).toBe('<img src=x>');
    layer.clear();
  });

  it('removes the badge of a row the CRM removed, by the next placement', () => {
    const {
      layer,
      rows: [a, b],
    } = drawnRows('A', 'B');
    expect(drawn()).toHaveLength(2);
    // Forgotten (the scanner saw the row go), or found gone when placing.
    layer.forget(a.tr);
    b.tr.remove();
    layer.place();
    expect(drawn()).toHaveLength(0);
    // The next row reuses a kept host instead of building a new shadow root.
    const c = row('c');
    layer.render(c.tr, c.td, { tier: 'C', title: 'C' });
    layer.place();
    expect(document.querySelectorAll('pacer-lead-badge')).toHaveLength(2);
    expect(drawn()).toHaveLength(1);
    expect(shadowOf(drawn()[0])?.textContent).toBe('C');
    layer.clear();
    expect(document.querySelectorAll('pacer-lead-badge')).toHaveLength(0);
  });

  it('puts its layer back if the page throws it away', () => {
    const { tr, td } = row('a');
    const layer = createBadgeLayer(document);
    layer.render(tr, td, { tier: 'A', title: 'A' });
    document.querySelector(LAYER_TAG)?.remove();
    layer.place();
    expect(document.querySelector(LAYER_TAG)?.isConnected).toBe(true);
    layer.clear();
  });

  it('gives a re-rendered row with the same badge the drawn host, without touching the DOM', () => {
    const old = row('a');
    const other = row('b');
    const layer = createBadgeLayer(document);
    layer.render(old.tr, old.td, { tier: 'A', share: '5% of Q4 gap', title: 'A' });
    layer.render(other.tr, other.td, { tier: 'C', title: 'C' });
    layer.place();
    const host = drawn()[0] as HTMLElement;
    const changes: MutationRecord[] = [];
    const watcher = new MutationObserver((records) => changes.push(...records));
    watcher.observe(document.querySelector(LAYER_TAG)!, { subtree: true, attributes: true, childList: true });
    watcher.observe(shadowOf(host)!, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    // The CRM replaces the row with a new element holding the same lead.
    const fresh = document.createElement('tr');
    fresh.innerHTML = '<td>a</td>';
    old.tr.replaceWith(fresh);
    layer.forget(old.tr);
    layer.render(fresh, fresh.firstElementChild!, { tier: 'A', share: '5% of Q4 gap', title: 'A' });
    layer.place();
    expect(drawn()).toHaveLength(2);
    expect(drawn()[0]).toBe(host);
    expect(watcher.takeRecords().concat(changes)).toEqual([]);
    watcher.disconnect();
    layer.clear();
  });

  it("hides a removed row's badge, and draws a new row's from a kept host with the same badge first", () => {
    const {
      layer,
      rows: [a, b],
    } = drawnRows('A', 'B');
    const [hostA, hostB] = [...drawn()];
    layer.forget(a.tr);
    layer.forget(b.tr);
    a.tr.remove();
    b.tr.remove();
    layer.place();
    expect(drawn()).toHaveLength(0);
    const c = row('c');
    layer.render(c.tr, c.td, { tier: 'A', title: 'A' });
    layer.place();
    expect(drawn()).toHaveLength(1);
    expect(drawn()[0]).toBe(hostA);
    expect(document.querySelectorAll('pacer-lead-badge')).toHaveLength(2);
    expect(hostB?.hasAttribute('data-spare')).toBe(true);
    layer.clear();
  });

  it("keeps a removed row's badge until the new rows' badges are known, then hides it", () => {
    const {
      layer,
      rows: [a],
    } = drawnRows('A');
    const host = drawn()[0];
    layer.forget(a.tr);
    a.tr.remove();
    // The re-rendered rows' badges are still on their way: nothing blinks.
    layer.place(true, false);
    expect(drawn()).toHaveLength(1);
    expect(drawn()[0]).toBe(host);
    // They came, and none of them is this one's.
    layer.place(false, true);
    expect(drawn()).toHaveLength(0);
    expect(host?.hasAttribute('data-spare')).toBe(true);
    layer.clear();
  });
});
