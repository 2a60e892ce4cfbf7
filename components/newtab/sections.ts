import { computed } from '@preact/signals';
import { goalSections, teamGoalIds } from '../../lib/app/goal-sections';
import { settings } from '../app/session';
import { teamState } from '../app/team-state';
import { goals } from './model';

/**
 * The new tab's card sections (the rule: lib/app/goal-sections.ts): "Team goals", "Pinned goals" and
 * "Goals", each goal in one of them. Kept apart from model.ts, which the first paint loads.
 */
const NONE: ReadonlySet<string> = new Set();

export const teamIds = computed(() => {
  const state = teamState.value;
  return state ? teamGoalIds(state.goalIds, goals.value) : NONE;
});

export const sections = computed(() =>
  goalSections(goals.value, {
    teamIds: teamIds.value,
    pinnedShown: settings.value.layout.some((l) => l.widget === 'focus' && l.visible),
  }),
);
