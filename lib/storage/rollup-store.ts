import { applyPoint, DailyRollup, emptyRollup, type Point, recomputeDay } from '../engine/rollup';
import { localDayKey } from '../engine/time-buckets';
import { ObservationBlock } from '../schema';
import { blockDimKeyOf, isTeammateValue, seriesDimKey } from '../team/whose-values';
import { blockKeyString, DAY_MS } from './blocks';
import { type PacerDb, STORES } from './db';
import { loadSettings } from './settings';

/**
 * Rollups (per metric × dimension combination, per local day) are what the engine computes from, so
 * they are kept current as observations arrive: a small change recomputes only the local days it
 * touched; a large one, a time-zone change, or a rollup marked stale rebuilds the series from blocks.
 */
export interface SeriesRef {
  metricId: string;
  dimKey: string;
  /** UTC days (ms) whose blocks changed; absent = rebuild the whole series. */
  days?: number[];
}

/** Blocks the caller already holds (an ingest's merged blocks), by `blockKeyString`: saves re-reading them. */
export type KnownBlocks = ReadonlyMap<string, ObservationBlock>;

export async function refreshRollups(
  db: PacerDb,
  series: readonly SeriesRef[],
  timeZone?: string,
  known: KnownBlocks = new Map(),
): Promise<void> {
  if (series.length === 0) return;
  const tz = timeZone ?? (await loadSettings(db)).settings.timeZone;
  if (await mustRebuild(db)) return rebuildAllRollups(db, tz);
  for (const s of series) {
    // Days are recomputed in chunks, each its own read-modify-write transaction, with a yield to the
    // event loop in between: a million-row import must not freeze the page while rollups catch up.
    const localDays = s.days ? touchedLocalDays(s.days, tz) : null;
    const chunks = localDays ? chunk([...localDays], DAYS_PER_TRANSACTION) : [null];
    for (const days of chunks) {
      await refreshChunk(db, s, tz, known, days);
      await yieldToEventLoop();
    }
  }
}

const DAYS_PER_TRANSACTION = 60;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

/** Local days (with the UTC block day that touched them) that a change to these UTC days can affect. */
function touchedLocalDays(days: readonly number[], tz: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const day of days) {
    out.set(localDayKey(day, tz), day);
    out.set(localDayKey(day + DAY_MS - 1, tz), day);
  }
  return out;
}

/**
 * Recomputes some local days of one series (or, with `days` null or a rollup that cannot be updated in
 * place, the whole series from its blocks) in one transaction.
 */
async function refreshChunk(
  db: PacerDb,
  s: SeriesRef,
  tz: string,
  known: KnownBlocks,
  days: [string, number][] | null,
): Promise<void> {
  const tx = db.transaction([STORES.obsBlocks, STORES.rollups], 'readwrite');
  const blocks = tx.objectStore(STORES.obsBlocks);
  const rollups = tx.objectStore(STORES.rollups);
  // One block series, two rollups: your points and teammates' (lib/team/whose-values.ts).
  const keys = [seriesDimKey(s.dimKey, false), seriesDimKey(s.dimKey, true)] as const;
  const current = await Promise.all(
    keys.map(async (key) => {
      // A missing rollup means the series had no points (rollups are kept current), so it starts empty.
      const stored = await rollups.get([s.metricId, key]);
      return stored === undefined
        ? ({ success: true, data: emptyRollup(s.metricId, key, tz) } as const)
        : DailyRollup.safeParse(stored);
    }),
  );
  let out: DailyRollup[];
  if (days && current.every((c) => c.success && c.data.timeZone === tz)) {
    out = current.map((c) => c.data as DailyRollup);
    const cache = new Map<number, Point[][]>();
    const pointsOf = async (day: number): Promise<Point[][]> => {
      let pts = cache.get(day);
      if (!pts) {
        const raw =
          known.get(blockKeyString([s.metricId, s.dimKey, day])) ??
          (await blocks.get([s.metricId, s.dimKey, day]));
        const parsed = raw === undefined ? undefined : ObservationBlock.safeParse(raw);
        pts = [[], []];
        if (parsed?.success)
          for (const x of parsed.data.points)
            pts[isTeammateValue(x) ? 1 : 0]?.push({ time: x.t, value: x.v });
        cache.set(day, pts);
      }
      return pts;
    };
    for (const [local, day] of days) {
      const near = [await pointsOf(day - DAY_MS), await pointsOf(day), await pointsOf(day + DAY_MS)];
      out.forEach((rollup, i) => {
        recomputeDay(
          rollup,
          local,
          near.flatMap((p) => p[i] ?? []),
          tz,
        );
      });
    }
  } else {
    out = keys.map((key) => emptyRollup(s.metricId, key, tz));
    const all = await blocks.getAll(
      IDBKeyRange.bound([s.metricId, s.dimKey, 0], [s.metricId, s.dimKey, Infinity]),
    );
    for (const b of all) {
      const p = ObservationBlock.safeParse(b);
      if (p.success)
        for (const x of p.data.points)
          applyPoint(out[isTeammateValue(x) ? 1 : 0] as DailyRollup, { time: x.t, value: x.v }, tz);
    }
  }
  for (const rollup of out) {
    if (Object.keys(rollup.days).length) await rollups.put(rollup);
    else await rollups.delete([rollup.metricId, rollup.dimKey]);
  }
  await tx.done;
}

