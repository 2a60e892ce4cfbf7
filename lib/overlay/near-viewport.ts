/**
 * Items near the viewport, through one IntersectionObserver: badges are drawn only for rows the user
 * can see or is about to scroll to, which keeps a 2,000-row table's first pass small. The observer
 * does the geometry off the main script path; nothing is measured by hand.
 */

export interface NearViewport {
  observe(el: Element): void;
  unobserve(el: Element): void;
  isNear(el: Element): boolean;
  disconnect(): void;
}

/**
 * `margin` extends the viewport (CSS margin syntax): rows this close are read and badged just before
 * they show (a few rows, enough for a wheel step). Every row more in it is read and drawn again on each
 * re-render of the CRM's table, whose budget is 8 ms per 50 rows (issue 6).
 */
export function createNearViewport(onNear: (els: Element[]) => void, margin = '150px 0px'): NearViewport {
  const near = new WeakSet<Element>();
  const observer = new IntersectionObserver(
    (entries) => {
      const entered: Element[] = [];
      for (const entry of entries) {
        if (entry.isIntersecting) {
          if (!near.has(entry.target)) entered.push(entry.target);
          near.add(entry.target);
        } else near.delete(entry.target);
      }
      if (entered.length > 0) onNear(entered);
    },
    { rootMargin: margin },
  );
  return {
    observe: (el) => observer.observe(el),
    unobserve(el) {
      observer.unobserve(el);
      near.delete(el);
    },
    isNear: (el) => near.has(el),
    disconnect: () => observer.disconnect(),
  };
}
