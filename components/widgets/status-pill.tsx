import type { ViewStatus } from '../../lib/app/goal-view';
import { STATUS_ICON } from '../../lib/snapshot/status-icon';

/** Status is shown with a shape and a word as well as a colour, so it never relies on colour alone. */
export function StatusPill({ status, label }: { status: ViewStatus; label: string }) {
  return (
    <span class={`pc-pill pc-status-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {label}
    </span>
  );
}
