// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { OkrSetForm } from '../../../components/newtab/editor/okr-set-form';
import { toast } from '../../../components/newtab/model';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';

// The toast's Undo of a creation, as the OKR-set template wires it, against the page's database
// (fake IndexedDB). The cascade and the KPI templates go through the same undoCreation
// (tests/unit/storage/creation.test.ts).
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const goals = async () => repository(await getDb(), 'goals');
const stored = async () =>
  Object.fromEntries(
    (await (await goals()).list({ includeDeleted: true })).map((g) => [g.id, [g.parentId, g.deletedAt]]),
  );
const mine: Goal = {
  id: 'mine',
  kind: 'objective',
  title: 'Mine, in the trash',
  frameworks: [],
  weight: 1,
  archived: false,
  deletedAt: 9,
  createdAt: 1,
  updatedAt: 1,
};

beforeEach(async () => {
  settings.value = defaultSettings({ locale: 'en' });
  await (await getDb()).clear(STORES.goals);
});
afterEach(() => render(null, document.body));

describe('Undo of an OKR set just created', () => {
  it('removes the set for good: nothing in Recently deleted, nothing else touched', async () => {
    await (await goals()).put(mine);
    render(<OkrSetForm onClose={() => {}} onBack={() => {}} />, document.body);
    await tick();
    document.querySelector<HTMLButtonElement>('[data-testid="okr-set-save"]')!.click();
    for (let i = 0; i < 50 && !toast.value; i++) await tick(10);
    expect(toast.value?.message).toMatch(/^OKRs “.+” created$/);
    expect(Object.keys(await stored())).toHaveLength(5);
    await toast.value!.undo!();
    // Before, the objective and its three key results went to the trash, listed in Recently deleted.
    expect(await stored()).toEqual({ mine: [undefined, 9] });
  });
});
