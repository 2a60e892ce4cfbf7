import type { AlertView } from '../app/dashboard-types';
import { isExampleId } from '../example/example-data';
import type { Translator } from '../i18n/translate';
import {
  ALERTS_ALARM,
  ALERTS_PERIOD_MINUTES,
  afterQuietHours,
  alertKey,
  alertsToNotify,
  CHECK_IN_ALARM,
  checkInDue,
  checkInKey,
  inQuietHours,
  lastCheckInAt,
  NOTIFIED_KEY,
  nextCheckInAt,
  parseNotifiedLog,
} from '../popup/reminder-schedule';
import type { Settings } from '../schema';
import { type KeyValueStore, type NotificationsApi, showOnce } from './notifications';

/** The part of `browser.alarms` Pacer uses. */
export interface AlarmsApi {
  create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export interface ReminderDeps {
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  store: KeyValueStore;
  t: Translator;
}

type ReminderSettings = Pick<Settings, 'checkIn' | 'quietHours' | 'timeZone'>;

/**
 * Decides about the weekly check-in; safe to run at any time (worker start, alarm, settings change).
 * Due and not yet shown: notify now, or set the alarm for the end of quiet hours. Otherwise the alarm
 * is set for the next scheduled time. Returns what it did, for tests and logs.
 */
export async function runCheckInReminder(
  deps: ReminderDeps,
  s: ReminderSettings,
  now: number,
  lastCheckIn: number | null,
  goalsWaiting: number,
): Promise<'off' | 'notified' | 'deferred' | 'scheduled'> {
  if (!s.checkIn.enabled) {
    await deps.alarms.clear(CHECK_IN_ALARM);
    return 'off';
  }
  const occurrence = lastCheckInAt(s.checkIn, s.timeZone, now);
  if (occurrence !== null && goalsWaiting > 0 && checkInDue(s.checkIn, s.timeZone, now, lastCheckIn)) {
    if (inQuietHours(s.quietHours, s.timeZone, now)) {
      await deps.alarms.create(CHECK_IN_ALARM, { when: afterQuietHours(s.quietHours, s.timeZone, now) });
      return 'deferred';
    }
    // A settings change can move the occurrence to another day (weekday or zone edited after the
    // reminder came), which gives it a new key: one reminder per unanswered occurrence is enough.
    const log = parseNotifiedLog(await deps.store.get(NOTIFIED_KEY));
    const reminded = log.some(
      (e) =>
        e.key.startsWith('check-in:') && e.at >= occurrence && (lastCheckIn === null || e.at > lastCheckIn),
    );
    const shown = reminded
      ? []
      : await showOnce(
          deps.notifications,
          deps.store,
          [
            {
              key: checkInKey(occurrence, s.timeZone),
              target: { kind: 'popup', view: 'check-in' },
              title: deps.t('checkIn.title'),
              message: deps.t.plural('checkIn.due', goalsWaiting),
            },
          ],
          now,
        );
    const next = nextCheckInAt(s.checkIn, s.timeZone, now);
    if (next !== null) await deps.alarms.create(CHECK_IN_ALARM, { when: next });
    if (shown.length) return 'notified';
    return 'scheduled';
  }
  const next = nextCheckInAt(s.checkIn, s.timeZone, now);
  if (next !== null) await deps.alarms.create(CHECK_IN_ALARM, { when: next });
  return 'scheduled';
}

/** The safety-net alarm that looks for new engine alerts even when no data changes. */
export async function scheduleAlertsAlarm(alarms: AlarmsApi): Promise<void> {
  await alarms.create(ALERTS_ALARM, { periodInMinutes: ALERTS_PERIOD_MINUTES });
}

/**
 * New warnings and critical alerts become notifications that open their goal. Inside quiet hours
 * nothing is shown and nothing is recorded, so the same alerts come after quiet hours instead.
 * Example data never reaches the desktop.
 */
export async function notifyNewAlerts(
  deps: Omit<ReminderDeps, 'alarms'>,
  alerts: readonly AlertView[],
  s: ReminderSettings,
  now: number,
): Promise<string[]> {
  if (inQuietHours(s.quietHours, s.timeZone, now)) return [];
  const own = alerts.filter(
    (a) => !(a.goalId && isExampleId(a.goalId)) && !(a.metricId && isExampleId(a.metricId)),
  );
  const log = parseNotifiedLog(await deps.store.get(NOTIFIED_KEY));
  return showOnce(
    deps.notifications,
    deps.store,
    alertsToNotify(own, log).map((a) => ({
      key: alertKey(a.id),
      target: a.goalId
        ? { kind: 'goal' as const, goalId: a.goalId }
        : { kind: 'popup' as const, view: 'home' as const },
      title: deps.t('notify.alertTitle'),
      message: a.message,
    })),
    now,
  );
}
