import { GoalProgress } from '../goal-progress';
import { PacerElement, type RenderContext } from './pacer-element';

/** `<pacer-progress goal-id="…">`: title, values and an accessible progress bar. */
export class PacerProgressElement extends PacerElement {
  protected renderSnapshot({ snapshot, msg }: RenderContext) {
    const goal = this.goal(snapshot);
    if ('problem' in goal) return goal;
    return <GoalProgress goal={goal} progressLabel={msg('progress')} />;
  }
}
