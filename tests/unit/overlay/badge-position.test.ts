import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBadge, rowSpot } from '../../../lib/overlay/badge-position';

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

describe('rowSpot: a pill clear of a packed table row', () => {
  const SIZE_ROW = { width: 150, height: 18 };
  // A name cell as wide as the name and its Preview button, then the stage and amount cells.
  const cellBox = { left: 30, top: 100, right: 400, bottom: 126 };
  const name = { left: 35, top: 104, right: 330, bottom: 122 };
  const preview = { left: 332, top: 102, right: 396, bottom: 124 };
  const stage = { left: 404, top: 104, right: 552, bottom: 122 };
  const amount = { left: 556, top: 104, right: 640, bottom: 122 };
  const clear = (
    spot: { left: number; top: number } | null,
    boxes: { left: number; right: number; top: number; bottom: number }[],
  ) =>
    spot !== null &&
    boxes.every(
      (b) =>
        spot.left + 96 <= b.left || spot.left >= b.right || spot.top + 18 <= b.top || spot.top >= b.bottom,
    );

  it('keeps the usual right end when the name leaves room', () => {
    const spot = rowSpot(cellBox, SIZE_ROW, [{ ...name, right: 200 }], 1280);
    expect(spot).toEqual({ left: 400 - 4 - 150, top: 104, start: false });
  });

  it('goes to the first gap after the cell’s name and button, never over them', () => {
    const spot = rowSpot(
      cellBox,
      SIZE_ROW,
      [name, preview, stage, { ...amount, left: 760, right: 840 }],
      1280,
    );
    expect(spot).toEqual({ left: 556, top: 104, start: true });
    expect(clear(spot, [name, preview, stage])).toBe(true);
  });

  it('goes past the row’s last words when no gap between cells fits', () => {
    const spot = rowSpot(cellBox, SIZE_ROW, [name, preview, stage, amount], 1280);
    expect(spot?.left).toBe(644);
    expect(rowSpot(cellBox, SIZE_ROW, [name, preview, stage, amount], 700)).toBeNull();
  });

  it('uses the free end of a wrapped cell’s last line (the button under the name)', () => {
    const tall = { left: 30, top: 100, right: 360, bottom: 140 };
    const line1 = { left: 35, top: 100, right: 330, bottom: 118 };
    const button = { left: 35, top: 120, right: 98, bottom: 138 };
    const spot = rowSpot(tall, SIZE_ROW, [line1, button, { ...stage, top: 110, bottom: 128 }], 700);
    expect(spot).toEqual({ left: 360 - 4 - 150, top: 120, start: false });
    expect(clear({ left: 360 - 4 - 96, top: 120 }, [line1, button])).toBe(true);
  });

  it('never returns a spot over an obstacle, for any row', () => {
    const box = fc.record({ left: fc.integer({ min: 0, max: 900 }), w: fc.integer({ min: 5, max: 200 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 8 }), (cells) => {
        const obstacles = cells.map(({ left, w }) => ({ left, right: left + w, top: 104, bottom: 122 }));
        const spot = rowSpot(cellBox, SIZE_ROW, obstacles, 1280);
        if (!spot) return;
        const pill = spot.start
          ? { left: spot.left, right: spot.left + 96 }
          : { left: spot.left + 150 - 96, right: spot.left + 150 };
        for (const o of obstacles) expect(pill.right <= o.left || pill.left >= o.right).toBe(true);
        expect(pill.right).toBeLessThanOrEqual(1280);
      }),
    );
  });
});
