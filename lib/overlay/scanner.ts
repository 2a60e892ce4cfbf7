/**
 * Reads one CRM page for as long as it is shown: every row, card or record root the adapter finds
 * (and the ones that load or re-render later) is read when it comes near the viewport, once until it
 * changes; sightings go to the background in batches; badges are drawn once the background has the
 * leads. Real CRMs virtualise long tables, so "near the viewport" is what they have in the DOM anyway.
 *
 * All of it happens in one pass per frame, in the animation callback, after the page changed or
 * scrolled: find the items near the viewport, read the new ones, draw the badges whose data is known
 * (a row the CRM re-rendered with the same lead gets its badge back in the same frame, from the same
 * host), and place the badges. Leads the background has not seen yet are sent once the pass is over,
 * and their badges come in a later pass.
 *
 * Layout is the expensive part on a big table: any change inside it re-lays out the whole table. So
 * Pacer never writes into the CRM's DOM: badges live in a layer of their own, placed over their rows
 * (components/overlay/badge-layer.ts). Framework-free: the badge renderer, the messaging and the
 * timers are passed in.
 */
import type { CrmAdapter, PageMatch } from '../crm/types';
import { type LeadSighting, leadId } from '../schema/lead';
import { type BadgeView, formatBadge } from './badge-format';
import { ItemTracker } from './item-tracker';
import { createMutationBatcher, type MutationBatch } from './mutation-batch';
import { createNearViewport, type NearViewport } from './near-viewport';
import type { LeadBadgeData, OverlayContext } from './overlay-context';

export interface BadgeRenderer {
  /** Draws or updates the one badge of `item`, over `anchor`; never adds a second one. */
  render(item: Element, anchor: Element, view: BadgeView): void;
  /** Lets go of the badge of an item that left the page (a new row may take it over). */
  forget(item: Element): void;
  /**
   * Places the badges over their anchors; called once per frame pass, after every read. With
   * `moved` false (nothing changed on the page since the last pass), only new badges are placed.
   * With `settled` (every item near the viewport has its badge, or the page scrolled), badges of
   * removed items that no new item took over are hidden.
   */
  place(moved: boolean, settled: boolean): void;
  isOwn(el: Element): boolean;
}

export interface ScannerTimers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  requestAnimationFrame(fn: () => void): number;
  cancelAnimationFrame(id: number): void;
}

export interface ScannerDeps {
  adapter: CrmAdapter;
  page: PageMatch;
  url: URL;
  doc: Document;
  /** Stores sightings; with `contextFor`, answers with those leads' badge context (else null). */
  send(sightings: LeadSighting[], contextFor?: string[]): Promise<OverlayContext | null>;
  context(leadIds: string[]): Promise<OverlayContext | null>;
  badges: BadgeRenderer;
  timers: ScannerTimers;
  onError(error: unknown): void;
  /** After each scan of the whole page: whether the adapter still finds the page's structure. */
  onStructure?(matched: boolean): void;
  /** Records read on this page so far. */
  onRead?(count: number): void;
  /** The latest context (for the floating panel). */
  onContext?(context: OverlayContext): void;
  /** Where items near the viewport are found (tests without layout pass their own). */
  nearViewport?: NearViewport;
}

export interface Scanner {
  stop(): void;
  /** Scan the whole page again (after a re-map, or when the panel asks). */
  rescan(): void;
  /**
   * Ask again for the badge of every row drawn (the user picked another goal to measure against):
   * each keeps its badge until the new one is known.
   */
  refresh(): void;
}

const SEND_CHUNK = 500;
/** The longest a removed row's badge waits for a new row to take it over. */
const SETTLE_MS = 300;

