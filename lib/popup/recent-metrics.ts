import * as z from 'zod/mini';

/**
 * Metrics the user logged lately, newest first: the type-ahead and the omnibox offer them before the
 * rest. Kept in extension storage (popup and service worker both read it), parsed on every read.
 */
export const RECENT_KEY = 'pacer:recentMetrics';
export const MAX_RECENT = 20;

export const RecentUse = z.object({
  metricId: z.string().check(z.minLength(1), z.maxLength(200)),
  at: z.number(),
});
export type RecentUse = z.infer<typeof RecentUse>;

export function parseRecent(raw: unknown): RecentUse[] {
  const parsed = z.array(RecentUse).safeParse(raw);
  return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
}

/** Moves (or adds) `metricId` to the front. */
export function touchRecent(list: readonly RecentUse[], metricId: string, at: number): RecentUse[] {
  return [{ metricId, at }, ...list.filter((r) => r.metricId !== metricId)].slice(0, MAX_RECENT);
}

/** Where recent uses are kept: extension storage in the browser, a Map in tests. */
export interface RecentStore {
  load(): Promise<RecentUse[]>;
  save(list: RecentUse[]): Promise<void>;
}
