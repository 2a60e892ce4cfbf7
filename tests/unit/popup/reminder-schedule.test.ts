import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  alertsToNotify,
  checkInDue,
  checkInKey,
  inQuietHours,
  lastCheckInAt,
  nextCheckInAt,
  notificationId,
  parseNotificationId,
  parseNotifiedLog,
  rememberNotified,
  targetPath,
  wasNotified,
} from '../../../lib/popup/reminder-schedule';

const HCM = 'Asia/Ho_Chi_Minh'; // UTC+7, no DST
const friday16 = { enabled: true, weekday: 5, hour: 16, minute: 0 };
// Wednesday 18 Nov 2026, 10:00 in Ho Chi Minh City.
const wed10 = Date.UTC(2026, 10, 18, 3, 0);

describe('weekly check-in time', () => {
  it('is the coming Friday 16:00 local', () => {
    expect(nextCheckInAt(friday16, HCM, wed10)).toBe(Date.UTC(2026, 10, 20, 9, 0));
  });
  it('is next week once this week’s time has passed, and never now', () => {
    const fri16 = Date.UTC(2026, 10, 20, 9, 0);
    expect(nextCheckInAt(friday16, HCM, fri16)).toBe(fri16 + 7 * 86_400_000);
    expect(lastCheckInAt(friday16, HCM, fri16)).toBe(fri16);
    expect(lastCheckInAt(friday16, HCM, wed10)).toBe(fri16 - 7 * 86_400_000);
  });
  it('is null when the reminder is off', () => {
    expect(nextCheckInAt({ ...friday16, enabled: false }, HCM, wed10)).toBeNull();
  });
  it('keeps local 16:00 across a DST change (New York, Friday after the November switch)', () => {
    // 30 Oct 2026 is EDT (UTC-4), 6 Nov is EST (UTC-5).
    const t1 = nextCheckInAt(friday16, 'America/New_York', Date.UTC(2026, 9, 28, 12));
    const t2 = nextCheckInAt(friday16, 'America/New_York', Date.UTC(2026, 10, 4, 12));
    expect(t1).toBe(Date.UTC(2026, 9, 30, 20, 0));
    expect(t2).toBe(Date.UTC(2026, 10, 6, 21, 0));
  });
  it('is due when the time passed without a check-in since', () => {
    const fri17 = Date.UTC(2026, 10, 20, 10, 0);
    expect(checkInDue(friday16, HCM, fri17, null)).toBe(true);
    expect(checkInDue(friday16, HCM, fri17, Date.UTC(2026, 10, 20, 9, 30))).toBe(false);
    expect(checkInDue(friday16, HCM, fri17, Date.UTC(2026, 10, 19, 9, 30))).toBe(true);
  });
});

describe('quiet hours', () => {
  const q = { enabled: true, from: 21, to: 8 };
  it.each([
    [Date.UTC(2026, 10, 18, 14, 30), true], // 21:30 local
    [Date.UTC(2026, 10, 18, 0, 30), true], // 07:30 local
    [Date.UTC(2026, 10, 18, 1, 0), false], // 08:00 local
    [Date.UTC(2026, 10, 18, 13, 59), false], // 20:59 local
  ])('%s → %s', (at, quiet) => {
    expect(inQuietHours(q, HCM, at)).toBe(quiet);
  });
  it('handles a window that does not wrap and an empty or disabled one', () => {
    expect(inQuietHours({ enabled: true, from: 12, to: 14 }, HCM, Date.UTC(2026, 10, 18, 5, 30))).toBe(true);
    expect(inQuietHours({ enabled: true, from: 9, to: 9 }, HCM, wed10)).toBe(false);
    expect(inQuietHours({ ...q, enabled: false }, HCM, Date.UTC(2026, 10, 18, 14, 30))).toBe(false);
  });
  it('defers to 08:00 the next morning, or the same morning after midnight', () => {
    expect(afterQuietHours(q, HCM, Date.UTC(2026, 10, 18, 14, 30))).toBe(Date.UTC(2026, 10, 19, 1, 0));
    expect(afterQuietHours(q, HCM, Date.UTC(2026, 10, 18, 0, 30))).toBe(Date.UTC(2026, 10, 18, 1, 0));
    expect(afterQuietHours(q, HCM, wed10)).toBe(wed10);
  });
});

describe('never the same notification twice', () => {
  it('keys a check-in by its local day and remembers shown keys', () => {
    const key = checkInKey(Date.UTC(2026, 10, 20, 9, 0), HCM);
    expect(key).toBe('check-in:2026-11-20');
    const log = rememberNotified([], [key, key], 1000);
    expect(log).toEqual([{ key, at: 1000 }]);
    expect(wasNotified(log, key)).toBe(true);
    expect(rememberNotified(log, [key], 2000)).toEqual(log);
  });
  it('forgets old entries and reads damaged logs as empty', () => {
    const old = rememberNotified([], ['a'], 0);
    expect(rememberNotified(old, ['b'], 200 * 86_400_000).map((e) => e.key)).toEqual(['b']);
    expect(parseNotifiedLog({ nope: 1 })).toEqual([]);
  });
  it('notifies warnings and critical alerts not seen before, critical first', () => {
    const alerts = [
      { id: 'a1', severity: 'info' as const },
      { id: 'a2', severity: 'warning' as const },
      { id: 'a3', severity: 'critical' as const },
      { id: 'a4', severity: 'critical' as const },
    ];
    const log = rememberNotified([], ['alert:a4'], 0);
    expect(alertsToNotify(alerts, log).map((a) => a.id)).toEqual(['a3', 'a2']);
  });
  it('round-trips notification ids and their targets', () => {
    const goal = notificationId('alert:x|y', { kind: 'goal', goalId: 'g 1|2' });
    expect(parseNotificationId(goal)).toEqual({
      key: 'alert:x|y',
      target: { kind: 'goal', goalId: 'g 1|2' },
    });
    const ci = notificationId('check-in:2026-11-20', { kind: 'popup', view: 'check-in' });
    expect(parseNotificationId(ci)).toEqual({
      key: 'check-in:2026-11-20',
      target: { kind: 'popup', view: 'check-in' },
    });
    expect(parseNotificationId('someone-else')).toBeNull();
    expect(targetPath({ kind: 'goal', goalId: 'g 1' })).toBe('newtab.html#goal=g%201');
    expect(targetPath({ kind: 'popup', view: 'check-in' })).toBe('popup.html#check-in');
  });
});
