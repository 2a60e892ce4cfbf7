import { describe, expect, it } from 'vitest';
import { formatBadge } from '../../../lib/overlay/badge-format';
import {
  computeOverlayContext,
  gapShare,
  OverlayContext,
  tiersByCurrency,
} from '../../../lib/overlay/overlay-context';
import { daysInStage } from '../../../lib/overlay/stage-dates';
import { DAY, lead, NOW } from './leads-fixture';

const GAP = { goalId: 'g', gap: 1_000, currency: 'VND', label: 'Q4' };

describe('overlay context', () => {
  const leads = [
    lead('big', { amount: 800, currency: 'VND', history: [['Contract sent', 3]] }),
    lead('mid', { amount: 150, currency: 'VND', history: [['Contract sent', 0]] }),
    lead('small', { amount: 50, currency: 'VND' }),
    lead('usd', { amount: 5, currency: 'USD', history: [['Closed won', 1]] }),
    lead('none', {}),
  ];

  it('ranks tiers within each currency, and none in a currency with too few deals', () => {
    const tiers = tiersByCurrency(leads, [0.8, 0.95, 1], 'VND');
    // The lone USD deal is not "A" for being alone in its currency.
    expect(Object.fromEntries(tiers)).toEqual({
      'hubspot:deal:big': 'A',
      'hubspot:deal:mid': 'B',
      'hubspot:deal:small': 'C',
    });
    const usd = [1, 2, 3].map((i) => lead(`usd${i}`, { amount: i * 100, currency: 'USD' }));
    expect(Object.fromEntries(tiersByCurrency([...leads, ...usd], [0.8, 0.95, 1], 'VND'))).toMatchObject({
      'hubspot:deal:usd': 'C',
      'hubspot:deal:usd3': 'A',
    });
  });

  it('says when an open deal has no share for want of an exchange rate, on the badge and its tooltip', () => {
    const open = lead('usd-open', { amount: 5, currency: 'USD', history: [['Contract sent', 1]] });
    const context = computeOverlayContext({
      leads: [...leads, open],
      leadIds: ['hubspot:deal:usd-open', 'hubspot:deal:big'],
      gap: GAP,
      goal: null,
      locale: 'en',
      thresholds: [0.8, 0.95, 1],
      currency: 'VND',
      now: NOW,
    });
    expect(context.leads.find((l) => l.id === 'hubspot:deal:usd-open')).toMatchObject({
      gapShare: null,
      noRate: 'USD',
    });
    expect(context.leads.find((l) => l.id === 'hubspot:deal:big')).not.toHaveProperty('noRate');
    expect(OverlayContext.safeParse(context).success).toBe(true);
    const withRate = computeOverlayContext({
      leads: [open],
      leadIds: ['hubspot:deal:usd-open'],
      gap: GAP,
      goal: null,
      locale: 'en',
      thresholds: [0.8, 0.95, 1],
      currency: 'VND',
      rates: [{ from: 'USD', to: 'VND', rate: 25 }],
      now: NOW,
    });
    expect(withRate.leads[0]).not.toHaveProperty('noRate');
    const badge = formatBadge(
      { id: 'x', tier: null, gapShare: null, daysInStage: 3, noRate: 'USD' },
      'vi',
      'Q4',
    );
    expect(badge?.share).toBe('USD: thiếu tỷ giá');
    expect(badge?.title).toContain('Pacer chưa có tỷ giá USD');
  });

  it('measures open deals against the gap, never closed deals or another currency', () => {
    expect(gapShare(leads[0]!, GAP, 'VND')).toBe(0.8);
    expect(gapShare(leads[3]!, { ...GAP, currency: 'USD' }, 'VND')).toBeNull();
    expect(gapShare({ amount: 5, currency: 'USD', stage: 'Contract sent' }, GAP, 'VND')).toBeNull();
    expect(gapShare(leads[0]!, null, 'VND')).toBeNull();
    expect(gapShare(leads[0]!, { ...GAP, gap: 0 }, 'VND')).toBeNull();
    // With the user's rate a dollar deal is measured against a đồng gap; the rate works both ways.
    const open = { amount: 5, currency: 'USD', stage: 'Contract sent' };
    expect(gapShare(open, { ...GAP, gap: 250_000 }, 'VND', [{ from: 'USD', to: 'VND', rate: 25_000 }])).toBe(
      0.5,
    );
    expect(
      gapShare(open, { ...GAP, gap: 250_000 }, 'VND', [{ from: 'VND', to: 'USD', rate: 0.00004 }]),
    ).toBeCloseTo(0.5);
    expect(gapShare(open, GAP, 'VND', [{ from: 'EUR', to: 'VND', rate: 27_000 }])).toBeNull();
  });

  it('counts whole days in the current stage', () => {
    expect(daysInStage(leads[0]!, NOW)).toEqual({ days: 3, atLeast: false });
    expect(daysInStage(leads[1]!, NOW)).toEqual({ days: 0, atLeast: false });
    expect(daysInStage(leads[4]!, NOW)).toBeNull();
  });

  it('keeps a goal title out of the pill (it pushed the tier out of the badge) and in the tooltip', () => {
    const view = formatBadge(
      { id: 'x', tier: 'C', gapShare: 0.004, daysInStage: 12, daysAtLeast: true },
      'vi',
      'Đạt doanh thu 150 tỷ đồng mỗi năm',
    );
    expect(view).toMatchObject({ tier: 'C', share: '<1% khoảng thiếu', days: '≥12 ngày' });
    expect(view?.title).toContain('Đạt doanh thu 150 tỷ đồng mỗi năm');
    expect(view?.title).toContain('Ít nhất 12 ngày');
  });

  it('knows only a lower bound for the stage a lead was in when Pacer first read it', () => {
    const seen = NOW - 12 * DAY;
    const first = lead('old', { firstSeen: seen, history: [] });
    first.stageHistory = [{ stage: 'Contract sent', at: seen }];
    expect(daysInStage(first, NOW)).toEqual({ days: 12, atLeast: true });
    // Read on the day it was created: it has been in its first stage since.
    expect(daysInStage({ ...first, createdDate: seen - 3_600_000 }, NOW)).toEqual({
      days: 12,
      atLeast: false,
    });
    // A change Pacer saw is dated.
    const moved = {
      ...first,
      stageHistory: [...first.stageHistory, { stage: 'Negotiation', at: NOW - 2 * DAY }],
    };
    expect(daysInStage(moved, NOW)).toEqual({ days: 2, atLeast: false });
    // On the badge: "≥12d", and "new" on the day of the first sighting (never "0d").
    const badge = (l: typeof first) =>
      computeOverlayContext({
        leads: [l],
        leadIds: [l.id],
        gap: null,
        goal: null,
        locale: 'en',
        thresholds: [0.8, 0.95, 1],
        currency: 'VND',
        now: NOW,
      }).leads[0];
    expect(badge(first)).toMatchObject({ daysInStage: 12, daysAtLeast: true });
    const today = badge({ ...first, firstSeen: NOW, stageHistory: [{ stage: 'Contract sent', at: NOW }] });
    expect(today).toMatchObject({ daysInStage: 0, daysAtLeast: true });
    expect(formatBadge(today!, 'en', null)).toMatchObject({ days: 'new' });
  });

  it('answers only for known live leads, once each, in a shape the content script accepts', () => {
    const context = computeOverlayContext({
      leads,
      leadIds: ['hubspot:deal:big', 'hubspot:deal:big', 'hubspot:deal:unknown'],
      gap: GAP,
      goal: null,
      locale: 'en',
      thresholds: [0.8, 0.95, 1],
      currency: 'VND',
      now: NOW,
    });
    expect(context.leads).toEqual([{ id: 'hubspot:deal:big', tier: 'A', gapShare: 0.8, daysInStage: 3 }]);
    expect(context.gapLabel).toBe('Q4');
    expect(OverlayContext.safeParse(context).success).toBe(true);
  });

  it.each([
    ['a quarter', 'Q3'],
    ['a goal title', 'Net profit of 5.5 billion VND this year'],
  ])('says the same share in English and Vietnamese, pill and tooltip alike (%s)', (_, label) => {
    // The pill and its tooltip are one figure, the share of the gap still open: "1% of goal gap"
    // read in Vietnamese as "1% mục tiêu" (1% of the goal), five times smaller a figure than 1% of a
    // gap a fifth of the goal. Each language's word for the gap is in both, and its word for the goal
    // alone is not the pill's noun.
    const GAP_WORD = { en: /\bgap\b/, vi: /khoảng thiếu/ } as const;
    for (const share of [0.012, 0.18, 0.004]) {
      const data = { id: 'x', tier: null, gapShare: share, daysInStage: null };
      const en = formatBadge(data, 'en', label);
      const vi = formatBadge(data, 'vi', label);
      const percent = share < 0.01 ? '<1%' : `${Math.round(share * 100)}%`;
      for (const [locale, view] of [
        ['en', en],
        ['vi', vi],
      ] as const) {
        expect(view?.share, locale).toMatch(GAP_WORD[locale]);
        expect(view?.title, locale).toMatch(GAP_WORD[locale]);
        expect(view?.share?.startsWith(`${percent} `), locale).toBe(true);
        expect(view?.title, locale).toContain(percent);
      }
      expect(vi?.share).not.toMatch(/^\S+ (của )?mục tiêu$/);
    }
  });

  it('formats the badge words and the tooltip sentence', () => {
    expect(formatBadge({ id: 'x', tier: 'A', gapShare: 0.18, daysInStage: 5 }, 'en', 'Q3')).toEqual({
      tier: 'A',
      share: '18% of Q3 gap',
      days: '5d',
      title: 'Tier A by deal value · Closes 18% of the Q3 gap · 5 days in this stage',
    });
    expect(formatBadge({ id: 'x', tier: null, gapShare: 0.004, daysInStage: 1 }, 'en', 'Q3')?.share).toBe(
      '<1% of Q3 gap',
    );
    expect(formatBadge({ id: 'x', tier: null, gapShare: null, daysInStage: null }, 'en', null)).toBeNull();
    expect(formatBadge({ id: 'x', tier: 'B', gapShare: 0.5, daysInStage: 2 }, 'vi', 'Q1')?.days).toBe(
      '2 ngày',
    );
  });
});
