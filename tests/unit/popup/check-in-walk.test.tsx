// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { CheckInWalk } from '../../../components/check-in/check-in-walk';
import { createTranslator } from '../../../lib/i18n/translate';
import { type CheckIn, defaultSettings } from '../../../lib/schema';
import { repository } from '../../../lib/storage/repository';
import { goalView, metric } from './fixtures';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const $ = <E extends Element = HTMLElement>(id: string) => document.querySelector<E>(`[data-testid="${id}"]`);

afterEach(() => render(null, document.body));

function fill(id: string, text: string) {
  const el = $<HTMLInputElement>(id)!;
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

// Issue 19, item 2: the walk the popup and the new tab share (one model, two surfaces).
describe('CheckInWalk', () => {
  async function mount(save: (r: CheckIn) => Promise<void>) {
    settings.value = defaultSettings({ locale: 'en' });
    // The goals' records: a value is asked of a goal that has a number (here, its own, from check-ins).
    const db = await getDb();
    for (const id of ['a', 'b'])
      await repository(db, 'goals').put({
        id,
        kind: 'kpi_target',
        title: `Goal ${id}`,
        frameworks: [],
        goalType: 'total',
        weight: 1,
        archived: false,
        deletedAt: null,
        createdAt: 1,
        updatedAt: 1,
      });
    render(
      <CheckInWalk
        goals={[goalView('a'), goalView('b')]}
        metrics={[metric('orders', 'Orders')]}
        t={createTranslator('en')}
        onClose={() => {}}
        save={save}
        mode="goal"
      />,
      document.body,
    );
    await tick();
  }

  it('ticks no status for the owner on a goal with no data, and asks for one', async () => {
    // "On track" ticked in advance had turned every empty goal green as the user clicked Next.
    const saved: CheckIn[] = [];
    settings.value = defaultSettings({ locale: 'en' });
    render(
      <CheckInWalk
        goals={[goalView('a', { status: 'no_data', statusLabel: 'No data yet', progress: null, value: '—' })]}
        metrics={[]}
        t={createTranslator('en')}
        onClose={() => {}}
        save={async (r) => void saved.push(r)}
        mode="goal"
      />,
      document.body,
    );
    await tick();
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[name="confidence"]')];
    expect(boxes.length).toBe(3);
    expect(boxes.some((b) => b.checked)).toBe(false);
    $('ci-next')!.click();
    await tick();
    expect($('ci-value-error')?.textContent).toBe('Choose how it is going, or skip this goal.');
    expect(saved).toEqual([]);
    $<HTMLInputElement>('confidence-at_risk')!.click();
    await tick(0);
    $('ci-next')!.click();
    await tick();
    expect(saved.map((r) => r.confidence)).toEqual(['at_risk']);
  });

  it('keeps the step and its answers when the save fails, and says why', async () => {
    await mount(() => Promise.reject(new Error('QuotaExceededError: the disk is full')));
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-problems', 'Two reps are out sick');
    await tick(0);
    $('ci-next')!.click();
    await tick();
    expect($('ci-save-error')?.textContent).toMatch(/Could not save: .*disk is full/);
    expect($<HTMLTextAreaElement>('ci-problems')!.value).toBe('Two reps are out sick');
    expect($('check-in-step')?.querySelector('h3')?.textContent).toBe('Goal a');
  });

  it('shows the answer given when the user goes back, and saves each answer once per goal', async () => {
    const saved: CheckIn[] = [];
    await mount(async (r) => void saved.push(r));
    $<HTMLInputElement>('confidence-at_risk')!.click();
    fill('ci-progress', 'Two new dealers');
    fill('ci-value', '4.5');
    await tick(0); // typed in separate events, as a user does: each one rendered before the next
    $('ci-next')!.click();
    await tick();
    expect($('check-in-step')?.querySelector('h3')?.textContent).toBe('Goal b');
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Back')!.click();
    await tick();
    expect($<HTMLTextAreaElement>('ci-progress')!.value).toBe('Two new dealers');
    expect($<HTMLInputElement>('ci-value')!.value).toBe('4.5');
    expect($<HTMLInputElement>('confidence-at_risk')!.checked).toBe(true);
    $('ci-next')!.click();
    await tick();
    expect(saved.map((r) => [r.goalId, r.value, r.confidence])).toEqual([
      ['a', 4.5, 'at_risk'],
      ['a', 4.5, 'at_risk'],
    ]);
    expect(saved[0]!.id).toBe(saved[1]!.id);
  });
});
