// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { settings } from '../../../components/app/session';
import { data } from '../../../components/newtab/model';
import { ShareDialog, sharing } from '../../../components/newtab/share-dialog';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import type { GoalView } from '../../../lib/app/goal-view';
import { defaultSettings } from '../../../lib/schema';

const tick = () => new Promise((r) => setTimeout(r, 0));
afterEach(() => {
  sharing.value = false;
  render(null, document.body);
});

const view = (id: string, kind: GoalView['kind'], pinned = false): GoalView => ({
  id,
  title: `Goal ${id}`,
  kind,
  kindLabel: kind,
  status: 'off_track',
  statusLabel: 'Off track',
  progress: null,
  progressText: '',
  value: '',
  target: '',
  spark: [],
  ...(pinned ? { pinned } : {}),
});

it('the Share / embed checklist reads as the dashboard: Pinned, Goals, then Milestones by deadline', async () => {
  settings.value = defaultSettings({ locale: 'en' });
  data.value = {
    goals: [
      view('m2', 'milestone'),
      view('k1', 'kpi_target'),
      view('b', 'bhag', true),
      view('m1', 'milestone'),
    ],
    milestones: [{ id: 'm1' }, { id: 'm2' }],
    scorecard: [],
  } as unknown as DashboardData;
  sharing.value = true;
  render(<ShareDialog />, document.body);
  await tick();
  const boxes = [...document.querySelectorAll('input[data-goal-id]')].map((b) =>
    b.getAttribute('data-goal-id'),
  );
  // Before: the grid's status order, a milestone first and one last ("m2, k1, b, m1").
  expect(boxes).toEqual(['b', 'k1', 'm1', 'm2']);
  expect([...document.querySelectorAll('.pc-share-group-title')].map((h) => h.textContent)).toEqual([
    'Pinned goals',
    'Goals',
    'Milestones',
  ]);
});
