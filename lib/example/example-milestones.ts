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
import type { Goal, Locale } from '../schema';
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
import { expectedRevenue } from './example-simulation';

export const BHAG_ID = 'ex-goal-bhag';
const BHAG_REVENUE = 150_000_000_000;
/** The first year's quarters are planned at this share of the expected revenue, rounded down to ₫0.1B. */
const PLAN_MARGIN = 0.96;
const YEAR_BUDGETS = [3_000_000_000, 4_500_000_000, 6_000_000_000];
/** Revenue weight per month (Jan first) for the phased trajectory: Tết stock-up, then the dip. */
const SEASONAL_WEIGHTS = [1.3, 1.05, 0.8, 0.9, 0.95, 0.92, 0.92, 0.95, 1, 1.02, 1.06, 1.13];

const BHAG_PLAN = {
  en: 'Triple the business in three years: from a northern wholesaler to a national one selling to shops, distributors and online.',
  vi: 'Tăng gấp ba quy mô trong ba năm: từ một nhà bán sỉ miền Bắc thành nhà bán sỉ toàn quốc, bán cho cửa hàng, nhà phân phối và trực tuyến.',
};

const YEAR_PLANS: { en: string; vi: string }[] = [
  {
    en: 'Cover 1,000 retail shops in the North and open Shopee, Lazada and TikTok Shop stores.',
    vi: 'Phủ 1.000 cửa hàng bán lẻ ở miền Bắc và mở gian hàng trên Shopee, Lazada, TikTok Shop.',
  },
  {
    en: 'Open a branch warehouse in Đà Nẵng and sign 40 distributors in Central Vietnam.',
    vi: 'Mở kho chi nhánh tại Đà Nẵng và ký hợp đồng với 40 nhà phân phối miền Trung.',
  },
  {
    en: 'Become a top-3 consumer-goods wholesaler in the North with 3,000 active shops.',
    vi: 'Trở thành một trong ba nhà bán sỉ hàng tiêu dùng hàng đầu miền Bắc với 3.000 cửa hàng hoạt động.',
  },
];

const QUARTER_PLANS: { en: string; vi: string; owner: string }[] = [
  {
    en: 'Tết campaign: gift baskets for retail shops, stock up distributors before the holiday.',
    vi: 'Chiến dịch Tết: giỏ quà cho cửa hàng bán lẻ, nhập hàng cho nhà phân phối trước kỳ nghỉ.',
    owner: PEOPLE.sales,
  },
  {
    en: 'Vietnam Expo booth and a distributor recruitment drive after the post-Tết lull.',
    vi: 'Gian hàng Vietnam Expo và đợt tuyển nhà phân phối sau thời gian chững lại sau Tết.',
    owner: PEOPLE.marketing,
  },
  {
    en: 'Move repeat retail orders to the Zalo mini app; Mid-Autumn promotion.',
    vi: 'Chuyển đơn đặt lại của cửa hàng bán lẻ sang Zalo Mini App; khuyến mãi Trung thu.',
    owner: PEOPLE.operations,
  },
  {
    en: 'Year-end stock-up program and preparing the Tết assortment.',
    vi: 'Chương trình nhập hàng cuối năm và chuẩn bị danh mục hàng Tết.',
    owner: PEOPLE.sales,
  },
];

