/**
 * One MutationObserver for the whole page, its records folded into one batch per scheduled flush: a
 * CRM that re-renders 50 rows fires hundreds of records, and Pacer looks at them once. No polling:
 * nothing runs while the page is still. Pacer's own badge hosts are ignored, so inserting a badge
 * never feeds back into another batch.
 */

export interface MutationBatch {
  /** Elements added to the page (not their descendants: callers look inside when they need to). */
  added: Element[];
  /** Elements whose children or text changed. */
  changed: Element[];
  /** Elements removed from the page. */
  removed: Element[];
  /**
   * Elements shown or hidden by markup (`hidden`, `aria-hidden`, `inert` changed): a dialog library
   * hides the whole app behind a modal and shows it again on close, without adding a single node.
   */
  visibility: Element[];
}

/** The attributes that hide or show a whole part of the page (see isHiddenByMarkup in lib/crm/dom.ts). */
export const VISIBILITY_ATTRIBUTES = ['hidden', 'aria-hidden', 'inert'];

export interface BatcherOptions {
  /** True for Pacer's own nodes (badge hosts, the panel). */
  isOwn: (el: Element) => boolean;
  /** Runs the flush later (e.g. `ctx.requestAnimationFrame` or a 0 ms `ctx.setTimeout`). */
  schedule: (flush: () => void) => void;
}

export interface MutationBatcher {
  disconnect(): void;
}

export function createMutationBatcher(
  root: Node,
  onBatch: (batch: MutationBatch) => void,
  options: BatcherOptions,
): MutationBatcher {
  let added = new Set<Element>();
  let changed = new Set<Element>();
  let removed = new Set<Element>();
  let visibility = new Set<Element>();
  let scheduled = false;
  let live = true;

  const flush = () => {
    scheduled = false;
    if (!live) return;
    const batch: MutationBatch = {
      added: [...added],
      changed: [...changed],
      removed: [...removed],
      visibility: [...visibility],
    };
    added = new Set();
    changed = new Set();
    removed = new Set();
    visibility = new Set();
    const size = batch.added.length + batch.changed.length + batch.removed.length;
    if (size + batch.visibility.length > 0) onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    // A CRM re-rendering 50 rows sends 50 records on the same parent: it is looked at once.
    let lastNode: Node | null = null;
    let lastTarget: Element | null = null;
    for (const record of records) {
      if (record.target !== lastNode) {
        lastNode = record.target;
        const el = lastNode.nodeType === 1 ? (lastNode as Element) : lastNode.parentElement;
        lastTarget = el && !options.isOwn(el) ? el : null;
      }
      const target = lastTarget;
      if (!target) continue;
      if (record.type === 'characterData') {
        changed.add(target);
        continue;
      }
      if (record.type === 'attributes') {
        visibility.add(target);
        continue;
      }
      let foreign = false;
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType === 1) {
          if (options.isOwn(node as Element)) continue;
          added.add(node as Element);
        }
        foreign = true;
      }
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType === 1) {
          if (options.isOwn(node as Element)) continue;
          removed.add(node as Element);
        }
        foreign = true;
      }
      if (foreign) changed.add(target);
    }
    if (!scheduled && added.size + changed.size + removed.size + visibility.size > 0) {
      scheduled = true;
      options.schedule(flush);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: VISIBILITY_ATTRIBUTES,
  });

  return {
    disconnect() {
      live = false;
      observer.disconnect();
    },
  };
}
