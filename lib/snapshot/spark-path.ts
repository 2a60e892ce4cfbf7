/**
 * The sparkline's geometry, shared by the Preact `Sparkline` and the standalone SVG card so both draw
 * the same line. Gaps (null, NaN, ±Infinity) break the line instead of being drawn as zeros.
 */
export function sparkPaths(all: readonly (number | null)[], width: number, height: number): string[] {
  // From the first period with a value: a KPI logged for two months of a twelve-month window had drawn
  // a short stroke floating at the right of an empty box.
  const first = all.findIndex((v) => v !== null && Number.isFinite(v));
  const values = first < 0 ? [] : all.slice(first);
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length < 2) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / Math.max(1, values.length - 1);
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 2 - ((v - min) / span) * (height - 4)).toFixed(1);
    current += `${current ? ' L' : 'M'}${x} ${y}`;
  });
  if (current) segments.push(current);
  return segments;
}
