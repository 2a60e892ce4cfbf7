import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { daysLeft } from '../../../lib/engine/days-left';
import { milestoneStatus } from '../../../lib/engine/milestones';
import { addDays, localDayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Goal } from '../../../lib/schema';

/** The one days-left rule (lib/engine/days-left.ts, docs/figures.md): whole local days, today not counted. */
const ZONES = [
  'UTC',
  'Asia/Ho_Chi_Minh',
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Pacific/Kiritimati',
];
const HOUR = 3_600_000;

/** The deadline the goal form writes for local day `day`: the last millisecond of that day. */
const endOfLocalDay = (day: string, tz: string) => startOfLocalDay(addDays(day, 1), tz) - 1;

function goal(deadline: number): Goal {
  return {
    id: 'g1',
    title: 'Ship the catalogue',
    kind: 'milestone',
    goalType: 'milestone',
    frameworks: [],
    deadline,
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
  } as Goal;
}

describe('daysLeft', () => {
  it('a deadline 60 days out, made in the form at any hour, reads 60 days left in every zone', () => {
    for (const tz of ZONES) {
      for (const hour of [0.01, 5, 12, 23.99]) {
        const today = '2026-12-06';
        const now = startOfLocalDay(today, tz) + hour * HOUR;
        const deadline = endOfLocalDay(addDays(today, 60), tz);
        expect(daysLeft(deadline, now, tz), `${tz} ${hour}h`).toBe(60);
        const settings = defaultSettings({ locale: 'en', timeZone: tz });
        const view = buildGoalView(goal(deadline), undefined, undefined, [], {
          t: createTranslator('en'),
          settings,
          now,
        });
        expect(view.deadline, `${tz} ${hour}h`).toBe('Feb 4, 2027 · 60 days left');
      }
    }
  });

  it('tomorrow is 1 day left, today is due today, yesterday is past the deadline', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const now = startOfLocalDay('2026-12-06', tz) + 9 * HOUR;
    const view = (day: string, locale: 'en' | 'vi' = 'en') =>
      buildGoalView(goal(endOfLocalDay(day, tz)), undefined, undefined, [], {
        t: createTranslator(locale),
        settings: defaultSettings({ locale, timeZone: tz }),
        now,
      }).deadline;
    expect(view('2026-12-07')).toBe('Dec 7, 2026 · 1 day left');
    expect(view('2026-12-06')).toBe('Dec 6, 2026 · Due today');
    expect(view('2026-12-06', 'vi')).toMatch(/Hết hạn hôm nay$/);
    expect(view('2026-12-05')).toBe('Dec 5, 2026 · Past the deadline');
    expect(milestoneStatus({ deadline: endOfLocalDay('2026-12-05', tz) }, now, 7, null, tz).daysLeft).toBe(
      -1,
    );
  });

  it('across DST changes (New York, London, Sydney) a day is a day, whatever its length', () => {
    // 2027-03-14 is 23 hours long in New York; 2026-10-25 25 hours in London; 2027-04-04 in Sydney.
    const cases: Array<[string, string, string, number]> = [
      ['America/New_York', '2027-03-13', '2027-03-15', 2],
      ['America/New_York', '2026-11-01', '2026-11-02', 1],
      ['Europe/London', '2026-10-24', '2026-10-26', 2],
      ['Australia/Sydney', '2027-04-03', '2027-04-05', 2],
    ];
    for (const [tz, today, day, expected] of cases) {
      for (const hour of [0.5, 23.5]) {
        const now = startOfLocalDay(today, tz) + hour * HOUR;
        expect(daysLeft(endOfLocalDay(day, tz), now, tz), `${tz} ${today}→${day} ${hour}h`).toBe(expected);
        expect(daysLeft(startOfLocalDay(day, tz), now, tz), 'a start-of-day deadline counts the same').toBe(
          expected,
        );
      }
    }
  });

  it('property: equals the difference of local day numbers, for any zone, any hour, any deadline day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: -400, max: 800 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (tz, now, offset, within) => {
          const today = localDayKey(now, tz);
          const day = addDays(today, offset);
          const start = startOfLocalDay(day, tz);
          const deadline = start + Math.floor(within * (endOfLocalDay(day, tz) - start));
          expect(daysLeft(deadline, now, tz)).toBe(offset);
        },
      ),
      { numRuns: 300 },
    );
  });
});