/** One concrete action per calendar month, in the rhythm of a Vietnamese trading year. */
const MONTH_ACTIONS: {
  en: string;
  vi: string;
  what: string;
  whatVi: string;
  budget: number;
  owner: string;
}[] = [
  {
    en: 'Deliver Tết gift-basket orders to 300 shops',
    vi: 'Giao giỏ quà Tết cho 300 cửa hàng',
    what: 'All Tết gift-basket orders delivered before the holiday, none later than 3 days before Tết.',
    whatVi: 'Mọi đơn giỏ quà Tết được giao trước kỳ nghỉ, không đơn nào muộn hơn 3 ngày trước Tết.',
    budget: 350_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Resume deliveries within 3 days after Tết',
    vi: 'Khôi phục giao hàng trong 3 ngày sau Tết',
    what: 'Warehouse and trucks back to full capacity by the third working day after the holiday.',
    whatVi: 'Kho và xe tải hoạt động hết công suất trở lại trước ngày làm việc thứ ba sau kỳ nghỉ.',
    budget: 120_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Clear post-Tết stock and renew distributor contracts',
    vi: 'Giải phóng hàng tồn sau Tết và gia hạn hợp đồng nhà phân phối',
    what: 'Slow-moving Tết stock under 5% of inventory; every distributor contract renewed for the year.',
    whatVi: 'Hàng Tết bán chậm dưới 5% tồn kho; mọi hợp đồng nhà phân phối được gia hạn cho cả năm.',
    budget: 150_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Run the Vietnam Expo booth in Hà Nội',
    vi: 'Tham gia gian hàng Vietnam Expo tại Hà Nội',
    what: 'A 4-day booth collecting at least 120 qualified leads.',
    whatVi: 'Gian hàng 4 ngày thu về ít nhất 120 khách hàng tiềm năng đủ điều kiện.',
    budget: 220_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Sign 5 distributors met at the Expo',
    vi: 'Ký hợp đồng với 5 nhà phân phối gặp tại hội chợ',
    what: 'Five signed distribution agreements with a first order each.',
    whatVi: 'Năm hợp đồng phân phối được ký, mỗi nhà phân phối có đơn hàng đầu tiên.',
    budget: 90_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Open the TikTok Shop store',
    vi: 'Mở gian hàng TikTok Shop',
    what: 'Store live with the top 50 products and two livestream sales a week.',
    whatVi: 'Gian hàng hoạt động với 50 sản phẩm bán chạy nhất và hai buổi livestream bán hàng mỗi tuần.',
    budget: 180_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Train every salesperson on the CRM',
    vi: 'Đào tạo toàn bộ nhân viên kinh doanh sử dụng CRM',
    what: 'All 14 sales staff log every deal and visit in the CRM.',
    whatVi: 'Cả 14 nhân viên kinh doanh ghi mọi giao dịch và lượt ghé thăm vào CRM.',
    budget: 60_000_000,
    owner: PEOPLE.people,
  },
  {
    en: 'Launch ordering through the Zalo mini app',
    vi: 'Ra mắt đặt hàng qua Zalo Mini App',
    what: 'Retail shops can reorder from Zalo; 200 shops onboarded.',
    whatVi: 'Cửa hàng bán lẻ đặt lại hàng qua Zalo; 200 cửa hàng đã tham gia.',
    budget: 250_000_000,
    owner: PEOPLE.operations,
  },
  {
    en: 'Mid-Autumn campaign for retail shops',
    vi: 'Chiến dịch Trung thu cho các cửa hàng bán lẻ',
    what: 'Mooncake and gift-set bundles offered to every active retail shop.',
    whatVi: 'Combo bánh trung thu và quà tặng được chào tới mọi cửa hàng bán lẻ đang hoạt động.',
    budget: 200_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Run the booth at the Sài Gòn trade fair',
    vi: 'Tham gia gian hàng hội chợ thương mại tại Sài Gòn',
    what: 'A 4-day booth and meetings with 20 southern distributors.',
    whatVi: 'Gian hàng 4 ngày và gặp gỡ 20 nhà phân phối phía Nam.',
    budget: 240_000_000,
    owner: PEOPLE.marketing,
  },
  {
    en: 'Year-end stock-up program for distributors',
    vi: 'Chương trình nhập hàng cuối năm cho nhà phân phối',
    what: 'Volume discounts agreed with every distributor for December and January orders.',
    whatVi: 'Thỏa thuận chiết khấu theo sản lượng với mọi nhà phân phối cho đơn hàng tháng 12 và tháng 1.',
    budget: 300_000_000,
    owner: PEOPLE.sales,
  },
  {
    en: 'Lock the Tết assortment and warehouse capacity',
    vi: 'Chốt danh mục hàng Tết và năng lực kho',
    what: 'Tết products ordered from suppliers and 30% extra warehouse space rented for January.',
    whatVi: 'Đặt hàng Tết từ nhà cung cấp và thuê thêm 30% diện tích kho cho tháng 1.',
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
    title: `Reach 150 billion VND annual revenue by ${planYear + 3}`,
    translations: { vi: `Đạt doanh thu 150 tỷ đồng mỗi năm vào năm ${planYear + 3}` },
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
      owner: plan?.owner,
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
      description: action.what,
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

/** Every example milestone description, by either language's text, in both languages. */
const DESCRIPTIONS: ReadonlyMap<string, { en: string; vi: string }> = new Map(
  [
    BHAG_PLAN,
    ...YEAR_PLANS,
    ...QUARTER_PLANS,
    ...MONTH_ACTIONS.map((a) => ({ en: a.what, vi: a.whatVi })),
  ].flatMap((pair) => [
    [pair.en, { en: pair.en, vi: pair.vi }] as const,
    [pair.vi, { en: pair.en, vi: pair.vi }] as const,
  ]),
);

/**
 * An example milestone's description in the UI's language, for display. The schema translates titles
 * only, so example records store the English text and the translation is looked up by it. Earlier
 * versions stored both languages on two lines ("en\nvi"), or a month's action as "November 2026: …
 * Budget 300 million VND."; those read right too. The user's own goals are never touched.
 */
export function localizeExampleDescription(
  goal: Pick<Goal, 'example' | 'description'>,
  locale: Locale,
): string | undefined {
  const text = goal.description;
  if (!goal.example || !text) return text;
  const lines = text.split('\n');
  const monthly = /^[A-Z][a-z]+ \d{4}: (.*) Budget [^.]*\.$/.exec(text)?.[1];
  const pair =
    DESCRIPTIONS.get(text) ??
    (lines.length === 2 ? DESCRIPTIONS.get(lines[0] ?? '') : undefined) ??
    (monthly ? DESCRIPTIONS.get(monthly) : undefined);
  return pair ? pair[locale] : text;
}
