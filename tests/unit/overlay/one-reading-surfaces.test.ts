import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard, evaluateDashboard, loadDashboardInput } from '../../../lib/app/dashboard-data';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import { applyBadge, type BadgeApi } from '../../../lib/background/badge';
import { createOverlayContextProvider } from '../../../lib/background/crm-context';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Goal } from '../../../lib/schema';
import type { PacerDb } from '../../../lib/storage/db';
import { loadExampleData } from '../../../lib/storage/example-data';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/**
 * One reading per goal on every surface (issue 14): the CRM floating panel shows the very card the
 * new tab shows (value, progress, status and its reason), and the toolbar badge counts the cards'
 * statuses — neither computes a figure of its own.
 */
const NOW = Date.UTC(2026, 11, 6, 3);
const settings = defaultSettings({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' });

describe('the CRM panel and the toolbar badge render the cards’ reading', () => {
  let db: PacerDb;
  let data: DashboardData;
  beforeAll(async () => {
    ({ db } = await freshDb());
    await saveSettings(db, settings);
    await loadExampleData(db, NOW);
    // A pinned keep goal on revenue ("every month at least ₫9B"): pinned goals win the panel, but a
    // line to stay on has no gap for a deal to close, so the panel must not take it as its revenue goal.
    const goals = repository(db, 'goals');
    const revenue = (await goals.list()).find((g) => g.metricId === 'ex-revenue') as Goal;
    await goals.put({
      ...revenue,
      id: 'keep-revenue',
      title: 'Keep monthly revenue at ₫9B or more',
      goalType: 'keep',
      keepSide: 'at_least',
      kind: 'kpi_target',
      target: 9e9,
      pinned: true,
      parentId: undefined,
      // The nearest deadline of the pinned goals: first in line for the panel.
      startAt: Date.UTC(2025, 11, 31, 17),
      deadline: Date.UTC(2026, 11, 31, 16, 59, 59, 999),
    });
    data = await computeDashboard(db, settings, NOW);
  }, 120_000);

  it('the panel’s goal is the dashboard’s card for it, field for field', async () => {
    const provider = createOverlayContextProvider(
      async () => db,
      () => NOW,
    );
    const context = await provider.overlayContext([]);
    const card = data.goals.find((g) => g.id === context.goal?.id);
    expect(card).toBeDefined();
    expect(context.goal).toEqual(card);
    // A total with a gap to close, not the pinned keep goal.
    expect(context.goal?.id).not.toBe('keep-revenue');
    expect(context.goal?.value).toMatch(/₫[\d.]+[MB]$/);
    expect(context.goal?.reason).toBeTruthy();
  });

  it('a deal is measured against a revenue goal, never the net profit goal nor the BHAG unless picked', async () => {
    // The example's year net profit goal and its quarter distributor revenue key result end the same
    // night; a deal's amount is revenue, and measured against the profit gap the badge read
    // "Closes 1% of the Net profit … gap" (12.5M ÷ (5.5B − 4.44B)). Against the three-year BHAG every
    // badge read "<1%". So the key result is chosen, and as it counts the distributor segment only,
    // the panel names its segment; the BHAG is offered by name.
    await repository(db, 'leads').put({
      id: 'hubspot:deal:1',
      crm: 'hubspot',
      objectType: 'deal',
      externalId: '1',
      url: 'https://app.hubspot.com/contacts/1/record/0-3/1',
      name: 'POS contract',
      stage: 'Appointment scheduled',
      amount: 12_500_000,
      currency: 'VND',
      firstSeen: NOW,
      lastSeen: NOW,
      stageHistory: [{ stage: 'Appointment scheduled', at: NOW }],
      deletedAt: null,
    });
    const provider = createOverlayContextProvider(
      async () => db,
      () => NOW,
    );
    const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
    const gapOf = (id: string) => {
      const e = perGoal.get(id);
      return (e?.target as number) - (e?.current as number);
    };
    const context = await provider.overlayContext(['hubspot:deal:1']);
    expect(context.goal?.id).toBe('ex-kr-distributor-revenue');
    expect(context.gapLabel).toBe('Q4');
    expect(context.measured).toMatchObject({
      goalId: 'ex-kr-distributor-revenue',
      how: 'rule',
      segment: 'segment: Distributor',
    });
    const card = data.goals.find((g) => g.id === 'ex-kr-distributor-revenue');
    expect(context.goal).toEqual(card);
    const gap = gapOf('ex-kr-distributor-revenue');
    expect(gap).toBeGreaterThan(0);
    expect(context.leads[0]?.gapShare).toBeCloseTo(12_500_000 / gap, 12);
    expect(context.options?.map((o) => [o.goalId, o.segment])).toEqual([
      ['ex-kr-distributor-revenue', 'segment: Distributor'],
      ['ex-goal-bhag', undefined],
    ]);

    // Picked for the site: the share is of the BHAG's gap, its target less its card's value.
    const picked = await provider.overlayContext(['hubspot:deal:1'], 'ex-goal-bhag');
    expect(picked.goal?.id).toBe('ex-goal-bhag');
    expect(picked.measured).toMatchObject({ goalId: 'ex-goal-bhag', how: 'picked' });
    expect(picked.leads[0]?.gapShare).toBeCloseTo(12_500_000 / gapOf('ex-goal-bhag'), 12);
  });

  it('the badge counts the cards: its number is the off-track cards, its tooltip every status', async () => {
    const calls: Record<string, string> = {};
    const action: BadgeApi = {
      setBadgeText: async ({ text }) => {
        calls.text = text;
      },
      setBadgeBackgroundColor: async ({ color }) => {
        calls.color = color;
      },
      setTitle: async ({ title }) => {
        calls.title = title;
      },
    };
    await applyBadge(action, data.goals, createTranslator('en'));
    const counted = data.goals.filter((g) => g.kind !== 'milestone');
    const n = (s: string) => counted.filter((g) => g.status === s).length;
    expect(n('off_track')).toBeGreaterThan(0);
    expect(calls.text).toBe(String(n('off_track')));
    expect(calls.title).toContain(`${n('off_track')} off track`);
    if (n('at_risk')) expect(calls.title).toContain(`${n('at_risk')} at risk`);
    if (n('on_track')) expect(calls.title).toContain(`${n('on_track')} on track`);
  });
});
