import { sparkPaths } from '../../lib/snapshot/spark-path';

/** A dependency-free SVG sparkline: gaps (null) break the line instead of drawing zeros. */
export function Sparkline({
  values,
  label,
  width = 120,
  height = 28,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const segments = sparkPaths(values, width, height);
  return (
    <svg
      class="pc-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
      ))}
    </svg>
  );
}
