import * as z from 'zod/mini';
import {
  addDays,
  DAY_MS,
  dayNumber,
  localDayFraction,
  localDayKey,
  weekday,
  zoneOffset,
} from '../engine/time-buckets';
import type { Settings } from '../schema';

/**
 * Reminder math, pure: when the weekly check-in is due, whether an instant falls in quiet hours, and
 * the keys that make sure one reminder is never shown twice (a service worker restarts at will, and an
 * alarm can fire again after the browser wakes up).
 */
export const CHECK_IN_ALARM = 'pacer:check-in';
export const ALERTS_ALARM = 'pacer:alerts';
/** Engine alerts are looked at on data changes and, as a safety net, this often. */
export const ALERTS_PERIOD_MINUTES = 30;

const HOUR_MS = 3_600_000;

/** The instant local wall time `hour:minute` on local `day` happens in `timeZone`. */
export function localWallTime(day: string, hour: number, minute: number, timeZone: string): number {
  const wall = dayNumber(day) * DAY_MS + hour * HOUR_MS + minute * 60_000;
  // Two fixed-point steps find the offset in force at that wall time (DST-safe; a skipped hour maps forward).
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  return t;
}

type CheckInSettings = Settings['checkIn'];

/** The next check-in time strictly after `now`, or null when the reminder is off. */
export function nextCheckInAt(ci: CheckInSettings, timeZone: string, now: number): number | null {
  if (!ci.enabled) return null;
  const today = localDayKey(now, timeZone);
  for (let d = 0; d <= 7; d++) {
    const day = addDays(today, d);
    if (weekday(day) !== ci.weekday) continue;
    const t = localWallTime(day, ci.hour, ci.minute, timeZone);
    if (t > now) return t;
  }
  return null;
}

/** The latest check-in time at or before `now` (this week's, or last week's if not reached yet). */
export function lastCheckInAt(ci: CheckInSettings, timeZone: string, now: number): number | null {
  if (!ci.enabled) return null;
  const today = localDayKey(now, timeZone);
  for (let d = 0; d <= 7; d++) {
    const day = addDays(today, -d);
    if (weekday(day) !== ci.weekday) continue;
    const t = localWallTime(day, ci.hour, ci.minute, timeZone);
    if (t <= now) return t;
  }
  return null;
}

/** Due when the latest scheduled time has passed and no check-in was saved since. */
export function checkInDue(
  ci: CheckInSettings,
  timeZone: string,
  now: number,
  lastCheckIn: number | null,
): boolean {
  const last = lastCheckInAt(ci, timeZone, now);
  return last !== null && (lastCheckIn === null || lastCheckIn < last);
}

type QuietHours = Settings['quietHours'];

/** True inside quiet hours; `from > to` wraps midnight (21 → 8), `from === to` means none. */
export function inQuietHours(q: QuietHours, timeZone: string, at: number): boolean {
  if (!q.enabled || q.from === q.to) return false;
  const h = localDayFraction(at, timeZone) * 24;
  return q.from < q.to ? h >= q.from && h < q.to : h >= q.from || h < q.to;
}

/** `at` itself outside quiet hours, else the instant they end. */
export function afterQuietHours(q: QuietHours, timeZone: string, at: number): number {
  if (!inQuietHours(q, timeZone, at)) return at;
  const today = localDayKey(at, timeZone);
  const h = localDayFraction(at, timeZone) * 24;
  const day = h < q.to ? today : addDays(today, 1);
  return localWallTime(day, q.to, 0, timeZone);
}

/** One key per weekly occurrence: the local day the check-in was scheduled for. */
export function checkInKey(occurrence: number, timeZone: string): string {
  return `check-in:${localDayKey(occurrence, timeZone)}`;
}

export function alertKey(alertId: string): string {
  return `alert:${alertId}`;
}

/** Keys of notifications already shown; kept in extension storage, parsed on read. */
export const NOTIFIED_KEY = 'pacer:notified';
export const NotifiedLog = z.array(z.object({ key: z.string().check(z.maxLength(500)), at: z.number() }));
export type NotifiedLog = z.infer<typeof NotifiedLog>;
const MAX_LOG = 500;
const KEEP_MS = 120 * DAY_MS;

export function parseNotifiedLog(raw: unknown): NotifiedLog {
  const parsed = NotifiedLog.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

export function wasNotified(log: NotifiedLog, key: string): boolean {
  return log.some((e) => e.key === key);
}

/** Adds keys, newest first; forgets entries older than ~4 months and beyond 500. */
export function rememberNotified(log: NotifiedLog, keys: readonly string[], at: number): NotifiedLog {
  const fresh = [...new Set(keys)].filter((k) => !wasNotified(log, k)).map((key) => ({ key, at }));
  return [...fresh, ...log].filter((e) => at - e.at <= KEEP_MS).slice(0, MAX_LOG);
}

/** Alerts worth interrupting for (warnings and critical ones), not shown before. */
export function alertsToNotify<A extends { id: string; severity: 'info' | 'warning' | 'critical' }>(
  alerts: readonly A[],
  log: NotifiedLog,
  max = 3,
): A[] {
  return alerts
    .filter((a) => a.severity !== 'info' && !wasNotified(log, alertKey(a.id)))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1))
    .slice(0, max);
}

/** Where a notification click leads. */
export type NotificationTarget =
  | { kind: 'popup'; view: 'check-in' | 'home' }
  | { kind: 'goal'; goalId: string };

/** Notification ids carry their target and dedupe key, so a click still works after a worker restart. */
export function notificationId(key: string, target: NotificationTarget): string {
  const t = target.kind === 'goal' ? `goal:${encodeURIComponent(target.goalId)}` : `popup:${target.view}`;
  return `pacer|${t}|${encodeURIComponent(key)}`;
}

export function parseNotificationId(id: string): { key: string; target: NotificationTarget } | null {
  const m = /^pacer\|(goal:([^|]+)|popup:(check-in|home))\|([^|]*)$/.exec(id);
  if (!m) return null;
  try {
    const key = decodeURIComponent(m[4] ?? '');
    if (m[2]) return { key, target: { kind: 'goal', goalId: decodeURIComponent(m[2]) } };
    return { key, target: { kind: 'popup', view: m[3] === 'check-in' ? 'check-in' : 'home' } };
  } catch {
    return null;
  }
}

/** The extension page to open in a tab when the popup itself cannot be opened. */
export function targetPath(target: NotificationTarget): string {
  return target.kind === 'goal'
    ? `newtab.html#goal=${encodeURIComponent(target.goalId)}`
    : `popup.html${target.view === 'check-in' ? '#check-in' : ''}`;
}
