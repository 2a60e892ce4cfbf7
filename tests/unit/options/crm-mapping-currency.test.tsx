// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MappingCurrency } from '../../../components/options/crm-mapping-currency';
import { type CrmMapping, CrmMapping as CrmMappingSchema } from '../../../lib/crm/mapping';

const MAPPING: CrmMapping = {
  version: 1,
  origin: 'http://127.0.0.1:4000',
  kind: 'board',
  objectType: 'deal',
  item: 'div.card',
  fields: { name: 'h3', amount: '.amount' },
  createdAt: 1,
};

afterEach(() => render(null, document.body));

async function show(mapping: CrmMapping) {
  const onChange = vi.fn<(currency: string | undefined) => void>();
  await act(async () => render(<MappingCurrency mapping={mapping} onChange={onChange} />, document.body));
  return {
    onChange,
    select: document.querySelector<HTMLSelectElement>('[data-testid="crm-mapping-currency"]')!,
  };
}

async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  await act(async () => {
    select.dispatchEvent(new Event('change'));
  });
}

describe('options › a mapping’s default currency', () => {
  it('starts on the settings’ currency, sets a code, and clears it again', async () => {
    const { onChange, select } = await show(MAPPING);
    expect(select.value).toBe('');
    expect(select.selectedOptions[0]?.textContent).toBe('the currency in Settings');
    await choose(select, 'USD');
    expect(onChange).toHaveBeenLastCalledWith('USD');
    await choose(select, '');
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('shows a stored code outside the common list, and what it sets is a valid mapping', async () => {
    const { onChange, select } = await show({ ...MAPPING, defaultCurrency: 'MYR' });
    expect(select.value).toBe('MYR');
    await choose(select, 'JPY');
    const next = { ...MAPPING, defaultCurrency: onChange.mock.lastCall?.[0] };
    expect(CrmMappingSchema.safeParse(next).success).toBe(true);
  });
});
