// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBadgeLayer,
  halfInView,
  isOwnElement,
  LAYER_TAG,
} from '../../../components/overlay/badge-layer';
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

  it('follows Pacer’s theme setting on every badge host, drawn before or after it changes', () => {
    const { layer } = drawnRows('A', 'B');
    const themes = () =>
      [...document.querySelectorAll('pacer-lead-badge')].map((h) => h.getAttribute('theme'));
    expect(themes()).toEqual([null, null]);
    layer.setTheme('dark');
    expect(themes()).toEqual(['dark', 'dark']);
    const late = row('c');
    layer.render(late.tr, late.td, { tier: 'C', title: 'C' });
    layer.place();
    expect(themes()).toEqual(['dark', 'dark', 'dark']);
    layer.setTheme('system');
    expect(themes()).toEqual([null, null, null]);
    layer.clear();
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

/**
 * A two-column table laid out by hand (happy-dom has no layout): rows 26.5 px apart, the name cell
 * 300 px wide, the text of a cell as wide as 7 px a character. Counts the text rectangles read.
 */
function fakeLayout() {
  const rowTop = (tr: Element) => 100 + 26.5 * [...(tr.parentElement?.children ?? [])].indexOf(tr);
  const rect = (left: number, top: number, width: number, height: number) =>
    ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
  const box = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: Element,
  ) {
    const tr = this.closest('tr');
    // The table and its scroll boxes: 1,000 px wide.
    if (!tr) return rect(0, 0, 1000, 2000);
    const top = rowTop(tr);
    if (this === tr) return rect(0, top, 600, 26.5);
    const cell = this.closest('td');
    const column = cell ? [...tr.children].indexOf(cell) : 0;
    return rect(300 * column, top, 300, 26.5);
  });
  let textReads = 0;
  const lines = vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const node = this.startContainer;
    const tr = node.parentElement?.closest('tr');
    if (node.nodeType !== 3 || !tr) return [] as unknown as DOMRectList;
    textReads++;
    const cell = node.parentElement?.closest('td');
    const column = cell ? [...tr.children].indexOf(cell) : 0;
    const width = 7 * (node.nodeValue ?? '').length;
    return [rect(300 * column + 4, rowTop(tr) + 5, width, 16)] as unknown as DOMRectList;
  });
  return {
    reads: () => textReads,
    restore() {
      box.mockRestore();
      lines.mockRestore();
    },
  };
}

