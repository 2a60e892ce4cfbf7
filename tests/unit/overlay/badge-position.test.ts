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
