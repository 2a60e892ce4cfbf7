/**
 * Reads one CRM page for as long as it is shown: every row, card or record root the adapter finds
 * (and the ones that load or re-render later) is read when it comes near the viewport, once until it
 * changes; sightings go to the background in batches; badges are drawn once the background has the
 * leads. Real CRMs virtualise long tables, so "near the viewport" is what they have in the DOM anyway.
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
import { createNearViewport } from './near-viewport';
import type { LeadBadgeData, OverlayContext } from './overlay-context';

export interface BadgeRenderer {
  /** Draws or updates the one badge of `item`, over `anchor`; never adds a second one. */
  render(item: Element, anchor: Element, view: BadgeView): void;
  /** Removes the badge of an item that left the page. */
  forget(item: Element): void;
  /** The page changed around the badges (rows added, moved, re-rendered): place them again. */
  reflow(): void;
  isOwn(el: Element): boolean;
}

export interface ScannerTimers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
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
}

export interface Scanner {
  stop(): void;
  /** Scan the whole page again (after a re-map, or when the panel asks). */
  rescan(): void;
}

const SEND_CHUNK = 500;

export function startScanner(deps: ScannerDeps): Scanner {
  const { adapter, page, url, doc, timers } = deps;
  const tracker = new ItemTracker();
  const pending = new Map<string, LeadSighting>();
  const cache = new Map<string, LeadBadgeData>();
  const wanted = new Set<Element>();
  const timerIds = new Set<number>();
  /** What was last sent per lead: a re-rendered row (a new element) with the same values sends nothing. */
  const sentSignature = new Map<string, string>();
  let last: OverlayContext | null = null;
  let stopped = false;
  let badgeScheduled = false;
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

  const near = createNearViewport((items) => guard(() => onNear(items))());

  function read(item: Element): void {
    const state = tracker.add(item);
    state.read = true;
    const result = adapter.extract(item, page, url);
    if (!result.ok) return;
    const id = leadId(result.sighting);
    state.leadId = id;
    const signature = JSON.stringify(result.sighting);
    state.signature = signature;
    if (sentSignature.get(id) !== signature) {
      sentSignature.set(id, signature);
      pending.set(id, result.sighting);
    }
  }

  function register(items: readonly Element[]): Element[] {
    const added: Element[] = [];
    for (const item of items) {
      if (tracker.get(item)) continue;
      tracker.add(item);
      near.observe(item);
      added.push(item);
    }
    return added;
  }

  function onNear(items: readonly Element[]): void {
    for (const item of items) {
      if (!tracker.get(item)?.read) read(item);
      wanted.add(item);
    }
    deps.onRead?.(sentSignature.size);
    scheduleBadges();
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
      if (id && !cache.has(id)) missing.add(id);
    }
    return [...missing].slice(0, SEND_CHUNK);
  }

  /**
   * Sends what was read and draws the badges of the leads near the viewport. The badge data comes back
   * with the last chunk of sightings (one round trip per CRM re-render); a separate question only when
   * nothing was sent.
   */
  async function badgePass(): Promise<void> {
    badgeScheduled = false;
    const items = [...wanted].filter((item) => item.isConnected && near.isNear(item));
    wanted.clear();
    let asked = false;
    let reply: OverlayContext | null = null;
    while (pending.size > 0 && !stopped) {
      const batch = [...pending.values()].slice(0, SEND_CHUNK);
      for (const s of batch) pending.delete(leadId(s));
      // Stored leads change (stage, days in stage): their cached context is stale.
      for (const s of batch) cache.delete(leadId(s));
      const ask = pending.size === 0 ? missingFor(items) : [];
      const answer = await deps.send(batch, ask);
      if (ask.length > 0) {
        asked = true;
        reply = answer;
      }
    }
    if (stopped) return;
    if (!asked) {
      const ask = missingFor(items);
      if (ask.length > 0) {
        asked = true;
        reply = await deps.context(ask);
      }
    }
    if (asked) {
      if (stopped || !reply) return;
      last = reply;
      for (const data of reply.leads) cache.set(data.id, data);
      deps.onContext?.(reply);
    }
    for (const item of items) draw(item);
  }

  function draw(item: Element): void {
    const id = tracker.get(item)?.leadId;
    const data = id ? cache.get(id) : undefined;
    if (!data || !last) return;
    const view = formatBadge(data, last.locale, last.gapLabel);
    const anchor = adapter.badgeAnchor(item, page);
    if (view && anchor) deps.badges.render(item, anchor, view);
  }

  /** Runs inside the MutationObserver callback: classify now, read and draw later. */
  function onBatch(batch: MutationBatch): void {
    for (const el of batch.removed) {
      if (!tracker.get(el)) continue;
      near.unobserve(el);
      deps.badges.forget(el);
    }
    const { dirty, candidates, rescan } = tracker.classify(batch);
    register(candidates.filter((el) => tracker.looksLikeItem(el)));
    deps.badges.reflow();
    for (const item of dirty) {
      const state = tracker.get(item);
      if (state) state.read = false;
      if (near.isNear(item)) wanted.add(item);
    }
    if (dirty.size > 0) later(readDirty, 0);
    if (rescan && rescanTimer === null) rescanTimer = later(fullScan, 250);
  }

  function readDirty(): void {
    for (const item of wanted) if (!tracker.get(item)?.read && item.isConnected) read(item);
    deps.onRead?.(sentSignature.size);
    scheduleBadges();
  }

  function fullScan(): void {
    rescanTimer = null;
    register(adapter.findItems(doc, page));
    deps.onStructure?.(adapter.checkHealth(doc, page).ok);
  }

  const batcher = createMutationBatcher(doc.documentElement, (batch) => guard(() => onBatch(batch))(), {
    isOwn: deps.badges.isOwn,
    // At once: a removed row loses its badge before the next frame can show it.
    schedule: (flush) => flush(),
  });
  guard(fullScan)();

  return {
    stop() {
      stopped = true;
      batcher.disconnect();
      near.disconnect();
      for (const id of timerIds) timers.clearTimeout(id);
      timerIds.clear();
    },
    rescan: guard(fullScan),
  };
}
