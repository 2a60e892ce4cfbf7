import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownStep } from '../../../lib/app/round-split';
import { roundTargets, type TargetRow } from '../../../lib/app/round-targets';

/**
 * A cascade's targets as a person would write them (docs/figures.md § Cascade milestones): three
 * significant figures, children adding up to their parent exactly, periods over or under way rounded
 * toward on course, the last year at the goal's own target.
 */

/** Years → quarters → months, in tree order, each parent the exact sum of its children. */
function tree(leaves: number[][][]): { rows: TargetRow[]; leafOrder: string[] } {
  const rows: TargetRow[] = [];
  const leafOrder: string[] = [];
  leaves.forEach((qs, y) => {
    const year: TargetRow = { key: `y${y}`, parentKey: null, target: 0, fixed: false };
    rows.push(year);
    qs.forEach((ms, q) => {
      const quarter: TargetRow = { key: `y${y}q${q}`, parentKey: year.key, target: 0, fixed: false };
      rows.push(quarter);
      ms.forEach((m, i) => {
        const key = `y${y}q${q}m${i}`;
        rows.push({ key, parentKey: quarter.key, target: m, fixed: false });
        leafOrder.push(key);
        quarter.target += m;
      });
      year.target += quarter.target;
    });
  });
  return { rows, leafOrder };
}

/** Rows whose first month is on or before the `today`-th month are over or under way. */
function fixUpTo(rows: TargetRow[], leafOrder: string[], today: number): TargetRow[] {
  const fixedLeaves = new Set(leafOrder.slice(0, today + 1));
  const first = (key: string) => leafOrder.find((k) => k.startsWith(key)) ?? '';
  return rows.map((r) => ({ ...r, fixed: fixedLeaves.has(first(r.key)) }));
}

// Periods of one plan are of one size give or take their days and seasons (weights 0.25–3), at any scale.
const leaves = fc.array(
  fc.array(fc.array(fc.double({ min: 1e8, max: 1.2e9, noNaN: true }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  }),
  { minLength: 1, maxLength: 4 },
);

describe('roundTargets', () => {
  it('the example’s 2026 under way: ₫45,069,871,619.18 is never stored, and never rounded up', () => {
    const { rows } = tree([[[15e9 + 0.5, 15e9 + 0.3, 15_069_871_618.38]]]);
    const out = roundTargets(
      rows.map((r) => ({ ...r, fixed: true })),
      { whole: null, end: 150e9, down: false },
    );
    expect(out.get('y0')).toBe(45_000_000_000);
    expect(out.get('y0q0')).toBe(45_000_000_000);
    expect([0, 1, 2].reduce((a, i) => a + (out.get(`y0q0m${i}`) ?? 0), 0)).toBe(45e9);
    // Not started: the nearest three figures (₫97.17B → ₫97.2B), the goal's target kept exactly.
    const later = roundTargets(
      [
        { key: 'a', parentKey: null, target: 97_170_637_000.4, fixed: false },
        { key: 'b', parentKey: null, target: 150e9, fixed: false },
      ],
      { whole: null, end: 150e9, down: false },
    );
    expect([...later.values()]).toEqual([97_200_000_000, 150e9]);
  });

  it('for any plan and any day: whole, adding up, and never past a fixed period’s exact target', () => {
    fc.assert(
      fc.property(
        leaves,
        fc.constantFrom(1e-4, 1e-2, 1, 10, 1e3),
        fc.integer({ min: -1, max: 48 }),
        fc.boolean(),
        fc.boolean(),
        (raw, scale, today, down, total) => {
          const { rows: exact, leafOrder } = tree(raw.map((qs) => qs.map((ms) => ms.map((m) => m * scale))));
          const rows = fixUpTo(exact, leafOrder, today);
          const top = rows.filter((r) => r.parentKey === null);
          const sum = top.reduce((a, r) => a + r.target, 0);
          const whole = total ? Math.round(sum / ownStep(sum)) * ownStep(sum) : null; // a total as typed
          const end = -1; // no year at the goal's target here (the example test keeps one)
          const out = roundTargets(rows, { whole, end, down });
          const allTopFixed = top.every((r) => r.fixed);
          const finest = (r: TargetRow): number => {
            const siblings =
              r.parentKey === null && whole === null ? [r] : rows.filter((k) => k.parentKey === r.parentKey);
            const smallest = Math.min(...siblings.map((k) => Math.abs(k.target)));
            const own = Math.max(1, 10 ** (Math.floor(Math.log10(smallest * (1 - 1e-12))) - 3));
            const parent = rows.find((k) => k.key === r.parentKey);
            return parent ? Math.min(own, finest(parent)) : own;
          };
          for (const r of rows) {
            const v = out.get(r.key) as number;
            expect(Number.isInteger(v), `${r.key} ${v}`).toBe(true);
            const kids = rows.filter((k) => k.parentKey === r.key);
            if (kids.length)
              expect(
                kids.reduce((a, k) => a + (out.get(k.key) as number), 0),
                r.key,
              ).toBe(v);
            // Over or under way: toward on course (a given total that no later year can absorb aside).
            if (r.fixed && !(whole !== null && allTopFixed)) {
              if (down) expect(v, r.key).toBeGreaterThanOrEqual(r.target - 1e-9 * r.target);
              else expect(v, r.key).toBeLessThanOrEqual(r.target + 1e-9 * r.target);
              // Off by at most a few of its year's steps (a year's step is 1% of it at most).
              const year = rows.find((k) => k.key === r.key.slice(0, 2)) ?? r;
              expect(Math.abs(v - r.target), r.key).toBeLessThan(0.03 * year.target);
            }
            // Never finer than four figures of the smallest period beside it or beside an ancestor (a
            // year of three figures less a clipped month of three leaves its other month a figure or
            // two more, never đồng).
            const fourth = finest(r);
            if (!(whole !== null && allTopFixed)) expect(Math.abs(v % fourth), `${r.key} ${v}`).toBe(0);
          }
          if (whole !== null) expect(top.reduce((a, r) => a + (out.get(r.key) as number), 0)).toBe(whole);
          else {
            for (const r of top.filter((t) => !t.fixed))
              expect(Math.abs((out.get(r.key) as number) - r.target)).toBeLessThanOrEqual(
                ownStep(r.target) / 2,
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
