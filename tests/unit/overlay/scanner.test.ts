// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '../../../lib/crm/hubspot';
import type { BadgeView } from '../../../lib/overlay/badge-format';
import type { NearViewport } from '../../../lib/overlay/near-viewport';
import type { OverlayContext } from '../../../lib/overlay/overlay-context';
import { type Scanner, startScanner } from '../../../lib/overlay/scanner';
import type { LeadSighting } from '../../../lib/schema/lead';
import { FIXTURES_DIR } from '../crm/load-fixture';

const URL_LIST = new URL('https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/list');

/** happy-dom has no layout: every observed element counts as near the viewport. */
function everythingNear(): NearViewport {
  const observed = new Set<Element>();
  const near = new Set<Element>();
  return {
    observe: (el) => observed.add(el),
    unobserve(el) {
      observed.delete(el);
      near.delete(el);
    },
    isNear: (el) => near.has(el),
    check() {
      const entered = [...observed].filter((el) => el.isConnected && !near.has(el));
      for (const el of entered) near.add(el);
      return entered;
    },
    disconnect: () => observed.clear(),
  };
}

/** `unknown`: lead ids the background has no badge for. */
function harness({ unknown = new Set<string>(), version = (): string | undefined => undefined } = {}) {
  const sent: LeadSighting[][] = [];
  const asked: string[][] = [];
  const drawn: { anchor: Element; view: BadgeView }[] = [];
  const errors: unknown[] = [];
  const markers = new Map<Element, Element>();
  let placements = 0;
  const passes: { moved: boolean; settled: boolean }[] = [];
  const page = hubspot.matchPage(URL_LIST)!;
  const answer = (ids: string[]): OverlayContext => {
    asked.push(ids);
    return {
      locale: 'en',
      goal: null,
      gapLabel: 'Q4',
      leads: ids
        .filter((id) => !unknown.has(id))
        .map((id, i) => ({ id, tier: i === 0 ? 'A' : 'C', gapShare: null, daysInStage: 2 })),
      ...(version() ? { version: version() } : {}),
    };
  };
  const scanner: Scanner = startScanner({
    adapter: hubspot,
    page,
    url: URL_LIST,
    doc: document,
    // The badge context comes back with the sightings when asked (one round trip), or on its own.
    async send(s, contextFor) {
      sent.push(s);
      return contextFor?.length ? answer(contextFor) : null;
    },
    context: async (ids) => answer(ids),
    badges: {
      // A stand-in for the badge layer: one marker per item, kept outside the rows as the layer does.
      render(item, anchor, view) {
        drawn.push({ anchor, view });
        let marker = markers.get(item);
        if (!marker) {
          marker = document.createElement('pacer-lead-badge');
          markers.set(item, marker);
          document.body.append(marker);
        }
        marker.textContent = view.tier ?? '';
      },
      forget(item) {
        markers.get(item)?.remove();
        markers.delete(item);
      },
      place(moved, settled) {
        placements++;
        passes.push({ moved, settled });
        for (const [item, marker] of markers)
          if (!item.isConnected) {
            marker.remove();
            markers.delete(item);
          }
      },
      isOwn: (el) => el.localName === 'pacer-lead-badge',
    },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      requestAnimationFrame: (fn) => setTimeout(fn, 0) as unknown as number,
      cancelAnimationFrame: (id) => clearTimeout(id),
    },
    nearViewport: everythingNear(),
    onError: (e) => errors.push(e),
  });
  return { sent, asked, drawn, errors, scanner, passes, placements: () => placements };
}