export function startScanner(deps: ScannerDeps): Scanner {
  const { adapter, page, url, doc, timers } = deps;
  const win = doc.defaultView ?? window;
  const tracker = new ItemTracker();
  const pending = new Map<string, LeadSighting>();
  const cache = new Map<string, LeadBadgeData>();
  /** Leads the background was asked about and had no badge for (not asked again until they change). */
  const unbadged = new Set<string>();
  /** Items near the viewport still to read or to badge. */
  const wanted = new Set<Element>();
  /** Items near the viewport whose badge waits for the background's answer. */
  const awaiting = new Set<Element>();
  /** Items with a badge drawn: asked for again when the tiers' deals change. */
  const badged = new Set<Element>();
  const timerIds = new Set<number>();
  /** What was last sent per lead: a re-rendered row (a new element) with the same values sends nothing. */
  const sentSignature = new Map<string, string>();
  const near = deps.nearViewport ?? createNearViewport(win);
  let last: OverlayContext | null = null;
  let stopped = false;
  let badgeScheduled = false;
  let frame: number | null = null;
  /** The page changed or scrolled since the last pass: look for near items and place every badge. */
  let moved = true;
  /** The page scrolled or resized: badges of removed rows are out of place at once. */
  let scrolled = false;
  /** The background took longer than SETTLE_MS: badges of removed rows go without waiting longer. */
  let overdue = false;
  let settleTimer: number | null = null;
  let rescanTimer: number | null = null;

  const guard = (fn: () => unknown) => () => {
    if (stopped) return;
    try {
      const result = fn();
      if (result instanceof Promise) result.catch(deps.onError);
    } catch (error) {
      deps.onError(error);
    }
  };
  const later = (fn: () => unknown, ms: number): number => {
    const id = timers.setTimeout(() => {
      timerIds.delete(id);
      guard(fn)();
    }, ms);
    timerIds.add(id);
    return id;
  };
  const cancel = (id: number) => {
    timers.clearTimeout(id);
    timerIds.delete(id);
  };

  function read(item: Element): void {
    const state = tracker.add(item);
    state.read = true;
    const result = adapter.extract(item, page, url);
    if (!result.ok) return;
    const id = leadId(result.sighting);
    state.leadId = id;
    const signature = JSON.stringify(result.sighting);
    if (sentSignature.get(id) !== signature) {
      sentSignature.set(id, signature);
      pending.set(id, result.sighting);
      // The stored lead changes (stage, days in stage): its cached badge is stale until the answer.
      cache.delete(id);
      unbadged.delete(id);
    }
  }

  function register(items: readonly Element[]): void {
    for (const item of items) {
      if (tracker.get(item)) continue;
      tracker.add(item);
      near.observe(item);
    }
  }

  function scheduleFrame(): void {
    if (frame !== null || stopped) return;
    frame = timers.requestAnimationFrame(() => {
      frame = null;
      guard(framePass)();
    });
  }

  /**
   * The frame's one pass: rectangles first (the page is laid out once, here or in the frame anyway),
   * then reads of the rows' text, then writes to Pacer's own layer only.
   */
  function framePass(): void {
    const pageMoved = moved;
    const pageScrolled = scrolled;
    moved = false;
    scrolled = false;
    if (pageMoved) for (const item of near.check()) wanted.add(item);
    let reads = 0;
    for (const item of wanted) {
      wanted.delete(item);
      if (!item.isConnected || !near.isNear(item)) continue;
      if (!tracker.get(item)?.read) {
        read(item);
        reads++;
      }
      if (!draw(item)) awaiting.add(item);
    }
    // Until the new rows' badges are known, the badges of the rows they replaced stay where they are
    // (a few frames; never longer than SETTLE_MS).
    const settled = pageScrolled || overdue || (awaiting.size === 0 && pending.size === 0);
    deps.badges.place(pageMoved, settled);
    if (settled) {
      overdue = false;
      if (settleTimer !== null) cancel(settleTimer);
      settleTimer = null;
    } else
      settleTimer ??= later(() => {
        settleTimer = null;
        overdue = true;
        scheduleFrame();
      }, SETTLE_MS);
    if (reads > 0) deps.onRead?.(sentSignature.size);
    if (pending.size > 0 || awaiting.size > 0) scheduleBadges();
  }

  function scheduleBadges(): void {
    if (badgeScheduled) return;
    badgeScheduled = true;
    later(badgePass, 0);
  }

  /** Lead ids of `items` whose badge data is not cached (or went stale when they were sent). */
  function missingFor(items: readonly Element[]): string[] {
    const missing = new Set<string>();
    for (const item of items) {
      const id = tracker.get(item)?.leadId;
      if (id && !cache.has(id) && !unbadged.has(id)) missing.add(id);
    }
    return [...missing].slice(0, SEND_CHUNK);
  }

  /**
   * Sends what was read and asks for the badges still missing near the viewport. The badge data comes
   * back with the last chunk of sightings (one round trip per CRM re-render); a separate question only
   * when nothing was sent. The badges are drawn by the next frame pass.
   */
  async function badgePass(): Promise<void> {
    badgeScheduled = false;
    const items = [...awaiting].filter((item) => item.isConnected && near.isNear(item));
    awaiting.clear();
    try {
      await fetchBadges(items);
    } finally {
      // Drawn or not, the next pass settles the badges of replaced rows.
      scheduleFrame();
    }
  }

  async function fetchBadges(items: Element[]): Promise<void> {
    let asked: string[] = [];
    let reply: OverlayContext | null = null;
    while (pending.size > 0 && !stopped) {
      const batch = [...pending.values()].slice(0, SEND_CHUNK);
      for (const s of batch) pending.delete(leadId(s));
      const ask = pending.size === 0 ? missingFor(items) : [];
      const answer = await deps.send(batch, ask);
      if (ask.length > 0) {
        asked = ask;
        reply = answer;
      }
    }
    if (stopped) return;
    if (asked.length === 0) {
      asked = missingFor(items);
      if (asked.length > 0) reply = await deps.context(asked);
    }
    if (stopped || (asked.length > 0 && !reply)) return;
    if (reply) {
      // The deals or the gap changed since the badges on screen were drawn: their tiers and shares may
      // have moved, so every row not in this answer is asked for again (drawn as it was meanwhile).
      const stale = last !== null && reply.version !== undefined && reply.version !== last.version;
      last = reply;
      if (stale) {
        const fresh = new Set(reply.leads.map((d) => d.id));
        for (const id of [...cache.keys()]) if (!fresh.has(id)) cache.delete(id);
        unbadged.clear();
        for (const item of badged) if (item.isConnected) wanted.add(item);
      }
      for (const data of reply.leads) cache.set(data.id, data);
      for (const id of asked) if (!cache.has(id)) unbadged.add(id);
      deps.onContext?.(reply);
    }
    for (const item of items) wanted.add(item);
  }

  /** Draws the badge of `item` if its data is known; false when it waits for the background. */
  function draw(item: Element): boolean {
    const id = tracker.get(item)?.leadId;
    if (!id) return true;
    if (unbadged.has(id)) return true;
    const data = cache.get(id);
    if (!data || !last || pending.has(id)) return false;
    const view = formatBadge(data, last.locale, last.gapLabel);
    const anchor = adapter.badgeAnchor(item, page);
    if (view && anchor) {
      deps.badges.render(item, anchor, view);
      badged.add(item);
    }
    return true;
  }

  /** Runs inside the MutationObserver callback: classify now, read and draw in the next frame. */
  function onBatch(batch: MutationBatch): void {
    for (const el of batch.removed) {
      if (!tracker.get(el)) continue;
      near.unobserve(el);
      badged.delete(el);
      deps.badges.forget(el);
    }
    const { dirty, candidates, rescan } = tracker.classify(batch);
    register(candidates.filter((el) => tracker.looksLikeItem(el)));
    for (const item of dirty) {
      const state = tracker.get(item);
      if (state) state.read = false;
      // A known item put back in the page (a card dragged to another column) is looked for there.
      near.observe(item);
      wanted.add(item);
    }
    // Rows added, moved or re-rendered move the badges too.
    moved = true;
    scheduleFrame();
    if (rescan && rescanTimer === null) rescanTimer = later(fullScan, 250);
    // A part of the page shown or hidden (a modal dialog opened or closed): look again at once, as
    // the items behind it may never have been read (issue 16: nothing was read after a dialog).
    if (batch.visibility.length > 0) {
      if (rescanTimer !== null) cancel(rescanTimer);
      rescanTimer = later(fullScan, 0);
    }
  }

  function fullScan(): void {
    rescanTimer = null;
    register(adapter.findItems(doc, page));
    moved = true;
    scheduleFrame();
    deps.onStructure?.(adapter.checkHealth(doc, page).ok);
  }

  const batcher = createMutationBatcher(doc.documentElement, (batch) => guard(() => onBatch(batch))(), {
    isOwn: deps.badges.isOwn,
    // At once: a removed row's badge is let go before the next frame pass.
    schedule: (flush) => flush(),
  });
  // Scrolling (the window's or a CRM's own scroll box) brings other rows near and moves the badges.
  const onMove = () => {
    moved = true;
    scrolled = true;
    scheduleFrame();
  };
  doc.addEventListener('scroll', onMove, { capture: true, passive: true });
  win.addEventListener('resize', onMove, { passive: true });
  guard(fullScan)();

  return {
    stop() {
      stopped = true;
      batcher.disconnect();
      near.disconnect();
      doc.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
      if (frame !== null) timers.cancelAnimationFrame(frame);
      frame = null;
      for (const id of timerIds) timers.clearTimeout(id);
      timerIds.clear();
      badged.clear();
    },
    rescan: guard(fullScan),
    refresh: guard(() => {
      cache.clear();
      unbadged.clear();
      for (const item of badged) if (item.isConnected) wanted.add(item);
      scheduleFrame();
    }),
  };
}
