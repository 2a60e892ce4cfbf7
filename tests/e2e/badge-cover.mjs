// Measures Pacer's badges against the page they sit on, for the CRM e2e tests: one badge per item,
// none covering an item's text or controls, none left over no item.
import { closedShadowRoots } from './crm-support.mjs';

/**
 * Every item of the page in the viewport, with the badges over it and whether a badge's pill covers
 * any of the item's text or controls (each text node's line boxes and each control's box against each
 * pill's box). The badges' shadow roots are closed: the pills are measured through the roots the
 * DevTools protocol hands the test.
 */
export async function badgesOverItems(page, itemSelector) {
  const roots = await closedShadowRoots(page);
  try {
    return await page.evaluate(badgesOverItemsInPage, [itemSelector, roots]);
  } finally {
    await roots.dispose();
  }
}

/** badgesOverItems' measuring, run in the page; `roots` maps each badge host to its closed root. */
function badgesOverItemsInPage([selector, roots]) {
  const pills = [...document.querySelectorAll('pacer-lead-badge:not([data-spare])')]
    .filter((h) => getComputedStyle(h).contentVisibility !== 'hidden' && roots.get(h)?.textContent?.trim())
    .map((h) => {
      const pill = roots.get(h).querySelector('.pc-root > *') ?? h;
      return pill.getBoundingClientRect();
    });
  // Boxes that share more than a pixel: a pill centred on a 19.6 px line may graze the line above.
  const meets = (a, b) =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  // A pill just past a row's right end (a packed table row with no gap left) is that row's too.
  const beside = (p, b) =>
    p.left >= b.right - 1 && p.left <= b.right + 12 && p.top < b.bottom - 1 && b.top < p.bottom - 1;
  const over = (p, b) => meets(p, b) || beside(p, b);
  const vh = window.innerHeight;
  const items = [...document.querySelectorAll(selector)].filter((el) => {
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.top < 0 || r.bottom > vh || el.closest('[aria-hidden="true"],[hidden]'))
      return false;
    // Shown, not clipped away by a scroll box: the page's own element is on top at its middle.
    const top = document
      .elementsFromPoint(r.left + 8, r.top + r.height / 2)
      .find((e) => !e.localName.startsWith('pacer-'));
    return top !== undefined && el.contains(top);
  });
  const out = items.map((el) => {
    const box = el.getBoundingClientRect();
    const mine = pills.filter((p) => over(p, box));
    // Controls are covered by their box, not only their label: a button's padding is its target too.
    const texts = [
      ...el.querySelectorAll('button, input, select, textarea, [role="button"], [role="checkbox"]'),
    ]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      texts.push(...range.getClientRects());
    }
    const hit = mine.flatMap((p) => texts.filter((t) => meets(p, t)).map((t) => [p, t]))[0];
    const covered = hit
      ? `pill ${[hit[0].left, hit[0].top, hit[0].right, hit[0].bottom].map(Math.round)} over text ${[hit[1].left, hit[1].top, hit[1].right, hit[1].bottom].map(Math.round)}`
      : false;
    return { text: el.textContent.trim().slice(0, 40), badges: mine.length, covered };
  });
  // A badge over no item at all (not even one half out of view) is a ghost: a dragged clone's, a gone row's.
  const all = [...document.querySelectorAll(selector)];
  const stray = pills.filter((p) => !all.some((el) => over(p, el.getBoundingClientRect())));
  return {
    items: out,
    pills: pills.length,
    stray: stray.length,
    strayAt: stray.map(
      (p) =>
        `${[p.left, p.top, p.right, p.bottom].map(Math.round)} vh ${vh} sy ${scrollY} under ${document
          .elementsFromPoint(p.left + 3, p.top + 10)
          .map((e) => `${e.localName}.${e.className}`)
          .slice(0, 4)
          .join('/')}`,
    ),
  };
}
