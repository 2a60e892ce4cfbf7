import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../lib/overlay/badge-position';
import { BLEED, cardFallback, cardSpot } from '../../../lib/overlay/card-spot';

const SIZE = { width: 150, height: 18 };
const INSET = 4;
const NO_LIMIT = 10_000;

/** The box a spot's pill (`width` px, right-aligned in its host) is drawn in, its bleed included. */
const pillBox = (spot: { left: number; top: number }, width: number, size = SIZE): Box => ({
  left: spot.left + size.width - width,
  right: spot.left + size.width,
  top: spot.top - BLEED,
  bottom: spot.top + size.height + BLEED,
});
const meets = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, b: Box) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/**
 * A Pipedrive card as the e2e fixture draws it at 1280 px in its 298 px column (14 px text at 1.4,
 * 8 px padding): the title, the organisation, the owner's initial, the value, the activity button.
 * Text boxes are 19 px tall on lines 19.6 px apart: a pill centred on a line grazes its neighbours.
 */
const card: Box = { left: 332, top: 117, right: 630, bottom: 233 };
const line = (i: number, right: number): Box => ({
  left: 341,
  right,
  top: 126 + i * 19.6,
  bottom: 145 + i * 19.6,
});
const nhaKhoa = [
  line(0, 498), // "Nha khoa Sài Gòn Smile"
  line(1, 498), // "Nha khoa Sài Gòn Smile"
  line(2, 349), // "T"
  line(3, 421), // "₫85,000,000"
  { left: 341, right: 357, top: 216, bottom: 223 }, // the activity button
];

describe('cardSpot', () => {
  it('keeps a whole pill off a long title: on the first line whose band is free (the owner’s initial’s)', () => {
    // The old placement put this 141 px pill at the title's right end, over "…Smile" (476–617).
    const spot = cardSpot(card, SIZE, nhaKhoa, NO_LIMIT, 141);
    expect(spot).not.toBeNull();
    const pill = pillBox(spot as NonNullable<typeof spot>, 141);
    for (const o of nhaKhoa) expect(meets(pill, o)).toBe(false);
    expect(inside(pill, card)).toBe(true);
    // Right-aligned, INSET px in from the card's right edge, centred on the initial's line: its band
    // grazes the value's line below (which ends at 421), not the organisation's above (at 498).
    expect(pill.right).toBe(630 - INSET);
    expect(spot?.top).toBe(Math.round((126 + 2 * 19.6 + 145 + 2 * 19.6 - 18) / 2));
  });

  it('prefers the title’s line when the title leaves room', () => {
    const short = [line(0, 420), ...nhaKhoa.slice(1)];
    const spot = cardSpot(card, SIZE, short, NO_LIMIT, 100);
    expect(spot?.top).toBe(Math.round((126 + 145 - 18) / 2));
  });

  it('ends before the visible right end of a card cut by the window', () => {
    const spot = cardSpot(card, SIZE, nhaKhoa, 600, 60);
    expect(spot).not.toBeNull();
    expect(pillBox(spot as NonNullable<typeof spot>, 60).right).toBeLessThanOrEqual(600 - INSET);
  });

  it('finds the one free band between two blocks, off every line’s centre and the card’s edges', () => {
    // A tall block of words above, another below, 22 px free between them (30–52): only a top just
    // below the upper block (31) clears both, with the pill's bleed.
    const c = { left: 0, top: 0, right: 100, bottom: 100 };
    const blocks = [
      { left: 4, right: 96, top: 0, bottom: 30 },
      { left: 4, right: 96, top: 52, bottom: 100 },
    ];
    expect(cardSpot(c, SIZE, blocks, NO_LIMIT, 40)).toEqual({ left: 96 - 150, top: 31, start: false });
  });

  it('has no spot on a card whose every line is full and which has no free edge', () => {
    const full = { left: 0, top: 0, right: 100, bottom: 60 };
    const words = [0, 1, 2].map((i) => ({ left: 4, right: 96, top: i * 20, bottom: i * 20 + 19 }));
    expect(cardSpot(full, SIZE, words, NO_LIMIT, 20)).toBeNull();
  });

  it('has no spot on a card shorter than a pill', () => {
    expect(cardSpot({ left: 0, top: 0, right: 300, bottom: 19 }, SIZE, [], NO_LIMIT, 20)).toBeNull();
  });
});

