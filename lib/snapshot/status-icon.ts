import type { ViewStatus } from '../app/goal-view';

/** Status is shown with a shape and a word as well as a colour, so it never relies on colour alone. */
export const STATUS_ICON: Record<ViewStatus, string> = {
  on_track: '●',
  at_risk: '▲',
  off_track: '■',
  done: '✓',
  too_early: '◔',
  no_data: '○',
};
