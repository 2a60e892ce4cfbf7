/**
 * Money in several currencies, added up only where the user gave a rate. Pacer has no network and
 * fetches no rates: a rate is the user's ("1 USD = 25,400 VND"), used both ways, never chained —
 * a USD→EUR figure through VND would hide two rates the user never compared.
 */

export interface Rate {
  from: string;
  to: string;
  rate: number;
}

/** `amount` of `from` in `to`, or null when no rate joins the two. */
export function convert(amount: number, from: string, to: string, rates: readonly Rate[]): number | null {
  if (from === to) return amount;
  const direct = rates.find((r) => r.from === from && r.to === to);
  if (direct) return amount * direct.rate;
  const inverse = rates.find((r) => r.from === to && r.to === from);
  if (inverse && inverse.rate > 0) return amount / inverse.rate;
  return null;
}

/** What could not be counted in the target currency, per currency. */
export interface Apart {
  currency: string;
  amount: number;
  count: number;
}

export interface Total {
  currency: string;
  /** Only amounts in `currency` or converted to it with a rate. */
  total: number;
  counted: number;
  /** Amounts in currencies without a rate, summed per currency (each sum in its own currency). */
  apart: Apart[];
}

/**
 * The total of `items` in `currency`: items in another currency are converted with a rate, or kept
 * apart in their own currency when there is none. An item without a currency is in `fallback`.
 */
export function totalIn(
  items: readonly { amount?: number | undefined; currency?: string | undefined }[],
  currency: string,
  rates: readonly Rate[],
  fallback: string = currency,
): Total {
  let total = 0;
  let counted = 0;
  const apart = new Map<string, Apart>();
  for (const item of items) {
    if (item.amount === undefined || !Number.isFinite(item.amount)) continue;
    const from = item.currency ?? fallback;
    const value = convert(item.amount, from, currency, rates);
    if (value !== null) {
      total += value;
      counted++;
      continue;
    }
    const group = apart.get(from) ?? { currency: from, amount: 0, count: 0 };
    group.amount += item.amount;
    group.count++;
    apart.set(from, group);
  }
  return {
    currency,
    total,
    counted,
    apart: [...apart.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