describe('badge placement reused across the rows of one list', () => {
  beforeEach(() => {
    document.body.innerHTML = '<table><tbody></tbody></table>';
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  const tr = (name: string, other: string) => {
    const el = document.createElement('tr');
    el.innerHTML = `<td><a>${name}</a></td><td><span>${other}</span></td>`;
    return el;
  };
  const place = (rows: HTMLTableRowElement[]) => {
    const layer = createBadgeLayer(document);
    for (const r of rows) layer.render(r, r.firstElementChild!, { tier: 'A', title: 'A' });
    layer.place();
    const at = [...drawn()].map(
      (h) => `${(h as HTMLElement).style.transform} ${h.hasAttribute('data-start')}`,
    );
    layer.clear();
    return at;
  };

  it('measures a row the CRM re-rendered unchanged once, and places it where a full measure does', () => {
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      // The long name leaves no room in its cell: the pill goes after the second cell's words.
      const names = ['Hoàng 1 – Renewal', 'Phạm 8 – Phần mềm kế toán và hợp đồng', 'Lê 9'];
      const rows = names.map((name) => tr(name, 'Contract sent'));
      body.append(...rows);
      const layer = createBadgeLayer(document);
      for (const r of rows) layer.render(r, r.firstElementChild!, { tier: 'A', title: 'A' });
      layer.place();
      const first = [...drawn()].map((h) => (h as HTMLElement).style.transform);
      const measured = layout.reads();
      expect(measured).toBe(6);
      // The CRM replaces every row by an equal one (new elements, same content and layout).
      const fresh = names.map((name) => tr(name, 'Contract sent'));
      for (const [i, r] of rows.entries()) {
        r.replaceWith(fresh[i]!);
        layer.forget(r);
        layer.render(fresh[i]!, fresh[i]!.firstElementChild!, { tier: 'A', title: 'A' });
      }
      layer.place();
      expect(layout.reads()).toBe(measured);
      const reused = [...drawn()].map(
        (h) => `${(h as HTMLElement).style.transform} ${h.hasAttribute('data-start')}`,
      );
      expect(reused.map((at) => at.split(' ')[0])).toEqual(first);
      layer.clear();
      // What a layer that never saw these rows places them at, measuring them in full: the same.
      expect(place(fresh)).toEqual(reused);
      expect(layout.reads()).toBe(measured + 6);
      expect(reused.filter((at) => at.endsWith('true'))).toHaveLength(1);
    } finally {
      layout.restore();
    }
  });

  it('leaves a wide pill as much room as it is wide, not a fixed 96 px', () => {
    // The name ends 186 px into its 300 px cell: 106 px to spare, room for "A" at the cell's end but
    // not for a pill of 19 characters ("USD: chưa có tỷ giá", measured 7 px a character here), which
    // ended at the cell's end and lay over the name (on HubSpot, over its Preview button).
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const narrow = tr('Acme Corp – Annual license', 'Contract sent');
      const wide = tr('Acme Corp – Annual license', 'Contract sent');
      body.append(narrow, wide);
      const layer = createBadgeLayer(document);
      layer.render(narrow, narrow.firstElementChild!, { tier: 'A', title: 'A' });
      layer.render(wide, wide.firstElementChild!, { share: 'USD: chưa có tỷ giá', title: 'no rate' });
      layer.place();
      const [a, b] = [...drawn()] as HTMLElement[];
      expect([a?.style.transform, a?.hasAttribute('data-start')]).toEqual(['translate(146px,104px)', false]);
      // Not in the 110 px between the name and the next cell's words: past those words.
      expect(b?.hasAttribute('data-start')).toBe(true);
      expect(b?.style.transform).toMatch(/^translate\(399px,/);
      layer.clear();
    } finally {
      layout.restore();
    }
  });

  it('draws a pill wider than the usual box in a box as wide as it, not cut at its left', () => {
    // A tier, the Vietnamese share and days: 28 characters, 228 px here (7 px a character, the pill's
    // padding, border, gaps and the tier's padding), where the usual box is 150 px.
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const r = tr('Lê 9', 'Contract sent');
      body.append(r);
      const layer = createBadgeLayer(document);
      layer.render(r, r.firstElementChild!, {
        tier: 'A',
        share: '18% khoảng thiếu Q3',
        days: '≥12 ngày',
        title: 'A',
      });
      layer.place();
      const host = drawn()[0] as HTMLElement;
      expect(host.style.width).toBe('228px');
      // Right-aligned at the name cell's end, as a narrower pill is.
      expect(host.style.transform).toBe('translate(68px,104px)');
      expect(host.hasAttribute('data-start')).toBe(false);
      // Back to a narrow pill: the usual box.
      layer.render(r, r.firstElementChild!, { tier: 'A', title: 'A' });
      layer.place();
      expect(host.style.width).toBe('');
      expect(host.style.transform).toBe('translate(146px,104px)');
      layer.clear();
    } finally {
      layout.restore();
    }
  });

  const VI_WIDE: BadgeView = {
    tier: 'A',
    share: '18% khoảng thiếu Q3',
    days: '≥12 ngày',
    title: 'Hạng A · Lấp 18% · Ít nhất 12 ngày',
  };
  const pillOf = (host: Element) => shadowOf(host)?.querySelector('[data-testid="pacer-badge"]');
  /** The words in sight: parts a pill dropped stay in it, visually hidden (.pc-dropped). */
  const seen = (host: Element) =>
    [...(pillOf(host)?.children ?? [])]
      .filter((c) => !c.classList.contains('pc-dropped'))
      .map((c) => c.textContent)
      .join('');
  /** The words out of sight, still read by assistive tech. */
  const unseen = (host: Element) =>
    [...(pillOf(host)?.querySelectorAll('.pc-dropped') ?? [])].map((c) => c.textContent).join(' ');

  it('drops a wide pill’s days, never cuts it, where the row has room for the tier and share only', () => {
    // The name fills its cell; the next cell's words end at 822 px, 170 px short of the scroll box's
    // right end (1,000 px, less the inset): room for the tier and the share (168 px here), not for the
    // whole 228 px pill, which was cut to the usual 150 px box and lost its days mid-word.
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const r = tr('N'.repeat(40), 'W'.repeat(74));
      body.append(r);
      const layer = createBadgeLayer(document);
      layer.render(r, r.firstElementChild!, VI_WIDE);
      layer.place();
      const host = drawn()[0] as HTMLElement;
      expect(host.style.width).toBe('168px');
      expect(host.style.transform).toBe('translate(826px,104px)');
      expect(host.hasAttribute('data-start')).toBe(true);
      const pill = pillOf(host);
      expect(seen(host)).toBe('A18% khoảng thiếu Q3');
      // The dropped days are in the tooltip, with the usual sentences, and in the pill out of sight:
      // a screen reader reads the words shown, then the days. No role="img" label read instead.
      const label = 'A · 18% khoảng thiếu Q3 · ≥12 ngày — Hạng A · Lấp 18% · Ít nhất 12 ngày';
      expect(pill?.getAttribute('title')).toBe(label);
      expect(unseen(host)).toBe('≥12 ngày');
      expect(pill?.textContent).toBe('A18% khoảng thiếu Q3≥12 ngày');
      expect(pill?.hasAttribute('aria-label')).toBe(false);
      expect(pill?.hasAttribute('role')).toBe(false);
      layer.clear();
    } finally {
      layout.restore();
    }
  });

  it('keeps the tier alone where the row has room for the usual box only, and grows back with room', () => {
    // 128 px past the next cell's words: neither the whole pill (228 px) nor tier and share (168 px).
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const r = tr('N'.repeat(40), 'W'.repeat(80));
      body.append(r);
      const layer = createBadgeLayer(document);
      layer.render(r, r.firstElementChild!, VI_WIDE);
      layer.place();
      const host = drawn()[0] as HTMLElement;
      expect(host.style.width).toBe('');
      expect(host.style.transform).toBe('translate(868px,104px)');
      expect(seen(host)).toBe('A');
      expect(unseen(host)).toBe('18% khoảng thiếu Q3 ≥12 ngày');
      expect(pillOf(host)?.getAttribute('title')).toContain('18% khoảng thiếu Q3 · ≥12 ngày');
      // The CRM re-renders the row with shorter words: the whole pill comes back, in the same host,
      // with its usual tooltip and nothing out of sight.
      layer.forget(r);
      r.lastElementChild!.firstElementChild!.textContent = 'W';
      layer.render(r, r.firstElementChild!, VI_WIDE);
      layer.place();
      expect([...drawn()]).toEqual([host]);
      expect(seen(host)).toBe('A18% khoảng thiếu Q3≥12 ngày');
      expect(unseen(host)).toBe('');
      expect(pillOf(host)?.getAttribute('title')).toBe(VI_WIDE.title);
      expect(pillOf(host)?.hasAttribute('aria-label')).toBe(false);
      expect(pillOf(host)?.hasAttribute('role')).toBe(false);
      expect(host.style.width).toBe('228px');
      layer.clear();
    } finally {
      layout.restore();
    }
  });

  it('keeps a row with no free spot to the usual box at its anchor’s end, its pill whole', () => {
    // The next cell's words end 23 px short of the scroll box's end: no spot for any form. The pill
    // goes to the name cell's end as before, in the usual 150 px box: the tier alone, not cut.
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const r = tr('N'.repeat(40), 'W'.repeat(95));
      body.append(r);
      const layer = createBadgeLayer(document);
      layer.render(r, r.firstElementChild!, VI_WIDE);
      layer.place();
      const host = drawn()[0] as HTMLElement;
      expect(host.style.width).toBe('');
      expect(host.style.transform).toBe('translate(146px,104px)');
      expect(seen(host)).toBe('A');
      expect(unseen(host)).toBe('18% khoảng thiếu Q3 ≥12 ngày');
      layer.clear();
    } finally {
      layout.restore();
    }
  });

  it('fits a board card’s pill to the card, not to a fixed 150 px box, clear of its words', () => {
    // A 200 px card whose title's words span 184 px of it: the whole pill (228 px) is wider than the
    // card, tier and share (168 px) fit below the title. The usual 150 px box cut the pill either
    // way; the title's end is no place for it: it covered the title's last words.
    const rect = (left: number, top: number, width: number, height: number) =>
      ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
    document.body.innerHTML = '<div class="card"><h3>Deal</h3></div>';
    const card = document.querySelector('.card')!;
    const title = card.querySelector('h3')!;
    const box = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      if (this === card) return rect(0, 0, 200, 60);
      if (this === title) return rect(8, 8, 184, 20);
      return rect(0, 0, 1000, 2000);
    });
    const words = vi
      .spyOn(Range.prototype, 'getClientRects')
      .mockImplementation(() => [rect(8, 8, 184, 20)] as unknown as DOMRectList);
    try {
      const layer = createBadgeLayer(document);
      layer.render(card, title, VI_WIDE);
      layer.place();
      const host = drawn()[0] as HTMLElement;
      expect(seen(host)).toBe('A18% khoảng thiếu Q3');
      expect(host.style.width).toBe('168px');
      expect(unseen(host)).toBe('≥12 ngày');
      expect(pillOf(host)?.getAttribute('title')).toContain('≥12 ngày');
      // Ends 4 px inside the card's right end, at its bottom edge (41 + 18 + 1 px of bleed within 60),
      // below the title's words (8–28): the title's line has no room beside them.
      expect(host.style.transform).toBe('translate(28px,41px)');
      layer.clear();
    } finally {
      box.mockRestore();
      words.mockRestore();
    }
  });

  it('measures a row again when its text, its elements or its place differ', () => {
    const layout = fakeLayout();
    try {
      const body = document.querySelector('tbody')!;
      const a = tr('Lê 9 – POS rollout', 'Closed won');
      body.append(a);
      const layer = createBadgeLayer(document);
      layer.render(a, a.firstElementChild!, { tier: 'A', title: 'A' });
      layer.place();
      const reads = layout.reads();
      // Same text, one more element: measured.
      const b = tr('Lê 9 – POS rollout', 'Closed won');
      b.querySelector('span')!.append(document.createElement('em'));
      // Same elements, another text: measured.
      const c = tr('Lê 9 – POS rollout and more', 'Closed won');
      // Same content, at a row 26.5 px lower (another sub-pixel offset): measured.
      const d = tr('Lê 9 – POS rollout', 'Closed won');
      for (const r of [b, c, d]) {
        body.append(r);
        layer.render(r, r.firstElementChild!, { tier: 'A', title: 'A' });
        layer.place(false);
      }
      expect(layout.reads()).toBe(reads + 6);
      // A row at the first one's sub-pixel offset, with its content: not measured again.
      const e = tr('Lê 9 – POS rollout', 'Closed won');
      body.append(e);
      layer.render(e, e.firstElementChild!, { tier: 'A', title: 'A' });
      layer.place(false);
      expect(layout.reads()).toBe(reads + 6);
      // b's elements and text, nested otherwise (the <em> beside the <span>, not in it), at b's
      // sub-pixel offset: measured.
      const f = tr('Lê 9 – POS rollout', 'Closed won');
      f.querySelector('span')!.after(document.createElement('em'));
      body.append(f);
      layer.render(f, f.firstElementChild!, { tier: 'A', title: 'A' });
      layer.place(false);
      expect(layout.reads()).toBe(reads + 8);
      layer.clear();
    } finally {
      layout.restore();
    }
  });
});

describe('halfInView (a badge shows while half its anchor is in view)', () => {
  const clip = { left: 0, top: 100, right: 800, bottom: 600 };
  it('shows an anchor half or more inside the scroll box, hides one mostly under its edge', () => {
    expect(halfInView({ left: 10, top: 200, right: 200, bottom: 230 }, clip)).toBe(true);
    // Half scrolled under a fixed header whose bottom is the scroll box's top (100 px).
    expect(halfInView({ left: 10, top: 85, right: 200, bottom: 115 }, clip)).toBe(true);
    expect(halfInView({ left: 10, top: 84, right: 200, bottom: 114 }, clip)).toBe(false);
    expect(halfInView({ left: 10, top: 600, right: 200, bottom: 630 }, clip)).toBe(false);
    // Cut on the right by a horizontally scrolled grid.
    expect(halfInView({ left: 700, top: 200, right: 1000, bottom: 230 }, clip)).toBe(false);
  });
  it('never shows an empty anchor (display: none, a collapsed cell)', () => {
    expect(halfInView({ left: 10, top: 200, right: 10, bottom: 200 }, clip)).toBe(false);
  });
});
