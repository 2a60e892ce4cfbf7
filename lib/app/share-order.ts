import type { DASHBOARD_WIDGETS } from '../schema/settings';
import type { GoalView } from './goal-view';

type DashboardWidget = (typeof DASHBOARD_WIDGETS)[number];

/** The dashboard sections a goal is listed in, each a heading of the "Share / embed" checklist. */
export type ShareSection = 'team' | 'pinned' | 'goals' | 'milestones';

export interface ShareGroup {
  section: ShareSection;
  goals: GoalView[];
}

/**
 * The "Share / embed" checklist in the dashboard's order: the goals of each section the dashboard
 * shows them in — pinned goals, the "Goals" grid (worst first, then by deadline), the milestone
 * timeline (by deadline) — in the order the user laid those sections out. The dialog had listed every
 * goal in the grid's status order, milestones mixed in, which matched no section on screen. The
 * dashboard does not nest sub-goals under their parents (a key result sits in the grid beside its
 * objective), so neither does the list. Each goal is listed once: a pinned milestone under "Pinned".
 * A section the user hid keeps its place in the order, so its goals can still be shared. Team goals
 * (`teamIds`, lib/app/goal-sections.ts) come first under "Team goals", as the page shows them above
 * the laid-out sections, and are in no other.
 */
export function shareGroups(
  goals: readonly GoalView[],
  milestoneOrder: readonly { id: string }[],
  layout: readonly { widget: DashboardWidget; visible: boolean }[],
  teamIds: ReadonlySet<string> = new Set(),
): ShareGroup[] {
  // As the dashboard: pinned goals have their own section only while it is shown (model.ts, listedGoals).
  const pinnedShown = layout.some((l) => l.widget === 'focus' && l.visible);
  const byId = new Map(goals.map((g) => [g.id, g]));
  const listed = new Set<string>();
  const take = (list: readonly (GoalView | undefined)[]): GoalView[] => {
    const out: GoalView[] = [];
    for (const g of list) {
      if (!g || listed.has(g.id)) continue;
      listed.add(g.id);
      out.push(g);
    }
    return out;
  };
  const sections: Record<ShareSection, () => GoalView[]> = {
    team: () => take(goals.filter((g) => teamIds.has(g.id))),
    pinned: () => (pinnedShown ? take(goals.filter((g) => g.pinned)) : []),
    goals: () => take(goals.filter((g) => g.kind !== 'milestone')),
    // The timeline's order; a milestone it does not know (none should be) after the rest.
    milestones: () =>
      take([...milestoneOrder.map((m) => byId.get(m.id)), ...goals.filter((g) => g.kind === 'milestone')]),
  };
  const order: ShareSection[] = ['team'];
  for (const { widget } of layout) {
    const section: ShareSection | null =
      widget === 'focus' ? 'pinned' : widget === 'goals' || widget === 'milestones' ? widget : null;
    if (section && !order.includes(section)) order.push(section);
  }
  // A layout saved before a section existed still lists its goals, after the others.
  for (const s of ['pinned', 'goals', 'milestones'] as const) if (!order.includes(s)) order.push(s);
  // Pinned goals are taken first whatever the layout, so a pinned goal is under "Pinned" even when
  // the grid comes first; the sections are then listed in the layout's order.
  const built = new Map<ShareSection, GoalView[]>();
  built.set('team', sections.team());
  built.set('pinned', sections.pinned());
  for (const s of order) if (!built.has(s)) built.set(s, sections[s]());
  return order
    .map((section) => ({ section, goals: built.get(section) ?? [] }))
    .filter((g) => g.goals.length > 0);
}

/** The goals in the checklist's order, one list: what the files keep too. */
export function shareOrder(groups: readonly ShareGroup[]): GoalView[] {
  return groups.flatMap((g) => g.goals);
}
