import type { GoalView } from '../../lib/app/goal-view';
import { GoalBar } from './progress-bar';
import { Sparkline } from './sparkline';
import { StatusPill } from './status-pill';

export interface GoalCardProps {
  goal: GoalView;
  /** Labels in the UI language (widgets get them from the snapshot's locale). */
  labels: { progress: string; trend: string; owner: string };
  onOpen?: (id: string) => void;
  compact?: boolean;
}

export function GoalCard({ goal, labels, onOpen, compact = false }: GoalCardProps) {
  const title = onOpen ? (
    <button type="button" class="pc-card-title pc-link" onClick={() => onOpen(goal.id)}>
      {goal.title}
    </button>
  ) : (
    <span class="pc-card-title">{goal.title}</span>
  );
  return (
    <article
      class={`pc-goal-card pc-status-${goal.status}${compact ? ' pc-compact' : ''}`}
      data-goal-id={goal.id}
      data-testid="goal-card"
    >
      <header class="pc-goal-head">
        <span class="pc-kind">{goal.kindLabel}</span>
        <StatusPill status={goal.status} label={goal.statusLabel} />
      </header>
      <h3 class="pc-goal-title">{title}</h3>
      {goal.owner && (
        <p class="pc-owner">
          <span class="pc-visually-hidden">{labels.owner}: </span>
          {goal.owner}
        </p>
      )}
      <GoalBar goal={goal} progressLabel={labels.progress} />
      <p class="pc-values">
        <strong data-testid="goal-value">{goal.value}</strong> /{' '}
        <span data-testid="goal-target">{goal.target}</span>
        <span class="pc-progress-text" data-testid="goal-progress-text">
          {goal.progressText}
        </span>
      </p>
      {goal.reason && (
        // The status with what decided it, so "ahead" or "on pace" below never stands alone beside
        // "Off track" (docs/figures.md).
        <p class="pc-reason" data-testid="goal-reason">
          {goal.statusLabel} · {goal.reason}
        </p>
      )}
      {!compact && goal.pace && (
        <p class="pc-pace" data-testid="goal-pace">
          {goal.pace}
        </p>
      )}
      {!compact && goal.forecast && (
        <p class="pc-forecast" data-testid="goal-forecast">
          {goal.forecast}
        </p>
      )}
      {!compact && goal.deadline && <p class="pc-deadline">{goal.deadline}</p>}
      {!compact && goal.spark.length > 1 && (
        <Sparkline values={goal.spark} label={`${labels.trend}: ${goal.title}`} />
      )}
    </article>
  );
}
