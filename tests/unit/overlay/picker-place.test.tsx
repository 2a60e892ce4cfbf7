// @vitest-environment happy-dom
// Where the picker sits: the corner covering the least of the page, out of the way of what it
// outlines, shrinkable to a handle, and remembered per site (parsed with zod like the panel's place).
import fc from 'fast-check';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Picker } from '../../../components/overlay/picker';
import {
  CORNERS,
  type Corner,
  cornerAt,
  cornerRect,
  cornerToward,
  firstCorner,
  overlapArea,
  placePicker,
  type Rect,
} from '../../../lib/overlay/picker-place';
import { PanelState, parsePanels } from '../../../lib/overlay/stored';

const rect = fc.record({
  left: fc.integer({ min: -50, max: 1400 }),
  top: fc.integer({ min: -50, max: 900 }),
  width: fc.integer({ min: 1, max: 900 }),
  height: fc.integer({ min: 1, max: 700 }),
});
const viewport = fc.record({
  width: fc.integer({ min: 320, max: 2000 }),
  height: fc.integer({ min: 320, max: 1200 }),
});
const size = fc.record({
  width: fc.integer({ min: 40, max: 400 }),
  height: fc.integer({ min: 30, max: 900 }),
});
const corner = fc.constantFrom<Corner>(...CORNERS);

describe('placing the picker (lib/overlay/picker-place.ts)', () => {
  it('every corner keeps the picker inside the viewport', () => {
    fc.assert(
      fc.property(viewport, size, corner, (v, s, c) => {
        const r = cornerRect(c, v, s);
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.top).toBeGreaterThanOrEqual(0);
        expect(r.left + r.width).toBeLessThanOrEqual(v.width);
        expect(r.top + r.height).toBeLessThanOrEqual(v.height);
      }),
    );
  });

  it('never covers the outlined element when some corner does not; stays put while it covers nothing', () => {
    fc.assert(
      fc.property(
        viewport,
        size,
        corner,
        rect,
        // What the chosen row shows: a few boxes of words.
        fc.array(rect, { maxLength: 4 }),
        (v, s, c, outlined, chosen) => {
          const placed = placePicker({ viewport: v, size: s, current: c, avoid: [outlined, chosen] });
          const covers = (k: Corner) => overlapArea(cornerRect(k, v, s), outlined);
          const free = CORNERS.filter((k) => covers(k) === 0);
          if (free.length > 0) expect(covers(placed)).toBe(0);
          // Never a corner covering more of the outlined element than where it was.
          expect(covers(placed)).toBeLessThanOrEqual(covers(c));
          const clear = [outlined, ...chosen].every((b) => overlapArea(cornerRect(c, v, s), b) === 0);
          if (clear) expect(placed).toBe(c);
        },
      ),
    );
  });

  it('between corners that are free, takes the one covering the least content, then the nearest', () => {
    const v = { width: 1280, height: 800 };
    const s = { width: 340, height: 200 };
    const card: Rect = { left: 1000, top: 40, width: 240, height: 100 };
    expect(placePicker({ viewport: v, size: s, current: 'top-right', avoid: [card] })).toBe('bottom-right');
    const cost = (c: Corner) => (c === 'top-left' ? 0 : 5);
    expect(placePicker({ viewport: v, size: s, current: 'top-right', avoid: [card], cost })).toBe('top-left');
  });

  it('starts in the site’s remembered corner, else the one covering the least', () => {
    const cost = (c: Corner) => ({ 'top-right': 9, 'bottom-right': 4, 'top-left': 7, 'bottom-left': 4 })[c];
    expect(firstCorner(cost)).toBe('bottom-right');
    expect(firstCorner(cost, 'top-left')).toBe('top-left');
    expect(firstCorner(() => 0)).toBe('top-right');
  });

  it('drops a dragged picker in the corner of its quarter; the arrow keys move it a corner over', () => {
    const v = { width: 1000, height: 600 };
    expect(cornerAt({ x: 100, y: 500 }, v)).toBe('bottom-left');
    expect(cornerAt({ x: 900, y: 10 }, v)).toBe('top-right');
    expect(cornerToward('top-right', 'ArrowLeft')).toBe('top-left');
    expect(cornerToward('top-left', 'ArrowDown')).toBe('bottom-left');
    expect(cornerToward('bottom-left', 'ArrowDown')).toBe('bottom-left');
    expect(cornerToward('top-right', 'Enter')).toBeNull();
  });

  it('is remembered with the panel’s place: old states still parse, a damaged picker place is dropped alone', () => {
    expect(PanelState.parse({ x: 16, y: 16, collapsed: false })).toEqual({ x: 16, y: 16, collapsed: false });
    const kept = { x: 20, y: 30, collapsed: true, picker: { corner: 'bottom-left', collapsed: true } };
    expect(parsePanels({ 'https://crm.example': kept })).toEqual({ 'https://crm.example': kept });
    const damaged = parsePanels({
      'https://crm.example': { x: 20, y: 30, collapsed: true, picker: { corner: 'middle' } },
    });
    expect(damaged['https://crm.example']).toEqual({ x: 20, y: 30, collapsed: true });
  });
});

