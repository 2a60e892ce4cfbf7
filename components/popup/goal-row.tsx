import type { GoalView } from '../../lib/app/goal-view';
import { GoalBar } from '../widgets/progress-bar';
import { StatusPill } from '../widgets/status-pill';

/**
 * One goal as a popup row: title and status, a thin bar, the value against the target. The popup is
 * for the 10-second update, so a row is three short lines (three goals fit above the quick log); the
 * status's reason, pace and forecast stay on the dashboard card, which the title opens. The reason is
 * still read out (and shown on hover, with the figures a long line cuts) so the status never stands
 * unexplained.
 */
export function GoalRow({
  goal,
  progressLabel,
  onOpen,
}: {
  goal: GoalView;
  progressLabel: string;
  onOpen?: (id: string) => void;
}) {
  const explained = goal.reason ? `${goal.statusLabel} · ${goal.reason}` : undefined;
  const figures = `${goal.value} / ${goal.target}${goal.progressText ? ` · ${goal.progressText}` : ''}`;
  return (
    <article
      class={`pp-goal-row pc-status-${goal.status}`}
      data-goal-id={goal.id}
      data-testid="goal-row"
      // The whole title, figures and reason on hover: the row cuts long ones with an ellipsis.
      title={[goal.title, figures, explained].filter(Boolean).join('\n')}
    >
      <div class="pp-goal-row-head">
        {onOpen ? (
          <button type="button" class="pc-link pp-goal-row-title" onClick={() => onOpen(goal.id)}>
            {goal.title}
          </button>
        ) : (
          <span class="pp-goal-row-title">{goal.title}</span>
        )}
        <StatusPill status={goal.status} label={goal.statusLabel} />
      </div>
      <GoalBar goal={goal} progressLabel={progressLabel} />
      <p class="pp-goal-row-values">
        <strong data-testid="goal-value">{goal.value}</strong> /{' '}
        <span data-testid="goal-target">{goal.target}</span>
        {goal.progressText && <span class="pp-muted"> · {goal.progressText}</span>}
        {/* The pill already says the status: the reason alone is read out after the figures. */}
        {goal.reason && <span class="pc-visually-hidden"> ({goal.reason})</span>}
      </p>
    </article>
  );
}