describe('scanner on a HubSpot list', () => {
  beforeEach(() => {
    const html = readFileSync(join(FIXTURES_DIR, 'hubspot/list-deals-2026-11-23.html'), 'utf8');
    document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('sends each loaded row once, then badges it', async () => {
    const h = harness();
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    expect(h.sent.flat().map((s) => s.externalId)).toEqual([
      '21474836481',
      '21474836502',
      '21474836533',
      '21474836577',
    ]);
    expect(h.asked.flat()).toHaveLength(4);
    expect(h.drawn.map((d) => d.anchor.getAttribute('data-test-id'))).toEqual([
      'cell-0-3-dealname-21474836481',
      'cell-0-3-dealname-21474836502',
      'cell-0-3-dealname-21474836533',
      'cell-0-3-dealname-21474836577',
    ]);
    expect(h.drawn[0]?.view).toMatchObject({ tier: 'A', days: '2d' });
    expect(h.errors).toEqual([]);
    h.scanner.stop();
  });

  it('reads the rows a modal dialog hid when it started, once the dialog closes', async () => {
    // A dialog library puts aria-hidden on the app while its dialog is open, adding no node on close.
    const app = document.querySelector('table')!.parentElement!;
    app.setAttribute('aria-hidden', 'true');
    const h = harness();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.sent.flat()).toHaveLength(0);
    app.removeAttribute('aria-hidden');
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    expect(h.errors).toEqual([]);
    h.scanner.stop();
  });

  it('reads a re-rendered row again only when its values changed, and redraws its badge', async () => {
    const h = harness();
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    const stage = document.querySelector('td[data-test-id="cell-0-3-dealstage-21474836481"] span')!;
    stage.textContent = 'Contract sent';
    await vi.waitFor(() => expect(h.sent).toHaveLength(2));
    expect(h.sent[1]?.map((s) => [s.externalId, s.stage])).toEqual([['21474836481', 'Contract sent']]);
    await vi.waitFor(() => expect(h.drawn.length).toBe(5));
    // A whole re-render with the same values sends nothing and asks nothing: the badges are drawn
    // again from what the scanner knows, in the first frame pass after the re-render.
    const body = document.querySelector('tbody')!;
    const drawnBefore = h.drawn.length;
    const askedBefore = h.asked.length;
    const placementsBefore = h.placements();
    body.innerHTML = `${body.innerHTML}`;
    // The old rows' badges go with them; each new row gets exactly one.
    await vi.waitFor(() => expect(h.drawn.length).toBe(drawnBefore + 4));
    expect(h.placements()).toBe(placementsBefore + 1);
    expect(document.querySelectorAll('pacer-lead-badge')).toHaveLength(4);
    expect(body.querySelectorAll('pacer-lead-badge')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.sent).toHaveLength(2);
    expect(h.asked).toHaveLength(askedBefore);
    expect(h.errors).toEqual([]);
    h.scanner.stop();
  });

  it('asks again for the badges on screen when the deals behind the tiers changed', async () => {
    let version = 'deals:4';
    const h = harness({ version: () => version });
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    // One row changes stage, and with it the set the tiers are computed from.
    version = 'deals:5';
    document.querySelector('td[data-test-id="cell-0-3-dealstage-21474836481"] span')!.textContent =
      'Contract sent';
    // The other three rows, drawn against the old set, are asked for once more (and only once).
    await vi.waitFor(() => expect(h.asked.flat().length).toBe(8));
    expect(h.asked.at(-1)?.sort()).toEqual([
      'hubspot:deal:21474836502',
      'hubspot:deal:21474836533',
      'hubspot:deal:21474836577',
    ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.asked.flat().length).toBe(8);
    expect(h.errors).toEqual([]);
    h.scanner.stop();
  });

  it('picks up skeleton rows when they load, and stops cleanly', async () => {
    const h = harness();
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    const skeleton = [...document.querySelectorAll('tbody > tr')].find((tr) => !tr.querySelector('a'))!;
    skeleton.innerHTML =
      '<td data-test-id="cell-0-3-dealname-9990001"><a href="/contacts/20456789/record/0-3/9990001">Late deal</a></td>';
    await vi.waitFor(() => expect(h.sent.flat().map((s) => s.name)).toContain('Late deal'));
    h.scanner.stop();
    const count = h.sent.length;
    document.querySelector('tbody')!.append(document.createElement('tr'));
    await new Promise((r) => setTimeout(r, 400));
    expect(h.sent.length).toBe(count);
  });

  it('does not ask again about a lead the background has no badge for, until it changes', async () => {
    const h = harness({ unknown: new Set(['hubspot:deal:21474836502']) });
    await vi.waitFor(() => expect(h.drawn.length).toBe(3));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.asked).toHaveLength(1);
    expect(h.asked[0]).toContain('hubspot:deal:21474836502');
    expect(h.drawn).toHaveLength(3);
    const stage = document.querySelector('td[data-test-id="cell-0-3-dealstage-21474836502"] span')!;
    stage.textContent = 'Closed won';
    await vi.waitFor(() => expect(h.asked).toHaveLength(2));
    expect(h.asked[1]).toEqual(['hubspot:deal:21474836502']);
    expect(h.errors).toEqual([]);
    h.scanner.stop();
  });

  it("keeps a replaced row's badge until the new row's badge is known", async () => {
    const h = harness();
    await vi.waitFor(() => expect(h.drawn.length).toBe(4));
    const row = document.querySelector('tbody > tr')!;
    const fresh = document.createElement('tr');
    fresh.innerHTML = row.innerHTML.replaceAll('21474836481', '21474839999');
    const before = h.passes.length;
    row.replaceWith(fresh);
    await vi.waitFor(() => expect(h.drawn.length).toBe(5));
    await vi.waitFor(() => expect(h.passes.at(-1)?.settled).toBe(true));
    const after = h.passes.slice(before);
    // The pass right after the re-render reads the new row and waits for its badge: not settled.
    expect(after[0]).toEqual({ moved: true, settled: false });
    // The pass that draws it settles, moving nothing else.
    expect(after.at(-1)).toEqual({ moved: false, settled: true });
    expect(h.sent.at(-1)?.map((s) => s.externalId)).toEqual(['21474839999']);
    h.scanner.stop();
  });
});
