import type { Metric } from '../schema';
import { type FormulaNode, parseFormula } from './formula';

/**
 * Which metrics are funnel conversion rates (MQL → customer, lead → MQL …), the only metrics the
 * "conversion below target" alert is about. Gross margin, ROAS and churn are also percentages or ratios
 * computed by formula, but calling them "conversion" is wrong, and churn is better when lower.
 *
 * A metric is a funnel conversion when higher is better, its unit is a percent or ratio, and either it
 * was made from a conversion template of the KPI pack, or its formula is one counted stage divided by
 * another (`{customers} / {mqls} * 100`): both operands base metrics that count events (unit count,
 * summed per period).
 */

/** KPI-pack templates (kpi-pack.ts) that are funnel conversion rates. */
export const FUNNEL_CONVERSION_TEMPLATES: readonly string[] = ['mql_to_customer_rate'];

export function isFunnelConversion(
  metric: Pick<Metric, 'direction' | 'unit' | 'formula' | 'templateId'>,
  lookup: (id: string) => Pick<Metric, 'unit' | 'aggregation' | 'formula'> | undefined,
): boolean {
  if (metric.direction !== 'up') return false;
  if (metric.unit.kind !== 'percent' && metric.unit.kind !== 'ratio') return false;
  if (metric.templateId && FUNNEL_CONVERSION_TEMPLATES.includes(metric.templateId)) return true;
  if (!metric.formula) return false;
  const parsed = parseFormula(metric.formula);
  if (!parsed.ok) return false;
  const q = unscaled(parsed.ast);
  if (q.type !== 'bin' || q.op !== '/') return false;
  const num = unscaled(q.left);
  const den = unscaled(q.right);
  if (num.type !== 'ref' || den.type !== 'ref' || num.id === den.id) return false;
  return isCountedStage(lookup(num.id)) && isCountedStage(lookup(den.id));
}

function isCountedStage(m: Pick<Metric, 'unit' | 'aggregation' | 'formula'> | undefined): boolean {
  return !!m && !m.formula && m.unit.kind === 'count' && m.aggregation === 'sum';
}

/** The expression without constant scaling: `x * 100`, `100 * x` and `x / 100` are all x. */
function unscaled(node: FormulaNode): FormulaNode {
  let n = node;
  for (;;) {
    if (n.type === 'bin' && n.op === '*' && n.right.type === 'num') n = n.left;
    else if (n.type === 'bin' && n.op === '*' && n.left.type === 'num') n = n.right;
    else if (n.type === 'bin' && n.op === '/' && n.right.type === 'num') n = n.left;
    else return n;
  }
}
