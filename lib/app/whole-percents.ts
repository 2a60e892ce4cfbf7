/**
 * Shares of one whole, as whole percents that add up to 100 (the largest-remainder method): a table of
 * tiers reading 85%, 11% and 5% makes a manager add 101% and wonder what was counted twice. Each share
 * is rounded down, and the points still missing go to the shares that lost the most, ties to the
 * earlier. Shares that do not make a whole (all zero) are rounded as they are.
 */
export function wholePercents(shares: readonly number[]): number[] {
  const total = shares.reduce((a, s) => a + s, 0);
  const exact = shares.map((s) => s * 100);
  if (!(total > 0) || Math.abs(total - 1) > 1e-9) return exact.map((x) => Math.round(x));
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let missing = 100 - floors.reduce((a, f) => a + f, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - (floors[i] as number) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    missing--;
  }
  return floors;
}
