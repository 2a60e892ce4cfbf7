import { computed, signal } from '@preact/signals';
import type { DashboardData } from '../../lib/app/dashboard-types';
import type { GoalView } from '../../lib/app/goal-view';
import { readSummary, type Summary, writeSummary } from '../../lib/app/summary-cache';
import { rememberOpener, returnFocus } from './return-focus';

/**
 * The new tab's model: business state (the computed dashboard) apart from view state (which goal is
 * open, which editor, the undo toast). One model for the surface; components read signals from it.
 */
export const cached = signal<Summary | null>(
  typeof localStorage === 'undefined' ? null : readSummary(localStorage),
);
export const data = signal<DashboardData | null>(null);
export const loadError = signal<string | null>(null);

export const goals = computed(() => data.value?.goals ?? cached.value?.goals ?? []);
export const pinnedGoals = computed(() => goals.value.filter((g) => g.pinned));

/**
 * The "Goals" section's cards: every goal but milestones (they have their timeline), and but the
 * pinned ones while the "Pinned goals" section shows them above — a goal is on the page once.
 */
export function listedGoals(all: readonly GoalView[], pinnedShown: boolean): GoalView[] {
  return all.filter((g) => g.kind !== 'milestone' && !(pinnedShown && g.pinned));
}

/** View state */
export const openGoalId = signal<string | null>(readHashGoal());
export const editing = signal<{
  kind: 'goal' | 'metric' | 'templates' | 'cascade' | 'entry' | 'values' | 'review';
  id?: string;
} | null>(null);
export const customizing = signal(false);
export interface Toast {
  message: string;
  undo?: () => Promise<void>;
  id: number;
}
export const toast = signal<Toast | null>(null);

export function showToast(message: string, undo?: () => Promise<void>) {
  const id = Date.now();
  toast.value = { message, undo, id };
  setTimeout(() => {
    if (toast.value?.id === id) toast.value = null;
  }, 10_000);
}

function readHashGoal(): string | null {
  if (typeof location === 'undefined') return null;
  const m = /^#goal=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function openGoal(id: string | null) {
  const previous = openGoalId.value;
  if (id !== null && previous === null) rememberOpener();
  openGoalId.value = id;
  if (id === null && previous !== null) returnFocus(previous);
  const hash = id ? `#goal=${encodeURIComponent(id)}` : '';
  if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname);
}

export function cacheSummary(d: DashboardData, locale: 'en' | 'vi', onboarded: boolean) {
  // Pinned goals first: they are what the first paint must show.
  const ordered = [...d.goals.filter((g) => g.pinned), ...d.goals.filter((g) => !g.pinned)];
  writeSummary(localStorage, { version: 1, generatedAt: d.generatedAt, locale, onboarded, goals: ordered });
}
