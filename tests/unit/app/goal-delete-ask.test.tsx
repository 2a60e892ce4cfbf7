// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { DeleteGoalButton } from '../../../components/newtab/goal-delete';
import { toast } from '../../../components/newtab/model';
import { deleteQuestion } from '../../../lib/app/goal-delete';
import { buildExampleData } from '../../../lib/example/example-data';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';
import { metric } from '../engine/fixtures';

/**
 * Every goal delete asks first (docs/data-safety.md). A milestone with no sub-goals — its what, when,
 * target, budget and owner, its check-ins — had gone to the trash in one click, a toast's Undo its only
 * trace; one its parent is paced through took a bend out of the parent's line without a word.
 */
const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));
const until = async (f: () => unknown) => {
  for (let i = 0; i < 100 && !f(); i++) await tick();
  return f();
};
const TZ = 'Asia/Ho_Chi_Minh';
const local = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;
const base = { frameworks: [], weight: 1, archived: false, deletedAt: null, createdAt: 1, updatedAt: 1 };
const revenue = metric({ id: 'rev', name: 'Revenue', unit: { kind: 'currency', currency: 'VND' } });
const bhag: Goal = {
  ...base,
  id: 'bhag',
  kind: 'bhag',
  goalType: 'level',
  rollingMonths: 12,
  metricId: 'rev',
  title: 'Reach 150 billion VND annual revenue by the end of 2028',
  target: 150e9,
  startAt: local(2026, 1, 1),
  deadline: local(2029, 1, 1) - 1,
};
const year2027: Goal = {
  ...base,
  id: 'y2027',
  kind: 'milestone',
  goalType: 'milestone',
  parentId: 'bhag',
  metricId: 'rev',
  title: '2027: 97 billion VND revenue',
  target: 97e9,
  startAt: local(2027, 1, 1),
  deadline: local(2028, 1, 1) - 1,
  owner: 'Nguyễn Thị Lan',
  budget: { amount: 4.5e9, currency: 'VND' },
};
const q4: Goal = {
  ...year2027,
  id: 'q4',
  title: 'Q4 2026: 13.3 billion VND revenue',
  target: 13.3e9,
  startAt: local(2026, 10, 1),
  deadline: local(2027, 1, 1) - 1,
};

beforeEach(async () => {
  const db = await getDb();
  await db.clear(STORES.goals);
  await db.clear(STORES.metrics);
  toast.value = null;
});
afterEach(() => render(null, document.body));

async function open(goal: Goal, locale: 'en' | 'vi' = 'en', more: Goal[] = []) {
  settings.value = defaultSettings({ locale, timeZone: TZ });
  const db = await getDb();
  await repository(db, 'metrics').put(revenue);
  await repository(db, 'goals').putMany([bhag, year2027, q4, ...more]);
  const deleted: string[][] = [];
  render(
    <DeleteGoalButton goalId={goal.id} testId="delete" onDeleted={(ids) => deleted.push(ids)} />,
    document.body,
  );
  (document.querySelector('[data-testid="delete"]') as HTMLButtonElement).click();
  const dialog = await until(() => document.querySelector('[data-testid="goal-delete-confirm"]'));
  return { dialog: dialog as HTMLElement, deleted };
}
const stored = async (id: string) =>
  (await repository(await getDb(), 'goals').list({ includeDeleted: true })).find((g) => g.id === id);

describe('deleting a milestone with no sub-goals', () => {
  it('asks first, naming it; Cancel deletes nothing', async () => {
    const { dialog, deleted } = await open(q4);
    expect(dialog.querySelector('h2')?.textContent).toBe('Delete “Q4 2026: 13.3 billion VND revenue”?');
    expect(dialog.textContent).toContain(
      'It goes to “Recently deleted” at the bottom of the new tab with everything it holds, check-ins included',
    );
    // A quarter sets no point of the BHAG's yearly line: nothing about its line.
    expect(dialog.textContent).not.toContain('paced through');
    const cancel = dialog.querySelector('[data-testid="goal-delete-cancel"]') as HTMLButtonElement;
    cancel.click();
    await until(() => !document.querySelector('[data-testid="goal-delete-confirm"]'));
    expect((await stored('q4'))?.deletedAt).toBeNull();
    expect(deleted).toEqual([]);
  });

  it('goes to the trash once confirmed; the toast names it, and Undo brings it back', async () => {
    const { dialog, deleted } = await open(q4);
    (dialog.querySelector('[data-testid="goal-delete-one"]') as HTMLButtonElement).click();
    await until(() => toast.value);
    expect(toast.value?.message).toBe('“Q4 2026: 13.3 billion VND revenue” deleted');
    expect((await stored('q4'))?.deletedAt).toBeGreaterThan(0);
    expect(deleted).toEqual([['q4']]);
    await toast.value?.undo?.();
    expect(await stored('q4')).toMatchObject({
      deletedAt: null,
      budget: year2027.budget,
      owner: 'Nguyễn Thị Lan',
    });
  });

  it('says that its parent’s line loses the point it sets (en, vi)', async () => {
    const en = await open(year2027);
    expect(en.dialog.querySelector('p')?.textContent).toContain(
      '“Reach 150 billion VND annual revenue by the end of 2028” is paced through it: without it, its line no longer passes ₫97B on Dec 31, 2027.',
    );
    render(null, document.body);
    const vi = await open(year2027, 'vi');
    expect(vi.dialog.querySelector('h2')?.textContent).toBe('Xóa “2027: 97 billion VND revenue”?');
    expect(vi.dialog.querySelector('p')?.textContent?.replace(/\s/g, ' ')).toContain(
      'lộ trình của mục tiêu đó sẽ không còn đi qua 97 tỷ ₫ vào 31/12/2027.',
    );
  });
});

