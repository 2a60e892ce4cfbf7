/**
 * A mapping's default currency in the options page: the currency of amounts the CRM shows as a bare
 * number ("12,500"). A symbol or code in the amount itself always wins (lib/crm/custom.ts); without
 * a default, such amounts count in the settings' currency (docs/crm-currency-and-import.md).
 */
import type { CrmMapping } from '../../lib/crm/mapping';
import { CurrencyCode } from '../../lib/schema/common';
import { tr } from '../app/session';
import { currencyChoices } from '../shared/currency-choices';

export interface MappingCurrencyProps {
  mapping: CrmMapping;
  onChange(currency: string | undefined): void;
}

export function MappingCurrency({ mapping, onChange }: MappingCurrencyProps) {
  const t = tr.value;
  const current = mapping.defaultCurrency;
  const codes = currencyChoices(current);
  return (
    <label class="pc-mapping-currency">
      {t('picker.currency.label')}{' '}
      <select
        data-testid="crm-mapping-currency"
        value={current ?? ''}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          // Only an ISO code from the list reaches the mapping; the schema checks it again on write.
          onChange(value === '' ? undefined : CurrencyCode.parse(value));
        }}
      >
        <option value="">{t('picker.currency.none')}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}
