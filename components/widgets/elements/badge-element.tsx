import type { Locale } from '../../../lib/schema/common';
import { GoalBadge, LeadBadge } from '../badge';
import { BASE_ATTRIBUTES, PacerElement, type RenderContext } from './pacer-element';

const HOST_CSS = ':host{display:inline-block;container-type:normal;vertical-align:middle}';
const LEAD_ATTRIBUTES = ['tier', 'share', 'days', 'label'] as const;

/**
 * `<pacer-badge goal-id="…" [no-title]>`: a goal's status and progress as a pill.
 * `<pacer-badge tier="A" share="12%" days="5d" label="…">`: the CRM overlay's lead badge, from
 * attributes alone (no goal-id, no snapshot needed).
 */
export class PacerBadgeElement extends PacerElement {
  static override get observedAttributes(): string[] {
    return [...BASE_ATTRIBUTES, 'no-title', ...LEAD_ATTRIBUTES];
  }

  protected override extraCss(): string[] {
    return [HOST_CSS];
  }

  protected override renderWithoutSnapshot(_locale: Locale) {
    if (this.hasAttribute('goal-id')) return null;
    const [tier, share, days] = (['tier', 'share', 'days'] as const).map(
      (a) => this.getAttribute(a) ?? undefined,
    );
    if (!tier && !share && !days) return null;
    return <LeadBadge tier={tier} share={share} days={days} title={this.getAttribute('label') ?? ''} />;
  }

  protected renderSnapshot({ snapshot }: RenderContext) {
    const goal = this.goal(snapshot);
    if ('problem' in goal) return goal;
    return <GoalBadge goal={goal} showTitle={!this.hasAttribute('no-title')} />;
  }
}