describe('deleteQuestion on the example data', () => {
  it('finds the yearly milestones the BHAG is paced through, and no other', () => {
    const now = Date.UTC(2026, 11, 7, 7);
    const data = buildExampleData(now, TZ);
    const goals = data.goals;
    const paced = goals
      .filter((g) => g.kind === 'milestone')
      .filter((g) => deleteQuestion(goals, data.metrics, g.id, TZ)?.pacedPoint)
      .map((g) => g.id)
      .sort();
    expect(paced).toEqual(['ex-goal-year-2026', 'ex-goal-year-2027']);
    const q = deleteQuestion(goals, data.metrics, 'ex-goal-year-2027', TZ);
    expect(q?.pacedPoint?.value).toBe(97e9);
    expect(q?.subGoals.length).toBeGreaterThan(0);
    expect(deleteQuestion(goals, data.metrics, 'no-such-goal', TZ)).toBeNull();
  });
});

describe('deleting a milestone with one sub-goal, two under that', () => {
  // "2027: ₫97B" → its first half → two quarters: 3 milestones under it, 1 of them its own.
  const h1: Goal = { ...q4, id: 'h1', parentId: 'y2027', title: 'H1 2027', target: 40e9 };
  const q1: Goal = { ...q4, id: 'q1', parentId: 'h1', title: 'Q1 2027', target: 19e9 };
  const q2: Goal = { ...q4, id: 'q2', parentId: 'h1', title: 'Q2 2027', target: 21e9 };
  const tree = [h1, q1, q2];
  const text = (d: HTMLElement, id: string) => d.querySelector(`[data-testid="${id}"]`)?.textContent;
  const keep = (d: HTMLElement) => d.querySelector('small')?.textContent?.replace(/\s/g, ' ');

  it('says "it" of the one kept, and the button says what its count is (en)', async () => {
    const { dialog } = await open(year2027, 'en', tree);
    expect(dialog.querySelector('h2')?.textContent).toBe(
      'Delete “2027: 97 billion VND revenue” and its 3 milestones?',
    );
    // "Delete all 4" beside a question counting 3.
    expect(text(dialog, 'goal-delete-all')).toBe('Delete it and its 3 milestones');
    expect(keep(dialog)).toBe(
      'Its 1 milestone stays, moved up to “Reach 150 billion VND annual revenue by the end of 2028”. The 2 milestones under it stay under it.',
    );
  });

  it('… and "nó" in vi', async () => {
    const { dialog } = await open(year2027, 'vi', tree);
    expect(text(dialog, 'goal-delete-all')).toBe('Xóa mục tiêu này cùng 3 cột mốc');
    expect(keep(dialog)).toBe(
      '1 cột mốc bên dưới được giữ lại và chuyển lên “Reach 150 billion VND annual revenue by the end of 2028”. 2 cột mốc của nó vẫn nằm dưới nó.',
    );
  });

  it('says "them" under several kept, and the verb by how many are under them', async () => {
    // The BHAG: 2027 and Q4 2026 its own, H1 under 2027, then Q1 and Q2 under H1.
    const { dialog } = await open(bhag, 'en', tree);
    expect(text(dialog, 'goal-delete-all')).toBe('Delete it and its 5 milestones');
    expect(keep(dialog)).toBe(
      'Its 2 milestones stay, as goals of their own. The 3 milestones under them stay under them.',
    );
    render(null, document.body);
    await (await getDb()).clear(STORES.goals);
    const one = await open(bhag, 'en', [h1]);
    expect(keep(one.dialog)).toBe(
      'Its 2 milestones stay, as goals of their own. The 1 milestone under them stays under them.',
    );
    render(null, document.body);
    const vi = await open(bhag, 'vi', tree);
    expect(keep(vi.dialog)).toContain('3 cột mốc của chúng vẫn nằm dưới chúng.');
  });
});
