import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFormula,
  derivedSeries,
  evaluateFormula,
  evaluateFormulaText,
  formulaCycles,
  formulaInputs,
  parseFormula,
} from '../../../lib/engine/formula';

const vals: Record<string, number[]> = {
  spend: [100, 0, 50],
  leads: [4, 0, 5],
  customers: [10, 12, 15],
  new: [2, 3, 4],
};
const lookupAt =
  (i: number) =>
  (id: string, lag: number): number | null =>
    vals[id]?.[i - lag] ?? null;

describe('parseFormula / evaluateFormula', () => {
  it('respects precedence, parentheses and unary minus', () => {
    expect(evaluateFormulaText('1 + 2 * 3', lookupAt(0))).toBe(7);
    expect(evaluateFormulaText('(1 + 2) * 3', lookupAt(0))).toBe(9);
    expect(evaluateFormulaText('-2 - -3', lookupAt(0))).toBe(1);
    expect(evaluateFormulaText('10 / 4 / 5', lookupAt(0))).toBe(0.5);
    expect(evaluateFormulaText('1.5e2 + .5', lookupAt(0))).toBe(150.5);
    expect(evaluateFormulaText('{spend} / {leads}', lookupAt(0))).toBe(25);
  });
  it('gives no value on a zero or missing denominator, or a missing metric', () => {
    expect(evaluateFormulaText('{spend} / {leads}', lookupAt(1))).toBeNull();
    expect(evaluateFormulaText('{spend} / {nope}', lookupAt(0))).toBeNull();
    expect(evaluateFormulaText('1 / 0', lookupAt(0))).toBeNull();
    expect(evaluateFormulaText('1e308 * 1e308', lookupAt(0))).toBeNull();
  });
  it('reads the previous period with prev()', () => {
    // Retention in period 2: (E − N) / S = (15 − 4) / 12.
    expect(evaluateFormulaText('({customers} - {new}) / prev({customers})', lookupAt(2))).toBeCloseTo(
      11 / 12,
    );
    expect(evaluateFormulaText('prev({customers})', lookupAt(0))).toBeNull();
  });
  it('reports syntax errors with a position, in en and vi, and never evaluates code', () => {
    const r = parseFormula('{a} + * 2');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.en).toContain('position 7');
      expect(r.error.vi).toContain('vị trí 7');
    }
    expect(parseFormula('alert(1)').ok).toBe(false);
    expect(parseFormula('{a} {b}').ok).toBe(false);
    expect(parseFormula('(1').ok).toBe(false);
    expect(parseFormula('').ok).toBe(false);
    expect(parseFormula(`${'-'.repeat(500)}1`).ok).toBe(false);
    const ok = parseFormula(' {a}+{b } * {a} ');
    expect(ok.ok && ok.refs).toEqual(['a', 'b']);
  });
  it('never returns NaN or Infinity (property)', () => {
    const leaf = fc.oneof(
      fc.constantFrom('{a}', '{b}', '{z}', '0', 'prev({a})'),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e300 }).map((x) => String(x)),
    );
    const expr = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e'))
          .map(([l, o, r]) => `(${l} ${o} ${r})`),
        tie('e').map((x) => `-${x}`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, fc.double(), fc.double(), (src, a, b) => {
        const v = evaluateFormulaText(src as string, (id) => (id === 'a' ? a : id === 'b' ? b : null));
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cycles', () => {
  const metrics = [
    { id: 'a', formula: '{b} + 1' },
    { id: 'b', formula: '{c} * 2' },
    { id: 'c', formula: '{a}' },
    { id: 'd', formula: '{d} + 1' },
    { id: 'e', formula: '{a} + {f}' },
    { id: 'f', formula: undefined },
  ];
  it('finds direct and indirect cycles', () => {
    expect([...formulaCycles(metrics)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('explains a cycle before it is saved', () => {
    const problems = checkFormula('f', '{e} * 2', metrics);
    expect(problems.map((p) => p.en).join()).toContain('f → e → f');
    expect(checkFormula('g', '{f} / {unknown}', metrics)[0]?.vi).toContain('{unknown}');
    expect(checkFormula('g', '{f} / 2', metrics)).toEqual([]);
  });
  it('evaluates cyclic metrics (and their dependants) to no value instead of looping', () => {
    const byId = new Map(metrics.map((m) => [m.id, m]));
    const base = (id: string) => (id === 'f' ? [1, 2] : undefined);
    expect(derivedSeries('a', byId, base, 2)).toEqual([null, null]);
    expect(derivedSeries('e', byId, base, 2)).toEqual([null, null]);
    expect(derivedSeries('d', byId, base, 2)).toEqual([null, null]);
    expect(derivedSeries('f', byId, base, 2)).toEqual([1, 2]);
  });
});

describe('derivedSeries', () => {
  it('evaluates nested derived metrics per period', () => {
    const byId = new Map([
      ['spend', { id: 'spend' }],
      ['leads', { id: 'leads' }],
      ['cpl', { id: 'cpl', formula: '{spend} / {leads}' }],
      ['cpl2', { id: 'cpl2', formula: '{cpl} * 2' }],
    ]);
    const base = (id: string) => (id === 'spend' ? [100, 0, 50] : id === 'leads' ? [4, 0, null] : undefined);
    expect(derivedSeries('cpl2', byId, base, 3)).toEqual([50, null, null]);
    expect(evaluateFormula({ type: 'num', value: 3 }, () => null)).toBe(3);
  });
});

describe('formulaInputs', () => {
  it('lists the stored metrics under a formula, through other formulas, each once; cycles and unknown ids add nothing', () => {
    const m = (id: string, formula?: string) => ({ id, ...(formula ? { formula } : {}) });
    const all = [
      m('rev'),
      m('cost'),
      m('profit', '{rev} - {cost}'),
      m('margin', '{profit} / {rev} * 100'),
      m('loop', '{loop} + {rev} + {ghost}'),
    ];
    const byId = new Map(all.map((x) => [x.id, x]));
    expect(formulaInputs(byId.get('margin')!, byId).map((x) => x.id)).toEqual(['rev', 'cost']);
    expect(formulaInputs(byId.get('rev')!, byId).map((x) => x.id)).toEqual(['rev']);
    expect(formulaInputs(byId.get('loop')!, byId).map((x) => x.id)).toEqual(['rev']);
  });
});
