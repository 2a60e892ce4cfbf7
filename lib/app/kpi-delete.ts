import { localizedName } from '../i18n/translate';
import type { Goal, Locale } from '../schema';

/**
 * What deleting a KPI takes away (docs/data-safety.md): a KPI can hold months of values and have
 * goals measured by it, and it had gone in one click with a toast's Undo as its only trace, while a
 * goal asks first. A KPI with values or goals asks, in numbers ("Delete “Revenue” and its 412 values?
 * 3 goals use it: …"); one with nothing recorded and no goal is one click with Undo.
 */
export interface KpiDeleteQuestion {
  /** Values on record, every dimension. */
  values: number;
  /** Goals measured by it, not deleted (archived ones too: they lose their figures as well). */
  goals: Goal[];
}

/** The goals a KPI measures (live or archived, never those in the trash). */
export function goalsOnKpi(goals: readonly Goal[], metricId: string): Goal[] {
  return goals.filter((g) => g.metricId === metricId && g.deletedAt == null);
}

/** Whether deleting it asks first: it holds values, or goals use it. */
export function kpiDeleteAsks(q: KpiDeleteQuestion): boolean {
  return q.values > 0 || q.goals.length > 0;
}

/**
 * The goals named in the question: the first `max` in quotes, and how many more ("“A”, “B”, “C”"
 * and 2 more). Named in the UI's language.
 */
export function namedGoals(goals: readonly Goal[], locale: Locale, max = 3): { names: string; more: number } {
  const shown = goals.slice(0, max).map((g) => `“${localizedName(g, locale)}”`);
  return { names: shown.join(', '), more: Math.max(0, goals.length - max) };
}
