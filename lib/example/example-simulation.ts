/**
 * The business behind the example dataset: Sao Mai Trading, a Vietnamese wholesaler selling to retail
 * shops, distributors and online buyers. One pass over ~18 months produces every number the example
 * metrics show, so they agree with each other (monthly revenue is the sum of the daily revenue, gross
 * margin is computed from the same revenue, ROAS from the same spend as cost per MQL, …).
 */
import {
  addMonths,
  DAY_MS,
  daysFromTet,
  daysInMonth,
  monthEnd,
  monthStart,
  tetDay,
  type YearMonth,
  yearMonthOf,
} from './example-calendar';
import { jitter, normal, poisson, type Rng, rngFor } from './random';

export const SEGMENTS = ['retail', 'distributor', 'online'] as const;
export type Segment = (typeof SEGMENTS)[number];
export const CHANNELS = ['facebook', 'google', 'zalo', 'referral', 'trade_show'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MONTHS_OF_DATA = 18;

/** Which segments each channel brings in (0 = never: no observation series for that pair). */
export const CHANNEL_SEGMENT_SHARE: Record<Channel, Record<Segment, number>> = {
  facebook: { retail: 0.42, distributor: 0, online: 0.58 },
  google: { retail: 0.45, distributor: 0.03, online: 0.52 },
  zalo: { retail: 0.72, distributor: 0.02, online: 0.26 },
  referral: { retail: 0.55, distributor: 0.12, online: 0.33 },
  trade_show: { retail: 0.65, distributor: 0.35, online: 0 },
};

const START_MONTHLY_REVENUE = 2_500_000_000;
const REVENUE_GROWTH = 0.035;
const MARKETING_GROWTH = 0.025;
const DAYS_PER_MONTH = 30.44;

/** Mild calendar seasonality on top of Tết: year-end stock-up, a slower summer. Jan first. */
const MONTH_SEASON = [1, 1, 0.97, 0.96, 0.97, 0.95, 0.95, 0.97, 1, 1.02, 1.05, 1.1];
/** Shops close on Sunday; online buyers shop at the weekend. Sunday first. */
const WEEKDAY: Record<Segment, number[]> = {
  retail: [0.5, 1.1, 1.08, 1.08, 1.08, 1.1, 0.95],
  distributor: [0.3, 1.15, 1.12, 1.12, 1.12, 1.15, 0.9],
  online: [1.15, 0.95, 0.95, 0.95, 0.95, 1, 1.12],
};
const AVERAGE_ORDER: Record<Segment, number> = {
  retail: 3_200_000,
  distributor: 12_000_000,
  online: 650_000,
};
/** Revenue a new customer brings in its first 90 days: what a channel's ROAS is credited with. */
const FIRST_QUARTER_VALUE: Record<Segment, number> = {
  retail: 5_500_000,
  distributor: 60_000_000,
  online: 4_800_000,
};
const START_MQLS: Record<Channel, number> = {
  facebook: 300,
  google: 180,
  zalo: 150,
  referral: 40,
  trade_show: 12,
};
const CONVERSION: Record<Channel, number> = {
  facebook: 0.08,
  google: 0.1,
  zalo: 0.12,
  referral: 0.3,
  trade_show: 0.22,
};
const START_SPEND: Record<Channel, number> = {
  facebook: 45_000_000,
  google: 35_000_000,
  zalo: 20_000_000,
  referral: 8_000_000,
  trade_show: 18_000_000,
};
const TRADE_SHOW_BOOTH = 220_000_000;
/** Two fairs a year (Vietnam Expo in Hà Nội in April, a Sài Gòn trade fair in October): month, first day. */
const TRADE_SHOWS: [number, number][] = [
  [3, 9],
  [9, 15],
];
const START_ACTIVE: Record<Segment, number> = { retail: 600, distributor: 45, online: 300 };
const MONTHLY_CHURN: Record<Segment, number> = { retail: 0.025, distributor: 0.015, online: 0.06 };

export interface SimDay {
  day: number;
  revenue: Record<Segment, number>;
  orders: Record<Segment, number>;
  mqls: Record<Channel, number>;
}

export interface SimMonth {
  ym: YearMonth;
  start: number;
  /** 1 for a finished month, the elapsed share for the current one (its figures are month to date). */
  fraction: number;
  revenue: Record<Segment, number>;
  mqls: Record<Channel, number>;
  spend: Record<Channel, number>;
  newCustomers: Record<Channel, Record<Segment, number>>;
  churned: Record<Segment, number>;
  active: Record<Segment, number>;
  channelRevenue: Record<Channel, number>;
  grossProfit: number;
  netProfit: number;
  onTimeDelivery: number;
  orderLeadTime: number;
  trainingHours: number;
  engagement: number;
}

export interface Simulation {
  days: SimDay[];
  months: SimMonth[];
}

function perSegment(f: (s: Segment) => number): Record<Segment, number> {
  return { retail: f('retail'), distributor: f('distributor'), online: f('online') };
}

function perChannel<T>(f: (c: Channel) => T): Record<Channel, T> {
  return {
    facebook: f('facebook'),
    google: f('google'),
    zalo: f('zalo'),
    referral: f('referral'),
    trade_show: f('trade_show'),
  };
}

const roundTo = (value: number, step: number) => Math.max(0, Math.round(value / step) * step);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Stock-up weeks before Tết, the holiday itself when nothing ships, then a slow restart. */
function tetRevenueFactor(day: number): number {
  const d = daysFromTet(day);
  if (d >= -28 && d <= -3) return Math.max(1, 1.35 + 0.45 * (1 - Math.abs(d + 12) / 16));
  if (d >= -2 && d <= -1) return 0.6;
  if (d >= 0 && d <= 5) return 0.08;
  if (d >= 6 && d <= 20) return 0.75;
  return 1;
}

function tetMarketingFactor(day: number): number {
  const d = daysFromTet(day);
  if (d >= -2 && d <= 6) return 0.15;
  if (d >= -20 && d < -2) return 0.8;
  return 1;
}

function isTradeShowDay(day: number): boolean {
  const date = new Date(day);
  return TRADE_SHOWS.some(
    ([month, first]) =>
      date.getUTCMonth() === month && date.getUTCDate() >= first && date.getUTCDate() < first + 4,
  );
}

function simulateDay(day: number, elapsedMonths: number, progress: number, fraction: number): SimDay {
  const date = new Date(day);
  const weekday = date.getUTCDay();
  const season = (MONTH_SEASON[date.getUTCMonth()] ?? 1) * tetRevenueFactor(day);
  const trend = (1 + REVENUE_GROWTH) ** elapsedMonths;
  // Online grows its share of the business; retail and distributors give some up.
  const share = {
    retail: 0.47 - 0.03 * progress,
    distributor: 0.35 - 0.01 * progress,
    online: 0.18 + 0.04 * progress,
  };
  const key = new Date(day).toISOString().slice(0, 10);
  const orders = perSegment(() => 0);
  const revenue = perSegment(() => 0);
  for (const segment of SEGMENTS) {
    const rng = rngFor(`revenue|${segment}|${key}`);
    const expected =
      (START_MONTHLY_REVENUE / DAYS_PER_MONTH) *
      trend *
      season *
      share[segment] *
      (WEEKDAY[segment][weekday] ?? 1) *
      fraction;
    const aov = AVERAGE_ORDER[segment] * 1.005 ** elapsedMonths;
    orders[segment] = poisson(rng, expected / aov);
    revenue[segment] = roundTo(orders[segment] * aov * jitter(rng, 0.12), 1000);
  }
  const marketingTrend = (1 + MARKETING_GROWTH) ** elapsedMonths;
  const weekdayMql = weekday === 0 ? 0.6 : weekday === 6 ? 0.85 : 1.1;
  const mqls = perChannel((channel) => {
    const rng = rngFor(`mqls|${channel}|${key}`);
    let mean = (START_MQLS[channel] / DAYS_PER_MONTH) * marketingTrend * weekdayMql * tetMarketingFactor(day);
    if (channel === 'trade_show' && isTradeShowDay(day)) mean += 35;
    return poisson(rng, mean * fraction);
  });
  return { day, revenue, orders, mqls };
}

function isTradeShowMonth(ym: YearMonth): boolean {
  return TRADE_SHOWS.some(([month]) => month === ym.month);
}

/** Splits `count` new customers of one channel over segments, one draw per customer. */
function splitBySegment(rng: Rng, count: number, shares: Record<Segment, number>): Record<Segment, number> {
  const out = perSegment(() => 0);
  for (let i = 0; i < count; i++) {
    let r = rng();
    for (const segment of SEGMENTS) {
      r -= shares[segment];
      if (r < 0 || segment === 'online') {
        out[segment]++;
        break;
      }
    }
  }
  // The last bucket catches rounding; move any stray customer out of a segment the channel never serves.
  for (const segment of SEGMENTS) {
    if (shares[segment] === 0 && out[segment] > 0) {
      out.retail += out[segment];
      out[segment] = 0;
    }
  }
  return out;
}

/**
 * The revenue the business expects on the days from `from` up to (not including) `to` — trend,
 * seasons, Tết and weekdays, without the day-to-day noise — for the dataset built at `now`. The
 * example's revenue plan (example-milestones.ts) is cut from it, so its quarters are reachable.
 */
export function expectedRevenue(now: number, from: number, to: number): number {
  const windowStart = monthStart(addMonths(yearMonthOf(now), -(MONTHS_OF_DATA - 1)));
  let total = 0;
  for (let day = from; day < to; day += DAY_MS) {
    const date = new Date(day);
    const elapsed = (day - windowStart) / DAY_MS / DAYS_PER_MONTH;
    const progress = Math.min(1, Math.max(0, elapsed / (MONTHS_OF_DATA - 1)));
    const share = {
      retail: 0.47 - 0.03 * progress,
      distributor: 0.35 - 0.01 * progress,
      online: 0.18 + 0.04 * progress,
    };
    const base =
      (START_MONTHLY_REVENUE / DAYS_PER_MONTH) *
      (1 + REVENUE_GROWTH) ** elapsed *
      (MONTH_SEASON[date.getUTCMonth()] ?? 1) *
      tetRevenueFactor(day);
    for (const segment of SEGMENTS)
      total += base * share[segment] * (WEEKDAY[segment][date.getUTCDay()] ?? 1);
  }
  return total;
}

export function simulate(now: number): Simulation {
  const last = yearMonthOf(now);
  const first = addMonths(last, -(MONTHS_OF_DATA - 1));
  const windowStart = monthStart(first);
  const days: SimDay[] = [];
  const months: SimMonth[] = [];
  let active = perSegment((s) => START_ACTIVE[s]);

  for (let i = 0; i < MONTHS_OF_DATA; i++) {
    const ym = addMonths(first, i);
    const start = monthStart(ym);
    const end = monthEnd(ym) + 1;
    const fraction = Math.min(1, (now - start) / (end - start));
    const progress = i / (MONTHS_OF_DATA - 1);
    const monthKey = `${ym.year}-${ym.month + 1}`;

    const monthDays: SimDay[] = [];
    for (let d = 0; d < daysInMonth(ym); d++) {
      const day = start + d * DAY_MS;
      if (day > now) break;
      // Today is only partly over: its figures are scaled to the elapsed part of the day.
      const dayFraction = Math.min(1, (now - day) / DAY_MS);
      const elapsed = (day - windowStart) / DAY_MS / DAYS_PER_MONTH;
      monthDays.push(simulateDay(day, elapsed, progress, dayFraction));
    }
    days.push(...monthDays);

    const revenue = perSegment((s) => monthDays.reduce((sum, d) => sum + d.revenue[s], 0));
    const mqls = perChannel((c) => monthDays.reduce((sum, d) => sum + d.mqls[c], 0));
    const marketingTrend = (1 + MARKETING_GROWTH) ** i;
    const spend = perChannel((c) => {
      const rng = rngFor(`spend|${c}|${monthKey}`);
      const booth = c === 'trade_show' && isTradeShowMonth(ym) ? TRADE_SHOW_BOOTH : 0;
      return roundTo((START_SPEND[c] * marketingTrend * jitter(rng, 0.08) + booth) * fraction, 100_000);
    });
    const newCustomers = perChannel((c) => {
      const rng = rngFor(`customers|${c}|${monthKey}`);
      return splitBySegment(rng, poisson(rng, mqls[c] * CONVERSION[c]), CHANNEL_SEGMENT_SHARE[c]);
    });
    const churned = perSegment((s) =>
      poisson(rngFor(`churn|${s}|${monthKey}`), active[s] * MONTHLY_CHURN[s] * fraction),
    );
    active = perSegment((s) =>
      Math.max(0, active[s] + CHANNELS.reduce((sum, c) => sum + newCustomers[c][s], 0) - churned[s]),
    );
    const channelRevenue = perChannel((c) => {
      const rng = rngFor(`attributed|${c}|${monthKey}`);
      const value = SEGMENTS.reduce((sum, s) => sum + newCustomers[c][s] * FIRST_QUARTER_VALUE[s], 0);
      return roundTo(value * jitter(rng, 0.15), 1000);
    });

    const ops = rngFor(`ops|${monthKey}`);
    const totalRevenue = SEGMENTS.reduce((sum, s) => sum + revenue[s], 0);
    // Tết gift baskets sell at full price; March clears leftover stock at a discount.
    const margin = 0.3 + (ym.month <= 1 ? 0.012 : ym.month === 2 ? -0.02 : 0) + normal(ops) * 0.006;
    const grossProfit = roundTo(totalRevenue * margin, 1000);
    // The 13th-month salary is paid in the month of Tết.
    const tetMonth = new Date(tetDay(ym.year)).getUTCMonth() === ym.month;
    const opex = (430_000_000 * 1.012 ** i + (tetMonth ? 350_000_000 : 0)) * fraction;
    const totalSpend = CHANNELS.reduce((sum, c) => sum + spend[c], 0);
    const netProfit = Math.round((grossProfit - opex - totalSpend) / 1000) * 1000;
    const slowMonth = tetMonth ? 1 : 0;

    months.push({
      ym,
      start,
      fraction,
      revenue,
      mqls,
      spend,
      newCustomers,
      churned,
      active,
      channelRevenue,
      grossProfit,
      netProfit,
      onTimeDelivery: Math.min(99.5, round1(92 + 5 * progress + normal(ops) * 0.8 - 4 * slowMonth)),
      orderLeadTime: Math.round((2.9 - 0.8 * progress + normal(ops) * 0.12 + 1.2 * slowMonth) * 100) / 100,
      trainingHours: poisson(ops, (45 + 30 * progress) * (tetMonth ? 0.4 : 1) * fraction),
      engagement: round1(68 + 9 * progress + normal(ops) * 1.2),
    });
  }
  return { days, months };
}
