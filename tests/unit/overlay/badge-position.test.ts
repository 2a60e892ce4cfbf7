import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBadge } from '../../../lib/overlay/badge-position';

const SIZE = { width: 150, height: 18 };
const cell = { left: 100, top: 200, right: 500, bottom: 240 };

describe('placeBadge', () => {
  it('goes at the right end of the anchor, centred on it', () => {
    expect(placeBadge(cell, { left: 0, top: 0 }, SIZE)).toEqual({ x: 500 - 4 - 150, y: 211, shown: true });
  });

  it('is relative to the layer origin (a positioned body, a scrolled page)', () => {
    expect(placeBadge(cell, { left: 100, top: -1000 }, SIZE)).toEqual({ x: 246, y: 1211, shown: true });
  });

  it('hides the badge of an anchor without a box', () => {
    expect(placeBadge({ left: 0, top: 0, right: 0, bottom: 0 }, { left: 0, top: 0 }, SIZE).shown).toBe(false);
  });

  it('never starts left of the anchor and never ends right of it when it fits, for any width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: -500, max: 500 }), (width, left) => {
        const anchor = { left, top: 0, right: left + width, bottom: 30 };
        const p = placeBadge(anchor, { left: 0, top: 0 }, SIZE);
        expect(p.x).toBeGreaterThanOrEqual(anchor.left);
        if (width >= SIZE.width + 8) expect(p.x + SIZE.width).toBeLessThanOrEqual(anchor.right);
      }),
    );
  });
});

describe('placeBadge beside a title’s text', () => {
  const title = { left: 0, top: 100, right: 230, bottom: 160 }; // three lines of 20 px
  const first = { left: 0, top: 100, right: 228, bottom: 120 };
  it('goes on the last line of a wrapped title when that line leaves room', () => {
    const last = { left: 0, top: 140, right: 90, bottom: 160 };
    expect(placeBadge(title, { left: 0, top: 0 }, SIZE, { first, last, stacked: true }).y).toBe(141);
  });
  it('goes below a title whose last line fills the width, never over its words', () => {
    const last = { left: 0, top: 140, right: 226, bottom: 160 };
    const placed = placeBadge(title, { left: 0, top: 0 }, SIZE, { first, last, stacked: true });
    expect(placed.y).toBeGreaterThanOrEqual(160);
  });
  it('keeps to the right end in a table row, where below is the next row', () => {
    const cellText = { left: 0, top: 100, right: 226, bottom: 120 };
    const cellBox = { left: 0, top: 100, right: 230, bottom: 120 };
    const placed = placeBadge(cellBox, { left: 0, top: 0 }, SIZE, {
      first: cellText,
      last: cellText,
      stacked: false,
    });
    expect(placed.y).toBe(101);
  });
});
