/**
 * Which goal the deal badges' share of the gap is measured against (lib/overlay/revenue-goal.ts): the
 * KPI's own "won CRM deals add to this KPI" (Metric.wonDeals), a goal for the whole business before a
 * segment goal, and the user's pick for a site with its fall-back when the pick is no longer eligible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftDealFields,
  draftToCandidate,
  metricToDraft,
} from '../../../components/newtab/editor/metric-draft';
import { createOverlayContextProvider } from '../../../lib/background/crm-context';
import { parseMessage } from '../../../lib/messages/protocol';
import {
  chooseRevenueGoal,
  dealFedKpi,
  inferredDealFed,
  pickRevenueGoal,
  revenueGoalOptions,
} from '../../../lib/overlay/revenue-goal';
import { parsePanels } from '../../../lib/overlay/stored';
import { defaultSettings, type Goal, Metric } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { DAY, lead, NOW } from './leads-fixture';

const VND = { kind: 'currency', currency: 'VND' } as const;

const metric = (id: string, name: string, over: Partial<Metric> = {}): Metric => ({
  id,
  name,
  unit: VND,
  direction: 'up',
  aggregation: 'sum',
  dimensions: ['segment'],
  source: 'manual',
  archived: false,
  deletedAt: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const goal = (id: string, metricId: string, over: Partial<Goal> = {}): Goal => ({
  id,
  kind: 'kpi_target',
  title: id,
  frameworks: [],
  metricId,
  goalType: 'total',
  measure: 'cumulative',
  baseline: 0,
  target: 1000,
  startAt: NOW - 40 * DAY,
  deadline: NOW + 50 * DAY,
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('won CRM deals add to this KPI (Metric.wonDeals)', () => {
  it('a KPI named otherwise counts once the user says so; an explicit no switches off even "Revenue"', () => {
    const online = metric('online', 'Online revenue');
    expect(dealFedKpi(online)).toBe(false);
    expect(dealFedKpi({ ...online, wonDeals: true })).toBe(true);
    expect(dealFedKpi(metric('agency', 'Doanh thu kênh đại lý', { wonDeals: true }))).toBe(true);
    expect(dealFedKpi(metric('rev', 'Revenue'))).toBe(true);
    expect(dealFedKpi(metric('rev', 'Revenue', { wonDeals: false }))).toBe(false);
    expect(dealFedKpi(metric('rev', 'Revenue', { templateId: 'revenue', wonDeals: false }))).toBe(false);
  });

  it('the setting never makes a KPI of the wrong shape count (a deal adds money, summed, upwards)', () => {
    const yes = { wonDeals: true };
    expect(dealFedKpi(metric('n', 'Orders', { ...yes, unit: { kind: 'count' } }))).toBe(false);
    expect(dealFedKpi(metric('c', 'Cost', { ...yes, direction: 'down' }))).toBe(false);
    expect(dealFedKpi(metric('a', 'AOV', { ...yes, aggregation: 'average' }))).toBe(false);
    expect(dealFedKpi(metric('f', 'Derived', { ...yes, formula: '{a} - {b}' }))).toBe(false);
  });

  it('gives a goal on "Online revenue" a gap only with the setting on', () => {
    const goals = [goal('g', 'online', { target: 5000 })];
    expect(pickRevenueGoal(goals, [metric('online', 'Online revenue')], new Map(), NOW)).toBeNull();
    expect(
      pickRevenueGoal(goals, [metric('online', 'Online revenue', { wonDeals: true })], new Map(), NOW),
    ).toMatchObject({ goalId: 'g', gap: 5000 });
  });

  it('parses a metric record stored before the setting existed, and refuses a wrong value by its path', () => {
    const old = {
      id: 'ex-revenue',
      name: 'Revenue',
      unit: VND,
      direction: 'up',
      aggregation: 'sum',
      dimensions: ['segment', 'channel'],
      source: 'example',
      templateId: 'revenue',
      archived: false,
      deletedAt: null,
      createdAt: 1,
      updatedAt: 2,
    };
    const parsed = Metric.parse(old);
    expect(parsed).toEqual(old);
    expect(parsed.wonDeals).toBeUndefined();
    expect(dealFedKpi(parsed)).toBe(true);
    expect(Metric.parse({ ...old, wonDeals: false }).wonDeals).toBe(false);
    const bad = Metric.safeParse({ ...old, wonDeals: 'yes' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['wonDeals']);
  });

  it('reads an old record from the database unchanged, and keeps the setting through a save', async () => {
    const db = await openPacerDb(`deal-goal-${Math.random()}`);
    const repo = repository(db, 'metrics');
    await repo.put(metric('old', 'Revenue'));
    await repo.put(metric('online', 'Online revenue', { wonDeals: true }));
    const byId = new Map((await repo.list()).map((m) => [m.id, m]));
    expect('wonDeals' in byId.get('old')!).toBe(false);
    expect(byId.get('online')?.wonDeals).toBe(true);
    db.close();
  });
});

describe('the goal the badges measure against', () => {
  const rev = metric('rev', 'Revenue');

  it('prefers a goal for the whole business to a segment goal the rule would otherwise choose', () => {
    // The distributor goal is pinned and due sooner: before segments counted, it was chosen.
    const goals = [
      goal('distributor', 'rev', {
        dims: { segment: 'distributor' },
        pinned: true,
        deadline: NOW + 10 * DAY,
      }),
      goal('all', 'rev', { deadline: NOW + 60 * DAY, target: 4000 }),
    ];
    const options = revenueGoalOptions(goals, [rev], new Map(), NOW);
    expect(options.map((o) => [o.goalId, o.segment])).toEqual([
      ['all', undefined],
      ['distributor', { segment: 'distributor' }],
    ]);
    // Only a segment goal: it is measured against, and carries its segment for the panel to name.
    expect(pickRevenueGoal([goals[0]!], [rev], new Map(), NOW)).toMatchObject({
      goalId: 'distributor',
      segment: { segment: 'distributor' },
    });
  });

  it("uses the site's pick while it is eligible, and falls back to the rule (saying so) when not", () => {
    const goals = [
      goal('a', 'rev', { target: 4000 }),
      goal('b', 'rev', { target: 1000, deadline: NOW + 80 * DAY }),
    ];
    const options = revenueGoalOptions(goals, [rev], new Map(), NOW);
    expect(chooseRevenueGoal(options)).toMatchObject({ how: 'rule', gap: { goalId: 'a' } });
    expect(chooseRevenueGoal(options, 'b')).toMatchObject({ how: 'picked', gap: { goalId: 'b', gap: 1000 } });
    const done = revenueGoalOptions([goals[0]!, { ...goals[1]!, doneAt: NOW }], [rev], new Map(), NOW);
    expect(chooseRevenueGoal(done, 'b')).toMatchObject({ how: 'fallback', gap: { goalId: 'a' } });
    expect(chooseRevenueGoal([], 'b')).toEqual({ how: 'fallback', gap: null });
  });

  it('always measures against an eligible goal, whatever the goals and the pick (property)', () => {
    const metrics = [
      rev,
      metric('online', 'Online revenue', { wonDeals: true }),
      metric('off', 'Revenue', { wonDeals: false }),
      metric('profit', 'Net profit'),
      metric('leads', 'Leads', { unit: { kind: 'count' } }),
    ];
    const arbGoal = fc.record({
      metricId: fc.constantFrom('rev', 'online', 'off', 'profit', 'leads', 'gone'),
      kind: fc.constantFrom('kpi_target', 'key_result', 'bhag', 'milestone', 'objective'),
      segment: fc.option(fc.constantFrom('distributor', 'retail'), { nil: undefined }),
      pinned: fc.boolean(),
      done: fc.boolean(),
      deleted: fc.boolean(),
      deadlineDays: fc.option(fc.integer({ min: -30, max: 400 }), { nil: undefined }),
      target: fc.option(fc.integer({ min: -1000, max: 10_000 }), { nil: undefined }),
      current: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbGoal, { maxLength: 8 }), fc.nat(9), (specs, pickIndex) => {
        const goals = specs.map((s, i) =>
          goal(`g${i}`, s.metricId, {
            kind: s.kind as Goal['kind'],
            ...(s.segment ? { dims: { segment: s.segment } } : {}),
            pinned: s.pinned,
            doneAt: s.done ? NOW - DAY : null,
            deletedAt: s.deleted ? NOW - DAY : null,
            deadline: s.deadlineDays === undefined ? undefined : NOW + s.deadlineDays * DAY,
            target: s.target,
          }),
        );
        const numbers = new Map(
          specs.map((s, i) => [`g${i}`, { current: s.current ?? null, target: s.target ?? null }]),
        );
        const options = revenueGoalOptions(goals, metrics, numbers, NOW);
        const { gap, how } = chooseRevenueGoal(options, `g${pickIndex}`);
        if (!gap) {
          expect(options).toEqual([]);
          return;
        }
        const chosen = goals.find((g) => g.id === gap.goalId)!;
        const spec = specs[Number(gap.goalId.slice(1))]!;
        expect(chosen.doneAt).toBeNull();
        expect(chosen.deletedAt).toBeNull();
        expect(chosen.kind).not.toBe('milestone');
        expect(chosen.deadline === undefined || chosen.deadline >= NOW).toBe(true);
        expect(['rev', 'online']).toContain(chosen.metricId);
        expect(gap.gap).toBe((spec.target ?? 0) - (spec.current ?? 0));
        expect(gap.gap).toBeGreaterThan(0);
        // A pick is honoured exactly when it is eligible.
        expect(how === 'picked').toBe(options.some((o) => o.goalId === `g${pickIndex}`));
        // The rule never chooses a BHAG while another goal is eligible, and among the rest never a
        // segment goal while a goal for the whole business is.
        if (how !== 'picked') {
          const isBhag = (id: string) => goals.find((g) => g.id === id)?.kind === 'bhag';
          if (options.some((o) => !isBhag(o.goalId))) expect(chosen.kind).not.toBe('bhag');
          const peers = options.filter((o) => isBhag(o.goalId) === (chosen.kind === 'bhag'));
          if (peers.some((o) => !o.segment)) expect(gap.segment).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the site pick through the background', () => {
  it('answers the share of the picked goal, names it and its segment, and falls back when it is gone', async () => {
    const db = await openPacerDb(`deal-goal-${Math.random()}`);
    await saveSettings(db, defaultSettings({ currency: 'VND', timeZone: 'UTC' }));
    await repository(db, 'leads').put(
      lead('a', { amount: 800, currency: 'VND', history: [['Contract sent', 2]] }),
    );
    await repository(db, 'metrics').put(metric('online', 'Online revenue', { wonDeals: true }));
    await repository(db, 'goals').putMany([
      goal('g-all', 'online', { title: 'Online revenue this quarter', target: 4000 }),
      goal('g-dist', 'online', {
        title: 'Distributor revenue',
        translations: { vi: 'Doanh thu nhà phân phối' },
        dims: { segment: 'distributor' },
        target: 1600,
      }),
    ]);
    const provider = createOverlayContextProvider(
      async () => db,
      () => NOW,
    );
    const ids = ['hubspot:deal:a'];
    const rule = await provider.overlayContext(ids);
    expect(rule.leads[0]?.gapShare).toBe(0.2); // 800 ÷ 4,000
    expect(rule.measured).toEqual({ goalId: 'g-all', title: 'Online revenue this quarter', how: 'rule' });
    expect(rule.options?.map((o) => o.goalId)).toEqual(['g-all', 'g-dist']);

    const picked = await provider.overlayContext(ids, 'g-dist');
    expect(picked.leads[0]?.gapShare).toBe(0.5); // 800 ÷ 1,600
    expect(picked.measured).toEqual({
      goalId: 'g-dist',
      title: 'Distributor revenue',
      segment: 'segment: Distributor',
      how: 'picked',
    });
    expect(picked.goal?.id).toBe('g-dist');
    expect(picked.version).not.toBe(rule.version);

    const unknown = await provider.overlayContext(ids, 'g-nope');
    expect(unknown.measured?.how).toBe('fallback');
    expect(unknown.leads[0]?.gapShare).toBe(0.2);

    await saveSettings(db, { ...defaultSettings({ currency: 'VND', timeZone: 'UTC' }), locale: 'vi' });
    provider.invalidate({ stores: ['settings'] });
    const vi = await provider.overlayContext(ids, 'g-dist');
    expect(vi.measured).toMatchObject({
      title: 'Doanh thu nhà phân phối',
      segment: 'phân khúc: Nhà phân phối',
    });
    db.close();
  });

  it('keeps the pick with the site panel state; a damaged pick is dropped alone', () => {
    expect(parsePanels({ 'https://a.example': { x: 1, y: 2, collapsed: false, goalId: 'g-dist' } })).toEqual({
      'https://a.example': { x: 1, y: 2, collapsed: false, goalId: 'g-dist' },
    });
    expect(parsePanels({ 'https://a.example': { x: 1, y: 2, collapsed: false, goalId: 42 } })).toEqual({
      'https://a.example': { x: 1, y: 2, collapsed: false },
    });
  });

  it('parses the pick in the badge messages and refuses a malformed one', () => {
    const ok = parseMessage({ type: 'overlay/context', leadIds: [], goalId: 'g-dist' });
    expect(ok.ok && ok.message).toEqual({ type: 'overlay/context', leadIds: [], goalId: 'g-dist' });
    const bad = parseMessage({ type: 'overlay/context', leadIds: [], goalId: 'x'.repeat(201) });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('goalId');
  });
});

describe('the KPI form draft', () => {
  const base = metric('online', 'Online revenue');
  it('stores the setting only once the user sets it, so an untouched KPI keeps the inference', () => {
    const draft = metricToDraft(base, 'en', 'VND');
    expect(draft.wonDeals).toBeUndefined();
    const untouched = Metric.parse(
      draftToCandidate(draft, { existing: base, id: 'online', now: 5, locale: 'en' }),
    );
    expect('wonDeals' in untouched).toBe(false);
    const ticked = Metric.parse(
      draftToCandidate({ ...draft, wonDeals: true }, { existing: base, id: 'online', now: 5, locale: 'en' }),
    );
    expect(ticked.wonDeals).toBe(true);
    expect(dealFedKpi(ticked)).toBe(true);
    // Unticked on a KPI called Revenue: stored as an explicit no, and the KPI no longer feeds the badges.
    const revenue = metric('rev', 'Revenue');
    const off = Metric.parse(
      draftToCandidate(
        { ...metricToDraft(revenue, 'en', 'VND'), wonDeals: false },
        { existing: revenue, id: 'rev', now: 5, locale: 'en' },
      ),
    );
    expect(off.wonDeals).toBe(false);
    expect(dealFedKpi(off)).toBe(false);
    expect(metricToDraft(off, 'en', 'VND').wonDeals).toBe(false);
  });

  it('shows the inference for an unset KPI from the name as typed', () => {
    const draft = { ...metricToDraft(base, 'en', 'VND'), name: 'Doanh thu' };
    expect(inferredDealFed(draftDealFields(draft, { existing: base, id: 'online', locale: 'en' }))).toBe(
      true,
    );
    expect(
      inferredDealFed(draftDealFields(metricToDraft(base, 'en', 'VND'), { id: 'online', locale: 'en' })),
    ).toBe(false);
  });
});