// The component in happy-dom, which lays nothing out: boxes are given to the elements that matter, the
// picker's from its own inline style (340 × 220 px in a 1280 × 800 viewport).
const VIEW = { width: 1280, height: 800 };
const PICKER = { width: 340, height: 220 };

describe('the picker on the page', () => {
  const boxes = new Map<Element, Rect>();
  let host: HTMLElement;
  let container: HTMLElement;
  const original = Element.prototype.getBoundingClientRect;

  /** The picker's box, read from its inline style as the browser would place it. */
  const pickerBox = (): Rect => {
    const style = (document.querySelector('.pc-picker') as HTMLElement).style;
    return {
      left: style.left ? 12 : VIEW.width - 12 - PICKER.width,
      top: style.top ? 12 : VIEW.height - 12 - PICKER.height,
      ...PICKER,
    };
  };

  beforeEach(() => {
    document.body.innerHTML = `<main class="board">${[0, 1, 2]
      .map(
        (c) =>
          `<section class="column"><h2>Stage ${c}</h2><div class="cards">${[0, 1, 2]
            .map(
              (i) =>
                `<div class="card" data-deal-id="${c * 10 + i}"><h3>Deal ${c}${i}</h3><p>Acme</p><span>$5K</span></div>`,
            )
            .join('')}</div></section>`,
      )
      .join('')}</main>`;
    // Three columns across the page; the last column's first card lies under the top-right corner.
    Array.from(document.querySelectorAll('.column')).forEach((column, c) => {
      boxes.set(column, { left: 20 + c * 420, top: 20, width: 400, height: 700 });
      Array.from(column.querySelectorAll('.card')).forEach((card, i) => {
        boxes.set(card, { left: 30 + c * 420, top: 60 + i * 120, width: 380, height: 100 });
      });
    });
    host = document.createElement('pacer-picker');
    container = document.createElement('div');
    host.append(container);
    document.body.append(host);
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const r =
        this === host
          ? { left: 0, top: 0, ...VIEW }
          : this.classList.contains('pc-picker')
            ? pickerBox()
            : (boxes.get(this) ?? { left: 0, top: 0, width: 0, height: 0 });
      const { left, top, width, height } = r;
      return {
        left,
        top,
        width,
        height,
        x: left,
        y: top,
        right: left + width,
        bottom: top + height,
      } as DOMRect;
    };
  });
  afterEach(() => {
    render(null, container);
    Element.prototype.getBoundingClientRect = original;
    // biome-ignore lint/suspicious/noExplicitAny: removing the stub added below
    delete (document as any).elementsFromPoint;
    boxes.clear();
    document.body.innerHTML = '';
  });

  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** Renders the picker and waits for its effects (its window listeners) to run. */
  const open = async (props: Partial<Parameters<typeof Picker>[0]> = {}) => {
    render(
      <Picker
        locale="en"
        doc={document}
        url={new URL('https://crm.example/deals')}
        host={host}
        onSave={() => {}}
        onCancel={() => {}}
        {...props}
      />,
      container,
    );
    await wait(30);
  };
  const hover = (el: Element) =>
    el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));

  it('moves out of the way when the card it outlines lies under it', async () => {
    await open();
    const card = document.querySelector('[data-deal-id="20"]')!;
    expect(overlapArea(pickerBox(), boxes.get(card)!)).toBeGreaterThan(0);
    hover(card.querySelector('h3')!);
    await wait(400);
    expect(overlapArea(pickerBox(), boxes.get(card)!)).toBe(0);
  });

  it('starts in the corner that covers the least of the page', async () => {
    const text = document.querySelector('h3')!;
    // Content everywhere but the bottom-left quarter.
    Object.defineProperty(document, 'elementsFromPoint', {
      configurable: true,
      value: (x: number, y: number) => (x < 640 && y > 400 ? [document.body] : [text]),
    });
    await open();
    const box = pickerBox();
    expect([box.left, box.top]).toEqual([12, VIEW.height - 12 - PICKER.height]);
  });

  it('shrinks to a handle and moves a corner over with the arrow keys; the site remembers both', async () => {
    const onPlace = vi.fn();
    await open({ onPlace, place: { corner: 'top-left' } });
    expect(pickerBox().left).toBe(12);
    (document.querySelector('[data-testid="picker-toggle"]') as HTMLElement).click();
    await wait(0);
    expect(document.querySelector('.pc-picker-collapsed')).not.toBeNull();
    expect(document.querySelector('[data-testid="picker-cancel"]')).toBeNull();
    expect(document.querySelector('[data-testid="picker-step"]')?.textContent).toBe('Click one row or card');
    expect(onPlace).toHaveBeenLastCalledWith({ corner: 'top-left', collapsed: true });
    const grip = document.querySelector('[data-testid="picker-move"]')!;
    grip.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await wait(0);
    expect(pickerBox().top).toBe(VIEW.height - 12 - PICKER.height);
    expect(onPlace).toHaveBeenLastCalledWith({ corner: 'bottom-left', collapsed: true });
  });
});
