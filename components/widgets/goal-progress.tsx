import type { GoalView } from '../../lib/app/goal-view';
import { GoalBar } from './progress-bar';

/** One goal as a labelled bar: title, progress text and the bar. The compact form for lists and embeds. */
export function GoalProgress({ goal, progressLabel }: { goal: GoalView; progressLabel: string }) {
  return (
    <div
      class={`pc-goal-progress pc-status-${goal.status}`}
      data-goal-id={goal.id}
      data-testid="goal-progress"
    >
      <div class="pc-goal-progress-head">
        <span class="pc-card-title">{goal.title}</span>
        <span class="pc-muted" data-testid="goal-progress-text">
          {goal.value} / {goal.target} · {goal.progressText}
        </span>
      </div>
      <GoalBar goal={goal} progressLabel={progressLabel} />
    </div>
  );
}
