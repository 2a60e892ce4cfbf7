// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Box, createNearViewport, nearIndices } from '../../../lib/overlay/near-viewport';

const EMPTY: Box = { top: 0, bottom: 0, left: 0, right: 0 };
const meets = (b: Box, band: Box) =>
  b.bottom - b.top > 0 &&
  b.bottom >= band.top &&
  b.top <= band.bottom &&
  b.right >= band.left &&
  b.left <= band.right;

/** Rows in reading order: heights ≥ 1, some hidden (empty boxes) anywhere. */
const rows = fc
  .array(fc.record({ height: fc.integer({ min: 1, max: 80 }), hidden: fc.boolean() }), { maxLength: 400 })
  .map((specs) => {
    let y = -2000;
    return specs.map(({ height, hidden }) => {
      if (hidden) return EMPTY;
      const box = { top: y, bottom: y + height, left: 0, right: 900 };
      y += height;
      return box;
    });
  });

describe('nearIndices', () => {
  it('finds exactly the boxes that meet the band, reading a few of them', () => {
    fc.assert(
      fc.property(
        rows,
        fc.integer({ min: -2500, max: 6000 }),
        fc.integer({ min: 0, max: 1200 }),
        (boxes, top, height) => {
          const band = { top, bottom: top + height, left: 0, right: 800 };
          const found = nearIndices(boxes.length, (i) => boxes[i] as Box, band);
          const expected = boxes.flatMap((b, i) => (meets(b, band) ? [i] : []));
          expect(found).toEqual(expected);
          return true;
        },
      ),
    );
  });

  it('reads about log2(n) boxes plus the near ones on a long table', () => {
    const boxes = Array.from({ length: 2000 }, (_, i) => ({
      top: i * 40,
      bottom: i * 40 + 40,
      left: 0,
      right: 900,
    }));
    const reads = new Set<number>();
    const found = nearIndices(
      2000,
      (i) => {
        reads.add(i);
        return boxes[i] as Box;
      },
      {
        top: 20_000 - 150,
        bottom: 20_800 + 150,
        left: 0,
        right: 1280,
      },
    );
    expect(found[0]).toBe(496);
    expect(found).toHaveLength(28);
    expect(reads.size).toBeLessThan(found.length + 20);
  });

  it('leaves out boxes beside the viewport (a board column scrolled off to the side)', () => {
    const band = { top: 0, bottom: 800, left: 0, right: 1280 };
    expect(nearIndices(1, () => ({ top: 10, bottom: 50, left: 1400, right: 1600 }), band)).toEqual([]);
    expect(nearIndices(1, () => ({ top: 10, bottom: 50, left: 1200, right: 1400 }), band)).toEqual([0]);
  });
});

describe('createNearViewport', () => {
  afterEach(() => document.body.replaceChildren());

  /** A tbody of `count` 40 px rows laid out from `offset` (happy-dom has no layout of its own). */
  function table(count: number, offset = 0) {
    const body = document.createElement('tbody');
    const rowsOut: HTMLElement[] = [];
    for (let i = 0; i < count; i++) {
      const tr = document.createElement('tr');
      tr.getBoundingClientRect = () => {
        const index = [...body.children].indexOf(tr);
        const top = offset + index * 40;
        return { top, bottom: top + 40, left: 0, right: 900, width: 900, height: 40 } as DOMRect;
      };
      body.append(tr);
      rowsOut.push(tr);
    }
    document.body.append(body);
    return { body, rows: rowsOut };
  }

  it('reports rows as they come near, once, and follows rows that leave', () => {
    const { rows: trs } = table(300);
    const near = createNearViewport(window, 100);
    for (const tr of trs) near.observe(tr);
    const height = window.innerHeight;
    const first = near.check();
    expect(first).toEqual(trs.slice(0, Math.floor((height + 100) / 40) + 1));
    expect(near.check()).toEqual([]);
    expect(near.isNear(trs[0]!)).toBe(true);
    // The first row leaves the page: it is no longer near, and the next row moves up.
    near.unobserve(trs[0]!);
    trs[0]!.remove();
    const next = near.check();
    expect(next).toEqual([trs[Math.floor((height + 100) / 40) + 1]]);
    expect(near.isNear(trs[0]!)).toBe(false);
    near.disconnect();
    expect(near.check()).toEqual([]);
  });

  it('files a row moved to another container under it when observed again', () => {
    const a = table(3);
    const b = table(3, 5000);
    const near = createNearViewport(window, 0);
    for (const tr of [...a.rows, ...b.rows]) near.observe(tr);
    expect(near.check()).toEqual(a.rows);
    const moved = b.rows[0]!;
    a.body.append(moved);
    moved.getBoundingClientRect = () => ({ top: 120, bottom: 160, left: 0, right: 900 }) as DOMRect;
    near.observe(moved);
    expect(near.check()).toEqual([moved]);
  });

  it('lets go of the rows of a container the page threw away', () => {
    const a = table(20);
    const near = createNearViewport(window, 0);
    for (const tr of a.rows) near.observe(tr);
    expect(near.check()).toHaveLength(20);
    a.body.remove();
    expect(near.check()).toEqual([]);
    expect(near.isNear(a.rows[0]!)).toBe(false);
    // Put back, its rows are found again once observed again (the scanner re-registers them).
    document.body.append(a.body);
    for (const tr of a.rows) near.observe(tr);
    expect(near.check()).toHaveLength(20);
  });
});
