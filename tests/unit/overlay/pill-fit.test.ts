import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BadgeView } from '../../../lib/overlay/badge-format';
import {
  choosePill,
  PILL_PARTS,
  type PillForm,
  type PillPart,
  pillForms,
  pillLabel,
} from '../../../lib/overlay/pill-fit';

/** The widest form no wider than `room` (else the most compact one): choosePill on a plain width. */
const fitPill = (forms: readonly PillForm[], room: number): PillForm =>
  choosePill(forms, (width) => (width <= room ? true : null)).form;

/**
 * pill-width.ts's sum without a canvas: edges, gaps, the tier's padding and 7 px a character, over
 * the parts in sight (dropped ones are visually hidden).
 */
const measure = (view: BadgeView) => {
  const parts = PILL_PARTS.filter((p) => view[p] && !view.dropped?.includes(p));
  if (parts.length === 0) return 0;
  let width = 14 + 4 * (parts.length - 1) + 2 + (view.tier ? 8 : 0);
  for (const p of parts) width += 7 * (view[p] ?? '').length;
  return width;
};

const VI: BadgeView = {
  tier: 'A',
  share: '13% khoảng thiếu Q4',
  days: '≥12 ngày',
  title: 'Hạng A theo giá trị hợp đồng · Lấp 13% khoảng thiếu của Q4 · Ít nhất 12 ngày ở giai đoạn này',
};

/** The words in sight: the parts not dropped. */
const shownText = (view: BadgeView) =>
  PILL_PARTS.filter((p) => !view.dropped?.includes(p))
    .map((p) => view[p])
    .filter(Boolean)
    .join('');

describe('pill forms', () => {
  it('goes whole → without the days → tier only, each form measured', () => {
    const forms = pillForms(VI, measure);
    expect(forms.map((f) => f.shown)).toEqual([['tier', 'share', 'days'], ['tier', 'share'], ['tier']]);
    expect(forms.map((f) => f.dropped)).toEqual([[], ['days'], ['share', 'days']]);
    expect(forms.map((f) => f.width)).toEqual([228, 168, 31]);
    // The whole pill is the view itself: nothing dropped, the usual tooltip.
    expect(forms[0]?.view).toBe(VI);
    // A compact form keeps every part, the dropped ones out of sight (read by assistive tech), and
    // names them all in its tooltip. No aria-label: a screen reader reads the words themselves.
    expect(forms[2]?.view).toEqual({
      tier: 'A',
      share: '13% khoảng thiếu Q4',
      days: '≥12 ngày',
      dropped: ['share', 'days'],
      title: `A · 13% khoảng thiếu Q4 · ≥12 ngày — ${VI.title}`,
    });
    expect(forms[1]?.view.dropped).toEqual(['days']);
  });

  it('picks the widest form that fits the room (the Vietnamese pill at 1,100 px)', () => {
    const forms = pillForms(VI, measure);
    expect(fitPill(forms, 300).shown).toEqual(['tier', 'share', 'days']);
    expect(fitPill(forms, 228).shown).toEqual(['tier', 'share', 'days']);
    expect(fitPill(forms, 227).shown).toEqual(['tier', 'share']);
    expect(fitPill(forms, 150).shown).toEqual(['tier']);
    // No room even for the tier: the most compact form, which the caller draws in a box as wide as it.
    expect(fitPill(forms, 10).shown).toEqual(['tier']);
  });

  it('drops the share, never a lone part, when a pill has no tier', () => {
    const view: BadgeView = { share: 'USD: thiếu tỷ giá', days: '3 ngày', title: 'x' };
    const forms = pillForms(view, measure);
    expect(forms.map((f) => f.shown)).toEqual([['share', 'days'], ['share']]);
    expect(pillForms({ days: '5d', title: '5 days' }, measure).map((f) => f.shown)).toEqual([['days']]);
    expect(pillForms({ title: 'nothing' }, measure)).toHaveLength(1);
  });

  it('tells the caller where the chosen form goes', () => {
    const forms = pillForms(VI, measure);
    const chosen = choosePill(forms, (w) => (w <= 200 ? { left: 200 - w } : null));
    expect(chosen).toMatchObject({ index: 1, at: { left: 32 } });
    expect(choosePill(forms, () => null)).toMatchObject({ index: 2, at: null });
  });

  it('keeps a whole pill’s tooltip as it was', () => {
    expect(pillLabel(VI, [])).toBe(VI.title);
  });
});

const text = fc.string({ minLength: 1, maxLength: 24 });
const views = fc
  .record(
    {
      tier: fc.constantFrom('A', 'B', 'C'),
      share: text,
      days: text,
      title: fc.string({ maxLength: 80 }),
    },
    { requiredKeys: ['title'] },
  )
  .map((v) => v as BadgeView);

describe('pill forms, for any pill and room', () => {
  it('the chosen form is no wider than the room whenever some form fits, and the widest such', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: 0, max: 400 }), (view, room) => {
        const forms = pillForms(view, measure);
        const form = fitPill(forms, room);
        expect(form.width).toBe(measure(form.view));
        const fitting = forms.filter((f) => f.width <= room);
        if (fitting.length > 0) {
          expect(form.width).toBeLessThanOrEqual(room);
          expect(form.width).toBe(Math.max(...fitting.map((f) => f.width)));
        } else expect(form).toBe(forms[forms.length - 1]);
      }),
    );
  });

  it('never drops the tier before the days, nor a more important part before a less important one', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: 0, max: 400 }), (view, room) => {
        const { shown, dropped } = fitPill(pillForms(view, measure), room);
        const rank = (p: PillPart) => PILL_PARTS.indexOf(p);
        for (const d of dropped) for (const s of shown) expect(rank(s)).toBeLessThan(rank(d));
        if (view.tier) expect(shown).toContain('tier');
        if (dropped.includes('tier')) expect(dropped).toContain('days');
        // Something is always shown when the pill has any part.
        if (PILL_PARTS.some((p) => view[p])) expect(shown.length).toBeGreaterThan(0);
      }),
    );
  });

  it('the title and the pill (dropped parts out of sight) hold every part', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: 0, max: 400 }), (view, room) => {
        const form = fitPill(pillForms(view, measure), room);
        const drawn = form.view;
        // The usual tooltip's sentences are always there.
        expect(drawn.title).toContain(view.title);
        for (const p of PILL_PARTS) {
          if (!view[p]) continue;
          // Every part is drawn: a dropped one out of sight, still there for assistive tech.
          expect(drawn[p]).toBe(view[p]);
          if (form.dropped.includes(p)) expect(drawn.title).toContain(view[p]);
        }
        expect(drawn.dropped ?? []).toEqual(form.dropped);
        expect(drawn).not.toHaveProperty('label');
        expect(shownText(drawn)).toBe(form.shown.map((p) => view[p]).join(''));
      }),
    );
  });
});
