/**
 * The BHAG and its cascade: three yearly revenue milestones, quarterly ones under them and monthly action
 * milestones under those. Each milestone answers what (description), when (deadline), how much (budget)
 * and who (owner). The cascade is laid out around `now` so there are always finished, overdue, current
 * and upcoming milestones to look at.
 *
 * Revenue milestones carry their condition — the revenue metric, their window and its target — and are
 * never ticked by hand: a quarter is Done when its revenue reached the target, Overdue only when it did
 * not by its end. The first year's quarters are planned a little under the business's expected revenue
 * (expectedRevenue: trend, seasons and Tết), so they are reachable; later years step up to the BHAG's
 * ₫150B a year.
 */
import type { Goal } from '../schema';
import { addMonths, DAY_MS, monthEnd, monthStart, type YearMonth, yearMonthOf } from './example-calendar';
import {
  billions,
  exampleGoal,
  type GoalInput,
  PEOPLE,
  type QuarterRef,
  quarterEnd,
  quarterOf,
  quarterStart,
} from './example-goal-parts';
import { BHAG_PLAN, MONTH_WHAT, QUARTER_PLANS, YEAR_PLANS } from './example-milestone-texts';
import { expectedRevenue } from './example-simulation';

export const BHAG_ID = 'ex-goal-bhag';
const BHAG_REVENUE = 150_000_000_000;
/** The first year's quarters are planned at this share of the expected revenue, rounded down to ₫0.1B. */
const PLAN_MARGIN = 0.96;
const YEAR_BUDGETS = [3_000_000_000, 4_500_000_000, 6_000_000_000];
/** Revenue weight per month (Jan first) for the phased trajectory: Tết stock-up, then the dip. */
const SEASONAL_WEIGHTS = [1.3, 1.05, 0.8, 0.9, 0.95, 0.92, 0.92, 0.95, 1, 1.02, 1.06, 1.13];

/** Who runs each quarter's plan (QUARTER_PLANS in example-milestone-texts.ts), Q1 first. */
const QUARTER_OWNERS = [PEOPLE.sales, PEOPLE.marketing, PEOPLE.operations, PEOPLE.sales];

/** One concrete action per calendar month, in the rhythm of a Vietnamese trading year. */
const MONTH_ACTIONS: {
  en: string;
  vi: string;
  budget: number;
  owner: string;
}[] = [
  {
    en: 'Deliver Tết gift-basket orders to 300 shops',
    vi: 'Giao giỏ quà Tết cho 300 cửa hàng',
    budget: 350_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Resume deliveries within 3 days after Tết',
    vi: 'Khôi phục giao hàng trong 3 ngày sau Tết',
    budget: 120_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Clear post-Tết stock and renew distributor contracts',
    vi: 'Giải phóng hàng tồn sau Tết và gia hạn hợp đồng nhà phân phối',
    budget: 150_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Run the Vietnam Expo booth in Hà Nội',
    vi: 'Tham gia gian hàng Vietnam Expo tại Hà Nội',
    budget: 220_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Sign 5 distributors met at the Expo',
    vi: 'Ký hợp đồng với 5 nhà phân phối gặp tại hội chợ',
    budget: 90_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Open the TikTok Shop store',
    vi: 'Mở gian hàng TikTok Shop',
    budget: 180_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Train every salesperson on the CRM',
    vi: 'Đào tạo toàn bộ nhân viên kinh doanh sử dụng CRM',
    budget: 60_000_000,
    owner: PEOPLE.people,
  },
  {
    en: 'Launch ordering through the Zalo mini app',
    vi: 'Ra mắt đặt hàng qua Zalo Mini App',
    budget: 250_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Mid-Autumn campaign for retail shops',
    vi: 'Chiến dịch Trung thu cho các cửa hàng bán lẻ',
    budget: 200_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Run the booth at the Sài Gòn trade fair',
    vi: 'Tham gia gian hàng hội chợ thương mại tại Sài Gòn',
    budget: 240_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Year-end stock-up program for distributors',
    vi: 'Chương trình nhập hàng cuối năm cho nhà phân phối',
    budget: 300_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Lock the Tết assortment and warehouse capacity',
    vi: 'Chốt danh mục hàng Tết và năng lực kho',
    budget: 400_000_000,
    owner: PEOPLE.finance,
  },
];

