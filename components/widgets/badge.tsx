import type { GoalView } from '../../lib/app/goal-view';
import { StatusPill } from './status-pill';

/** The CRM overlay badge: tier, share of the goal gap and days in stage, in one small pill. */
export function LeadBadge({
  tier,
  share,
  days,
  title,
  dropped,
}: {
  tier?: string;
  share?: string;
  days?: string;
  title: string;
  /**
   * Parts dropped to fit (lib/overlay/pill-fit.ts): visually hidden, still read by a screen reader
   * after the words shown, and named by the title.
   */
  dropped?: readonly ('tier' | 'share' | 'days')[];
}) {
  const out = (part: 'tier' | 'share' | 'days', base: string) =>
    dropped?.includes(part) ? `${base} pc-dropped` : base;
  return (
    <span class="pc-badge" title={title} data-testid="pacer-badge">
      {tier && <span class={out('tier', `pc-tier pc-tier-${tier}`)}>{tier}</span>}
      {share && <span class={out('share', 'pc-share')}>{share}</span>}
      {days && <span class={out('days', 'pc-days')}>{days}</span>}
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
