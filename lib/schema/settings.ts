import * as z from 'zod/mini';
import { CurrencyCode, Locale } from './common';
import { CrmId } from './lead';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const DASHBOARD_WIDGETS = [
  'focus',
  'goals',
  'okr',
  'scorecard',
  'milestones',
  'growth',
  'alerts',
] as const;
export const DashboardWidget = z.enum(DASHBOARD_WIDGETS);

const HourOfDay = z.int().check(z.gte(0), z.lte(23));

/** "1 USD = 25,400 VND": one user-given rate; Pacer never fetches rates (it has no network). */
export const ExchangeRate = z
  .object({
    from: CurrencyCode,
    to: CurrencyCode,
    rate: z.number().check(z.gt(0), z.lt(1e12), z.refine(Number.isFinite, 'expected a finite number')),
  })
  .check(z.refine((r) => r.from !== r.to, 'a rate converts between two different currencies'));
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/**
 * Every field has a default, so a settings record written by an older Pacer that lacks a newer field
 * still parses. A field with a wrong type does not parse: the record is quarantined, not defaulted.
 */
export const Settings = z.object({
  id: z._default(z.literal('settings'), 'settings'),
  locale: z._default(Locale, 'en'),
  currency: z._default(CurrencyCode, 'VND'),
  timeZone: z._default(
    z.string().check(
      z.refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'unknown IANA time zone'),
    ),
    'UTC',
  ),
  /** 0 = Sunday … 6 = Saturday. */
  weekStart: z._default(z.int().check(z.gte(0), z.lte(6)), 1),
  /** 1 = January. */
  fiscalYearStartMonth: z._default(z.int().check(z.gte(1), z.lte(12)), 1),
  enabledCrms: z._default(z.array(CrmId), []),
  theme: z._default(Theme, 'system'),
  layout: z._default(
    z.array(z.object({ widget: DashboardWidget, visible: z.boolean() })),
    DASHBOARD_WIDGETS.map((widget) => ({ widget, visible: true })),
  ),
  checkIn: z._default(
    z.object({
      enabled: z.boolean(),
      weekday: z.int().check(z.gte(0), z.lte(6)),
      hour: HourOfDay,
      minute: z.int().check(z.gte(0), z.lte(59)),
    }),
    { enabled: true, weekday: 5, hour: 16, minute: 0 },
  ),
  quietHours: z._default(z.object({ enabled: z.boolean(), from: HourOfDay, to: HourOfDay }), {
    enabled: true,
    from: 21,
    to: 8,
  }),
  okrZones: z._default(
    z
      .object({ low: z.number().check(z.gte(0), z.lte(1)), high: z.number().check(z.gte(0), z.lte(1)) })
      .check(z.refine((o) => o.low < o.high, 'low must be below high')),
    { low: 0.3, high: 0.7 },
  ),
  /** Pareto tier upper bounds of cumulative value share, e.g. [0.8, 0.95, 1] for A/B/C. */
  paretoThresholds: z._default(
    z.array(z.number().check(z.gt(0), z.lte(1))).check(z.minLength(3), z.maxLength(7)),
    [0.8, 0.95, 1],
  ),
  /**
   * Rates for money KPIs read from CRMs whose deals are in several currencies. Without a rate between
   * two currencies their amounts are shown apart, never added up.
   */
  exchangeRates: z._default(
    z.array(ExchangeRate).check(
      z.maxLength(50),
      z.refine(
        (list) => new Set(list.map((r) => [r.from, r.to].sort().join('/'))).size === list.length,
        'one rate per pair of currencies',
      ),
    ),
    [],
  ),
  onboarded: z._default(z.boolean(), false),
  /** Who the user is, so the weekly check-in lists the goals they own ('' = not asked yet / all goals). */
  ownerName: z._default(z.string().check(z.maxLength(200)), ''),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...Settings.parse({}), ...overrides };
}
