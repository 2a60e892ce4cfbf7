import { computed, signal } from '@preact/signals';
import type { DashboardData } from '../../lib/app/dashboard-types';
import { goalHash, goalIdFromHash } from '../../lib/app/goal-hash';
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

/**
 * A toast for 10 seconds, or 30 with an Undo: a reviewer who looked at a cascade's 37 new milestones,
 * as one should before keeping them, found its Undo gone after ten.
 */
export function showToast(message: string, undo?: () => Promise<void>) {
  const id = Date.now();
  toast.value = { message, undo, id };
  setTimeout(
    () => {
      if (toast.value?.id === id) toast.value = null;
    },
    undo ? 30_000 : 10_000,
  );
}

function readHashGoal(): string | null {
  return typeof location === 'undefined' ? null : goalIdFromHash(location.hash);
}

/** Shows a goal's detail (or none), with the opener remembered and focus given back on close. */
function showGoal(id: string | null) {
  const previous = openGoalId.value;
  if (id === previous) return;
  if (id !== null && previous === null) rememberOpener();
  openGoalId.value = id;
  if (id === null && previous !== null) returnFocus(previous);
}

/**
 * Opens a goal's detail, or closes it (null). Opening one pushes a history entry (`#goal=ID`), so the
 * browser's Back closes the detail; closing it by hand goes back over that entry rather than leaving
 * one behind. Switching from one goal to another replaces the entry: one Back still closes it.
 */
export function openGoal(id: string | null) {
  const previous = openGoalId.value;
  showGoal(id);
  const hash = goalHash(id);
  if (location.hash === hash) return;
  if (id !== null && previous === null) history.pushState({ pacerDetail: true }, '', hash);
  else if (id === null && (history.state as { pacerDetail?: boolean } | null)?.pacerDetail) history.back();
  else history.replaceState(history.state, '', hash || location.pathname + location.search);
}

/**
 * Follows the URL: a `#goal=ID` link into this already open tab, and Back / Forward over a detail,
 * open and close it. Only read at load before, so such a link did nothing.
 */
export function followGoalHash(win: Window = window): () => void {
  const apply = () => showGoal(goalIdFromHash(win.location.hash));
  win.addEventListener('hashchange', apply);
  win.addEventListener('popstate', apply);
  return () => {
    win.removeEventListener('hashchange', apply);
    win.removeEventListener('popstate', apply);
  };
}

export function cacheSummary(d: DashboardData, locale: 'en' | 'vi', onboarded: boolean) {
  // Pinned goals first: they are what the first paint must show.
  const ordered = [...d.goals.filter((g) => g.pinned), ...d.goals.filter((g) => !g.pinned)];
  writeSummary(localStorage, { version: 1, generatedAt: d.generatedAt, locale, onboarded, goals: ordered });
}
