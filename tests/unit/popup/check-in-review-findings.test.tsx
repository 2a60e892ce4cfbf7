// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, settings } from '../../../components/app/session';
import { CheckInWalk } from '../../../components/check-in/check-in-walk';
import type { GoalView } from '../../../lib/app/goal-view';
import { createTranslator } from '../../../lib/i18n/translate';
import { checkInMeasure, checkInObservation } from '../../../lib/popup/check-in-value';
import { type CheckIn, defaultSettings, type Goal, type Metric, type Observation } from '../../../lib/schema';
import { readObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { goalView, metric } from './fixtures';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const $ = <E extends Element = HTMLElement>(id: string) => document.querySelector<E>(`[data-testid="${id}"]`);

afterEach(() => render(null, document.body));

function goal(id: string, over: Partial<Goal> = {}): Goal {
  return {
    id,
    kind: 'kpi_target',
    title: `Goal ${id}`,
    frameworks: [],
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  } as Goal;
}

const LEVEL = metric('nps', 'NPS', { aggregation: 'last' });
const SUMMED = metric('orders', 'Orders');

async function mount(
  records: Goal[],
  views: GoalView[],
  opts: { locale?: 'en' | 'vi'; metrics?: Metric[] } = {},
) {
  const locale = opts.locale ?? 'en';
  settings.value = defaultSettings({ locale });
  const db = await getDb();
  await db.clear('goals');
  for (const r of records) await repository(db, 'goals').put(r);
  const saved: CheckIn[] = [];
  const logged: Observation[] = [];
  render(
    <CheckInWalk
      goals={views}
      metrics={opts.metrics ?? [LEVEL, SUMMED]}
      t={createTranslator(locale)}
      onClose={() => {}}
      save={async (r) => void saved.push(r)}
      logValue={async (o) => void logged.push(o)}
      mode="goal"
    />,
    document.body,
  );
  await tick();
  return { saved, logged };
}

function fill(id: string, text: string) {
  const el = $<HTMLInputElement>(id)!;
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function next() {
  await tick(0);
  $('ci-next')!.click();
  await tick();
}

// A manager's review of the weekly check-in (Dec 2026): it looked unfinished.
describe('weekly check-in step', () => {
  it('asks no value of a milestone without a KPI, and shows no "— / —"', async () => {
    await mount(
      [goal('m', { kind: 'milestone', goalType: 'milestone' })],
      [
        goalView('m', {
          kind: 'milestone',
          status: 'off_track',
          statusLabel: 'Off track',
          value: '—',
          target: '—',
          reason: 'past its deadline of Nov 30, 2026',
        }),
      ],
    );
    expect($('check-in-step')).not.toBeNull();
    expect($('ci-value')).toBeNull();
    expect($('ci-status')!.textContent).not.toContain('—');
    expect($('ci-status')!.textContent).toContain('past its deadline of Nov 30, 2026');
  });

  it('ticks no confidence from the goal’s status: shows it as Pacer’s reading and refuses to save none', async () => {
    const { saved } = await mount(
      [goal('k', { metricId: 'nps' })],
      [goalView('k', { status: 'off_track', statusLabel: 'Off track' })],
    );
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[name="confidence"]')];
    expect(boxes.some((b) => b.checked)).toBe(false);
    expect($('ci-suggestion')!.textContent).toContain('Pacer’s reading from the figures: Off track');
    await next();
    expect($('ci-value-error')!.textContent).toBe('Choose how it is going, or skip this goal.');
    expect(saved).toEqual([]);
  });

  it('asks progress, plans, problems in that order (PPP), as the goal’s history shows them', async () => {
    await mount([goal('k', { metricId: 'nps' })], [goalView('k')]);
    const order = [...document.querySelectorAll('textarea')].map((x) => x.dataset.testid);
    expect(order).toEqual(['ci-progress', 'ci-plans', 'ci-problems']);
  });

  it('logs the value to a level KPI by default, in the goal’s slice, and not when unticked', async () => {
    const { saved, logged } = await mount(
      [goal('k', { metricId: 'nps', dims: { channel: 'web' } }), goal('l', { metricId: 'nps' })],
      [goalView('k'), goalView('l')],
      { metrics: [{ ...LEVEL, dimensions: ['channel'] }, SUMMED] },
    );
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-value', '1,234');
    await tick(0);
    expect($<HTMLInputElement>('ci-log-box')!.checked).toBe(true);
    expect($('ci-log')!.textContent).toBe('Also log 1,234 to NPS');
    await next();
    expect(saved.map((r) => r.value)).toEqual([1234]);
    expect(logged).toEqual([
      {
        id: `${saved[0]!.id}-value`,
        metricId: 'nps',
        time: saved[0]!.time,
        value: 1234,
        dims: { channel: 'web' },
        source: 'manual',
        note: 'Weekly check-in',
      },
    ]);
    // The second goal: unticked, the value stays with the check-in only.
    $<HTMLInputElement>('confidence-at_risk')!.click();
    fill('ci-value', '50');
    await tick(0);
    $<HTMLInputElement>('ci-log-box')!.click();
    await next();
    expect(saved.map((r) => r.value)).toEqual([1234, 50]);
    expect(logged.length).toBe(1);
  });

  it('says the check-in is saved when only the KPI log fails, and keeps the step', async () => {
    settings.value = defaultSettings({ locale: 'en' });
    const db = await getDb();
    await db.clear('goals');
    await repository(db, 'goals').put(goal('k', { metricId: 'nps' }));
    const saved: CheckIn[] = [];
    render(
      <CheckInWalk
        goals={[goalView('k')]}
        metrics={[LEVEL]}
        t={createTranslator('en')}
        onClose={() => {}}
        save={async (r) => void saved.push(r)}
        logValue={() => Promise.reject(new Error('disk full'))}
        mode="goal"
      />,
      document.body,
    );
    await tick();
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-value', '7');
    await next();
    expect(saved.map((r) => r.value)).toEqual([7]);
    expect($('ci-save-error')!.textContent).toBe(
      'The check-in is saved, but the value could not be logged to NPS (disk full). Next tries again; untick the box to keep it with the check-in only.',
    );
    expect($<HTMLInputElement>('ci-value')!.value).toBe('7');
  });

  it('says plainly that a value kept with the check-in does not change a summed KPI’s card', async () => {
    const { logged } = await mount([goal('k', { metricId: 'orders' })], [goalView('k')], { locale: 'vi' });
    expect($('ci-log')).toBeNull();
    expect($('ci-value-hint')!.textContent).toContain('không thay đổi thẻ');
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-value', '12');
    await next();
    expect(logged).toEqual([]);
  });

  it('says a computed KPI’s value does not change the card, and offers no log', async () => {
    await mount([goal('k', { metricId: 'cpl' })], [goalView('k')], {
      metrics: [metric('cpl', 'Cost per lead', { aggregation: 'last', formula: '{a} / {b}' })],
    });
    expect($('ci-log')).toBeNull();
    expect($('ci-value-hint')!.textContent).toBe(
      'Kept with this check-in only: Cost per lead is worked out from other KPIs, so this number does not change the card. Log the KPIs it is made of with Quick log.',
    );
  });

  it('tells a goal measured by its check-ins that the value is its number', async () => {
    await mount([goal('k', { goalType: 'total', target: 10 })], [goalView('k')]);
    expect($('ci-value')).not.toBeNull();
    expect($('ci-value-hint')!.textContent).toBe(
      'This is the goal’s own number: its card reads the latest value given in a check-in.',
    );
  });

  it('says what the count counts, in both languages', async () => {
    await mount(
      [goal('a', { metricId: 'nps' }), goal('b', { metricId: 'nps' })],
      [goalView('a'), goalView('b')],
    );
    expect($('ci-count')!.textContent).toBe('Goal 1 of 2 to review (open goals and milestones)');
    render(null, document.body);
    await mount(
      [goal('a', { metricId: 'nps' }), goal('b', { metricId: 'nps' })],
      [goalView('a'), goalView('b')],
      {
        locale: 'vi',
      },
    );
    expect($('ci-count')!.textContent).toBe('Mục tiêu 1/2 cần cập nhật (mục tiêu đang mở và cột mốc)');
  });
});

describe('logging a check-in value to its KPI through storage', () => {
  it('writes one value, and answering again the same day replaces it', async () => {
    settings.value = defaultSettings({ locale: 'en' });
    const db = await getDb();
    await db.clear('goals');
    await repository(db, 'metrics').put(LEVEL);
    await repository(db, 'goals').put(goal('k', { metricId: 'nps' }));
    const saved: CheckIn[] = [];
    render(
      <CheckInWalk
        goals={[goalView('k')]}
        t={createTranslator('en')}
        onClose={() => {}}
        save={async (r) => void saved.push(r)}
        mode="goal"
      />,
      document.body,
    );
    await tick();
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-value', '42');
    await next();
    expect($('check-in-summary')).not.toBeNull();
    const read = () => readObservations(db, 'nps', { from: 0, to: Date.now() + 86_400_000 });
    expect((await read()).map((o) => [o.value, o.note])).toEqual([[42, 'Weekly check-in']]);
    // The same goal answered again the same day (a second pass): one value, the new one.
    render(null, document.body);
    render(
      <CheckInWalk
        goals={[goalView('k')]}
        t={createTranslator('en')}
        onClose={() => {}}
        save={async (r) => void saved.push(r)}
        mode="goal"
      />,
      document.body,
    );
    await tick();
    $<HTMLInputElement>('confidence-on_track')!.click();
    fill('ci-value', '43');
    await next();
    expect((await read()).map((o) => o.value)).toEqual([43]);
  });
});

describe('checkInMeasure', () => {
  it('asks nothing of objectives and milestones without a KPI, the own number of a hand-logged goal', () => {
    const ms = [LEVEL, SUMMED, metric('cpl', 'CPL', { aggregation: 'last', formula: '{a} / {b}' })];
    expect(checkInMeasure(goal('m', { kind: 'milestone' }), ms)).toEqual({ kind: 'none' });
    expect(checkInMeasure(goal('o', { kind: 'objective' }), ms)).toEqual({ kind: 'none' });
    expect(checkInMeasure(goal('x'), ms)).toEqual({ kind: 'none' });
    expect(checkInMeasure(goal('t', { goalType: 'total' }), ms)).toEqual({ kind: 'own' });
    expect(checkInMeasure(goal('gone', { metricId: 'deleted' }), ms)).toEqual({ kind: 'own' });
    expect(checkInMeasure(goal('l', { metricId: 'nps' }), ms)).toMatchObject({ kind: 'kpi', loggable: true });
    expect(checkInMeasure(goal('s', { metricId: 'orders' }), ms)).toMatchObject({
      kind: 'kpi',
      loggable: false,
      why: 'sum',
    });
    expect(checkInMeasure(goal('f', { metricId: 'cpl' }), ms)).toMatchObject({
      kind: 'kpi',
      loggable: false,
      why: 'formula',
    });
    expect(
      checkInMeasure(goal('mk', { kind: 'milestone', goalType: 'milestone', metricId: 'nps' }), ms),
    ).toMatchObject({ kind: 'kpi', loggable: true });
  });

  it('logs only the dimensions the KPI has', () => {
    const o = checkInObservation(
      goal('k', { dims: { channel: 'web', segment: 'smb' } }),
      { id: 'nps', dimensions: ['channel'] },
      { id: 'checkin-2026-12-08-k', time: 5, value: 7 },
      'Cập nhật hằng tuần',
    );
    expect(o).toMatchObject({
      id: 'checkin-2026-12-08-k-value',
      dims: { channel: 'web' },
      value: 7,
      time: 5,
    });
  });
});
