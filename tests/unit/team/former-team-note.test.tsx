// @vitest-environment happy-dom
// The note under a goal of a team left offers "Count only my values" on the goal the team shared, not
// on its sub-goals: they count as that goal does, and turn personal with it (one click, one Undo).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FormerTeamNote } from '../../../components/newtab/former-team-note';
import { data } from '../../../components/newtab/model';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import { FORMER_TEAMS_KEY } from '../../../lib/team/former-teams';

afterEach(() => {
  render(null, document.body);
  data.value = null;
  fakeBrowser.reset();
});

const view = (id: string, parentId?: string) => ({ id, kind: 'kpi_target', pinned: false, parentId });

describe('former team note', () => {
  it('has the button on the shared goal only; a goal of no team left has no note', async () => {
    await fakeBrowser.storage.local.set({
      [FORMER_TEAMS_KEY]: [
        {
          serverUrl: 'http://127.0.0.1:5984',
          team: 'sales',
          user: 'an',
          leftAt: Date.parse('2026-12-08T10:00:00Z'),
          goalIds: ['team-calls', 'team-calls-q1'],
        },
      ],
    });
    data.value = {
      goals: [view('team-calls'), view('team-calls-q1', 'team-calls'), view('mine')],
    } as unknown as DashboardData;
    await act(async () => {
      render(
        <main>
          {['team-calls', 'team-calls-q1', 'mine'].map((id) => (
            <section key={id} data-goal={id}>
              <FormerTeamNote goalId={id} />
            </section>
          ))}
        </main>,
        document.body,
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const inGoal = (id: string, testId: string) =>
      document.querySelectorAll(`[data-goal="${id}"] [data-testid="${testId}"]`).length;
    expect([inGoal('team-calls', 'former-team-note'), inGoal('team-calls', 'former-team-personal')]).toEqual([
      1, 1,
    ]);
    expect(document.querySelector('[data-testid="former-team-personal"]')?.textContent).toBe(
      'Count only my values',
    );
    expect([
      inGoal('team-calls-q1', 'former-team-note'),
      inGoal('team-calls-q1', 'former-team-personal'),
    ]).toEqual([1, 0]);
    expect(inGoal('mine', 'former-team-note')).toBe(0);
  });
});
