/**
 * Which elements are CRM items (rows, cards, the record root) and what Pacer last read from each.
 * Items are kept in a WeakMap, so rows the CRM throws away are forgotten with them, and each item is
 * read once until it changes ("seen" marks that live in Pacer, not as attributes on the page's DOM).
 */
import type { MutationBatch } from './mutation-batch';

export interface ItemState {
  /** Lead id of the last successful read, if any. */
  leadId: string | null;
  read: boolean;
}

export interface Classified {
  /** Known items whose content changed: read again, re-check their badge. */
  dirty: Set<Element>;
  /** New elements beside known items (a re-rendered or lazily loaded row): probably items. */
  candidates: Element[];
  /** Something else appeared with structure in it (a new table, a board column): scan the page again. */
  rescan: boolean;
}

const MAX_DEPTH = 40;

export class ItemTracker {
  readonly #items = new WeakMap<Element, ItemState>();
  /** Parents of known items, with the tag names their items have (a re-render replaces them all). */
  readonly #containers = new WeakMap<Element, Set<string>>();

  add(item: Element): ItemState {
    let state = this.#items.get(item);
    if (!state) {
      state = { leadId: null, read: false };
      this.#items.set(item, state);
      const parent = item.parentElement;
      if (parent) {
        const tags = this.#containers.get(parent) ?? new Set<string>();
        tags.add(item.tagName);
        this.#containers.set(parent, tags);
      }
    }
    return state;
  }

  get(item: Element): ItemState | undefined {
    return this.#items.get(item);
  }

  /** The known item `node` is or sits inside, if any. */
  itemFor(node: Element): Element | null {
    let el: Element | null = node;
    for (let depth = 0; el && depth < MAX_DEPTH; depth++, el = el.parentElement) {
      if (this.#items.has(el)) return el;
    }
    return null;
  }

  classify(batch: MutationBatch): Classified {
    const dirty = new Set<Element>();
    const candidates: Element[] = [];
    let rescan = false;
    // The item each parent is or sits in, for this batch: the 50 rows a CRM re-renders share their
    // parent, whose walk up to the root is done once instead of once per row.
    const byParent = new Map<Element, Element | null>();
    const itemAbove = (el: Element): Element | null => {
      if (this.#items.has(el)) return el;
      const parent = el.parentElement;
      if (!parent) return null;
      let item = byParent.get(parent);
      if (item === undefined) {
        item = this.itemFor(parent);
        byParent.set(parent, item);
      }
      return item;
    };
    for (const el of batch.added) {
      const item = itemAbove(el);
      if (item) dirty.add(item);
      else if (el.parentElement && this.#containers.has(el.parentElement)) candidates.push(el);
      else if (el.childElementCount > 0) rescan = true;
    }
    for (const el of batch.changed) {
      const item = itemAbove(el);
      if (item) dirty.add(item);
    }
    return { dirty, candidates, rescan };
  }

  /** Whether `el` looks like the items known in its container (same tag), even if they are all gone. */
  looksLikeItem(el: Element): boolean {
    const parent = el.parentElement;
    return parent !== null && (this.#containers.get(parent)?.has(el.tagName) ?? false);
  }
}
