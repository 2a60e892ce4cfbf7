/**
 * How the shared goals fill the rows of the offline HTML file. The page's grid has six tracks: three
 * cards a row take two each, two a row three each. The last row is never left with one card beside
 * empty room: with three to a row, a last pair shares its row half and half, and a lone last card
 * takes one from the row above so the two rows read two and two (4 goals: 2 + 2, 7: 3 + 2 + 2, where
 * `auto-fill` had left the 4th alone under three); with two to a row, an odd last card takes the whole
 * row. One goal alone takes the whole width.
 */

/** Cards a row: three on a wide page, two on a narrow one and on paper, one on a phone. */
export type RowWidth = 1 | 2 | 3;

export const GRID_TRACKS = 6;

/** Each card's span, in tracks of six, in the order the cards come. */
export function cardSpans(count: number, perRow: RowWidth): number[] {
  const n = Math.max(0, Math.floor(count));
  const full = GRID_TRACKS / perRow;
  const spans = Array.from({ length: n }, () => full);
  const rest = n % perRow;
  if (perRow === 1 || rest === 0) return spans;
  // The cards that share the last one or two rows evenly: the last `rest`, or with a lone one under
  // three, the last four as two pairs.
  const shared = perRow === 3 && rest === 1 && n > 1 ? 4 : rest;
  const perSharedRow = shared === 4 ? 2 : rest;
  for (let i = n - shared; i < n; i++) spans[i] = GRID_TRACKS / perSharedRow;
  return spans;
}
