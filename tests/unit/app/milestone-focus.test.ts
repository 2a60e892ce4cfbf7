import { describe, expect, it } from 'vitest';
import type { MilestoneView } from '../../../lib/app/dashboard-types';
import { focusMilestones } from '../../../lib/app/milestone-focus';

type State = MilestoneView['state'];
// Deadlines a day apart, in timeline order.
const ms = (states: State[]) =>
  states.map(
    (state, i) =>
      ({ id: `m${i}`, state, whenMs: i * 86_400_000 }) as Pick<
        MilestoneView,
        'id' | 'state' | 'whenMs' | 'doneAt'
      >,
  );

describe('the milestones the timeline shows first', () => {
  it('keeps a short timeline whole', () => {
    const short = ms(['done', 'done', 'done', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(focusMilestones(short)).toEqual({ shown: short, hidden: 0 });
  });

  it('a cascade: every overdue and running one, the next 3 upcoming, the last 2 done, in timeline order', () => {
    // 10 done months, an overdue one, the running month / quarter / year, then 54 upcoming.
    const list = ms([
      ...Array<State>(10).fill('done'),
      'overdue',
      'in_progress',
      'due_soon',
      'in_progress',
      ...Array<State>(54).fill('upcoming'),
    ]);
    const { shown, hidden } = focusMilestones(list);
    expect(shown.map((m) => m.id)).toEqual(['m8', 'm9', 'm10', 'm11', 'm12', 'm13', 'm14', 'm15', 'm16']);
    expect(hidden).toBe(68 - 9);
  });

  it('never hides an overdue milestone, however many there are', () => {
    const list = ms([...Array<State>(12).fill('overdue'), ...Array<State>(20).fill('upcoming')]);
    const { shown } = focusMilestones(list);
    expect(shown.filter((m) => m.state === 'overdue')).toHaveLength(12);
    expect(shown).toHaveLength(15);
  });

  it('keeps one just ticked off in sight, though its deadline is older than other done ones', () => {
    const list = ms([...Array<State>(20).fill('done'), 'upcoming']);
    list[3] = { ...list[3]!, doneAt: 10_000 * 86_400_000 };
    expect(focusMilestones(list).shown.map((m) => m.id)).toEqual(['m3', 'm19', 'm20']);
  });

  it('shows all done ones when nothing else is left, but only the last two', () => {
    const list = ms(Array<State>(20).fill('done'));
    expect(focusMilestones(list).shown.map((m) => m.id)).toEqual(['m18', 'm19']);
  });
});
