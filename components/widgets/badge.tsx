import type { GoalView } from '../../lib/app/goal-view';
import { StatusPill } from './status-pill';

/** The CRM overlay badge: tier, share of the goal gap and days in stage, in one small pill. */
export function LeadBadge({
  tier,
  share,
  days,
  title,
  label,
}: {
  tier?: string;
  share?: string;
  days?: string;
  title: string;
  /** A pill that dropped parts to fit (lib/overlay/pill-fit.ts): read by this label, naming them all. */
  label?: string;
}) {
  const parts = (
    <>
      {tier && <span class={`pc-tier pc-tier-${tier}`}>{tier}</span>}
      {share && <span class="pc-share">{share}</span>}
      {days && <span class="pc-days">{days}</span>}
    </>
  );
  return label ? (
    <span class="pc-badge" title={title} data-testid="pacer-badge" role="img" aria-label={label}>
      {parts}
    </span>
  ) : (
    <span class="pc-badge" title={title} data-testid="pacer-badge">
      {parts}
    </span>
  );
}

/** A goal in the same pill shape: status (shape + word) and progress, for a wiki line or a README. */
export function GoalBadge({ goal, showTitle = true }: { goal: GoalView; showTitle?: boolean }) {
  return (
    <span
      class={`pc-badge pc-goal-badge pc-status-${goal.status}`}
      title={`${goal.title}: ${goal.statusLabel}${goal.reason ? ` · ${goal.reason}` : ''}, ${goal.progressText}`}
      data-testid="pacer-goal-badge"
    >
      {showTitle && <span class="pc-badge-title">{goal.title}</span>}
      <StatusPill status={goal.status} label={goal.statusLabel} />
      <span class="pc-share">{goal.progressText}</span>
    </span>
  );
}
