/**
 * The new tab's Pareto panel: customers and deals ranked by value into A/B/C… tiers, each tier's
 * count and share of value, and how that changed since the start of the month.
 *
 * The tiers are the CRM badges' tiers: the same `paretoTiers`, the same thresholds from settings, the
 * same deals (lib/app/ranked-deals.ts: valued, not lost, the user's own once there are any) and the
 * same rule of one currency at a time — a VND
 * deal and a USD deal are never compared without a rate (lib/overlay/overlay-context.ts
 * `tiersByCurrency`). A test holds the two to the same labels.
 *
 * "Last month" is the same ranking over the deals that existed when this month began (created, or
 * first seen, before it). Pacer keeps no history of a deal's amount, so those deals are valued at
 * today's amounts: the change shows deals that arrived, not amounts that were renegotiated.
 */
import { normaliseThresholds, paretoTiers } from '../engine/pareto';
import { localDayKey, startOfLocalDay } from '../engine/time-buckets';
import { toCsv } from '../export/csv-export';
import type { Lead } from '../schema';
import { MIN_DEALS_FOR_TIERS, rankedDeals } from './ranked-deals';

export type ParetoSubject = 'deals' | 'customers';

export interface ParetoEntry {
  /** A deal's lead id, or `customer:<name>` for a customer. */
  id: string;
  name: string;
  value: number;
  /** 0 = A. */
  tier: number;
  label: string;
  /** This entry's share of the total value (0–1). */
  share: number;
  cumulativeShare: number;
  /** The tier at the start of the month; null when the entry did not exist yet. */
  previousLabel: string | null;
  /** Deals behind a customer (1 for a deal). */
  deals: number;
  /** A deal's CRM page. */
  url?: string;
}

export interface ParetoTier {
  tier: number;
  label: string;
  count: number;
  value: number;
  /** Share of the total value (0–1). */
  share: number;
  previousCount: number;
  previousShare: number;
  entries: ParetoEntry[];
}

export interface ParetoView {
  subject: ParetoSubject;
  currency: string;
  /** Every currency with at least one valued deal, most deals first. */
  currencies: string[];
  total: number;
  /** Valued deals in `currency`; below MIN_DEALS_FOR_TIERS nothing is tiered (`tiers` hold no entries). */
  dealCount: number;
  previousTotal: number;
  /**
   * Start of the current month in the user's zone: the tiers "since" it are compared with the tiers of
   * the deals on record before it (the table's "Since Dec 1, 2026", a row's "On Dec 1, 2026: A").
   */
  monthStart: number;
  /** The same day as a day key ("2026-12-01"), for the CSV's column name. */
  monthStartDay: string;
  thresholds: number[];
  tiers: ParetoTier[];
}

interface Item {
  id: string;
  name: string;
  value: number;
  deals: number;
  url?: string;
}

const currencyOf = (lead: Lead, fallback: string) => lead.currency ?? fallback;

/** Currencies with valued deals, most deals first (the user's own currency first on a tie). */
export function paretoCurrencies(leads: readonly Lead[], fallback: string): string[] {
  const counts = new Map<string, number>();
  for (const l of rankedDeals(leads))
    counts.set(currencyOf(l, fallback), (counts.get(currencyOf(l, fallback)) ?? 0) + 1);
  return [...counts]
    .sort(
      (a, b) =>
        b[1] - a[1] || Number(b[0] === fallback) - Number(a[0] === fallback) || a[0].localeCompare(b[0]),
    )
    .map(([c]) => c);
}

/** The customer a deal belongs to: its organisation, else the record's own name (a company record, a person). */
export function customerName(lead: Pick<Lead, 'company' | 'name'>): string {
  return (lead.company?.trim() || lead.name.trim()).replace(/\s+/g, ' ');
}

function itemsOf(deals: readonly Lead[], subject: ParetoSubject): Item[] {
  if (subject === 'deals') {
    return deals.map((l) => ({ id: l.id, name: l.name, value: l.amount ?? 0, deals: 1, url: l.url }));
  }
  // Customers: one row per organisation, its deals summed. Names compare without case, as people type them.
  const byKey = new Map<string, Item>();
  for (const l of deals) {
    const name = customerName(l);
    const key = name.toLocaleLowerCase('vi');
    const item = byKey.get(key);
    if (item) {
      item.value += l.amount ?? 0;
      item.deals += 1;
    } else byKey.set(key, { id: `customer:${key}`, name, value: l.amount ?? 0, deals: 1 });
  }
  return [...byKey.values()];
}

export interface ParetoInput {
  leads: readonly Lead[];
  subject: ParetoSubject;
  /** The currency to rank; the first of `paretoCurrencies` when absent or not present. */
  currency?: string;
  /** settings.currency: the currency of deals that carry none. */
  fallbackCurrency: string;
  thresholds: readonly number[];
  timeZone: string;
  now: number;
}

