import { computed, signal } from '@preact/signals';
import { computeDashboard } from '../../lib/app/dashboard-data';
import type { GoalView } from '../../lib/app/goal-view';
import { localDayKey, startOfLocalDay } from '../../lib/engine/time-buckets';
import { type ComparedValues, comparedValues } from '../../lib/popup/compared-values';
import { type RecentStore, type RecentUse, touchRecent } from '../../lib/popup/recent-metrics';
import { repeatOf } from '../../lib/popup/repeat-value';
import { topGoals } from '../../lib/popup/top-goals';
import { type CheckIn, type Dimension, type Metric, type Observation, parseDimKey } from '../../lib/schema';
import { onChange } from '../../lib/storage/changes';
import {
  DAY_MS,
  deleteObservations,
  ingestObservations,
  readObservations,
} from '../../lib/storage/observations';
import { repository } from '../../lib/storage/repository';
import { yourValues } from '../../lib/team/whose-values';
import { getDb, settings, settingsLoaded, startSession } from '../app/session';
import { OWNER_CACHE_KEY } from './goal-list';

/**
 * The popup's business state: goals (first from the new tab's cached summary, then computed), the
 * metrics one can log to, and recent uses. View state (form fields, the check-in step) lives in the
 * components. Other surfaces' writes arrive as change events and trigger one recompute.
 */
export const goals = signal<GoalView[] | null>(null);
export const metrics = signal<Metric[]>([]);
export const recent = signal<RecentUse[]>([]);
export const loadError = signal<string | null>(null);
/** True once goals come from the engine rather than the cache. */
export const fresh = signal(false);
export const shownGoals = computed(() =>
  goals.value ? topGoals(goals.value, settingsLoaded.value ? settings.value.ownerName : cachedOwner()) : null,
);

/** Until settings load, the owner remembered by the last popup keeps the first paint's order. */
function cachedOwner(): string {
  try {
    return localStorage.getItem(OWNER_CACHE_KEY) ?? '';
  } catch {
    return '';
  }
}

const WATCHED = ['metrics', 'goals', 'checkIns', 'obsBlocks', 'rollups', 'settings'];

let recentStore: RecentStore | null = null;

async function recompute(): Promise<void> {
  try {
    const db = await getDb();
    const d = await computeDashboard(db, settings.value, Date.now());
    goals.value = d.goals;
    metrics.value = d.metrics;
    fresh.value = true;
    loadError.value = null;
  } catch (e) {
    loadError.value = e instanceof Error ? e.message : String(e);
    // The quick log must still work when the engine fails: metrics come straight from storage.
    metrics.value = await repository(await getDb(), 'metrics').list();
    goals.value ??= [];
  }
}

export async function startPopupModel(store: RecentStore): Promise<void> {
  recentStore = store;
  let timer: ReturnType<typeof setTimeout> | null = null;
  onChange((e) => {
    if (!e.stores.some((s) => WATCHED.includes(s))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void recompute(), 30);
  });
  const [, list] = await Promise.all([startSession(), store.load()]);
  recent.value = list;
  try {
    localStorage.setItem(OWNER_CACHE_KEY, settings.value.ownerName);
  } catch {
    // storage disabled: the first paint just orders goals without knowing the owner
  }
  // Metrics first (cheap), so the type-ahead works while the engine computes.
  metrics.value = await repository(await getDb(), 'metrics').list();
  await recompute();
}

export async function logObservation(obs: Observation): Promise<void> {
  await ingestObservations(await getDb(), [obs]);
  recent.value = touchRecent(recent.value, obs.metricId, Date.now());
  await recentStore?.save(recent.value);
}

/**
 * What a value about to be logged is checked against, from one read of its KPI: `recent`, what
 * unusual-value.ts compares it with — from the half year before it (compared-values.ts: its own
 * dimensions, or all of them together when those have too little); `repeat`, the same value
 * already logged for that day (repeat-value.ts).
 */
export async function priorValues(
  obs: Observation,
  metric: Pick<Metric, 'aggregation'>,
): Promise<{ recent: ComparedValues; repeat: Observation | null }> {
  const tz = settings.value.timeZone;
  const dayStart = startOfLocalDay(localDayKey(obs.time, tz), tz);
  const dayEnd = dayStart + 2 * DAY_MS;
  const recentFrom = obs.time - 183 * DAY_MS;
  const recentTo = obs.time + DAY_MS;
  // Your own values only: a teammate's number for the day is not one you logged (whose-values.ts).
  const stored = yourValues(
    await readObservations(await getDb(), obs.metricId, {
      from: Math.min(recentFrom, dayStart),
      to: Math.max(recentTo, dayEnd),
    }),
  );
  const within = (from: number, to: number) => stored.filter((o) => o.time >= from && o.time < to);
  return {
    recent: comparedValues(obs, metric, within(recentFrom, recentTo), tz),
    repeat: repeatOf(obs, within(dayStart, dayEnd), tz),
  };
}

export async function undoObservation(obs: Observation): Promise<void> {
  await deleteObservations(await getDb(), [obs]);
}

export async function saveCheckIn(record: CheckIn): Promise<void> {
  await repository(await getDb(), 'checkIns').put(record);
}

/** Known values of a metric's dimensions (channel names, segments), for the form's suggestions. */
export async function knownDimensionValues(metricId: string): Promise<Partial<Record<Dimension, string[]>>> {
  const db = await getDb();
  // One rollup per dimension combination: its keys list every combination without reading points.
  const keys = (await db.getAllKeys(
    'rollups',
    IDBKeyRange.bound([metricId, ''], [metricId, '\uffff']),
  )) as unknown as [string, string][];
  const out: Partial<Record<Dimension, Set<string>>> = {};
  for (const [, key] of keys) {
    for (const [d, v] of Object.entries(parseDimKey(key)) as [Dimension, string][]) {
      const set = out[d] ?? new Set<string>();
      set.add(v);
      out[d] = set;
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
