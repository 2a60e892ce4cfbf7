import { Sparkline } from '../sparkline';
import { BASE_ATTRIBUTES, PacerElement, type RenderContext } from './pacer-element';

const HOST_CSS =
  ':host{display:inline-block;container-type:normal;vertical-align:middle;color:var(--pc-accent)}';

function size(value: string | null, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) && value !== null && value.trim() !== ''
    ? Math.min(max, Math.max(min, n))
    : fallback;
}

/** `<pacer-sparkline goal-id="…" [width] [height]>`: the goal's recent values as a line, inline in text. */
export class PacerSparklineElement extends PacerElement {
  static override get observedAttributes(): string[] {
    return [...BASE_ATTRIBUTES, 'width', 'height'];
  }

  protected override extraCss(): string[] {
    return [HOST_CSS];
  }

  protected renderSnapshot({ snapshot, msg }: RenderContext) {
    const goal = this.goal(snapshot);
    if ('problem' in goal) return goal;
    const label = `${msg('trend')}: ${goal.title}`;
    const width = size(this.getAttribute('width'), 120, 24, 2000);
    const height = size(this.getAttribute('height'), 28, 8, 600);
    const points = goal.spark.filter((v) => v !== null && Number.isFinite(v)).length;
    // Fewer than two points draw no line; say so instead of leaving an empty box.
    if (points < 2) return <span class="pc-muted">{`${label} — ${msg('status.no_data')}`}</span>;
    return <Sparkline values={goal.spark} label={label} width={width} height={height} />;
  }
}
