/** The currencies a select offers: the common ones, with a stored code outside them listed first. */
const COMMON_CURRENCIES: readonly string[] = ['VND', 'USD', 'EUR', 'GBP', 'JPY', 'SGD', 'THB'];

export function currencyChoices(current?: string): readonly string[] {
  return current && !COMMON_CURRENCIES.includes(current)
    ? [current, ...COMMON_CURRENCIES]
    : COMMON_CURRENCIES;
}
