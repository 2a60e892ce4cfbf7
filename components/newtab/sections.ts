import { computed } from '@preact/signals';
import { formerTeamGoals, goalSections, teamGoalIds } from '../../lib/app/goal-sections';
import { settings } from '../app/session';
import { formerTeams, teamState } from '../app/team-state';
import { goals } from './model';

/**
 * The new tab's card sections (the rule: lib/app/goal-sections.ts): "Team goals", "Pinned goals" and
 * "Goals", each goal in one of them. Kept apart from model.ts, which the first paint loads.
 */
const NONE: ReadonlySet<string> = new Set();

const liveTeamIds = computed(() => {
  const state = teamState.value;
  return state ? teamGoalIds(state.goalIds, goals.value) : NONE;
});

/** The goals of teams left, each with its team and the day it was left (a note on its card). */
export const formerTeamOf = computed(() =>
  formerTeamGoals(formerTeams.value, liveTeamIds.value, goals.value),
);

/** Every goal "Team goals" lists: the team's now, and those of teams left. */
export const teamIds = computed<ReadonlySet<string>>(() =>
  formerTeamOf.value.size ? new Set([...liveTeamIds.value, ...formerTeamOf.value.keys()]) : liveTeamIds.value,
);

export const sections = computed(() =>
  goalSections(goals.value, {
    teamIds: teamIds.value,
    pinnedShown: settings.value.layout.some((l) => l.widget === 'focus' && l.visible),
  }),
);
