import type { GoalView, ViewStatus } from '../../lib/app/goal-view';

/** An accessible progress bar: role=progressbar with aria-valuenow / aria-valuemax and a text value. */
export function ProgressBar({
  progress,
  label,
  text,
  status,
}: {
  progress: number | null;
  label: string;
  text: string;
  status: ViewStatus;
}) {
  const pct = progress === null ? 0 : Math.round(Math.max(0, progress) * 100);
  return (
    <div
      class={`pc-progress pc-status-${status}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(pct, 100)}
      aria-valuetext={text}
    >
      <div class="pc-progress-fill" style={{ width: `${Math.min(pct, 100)}%` }} />
    </div>
  );
}

/** A goal's own bar: its progress and status, named "<progress label>: <title>" for screen readers. */
export function GoalBar({ goal, progressLabel }: { goal: GoalView; progressLabel: string }) {
  return (
    <ProgressBar
      progress={goal.progress}
      status={goal.status}
      label={`${progressLabel}: ${goal.title}`}
      text={goal.progressText}
    />
  );
}
