// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { CheckInView } from '../../../components/popup/check-in-view';
import { metrics } from '../../../components/popup/popup-model';
import { createTranslator } from '../../../lib/i18n/translate';
import { checkInUnit } from '../../../lib/popup/check-in-value';
import { defaultSettings } from '../../../lib/schema';
import { repository } from '../../../lib/storage/repository';
import { goalView, metric, VND } from './fixtures';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

afterEach(() => render(null, document.body));

// Issue 15, finding 10: check-in values went through parseValue only — "1.200" became 1.2 with no
// question and "$1,500" was saved on a days KPI.
describe('weekly check-in values are checked like quick log', () => {
  it('reads the unit of the goal’s KPI, or a count for a goal without one', () => {
    const m = [metric('cycle', 'Cycle time', { unit: { kind: 'duration', per: 'days' } })];
    expect(checkInUnit({ metricId: 'cycle' }, m)).toEqual({ kind: 'duration', per: 'days' });
    expect(checkInUnit({}, m)).toEqual({ kind: 'count' });
  });

  async function step(goalMetric: string | undefined, unitMetrics = metrics.value) {
    settings.value = defaultSettings({ locale: 'en' });
    metrics.value = unitMetrics;
    const db = await getDb();
    await db.clear('checkIns');
    await repository(db, 'goals').put({
      id: 'g1',
      kind: 'kpi_target',
      title: 'Cycle time',
      frameworks: [],
      // Without a KPI, a total logged by hand: its number is the value of its latest check-in.
      ...(goalMetric ? { metricId: goalMetric } : { goalType: 'total' as const }),
      target: 5,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: 1,
      updatedAt: 1,
    });
    render(
      <CheckInView goals={[goalView('g1')]} t={createTranslator('en')} onClose={() => {}} />,
      document.body,
    );
    await tick();
    const input = document.querySelector<HTMLInputElement>('[data-testid="ci-value"]')!;
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick(0);
      // Nothing is chosen for the owner: they say how it is going.
      document.querySelector<HTMLInputElement>('[data-testid="confidence-on_track"]')!.click();
      await tick(0);
      document.querySelector<HTMLButtonElement>('[data-testid="ci-next"]')!.click();
      await tick();
    };
    return { db, type };
  }

  it('refuses money on a days KPI and saves nothing', async () => {
    const { db, type } = await step('cycle', [
      metric('cycle', 'Cycle time', { unit: { kind: 'duration', per: 'days' } }),
    ]);
    await type('$1,500');
    expect(document.querySelector('[data-testid="ci-value-error"]')?.textContent).toMatch(
      /USD|money|currency/i,
    );
    expect(await db.count('checkIns')).toBe(0);
  });

  it('asks about "1.200" on a goal without a KPI, and saves the chosen reading', async () => {
    const { db, type } = await step(undefined, []);
    await type('1.200');
    const confirm = document.querySelector('[data-testid="ci-confirm"]');
    expect(confirm).not.toBeNull();
    expect(await db.count('checkIns')).toBe(0);
    document.querySelector<HTMLButtonElement>('[data-testid="ci-confirm-1"]')!.click();
    await tick();
    const saved = (await db.getAll('checkIns')) as { value?: number }[];
    expect(saved.map((c) => c.value)).toEqual([1200]);
  });

  it('refuses the wrong currency on a VND KPI', async () => {
    const { db, type } = await step('rev', [metric('rev', 'Revenue', { unit: VND })]);
    await type('$1,500');
    expect(document.querySelector('[data-testid="ci-value-error"]')).not.toBeNull();
    expect(await db.count('checkIns')).toBe(0);
  });
});
