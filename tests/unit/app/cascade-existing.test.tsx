// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { CascadeWizard } from '../../../components/newtab/editor/cascade-wizard';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';

// A goal that has milestones already: the wizard says so before it adds new ones beside them (a
// reviewer found "2026: 43.6 billion" and a new "2026 · Reach 150 billion…" side by side).
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const base = { frameworks: [], weight: 1, archived: false, deletedAt: null, createdAt: 1, updatedAt: 1 };
const bhag: Goal = {
  ...base,
  id: 'bhag',
  kind: 'bhag',
  title: 'Reach 150 billion VND annual revenue by 2029',
  target: 150e9,
  startAt: Date.UTC(2027, 0, 1),
  deadline: Date.UTC(2030, 0, 1) - 1,
};
const milestone = (id: string, title: string): Goal => ({
  ...base,
  id,
  kind: 'milestone',
  goalType: 'milestone',
  title,
  parentId: 'bhag',
});

beforeEach(async () => {
  await (await getDb()).clear(STORES.goals);
});
afterEach(() => render(null, document.body));

describe('the cascade wizard on a goal with milestones', () => {
  it.each([
    [
      'en',
      'This goal already has 2 milestones (“2027: 70 billion”, “2028: 110 billion”). New milestones are added beside them',
    ],
    [
      'vi',
      'Mục tiêu này đã có 2 cột mốc (“2027: 70 billion”, “2028: 110 billion”). Các cột mốc mới được thêm bên cạnh',
    ],
  ] as const)('says so before adding more (%s)', async (locale, text) => {
    settings.value = defaultSettings({ locale });
    const goals = repository(await getDb(), 'goals');
    await goals.putMany([bhag, milestone('m1', '2027: 70 billion'), milestone('m2', '2028: 110 billion')]);
    render(<CascadeWizard goalId="bhag" onClose={() => {}} />, document.body);
    let note: Element | null = null;
    for (let i = 0; i < 50 && !note; i++) {
      await tick(10);
      note = document.querySelector('[data-testid="cascade-existing"]');
    }
    expect(note?.textContent).toContain(text);
  });

  it('says nothing for a goal without milestones', async () => {
    settings.value = defaultSettings({ locale: 'en' });
    await repository(await getDb(), 'goals').put(bhag);
    render(<CascadeWizard goalId="bhag" onClose={() => {}} />, document.body);
    await tick(200);
    expect(document.querySelector('[data-testid="cascade-wizard"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="cascade-existing"]')).toBeNull();
  });
});
