// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MappingOutcomes } from '../../../components/options/crm-mapping-outcomes';
import type { CrmMapping, StageOutcomes } from '../../../lib/crm/mapping';

const MAPPING: CrmMapping = {
  version: 1,
  origin: 'http://127.0.0.1:4000',
  kind: 'board',
  objectType: 'deal',
  item: 'div.card',
  fields: { name: 'h3' },
  stageOutcomes: { won: ['Signed'], lost: [], open: [] },
  createdAt: 1,
};

afterEach(() => render(null, document.body));

async function show(mapping: CrmMapping) {
  const onChange = vi.fn<(marks: StageOutcomes) => void>();
  await act(async () => render(<MappingOutcomes mapping={mapping} onChange={onChange} />, document.body));
  return onChange;
}

describe('options › a mapping’s won and lost stages', () => {
  it('lists the marks made in the picker, and changes or takes one off', async () => {
    const onChange = await show(MAPPING);
    expect(document.querySelector('summary')?.textContent).toBe('Won and lost stages (1)');
    const select = document.querySelector<HTMLSelectElement>('[data-testid="crm-mapping-outcome"] select')!;
    expect(select.value).toBe('won');
    select.value = 'lost';
    await act(async () => {
      select.dispatchEvent(new Event('change'));
    });
    expect(onChange).toHaveBeenLastCalledWith({ won: [], lost: ['Signed'], open: [] });
    await act(async () =>
      document.querySelector<HTMLButtonElement>('[data-testid="crm-mapping-outcome"] button')!.click(),
    );
    expect(onChange).toHaveBeenLastCalledWith({ won: [], lost: [], open: [] });
  });

  it('marks a stage the picked page did not show, and refuses an empty one', async () => {
    const onChange = await show({ ...MAPPING, stageOutcomes: undefined });
    expect(document.body.textContent).toContain('None marked');
    const input = document.querySelector<HTMLInputElement>('[data-testid="crm-mapping-outcome-stage"]')!;
    const value = document.querySelector<HTMLSelectElement>('[data-testid="crm-mapping-outcome-value"]')!;
    const submit = () =>
      document.querySelector<HTMLButtonElement>('[data-testid="crm-mapping-outcome-add"]')!.click();
    await act(async () => submit());
    expect(onChange).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('Enter a stage as the CRM shows it.');
    input.value = ' Dropped ';
    await act(async () => {
      input.dispatchEvent(new Event('input'));
    });
    value.value = 'lost';
    await act(async () => {
      value.dispatchEvent(new Event('change'));
    });
    await act(async () => submit());
    expect(onChange).toHaveBeenLastCalledWith({ won: [], lost: ['Dropped'], open: [] });
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });
});
