/**
 * Where a lead badge's pill goes on a board card (a Pipedrive kanban tile): somewhere on the card
 * that covers none of its words or controls, so a manager still reads the deal's title, value and
 * person. The placement that kept a pill to the title's right end and only checked that it ended
 * inside the card laid it over "Nha khoa Sài Gòn Sm…" and "Bến Thành Logistic…" at 1280 px.
 * Pure: the badge layer (components/overlay/badge-layer.ts) reads the card's text line boxes
 * (a Range over each text node) and its controls' boxes in its pass of reads, and draws the pill in
 * its own layer: nothing in the CRM's card moves or reflows.
 */
import { type BadgeSize, type Box, boxesMeet, INSET, type Spot } from './badge-position';

/**
 * How far a pill's drawn box reaches past its host's height: the pill (11 px text at 1.4, 1 px padding
 * and border) is 19.4 px tall in an 18 px host, centred, and shows past the host by 0.7 px each side.
 */
export const BLEED = 1;

/** A horizontal run free of every obstacle, at `top`. */
interface Run {
  top: number;
  left: number;
  right: number;
}

const meets = (o: Box, top: number, bottom: number) => o.top < bottom && o.bottom > top && o.right > o.left;

/**
 * The free runs at `top` for a pill `height` tall: the card's inner span (INSET in from its edges and
 * from `limit`, the visible right end) less each obstacle in the band, kept INSET away from it.
 */
function runsAt(card: Box, height: number, obstacles: readonly Box[], limit: number, top: number): Run[] {
  const lo = card.left + INSET;
  const hi = Math.min(card.right, limit) - INSET;
  const band = obstacles
    .filter((o) => meets(o, top - BLEED, top + height + BLEED))
    .sort((a, b) => a.left - b.left);
  const runs: Run[] = [];
  let cursor = lo;
  for (const o of band) {
    const end = Math.min(hi, o.left - INSET);
    if (end > cursor) runs.push({ top, left: cursor, right: end });
    cursor = Math.max(cursor, o.right + INSET);
  }
  if (hi > cursor) runs.push({ top, left: cursor, right: hi });
  return runs;
}

/**
 * The heights a pill's top is tried at, best first, each a whole pixel with the pill (and its bleed)
 * inside the card. First centred on each line of the card's words, top to bottom (a pill beside the
 * title's, the person's or the value's end reads as part of the card); then the card's bottom edge,
 * then its top edge; then just below each obstacle. The last ones make the search complete: any clear
 * place slides up, staying clear, until it meets an obstacle's bottom or the card's top edge.
 */
export function cardTops(card: Box, size: BadgeSize, obstacles: readonly Box[]): number[] {
  const min = Math.ceil(card.top + BLEED);
  const max = Math.floor(card.bottom - BLEED - size.height);
  if (max < min) return [];
  const inCard = obstacles.filter((o) => boxesMeet(o, card)).sort((a, b) => a.top - b.top);
  const wanted = [
    ...inCard.map((o) => Math.round((o.top + o.bottom - size.height) / 2)),
    max,
    min,
    ...inCard.map((o) => Math.ceil(o.bottom + BLEED)),
  ];
  const tops: number[] = [];
  for (const top of wanted) if (top >= min && top <= max && !tops.includes(top)) tops.push(top);
  return tops;
}

/**
 * A place on `card` for a pill `width` px wide (drawn right-aligned in a host of `size`) where it
 * covers none of `obstacles` (the card's text line boxes and controls), keeps INSET px from each and
 * from the card's edges, and ends before `limit`. At the first height of cardTops with a free run wide
 * enough, at the right end of the rightmost such run. Null when the card has no such place: the caller
 * tries a more compact form (pill-fit.ts choosePill), then cardFallback.
 */
export function cardSpot(
  card: Box,
  size: BadgeSize,
  obstacles: readonly Box[],
  limit: number,
  width = size.width,
): Spot | null {
  for (const top of cardTops(card, size, obstacles)) {
    const runs = runsAt(card, size.height, obstacles, limit, top);
    for (let i = runs.length - 1; i >= 0; i--) {
      const run = runs[i] as Run;
      if (run.right - run.left >= width) return { left: run.right - size.width, top, start: false };
    }
  }
  return null;
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * When a card has no clear place even for the tier alone (a card narrower than the tier, or whose
 * every line is full to its edge): the place on the card, right-aligned at its right end or just
 * before an obstacle, that covers the least area of its words and controls, so as few letters as
 * possible are hidden, and never a place off the card, over a neighbouring card or a column's header,
 * whose words this card's obstacles do not include. Ties go to the lower place (the card's bottom
 * edge before its lines: its last line is its least read). A card too short for a pill gets one
 * centred on it.
 */
export function cardFallback(
  card: Box,
  size: BadgeSize,
  obstacles: readonly Box[],
  limit: number,
  width = size.width,
): Spot {
  const hi = Math.min(card.right, limit) - INSET;
  const tops = cardTops(card, size, obstacles);
  if (tops.length === 0) tops.push(Math.round((card.top + card.bottom - size.height) / 2));
  tops.sort((a, b) => b - a);
  let best: { end: number; top: number; covered: number } | null = null;
  for (const top of tops) {
    const ends = [hi];
    for (const o of obstacles)
      if (meets(o, top - BLEED, top + size.height + BLEED)) ends.push(o.left - INSET);
    for (const end of ends) {
      if (end - width < card.left + INSET && end !== hi) continue;
      const pill = { left: end - width, right: end, top: top - BLEED, bottom: top + size.height + BLEED };
      let covered = 0;
      for (const o of obstacles) covered += overlap(pill, o);
      if (!best || covered < best.covered) best = { end, top, covered };
    }
  }
  const { end, top } = best as { end: number; top: number };
  return { left: end - size.width, top, start: false };
}
