/**
 * Archived goals and KPIs, for the new tab's "Archived" list. The dashboard leaves them out of every
 * widget (dashboard-data.ts keeps live goals only), which made archiving one-way: nothing listed
 * them, so nothing could open or restore them. Deleted records are in the trash, not here.
 */
import { localizedName, type Nameable } from '../i18n/translate';
import type { Goal, Locale, Metric } from '../schema';

export interface ArchivedItem {
  kind: 'goal' | 'metric';
  id: string;
  name: string;
  /** When it was last changed: for an archived record, when it was archived (or edited since). */
  updatedAt: number;
}

export function archivedItems(
  goals: readonly Goal[],
  metrics: readonly Metric[],
  locale: Locale,
): ArchivedItem[] {
  const pick = <
    T extends Nameable & { id: string; archived: boolean; deletedAt: number | null; updatedAt: number },
  >(
    list: readonly T[],
    kind: ArchivedItem['kind'],
  ): ArchivedItem[] =>
    list
      .filter((r) => r.archived && r.deletedAt === null)
      .map((r) => ({ kind, id: r.id, name: localizedName(r, locale), updatedAt: r.updatedAt }));
  // Most recently archived first: the one just archived by mistake is at the top.
  return [...pick(goals, 'goal'), ...pick(metrics, 'metric')].sort(
    (a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name, locale),
  );
}
