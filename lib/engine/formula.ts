import type { Metric } from '../schema';
import { type Message, msg } from './messages';

/**
 * Derived KPIs: a tiny arithmetic language over metrics, parsed by hand (never eval / new Function,
 * which an extension's CSP forbids anyway and which would run whatever a user or an import typed).
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | primary
 *   primary := number | '{' metricId '}' | 'prev' '(' expr ')' | '(' expr ')'
 *
 * `prev(x)` is x in the previous period: retention needs customers at the *start* of the period, which
 * is the previous period's end value.
 * Evaluation returns null ("no value") for a missing operand, a zero denominator or a non-finite
 * result, so NaN and Infinity never reach a chart.
 */

export type FormulaNode =
  | { type: 'num'; value: number }
  | { type: 'ref'; id: string }
  | { type: 'neg'; arg: FormulaNode }
  | { type: 'prev'; arg: FormulaNode }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export type ParseResult = { ok: true; ast: FormulaNode; refs: string[] } | { ok: false; error: Message };

const MAX_DEPTH = 64;
const EPSILON = 1e-12;

class SyntaxFail {
  constructor(
    readonly pos: number,
    readonly token: string,
  ) {}
}

export function parseFormula(source: string): ParseResult {
  let i = 0;
  const refs = new Set<string>();
  const src = source.slice(0, 1000);

  const skip = () => {
    while (i < src.length && /\s/.test(src[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new SyntaxFail(i + 1, src[i] ?? '');
  };

  const expr = (depth: number): FormulaNode => {
    if (depth > MAX_DEPTH) fail();
    let left = term(depth);
    for (;;) {
      skip();
      const c = src[i];
      if (c !== '+' && c !== '-') return left;
      i++;
      left = { type: 'bin', op: c, left, right: term(depth) };
    }
  };
  const term = (depth: number): FormulaNode => {
    let left = unary(depth);
    for (;;) {
      skip();
      const c = src[i];
      if (c !== '*' && c !== '/') return left;
      i++;
      left = { type: 'bin', op: c, left, right: unary(depth) };
    }
  };
  const unary = (depth: number): FormulaNode => {
    if (depth > MAX_DEPTH) fail();
    skip();
    if (src[i] === '-') {
      i++;
      return { type: 'neg', arg: unary(depth + 1) };
    }
    if (src[i] === '+') {
      i++;
      return unary(depth + 1);
    }
    return primary(depth);
  };
  const primary = (depth: number): FormulaNode => {
    skip();
    const c = src[i];
    if (c === '(') {
      i++;
      const inner = expr(depth + 1);
      skip();
      if (src[i] !== ')') fail();
      i++;
      return inner;
    }
    if (c === '{') {
      const close = src.indexOf('}', i + 1);
      const id = close > i ? src.slice(i + 1, close).trim() : '';
      if (!id || id.includes('{')) fail();
      refs.add(id);
      i = close + 1;
      return { type: 'ref', id };
    }
    if (src.startsWith('prev', i)) {
      i += 4;
      skip();
      if (src[i] !== '(') fail();
      i++;
      const inner = expr(depth + 1);
      skip();
      if (src[i] !== ')') fail();
      i++;
      return { type: 'prev', arg: inner };
    }
    const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!m) fail();
    const text = m?.[0] ?? '';
    i += text.length;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      i -= text.length;
      fail();
    }
    return { type: 'num', value };
  };

  try {
    const ast = expr(0);
    skip();
    if (i < src.length) fail();
    return { ok: true, ast, refs: [...refs] };
  } catch (e) {
    if (e instanceof SyntaxFail)
      return { ok: false, error: msg('formula_syntax', { pos: e.pos, token: e.token }) };
    // Only SyntaxFail is thrown above; anything else is a bug, still never surfaced as a throw.
    return { ok: false, error: msg('formula_syntax', { pos: i + 1, token: src[i] ?? '' }) };
  }
}

/** Value of metric `id` `lag` periods before the current one (0 = current), or null when unknown. */
export type ValueLookup = (id: string, lag: number) => number | null;

export function evaluateFormula(ast: FormulaNode, lookup: ValueLookup, lag = 0): number | null {
  let out: number | null;
  switch (ast.type) {
    case 'num':
      out = ast.value;
      break;
    case 'ref':
      out = lookup(ast.id, lag);
      break;
    case 'neg': {
      const v = evaluateFormula(ast.arg, lookup, lag);
      out = v === null ? null : -v;
      break;
    }
    case 'prev':
      out = evaluateFormula(ast.arg, lookup, lag + 1);
      break;
    case 'bin': {
      const a = evaluateFormula(ast.left, lookup, lag);
      if (a === null) return null;
      const b = evaluateFormula(ast.right, lookup, lag);
      if (b === null) return null;
      if (ast.op === '+') out = a + b;
      else if (ast.op === '-') out = a - b;
      else if (ast.op === '*') out = a * b;
      else out = Math.abs(b) < EPSILON ? null : a / b;
      break;
    }
  }
  return out !== null && Number.isFinite(out) ? out : null;
}

/** Parses `formula` and evaluates it in one go; a syntax error is "no value". */
export function evaluateFormulaText(formula: string, lookup: ValueLookup): number | null {
  const parsed = parseFormula(formula);
  return parsed.ok ? evaluateFormula(parsed.ast, lookup) : null;
}

/** The metric ids a metric's formula names directly (none without a formula, or when it does not parse). */
export function formulaRefs(m: Pick<Metric, 'formula'>): string[] {
  if (!m.formula) return [];
  const parsed = parseFormula(m.formula);
  return parsed.ok ? parsed.refs : [];
}

/**
 * The stored metrics a metric is read from: itself when it has no formula, else every stored metric its
 * formula refers to, through other formulas, each once, in the order the formulas name them. A cycle
 * or an unknown id adds nothing.
 */
export function formulaInputs<M extends Pick<Metric, 'id' | 'formula'>>(
  metric: M,
  byId: ReadonlyMap<string, M>,
): M[] {
  const out: M[] = [];
  const seen = new Set<string>();
  const visit = (m: M) => {
    if (seen.has(m.id)) return; // a cycle, or an input read twice
    seen.add(m.id);
    if (!m.formula) {
      out.push(m);
      return;
    }
    const parsed = parseFormula(m.formula);
    if (!parsed.ok) return;
    for (const ref of parsed.refs) {
      const input = byId.get(ref);
      if (input) visit(input);
    }
  };
  visit(metric);
  return out;
}

/**
 * Ids of metrics whose formula reaches itself, directly or through other metrics. Metrics that merely
 * depend on a cyclic one are not in the set, but they evaluate to null because their input does.
 */
export function formulaCycles(metrics: readonly Pick<Metric, 'id' | 'formula'>[]): Set<string> {
  const deps = new Map<string, string[]>();
  for (const m of metrics) if (m.formula) deps.set(m.id, formulaRefs(m));
  const cyclic = new Set<string>();
  // Tarjan's strongly connected components, iterative so a long chain can't overflow the stack.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  for (const start of deps.keys()) {
    if (idx.has(start)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const children = deps.get(top.id) ?? [];
      if (top.next < children.length) {
        const c = children[top.next++]!;
        if (!deps.has(c)) continue;
        if (!idx.has(c)) {
          idx.set(c, index);
          low.set(c, index++);
          stack.push(c);
          onStack.add(c);
          work.push({ id: c, next: 0 });
        } else if (onStack.has(c)) {
          low.set(top.id, Math.min(low.get(top.id)!, idx.get(c)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === idx.get(top.id)) {
        const comp: string[] = [];
        let x: string | undefined;
        do {
          x = stack.pop();
          if (x === undefined) break;
          onStack.delete(x);
          comp.push(x);
        } while (x !== top.id);
        const self = comp.length === 1 && (deps.get(top.id) ?? []).includes(top.id);
        if (comp.length > 1 || self) for (const c of comp) cyclic.add(c);
      }
    }
  }
  return cyclic;
}

/**
 * Checks a formula a user is typing for metric `metricId`: syntax, unknown metric references, and
 * whether saving it would create a cycle. Returns the problems (empty when it is fine).
 */
export function checkFormula(
  metricId: string,
  formula: string,
  metrics: readonly Pick<Metric, 'id' | 'formula'>[],
): Message[] {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return [parsed.error];
  const known = new Set(metrics.map((m) => m.id));
  known.add(metricId);
  const problems: Message[] = [];
  for (const r of parsed.refs) if (!known.has(r)) problems.push(msg('formula_unknown_metric', { id: r }));
  const next = metrics.filter((m) => m.id !== metricId).concat([{ id: metricId, formula }]);
  if (formulaCycles(next).has(metricId)) {
    problems.push(msg('formula_cycle', { path: cyclePath(metricId, next) }));
  }
  return problems;
}

function cyclePath(start: string, metrics: readonly Pick<Metric, 'id' | 'formula'>[]): string {
  const deps = new Map<string, string[]>();
  for (const m of metrics) if (m.formula) deps.set(m.id, formulaRefs(m));
  // Breadth-first search for the shortest path back to `start`.
  const prev = new Map<string, string>();
  const queue = [...(deps.get(start) ?? [])];
  for (const q of queue) if (!prev.has(q)) prev.set(q, start);
  while (queue.length) {
    const id = queue.shift()!;
    if (id === start) break;
    for (const c of deps.get(id) ?? []) {
      if (!prev.has(c)) {
        prev.set(c, id);
        queue.push(c);
      }
    }
  }
  const path = [start];
  let cur = prev.get(start);
  for (let guard = 0; cur !== undefined && cur !== start && guard < 100; guard++) {
    path.push(cur);
    cur = prev.get(cur);
  }
  path.push(start);
  return [path[0], ...path.slice(1, -1).reverse(), start].join(' → ');
}

/**
 * Evaluates a metric per period, recursing into derived inputs. `baseSeries(id)` gives a base metric's
 * aggregated value per period index (aligned on the same periods), null where it has none.
 * A metric in (or depending on) a formula cycle gives all nulls.
 */
export function derivedSeries(
  metricId: string,
  metricsById: ReadonlyMap<string, Pick<Metric, 'id' | 'formula'>>,
  baseSeries: (id: string) => ReadonlyArray<number | null> | undefined,
  length: number,
  memo: Map<string, Array<number | null>> = new Map(),
  visiting: Set<string> = new Set(),
): Array<number | null> {
  const done = memo.get(metricId);
  if (done) return done;
  const nulls = () => Array.from({ length }, () => null);
  const metric = metricsById.get(metricId);
  if (!metric) return nulls();
  if (!metric.formula) {
    const s = baseSeries(metricId);
    const out = Array.from({ length }, (_, i) => {
      const v = s?.[i];
      return v === undefined || v === null || !Number.isFinite(v) ? null : v;
    });
    memo.set(metricId, out);
    return out;
  }
  if (visiting.has(metricId)) return nulls();
  const parsed = parseFormula(metric.formula);
  if (!parsed.ok) return nulls();
  visiting.add(metricId);
  const inputs = new Map<string, Array<number | null>>();
  for (const r of parsed.refs)
    inputs.set(r, derivedSeries(r, metricsById, baseSeries, length, memo, visiting));
  visiting.delete(metricId);
  const out: Array<number | null> = [];
  for (let i = 0; i < length; i++) {
    out.push(
      evaluateFormula(parsed.ast, (id, lag) => {
        const v = inputs.get(id)?.[i - lag];
        return v === undefined ? null : v;
      }),
    );
  }
  // Memoising is safe even inside a cycle: a node that met a `visiting` ancestor is in that cycle
  // itself, and every metric in a cycle is all-null whichever node the walk started from.
  memo.set(metricId, out);
  return out;
}