/** A card, boxes on it (words and controls, some reaching past it) and a pill width. */
const scene = fc
  .record({
    left: fc.integer({ min: 0, max: 400 }),
    top: fc.integer({ min: 0, max: 400 }),
    width: fc.integer({ min: 20, max: 400 }),
    height: fc.integer({ min: 10, max: 160 }),
    limitCut: fc.integer({ min: 0, max: 120 }),
    pill: fc.integer({ min: 10, max: 220 }),
    boxes: fc.array(
      fc.record({
        x: fc.double({ min: -0.1, max: 1, noNaN: true }),
        y: fc.double({ min: -0.1, max: 1, noNaN: true }),
        // Now and then a block to the card's right end and past it (a full line, a wide control).
        w: fc.oneof(fc.double({ min: 1, max: 260, noNaN: true }), fc.constant(1000)),
        h: fc.double({ min: 1, max: 40, noNaN: true }),
      }),
      { maxLength: 10 },
    ),
  })
  .map((s) => {
    const box: Box = {
      left: s.left + 0.3,
      top: s.top + 0.6,
      right: s.left + s.width,
      bottom: s.top + s.height,
    };
    const obstacles = s.boxes.map((b) => {
      const left = box.left + b.x * s.width;
      const top = box.top + b.y * s.height;
      return { left, top, right: left + b.w, bottom: top + b.h };
    });
    return { card: box, obstacles, limit: box.right - s.limitCut, width: s.pill };
  });

/**
 * Whether a pill `width` wide fits anywhere on the card, by brute force: every whole-pixel top, and
 * along it every gap between the boxes in its band, each INSET px clear.
 */
function fitsSomewhere(c: Box, obstacles: readonly Box[], limit: number, width: number): boolean {
  const lo = c.left + INSET;
  const hi = Math.min(c.right, limit) - INSET;
  for (let t = Math.ceil(c.top + BLEED); t + SIZE.height + BLEED <= c.bottom; t++) {
    const band = obstacles
      .filter((o) => o.top < t + SIZE.height + BLEED && o.bottom > t - BLEED)
      .sort((a, b) => a.left - b.left);
    let cursor = lo;
    for (const o of band) {
      if (Math.min(hi, o.left - INSET) - cursor >= width) return true;
      cursor = Math.max(cursor, o.right + INSET);
    }
    if (hi - cursor >= width) return true;
  }
  return false;
}

describe('cardSpot, for any card', () => {
  it('never puts a pill over a word or a control, and keeps it INSET px inside the card', () => {
    fc.assert(
      fc.property(scene, ({ card: c, obstacles, limit, width }) => {
        const spot = cardSpot(c, SIZE, obstacles, limit, width);
        if (!spot) return;
        const pill = pillBox(spot, width);
        for (const o of obstacles) expect(meets(pill, o), JSON.stringify({ pill, o })).toBe(false);
        expect(Number.isInteger(spot.top)).toBe(true);
        expect(pill.left).toBeGreaterThanOrEqual(c.left + INSET - 1e-9);
        expect(pill.right).toBeLessThanOrEqual(Math.min(c.right, limit) - INSET + 1e-9);
        expect(pill.top).toBeGreaterThanOrEqual(c.top);
        expect(pill.bottom).toBeLessThanOrEqual(c.bottom);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a spot whenever one exists (the search misses no free place)', () => {
    fc.assert(
      fc.property(scene, ({ card: c, obstacles, limit, width }) => {
        const found = cardSpot(c, SIZE, obstacles, limit, width) !== null;
        expect(found).toBe(fitsSomewhere(c, obstacles, limit, width));
      }),
      { numRuns: 500 },
    );
  });
});

describe('cardFallback', () => {
  it('puts the tier where it hides the least of the words when no place is free', () => {
    // Three full lines and a short last one, no padding: no place keeps INSET px clear of the words.
    // The tier goes beside the last line's end, closer than INSET to it but over no letter.
    const c = { left: 0, top: 0, right: 100, bottom: 80 };
    const words = [
      ...[0, 1, 2].map((i) => ({ left: 4, right: 96, top: i * 20, bottom: i * 20 + 19 })),
      { left: 4, right: 70, top: 60, bottom: 79 },
    ];
    expect(cardSpot(c, SIZE, words, NO_LIMIT, 24)).toBeNull();
    const spot = cardFallback(c, SIZE, words, NO_LIMIT, 24);
    const pill = pillBox(spot, 24);
    expect(inside(pill, c)).toBe(true);
    expect(pill.left).toBeGreaterThanOrEqual(70);
    for (const o of words) expect(meets(pill, o)).toBe(false);
  });

  it('stays on a card that has any height for a pill, for any card', () => {
    fc.assert(
      fc.property(scene, ({ card: c, obstacles, limit, width }) => {
        const spot = cardFallback(c, SIZE, obstacles, limit, width);
        expect(Number.isFinite(spot.left) && Number.isFinite(spot.top)).toBe(true);
        if (c.bottom - c.top >= SIZE.height + 2 * BLEED + 1) {
          const pill = pillBox(spot, width);
          expect(pill.top).toBeGreaterThanOrEqual(c.top);
          expect(pill.bottom).toBeLessThanOrEqual(c.bottom);
        }
      }),
      { numRuns: 300 },
    );
  });
});