export function buildMilestones(now: number, createdAt: number): Goal[] {
  const current = yearMonthOf(now);
  // Monthly milestones run from three months back to two ahead, so some are done, one is overdue.
  const monthly: YearMonth[] = [-3, -2, -1, 0, 1, 2].map((offset) => addMonths(current, offset));
  const firstMonth = monthly[0] ?? current;
  const planYear = firstMonth.year;
  const goals: GoalInput[] = [];
  const overdueMonth = addMonths(current, -1);
  // A finished milestone was ticked off a few days before its deadline; the overdue one never was.
  const status = (deadline: number, overdue = false): Pick<Goal, 'doneAt' | 'confidence'> =>
    deadline >= now
      ? { doneAt: null, confidence: 'on_track' }
      : overdue
        ? { doneAt: null, confidence: 'off_track' }
        : { doneAt: deadline - 2 * DAY_MS, confidence: 'on_track' };

  goals.push({
    id: BHAG_ID,
    kind: 'bhag',
    // Annual revenue: the sum of the latest twelve complete months, never revenue "since the start".
    goalType: 'level',
    rollingMonths: 12,
    // The deadline is the last day of the third year: "by the end of 2028", not "in 2029".
    title: `Reach 150 billion VND annual revenue by the end of ${planYear + 2}`,
    translations: { vi: `Đạt doanh thu 150 tỷ đồng mỗi năm vào cuối năm ${planYear + 2}` },
    description: BHAG_PLAN.en,
    frameworks: ['smart'],
    perspective: 'financial',
    metricId: 'ex-revenue',
    target: BHAG_REVENUE,
    startAt: Date.UTC(planYear, 0, 1),
    deadline: Date.UTC(planYear + 3, 0, 1) - 1,
    budget: { amount: YEAR_BUDGETS.reduce((a, b) => a + b, 0), currency: 'VND' },
    owner: PEOPLE.ceo,
    pinned: true,
    confidence: 'at_risk',
  });

  // The plan: the first year's quarters from the expected revenue, later years stepping up to the BHAG;
  // a later year's quarters take their share of the year as the expected revenue splits it.
  const planned = (q: QuarterRef) =>
    Math.floor((PLAN_MARGIN * expectedRevenue(now, quarterStart(q), quarterEnd(q) + 1)) / 1e8) * 1e8;
  const firstYear = [0, 1, 2, 3].reduce((sum, quarter) => sum + planned({ year: planYear, quarter }), 0);
  const yearTargets = [firstYear, Math.round((firstYear + BHAG_REVENUE) / 2 / 1e9) * 1e9, BHAG_REVENUE];
  const quarterTarget = (q: QuarterRef) => {
    if (q.year === planYear) return planned(q);
    const yearFrom = Date.UTC(q.year, 0, 1);
    const share =
      expectedRevenue(now, quarterStart(q), quarterEnd(q) + 1) /
      expectedRevenue(now, yearFrom, Date.UTC(q.year + 1, 0, 1));
    return Math.round(((yearTargets[q.year - planYear] ?? 0) * share) / 1e8) * 1e8;
  };
  // A revenue milestone is decided by its revenue, not a tick; its owner is on track while it runs.
  const measured = (deadline: number): Pick<Goal, 'doneAt' | 'confidence'> =>
    deadline >= now ? { doneAt: null, confidence: 'on_track' } : { doneAt: null };

  yearTargets.forEach((target, i) => {
    const year = planYear + i;
    const deadline = Date.UTC(year + 1, 0, 1) - 1;
    const amount = billions(target);
    goals.push({
      id: `ex-goal-year-${year}`,
      kind: 'milestone',
      goalType: 'milestone',
      title: `${year}: ${amount.en} revenue`,
      translations: { vi: `Năm ${year}: doanh thu ${amount.vi}` },
      description: YEAR_PLANS[i]?.en,
      frameworks: ['smart'],
      perspective: 'financial',
      metricId: 'ex-revenue',
      measure: 'cumulative',
      target,
      startAt: Date.UTC(year, 0, 1),
      deadline,
      trajectory: 'phased',
      seasonalWeights: SEASONAL_WEIGHTS,
      budget: { amount: YEAR_BUDGETS[i] ?? 0, currency: 'VND' },
      owner: PEOPLE.ceo,
      parentId: BHAG_ID,
      ...measured(deadline),
    });
  });

  // Quarters of the plan's first year, plus any later quarter a monthly milestone falls in.
  const quarters: QuarterRef[] = [0, 1, 2, 3].map((quarter) => ({ year: planYear, quarter }));
  for (const ym of monthly) {
    const q = quarterOf(ym);
    if (!quarters.some((x) => x.year === q.year && x.quarter === q.quarter)) quarters.push(q);
  }
  for (const q of quarters) {
    const target = quarterTarget(q);
    const plan = QUARTER_PLANS[q.quarter];
    const deadline = quarterEnd(q);
    const amount = billions(target);
    goals.push({
      id: quarterId(q),
      kind: 'milestone',
      goalType: 'milestone',
      title: `Q${q.quarter + 1} ${q.year}: ${amount.en} revenue`,
      translations: { vi: `Quý ${q.quarter + 1}/${q.year}: doanh thu ${amount.vi}` },
      description: plan?.en,
      frameworks: ['smart'],
      perspective: 'financial',
      metricId: 'ex-revenue',
      measure: 'cumulative',
      target: Math.round(target),
      startAt: quarterStart(q),
      deadline,
      budget: { amount: Math.round((YEAR_BUDGETS[q.year - planYear] ?? 0) / 4), currency: 'VND' },
      owner: QUARTER_OWNERS[q.quarter],
      parentId: `ex-goal-year-${q.year}`,
      ...measured(deadline),
    });
  }

  for (const ym of monthly) {
    const action = MONTH_ACTIONS[ym.month];
    if (!action) continue;
    const deadline = monthEnd(ym);
    const isOverdue = ym.year === overdueMonth.year && ym.month === overdueMonth.month;
    goals.push({
      id: `ex-goal-month-${ym.year}-${String(ym.month + 1).padStart(2, '0')}`,
      kind: 'milestone',
      goalType: 'milestone',
      title: action.en,
      translations: { vi: action.vi },
      description: MONTH_WHAT[ym.month]?.en,
      frameworks: ['smart'],
      startAt: monthStart(ym),
      deadline,
      budget: { amount: action.budget, currency: 'VND' },
      owner: action.owner,
      parentId: quarterId(quarterOf(ym)),
      ...status(deadline, isOverdue),
    });
  }

  return goals.map((g) => exampleGoal(g, createdAt, now));
}

function quarterId(q: QuarterRef): string {
  return `ex-goal-q-${q.year}-q${q.quarter + 1}`;
}
