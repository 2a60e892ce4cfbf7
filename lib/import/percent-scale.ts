import { type NumberFormat, parseNumber } from './formats';

/**
 * How a file writes a percentage KPI's values. Pacer keeps percentages in points (19.5 = 19.5%);
 * a spreadsheet's percent cells, exported as numbers, are fractions (0.195). A file can mix both
 * ("15,5%" typed, "0,19" from a formula), so the scale applies to cells without a % sign only: a cell
 * with one is always points.
 */
export type PercentScale = 'points' | 'fraction';

/**
 * The sample's reading: fractions when every number written without a % sign lies within −1..1 (and
 * there is one), points otherwise. A margin of 1.5% written as 1.5 reads as points, as it must.
 */
export function guessPercentScale(cells: readonly string[], format: NumberFormat): PercentScale {
  let bare = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '' || text.includes('%')) continue;
    const n = parseNumber(text, format);
    if (!n.ok) continue;
    if (Math.abs(n.value) > 1) return 'points';
    bare++;
  }
  return bare > 0 ? 'fraction' : 'points';
}

/** A value as stored: a fraction written without a % sign becomes points. */
export function scalePercent(value: number, cell: string, scale: PercentScale | undefined): number {
  if (scale !== 'fraction' || cell.includes('%')) return value;
  return Number((value * 100).toPrecision(15));
}
