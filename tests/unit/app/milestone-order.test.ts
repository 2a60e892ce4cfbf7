import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../../lib/app/dashboard-data';
import { defaultSettings } from '../../../lib/schema';
import { goal } from '../engine/fixtures';

describe('the milestone timeline on one day', () => {
  it('lists the longer period first: the year, its quarter, its month, whatever the stored order', () => {
    const end = Date.UTC(2027, 0, 1) - 1;
    const ms = (id: string, start: number) =>
      goal({ id, kind: 'milestone', goalType: 'milestone', title: id, startAt: start, deadline: end });
    const data = buildDashboard(
      {
        goals: [
          ms('dec', Date.UTC(2026, 11, 1)),
          ms('year', Date.UTC(2026, 0, 1)),
          ms('q4', Date.UTC(2026, 9, 1)),
        ],
        metrics: [],
        checkIns: [],
        rollups: [],
      },
      defaultSettings({ timeZone: 'UTC' }),
      Date.UTC(2026, 11, 7),
    );
    expect(data.milestones.map((m) => m.id)).toEqual(['year', 'q4', 'dec']);
  });
});
