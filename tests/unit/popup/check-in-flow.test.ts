import { describe, expect, it } from 'vitest';
import {
  answer,
  back,
  checkInRecord,
  currentGoal,
  goalsForCheckIn,
  isFinished,
  ownersOf,
  skip,
  startCheckIn,
  summarize,
  toCheckIns,
} from '../../../lib/popup/check-in-flow';
import { CheckIn } from '../../../lib/schema';
import { goalView } from './fixtures';

const GOALS = [
  goalView('g1', { owner: 'Lan Nguyễn' }),
  goalView('g2', { owner: 'Minh' }),
  goalView('g3', { owner: 'lan nguyen' }),
  goalView('g4', { owner: 'Lan Nguyễn', status: 'done' }),
  goalView('g5'),
];
const notes = { plans: '', progress: '', problems: '' };

describe('who and which goals', () => {
  it('lists distinct owners once, sorted', () => {
    expect(ownersOf(GOALS)).toEqual(['Lan Nguyễn', 'Minh']);
  });
  it('keeps the owner’s open goals, matching names without accents or case', () => {
    expect(goalsForCheckIn(GOALS, 'Lan Nguyen').map((g) => g.id)).toEqual(['g1', 'g3']);
  });
  it('lists every open goal when the owner is not known', () => {
    expect(goalsForCheckIn(GOALS, '').map((g) => g.id)).toEqual(['g1', 'g2', 'g3', 'g5']);
  });
  it('leaves out goals whose window has not opened (a cascade’s future milestones)', () => {
    const later = [...GOALS, goalView('jan', { status: 'no_data', notStarted: true })];
    expect(goalsForCheckIn(later, '').map((g) => g.id)).toEqual(['g1', 'g2', 'g3', 'g5']);
  });
});

describe('the flow', () => {
  it('walks goal by goal, with skip and back, then summarises', () => {
    let s = startCheckIn(GOALS.slice(0, 3), 1000);
    expect(currentGoal(s)?.id).toBe('g1');
    s = answer(s, { confidence: 'at_risk', value: 5, ...notes, plans: ' call ' });
    s = skip(s);
    s = back(s);
    expect(currentGoal(s)?.id).toBe('g2');
    s = answer(s, { confidence: 'off_track', ...notes });
    s = answer(s, { confidence: 'at_risk', ...notes });
    expect(isFinished(s)).toBe(true);
    expect(summarize(s)).toEqual({
      answered: 3,
      skipped: 0,
      counts: { on_track: 0, at_risk: 2, off_track: 1 },
      items: [
        { goalId: 'g1', title: 'Goal g1', confidence: 'at_risk' },
        { goalId: 'g2', title: 'Goal g2', confidence: 'off_track' },
        { goalId: 'g3', title: 'Goal g3', confidence: 'at_risk' },
      ],
    });
  });

  it('writes valid CheckIn records for answered goals only, one per goal and local day', () => {
    let s = startCheckIn(GOALS.slice(0, 2), 1000);
    s = answer(s, { confidence: 'on_track', value: 7, plans: ' call ', progress: '', problems: 'x' });
    s = skip(s);
    const records = toCheckIns(s, 5000);
    expect(records).toEqual([
      {
        id: 'checkin-1970-01-01-g1',
        goalId: 'g1',
        time: 5000,
        confidence: 'on_track',
        value: 7,
        plans: 'call',
        problems: 'x',
        deletedAt: null,
      },
    ]);
    expect(CheckIn.safeParse(records[0]).success).toBe(true);
    expect(checkInRecord(s, 'g2', 5000)).toBeNull();
    // A second pass the same local day replaces the first answer; the next day keeps its own.
    const again = answer(startCheckIn(GOALS.slice(0, 1), 9000), {
      confidence: 'at_risk',
      plans: '',
      progress: '',
      problems: '',
    });
    expect(checkInRecord(again, 'g1', 9000)?.id).toBe(records[0]?.id);
    expect(checkInRecord(again, 'g1', 86_400_000 + 9000)?.id).toBe('checkin-1970-01-02-g1');
    // The user's day: 23:30 UTC on Jan 1 is already Jan 2 in Hanoi.
    expect(checkInRecord(again, 'g1', 84_600_000, 'Asia/Ho_Chi_Minh')?.id).toBe('checkin-1970-01-02-g1');
    expect(summarize(s)).toMatchObject({ answered: 1, skipped: 1 });
  });

  it('does nothing past the end and before the start', () => {
    let s = startCheckIn([], 0);
    expect(isFinished(s)).toBe(true);
    expect(skip(s)).toBe(s);
    s = startCheckIn(GOALS.slice(0, 1), 0);
    expect(back(s)).toBe(s);
  });
});
