import { GoalCard } from '../goal-card';
import { BASE_ATTRIBUTES, PacerElement, type RenderContext } from './pacer-element';

/** `<pacer-goal goal-id="…" [compact]>`: the dashboard's goal card. */
export class PacerGoalElement extends PacerElement {
  static override get observedAttributes(): string[] {
    return [...BASE_ATTRIBUTES, 'compact'];
  }

  protected renderSnapshot({ snapshot, msg }: RenderContext) {
    const goal = this.goal(snapshot);
    if ('problem' in goal) return goal;
    const labels = { progress: msg('progress'), trend: msg('trend'), owner: msg('owner') };
    return <GoalCard goal={goal} labels={labels} compact={this.hasAttribute('compact')} />;
  }
}