/**
 * Rollups written before teammates' points had series of their own (ROLLUPS_SPLIT unset) mix them
 * with yours: they are derived data, so they are rebuilt once from the blocks rather than migrated.
 */
const ROLLUPS_SPLIT = 'rollupsSplitByWhose';

async function mustRebuild(db: PacerDb): Promise<boolean> {
  const stale = (await db.get(STORES.meta, 'rollupsStale')) as { value?: boolean } | undefined;
  if (stale?.value) return true;
  const split = (await db.get(STORES.meta, ROLLUPS_SPLIT)) as { value?: boolean } | undefined;
  if (split?.value) return false;
  // A database with no rollups at all has nothing mixed to rebuild.
  if ((await db.count(STORES.rollups)) === 0) {
    await db.put(STORES.meta, { key: ROLLUPS_SPLIT, value: true });
    return false;
  }
  return true;
}

export async function markRollupsStale(db: PacerDb, _series: readonly SeriesRef[]): Promise<void> {
  await db.put(STORES.meta, { key: 'rollupsStale', value: true });
}

/** Rebuilds every rollup from the blocks, one metric at a time (after a migration or a zone change). */
export async function rebuildAllRollups(db: PacerDb, timeZone?: string): Promise<void> {
  const tz = timeZone ?? (await loadSettings(db)).settings.timeZone;
  await db.clear(STORES.rollups);
  const keys = (await db.getAllKeys(STORES.obsBlocks)) as unknown as [string, string, number][];
  const series = new Map<string, { metricId: string; dimKey: string }>();
  for (const [metricId, dimKey] of keys) series.set(`${metricId}\u0000${dimKey}`, { metricId, dimKey });
  await db.put(STORES.meta, { key: 'rollupsStale', value: false });
  await db.put(STORES.meta, { key: ROLLUPS_SPLIT, value: true });
  await refreshRollups(db, [...series.values()], tz);
}

/** Every valid rollup, for the engine. Rollups are derived data: a damaged one is rebuilt, not quarantined. */
export async function readRollups(db: PacerDb): Promise<DailyRollup[]> {
  const { settings } = await loadSettings(db);
  if (await mustRebuild(db)) await rebuildAllRollups(db, settings.timeZone);
  const raw = await db.getAll(STORES.rollups);
  const out: DailyRollup[] = [];
  const broken: { metricId: string; dimKey: string }[] = [];
  for (const r of raw) {
    const p = DailyRollup.safeParse(r);
    if (p.success && p.data.timeZone === settings.timeZone) out.push(p.data);
    else {
      const k = r as Partial<DailyRollup>;
      if (typeof k.metricId === 'string' && typeof k.dimKey === 'string')
        broken.push({ metricId: k.metricId, dimKey: k.dimKey });
    }
  }
  if (broken.length) {
    await refreshRollups(
      db,
      broken.map((b) => ({ metricId: b.metricId, dimKey: blockDimKeyOf(b.dimKey) })),
      settings.timeZone,
    );
    for (const b of broken) {
      const p = DailyRollup.safeParse(await db.get(STORES.rollups, [b.metricId, b.dimKey]));
      if (p.success) out.push(p.data);
    }
  }
  return out;
}