export function buildParetoView(input: ParetoInput): ParetoView {
  const { leads, subject, fallbackCurrency, timeZone, now } = input;
  const thresholds = normaliseThresholds(input.thresholds);
  const currencies = paretoCurrencies(leads, fallbackCurrency);
  const currency =
    input.currency && currencies.includes(input.currency)
      ? input.currency
      : (currencies[0] ?? fallbackCurrency);
  const monthStartDay = `${localDayKey(now, timeZone).slice(0, 8)}01`;
  const monthStart = startOfLocalDay(monthStartDay, timeZone);

  // Kept in the stored order: equal amounts then tie the same way as on the badges.
  const inCurrency = rankedDeals(leads).filter((l) => currencyOf(l, fallbackCurrency) === currency);
  // Too few to tier: as on the badges, none is ranked (ranked-deals.ts, MIN_DEALS_FOR_TIERS).
  const deals = inCurrency.length >= MIN_DEALS_FOR_TIERS ? inCurrency : [];
  const earlier = deals.filter((l) => (l.createdDate ?? l.firstSeen) < monthStart);

  const ranked = paretoTiers(itemsOf(deals, subject), (i) => i.value, thresholds);
  const before = paretoTiers(itemsOf(earlier, subject), (i) => i.value, thresholds);
  const previousLabel = new Map(before.map((r) => [r.item.id, r.label]));
  const total = inCurrency.reduce((a, l) => a + (l.amount ?? 0), 0);
  const previousTotal = before.reduce((a, r) => a + r.value, 0);

  const tiers: ParetoTier[] = thresholds.map((_, tier) => {
    const rows = ranked.filter((r) => r.tier === tier);
    const old = before.filter((r) => r.tier === tier);
    const value = rows.reduce((a, r) => a + r.value, 0);
    const oldValue = old.reduce((a, r) => a + r.value, 0);
    return {
      tier,
      label: rows[0]?.label ?? old[0]?.label ?? tierLabel(tier),
      count: rows.length,
      value,
      share: total > 0 ? value / total : 0,
      previousCount: old.length,
      previousShare: previousTotal > 0 ? oldValue / previousTotal : 0,
      entries: rows.map((r) => ({
        id: r.item.id,
        name: r.item.name,
        value: r.value,
        tier: r.tier,
        label: r.label,
        share: total > 0 ? r.value / total : 0,
        cumulativeShare: r.cumulativeShare,
        previousLabel: previousLabel.get(r.item.id) ?? null,
        deals: r.item.deals,
        ...(r.item.url ? { url: r.item.url } : {}),
      })),
    };
  });
  return {
    subject,
    currency,
    currencies,
    total,
    dealCount: inCurrency.length,
    previousTotal,
    monthStart,
    monthStartDay,
    thresholds,
    tiers,
  };
}

const LABELS = 'ABCDEFG';
export const tierLabel = (tier: number): string => LABELS[tier] ?? String(tier + 1);

/** Every ranked entry as a spreadsheet row; the column names are English, as the other exports'. */
export function paretoCsv(view: ParetoView): string {
  const rows = view.tiers.flatMap((t) =>
    t.entries.map((e, i) => [
      e.label,
      i + 1,
      e.name,
      e.value,
      view.currency,
      round4(e.share),
      round4(e.cumulativeShare),
      e.deals,
      e.previousLabel ?? 'new',
    ]),
  );
  return toCsv(
    [
      'tier',
      'rank in tier',
      view.subject === 'deals' ? 'deal' : 'customer',
      'value',
      'currency',
      'share',
      'cumulative share',
      'deals',
      `tier on ${view.monthStartDay}`,
    ],
    rows,
    { bom: true },
  );
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export type ThresholdsCheck =
  | { ok: true; thresholds: number[] }
  | { ok: false; problem: 'count' | 'number' | 'range' | 'order' | 'last'; detail?: string };

/**
 * The settings field: cumulative percentages such as "80, 95, 100" (en) or "80; 95; 100" — 3 to 7
 * of them, each above 0, increasing, the last 100 (every deal belongs to a tier). Decimal commas
 * ("99,5") are read when the list is separated by semicolons or spaces.
 */
export function parseThresholds(text: string): ThresholdsCheck {
  const semicolons = text.includes(';');
  const parts = text
    .split(semicolons ? /[;\s]+/ : /[,\s]+/)
    .map((p) => p.trim().replace(/%$/, ''))
    .filter((p) => p !== '');
  if (parts.length < 3 || parts.length > 7)
    return { ok: false, problem: 'count', detail: String(parts.length) };
  const values: number[] = [];
  for (const p of parts) {
    const n = Number(semicolons ? p.replace(',', '.') : p);
    if (!/^\d+(?:[.,]\d+)?$/.test(p) || !Number.isFinite(n))
      return { ok: false, problem: 'number', detail: p };
    if (n <= 0 || n > 100) return { ok: false, problem: 'range', detail: p };
    values.push(n);
  }
  for (let i = 1; i < values.length; i++) {
    if (values[i]! <= values[i - 1]!) return { ok: false, problem: 'order', detail: parts[i] };
  }
  if (values.at(-1) !== 100) return { ok: false, problem: 'last', detail: parts.at(-1) };
  return { ok: true, thresholds: values.map((v) => Math.round(v * 100) / 10_000) };
}

/** The stored thresholds as the field shows them: [0.8, 0.95, 1] → "80, 95, 100". */
export function formatThresholds(thresholds: readonly number[]): string {
  return thresholds.map((t) => String(Math.round(t * 10_000) / 100)).join(', ');
}
