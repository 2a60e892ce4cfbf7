// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metric } from '../engine/fixtures';

// "Quick log" on a goal whose KPI is calculated (average order value = revenue / orders) opened Log
// values with nothing chosen: a calculated KPI is not in the list, since it takes no values of its
// own. It now chooses the first KPI it is read from and says which ones to log (a reviewer).
const revenue = metric({ id: 'm-rev', name: 'Revenue' });
const orders = metric({ id: 'm-orders', name: 'Orders' });
const aov = metric({ id: 'm-aov', name: 'Average order value', formula: '{m-rev} / {m-orders}' });
vi.mock('../../../components/newtab/editor/use-records', () => ({
  useRecords: () => ({ goals: [], metrics: [revenue, orders, aov], loaded: true }),
}));

const { DataEntry } = await import('../../../components/newtab/editor/data-entry');
const { settings } = await import('../../../components/app/session');
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => render(null, document.body));

describe('Log values opened for a calculated KPI', () => {
  it('chooses its first input and names the KPIs to log, in English and Vietnamese', async () => {
    for (const [locale, note] of [
      [
        'en',
        '“Average order value” is calculated from other KPIs (Revenue, Orders): log their values and it follows.',
      ],
      [
        'vi',
        '“Average order value” được tính từ các KPI khác (Revenue, Orders): hãy ghi số liệu của chúng, KPI này sẽ tự cập nhật.',
      ],
    ] as const) {
      settings.value = { ...settings.value, locale };
      render(<DataEntry metricId="m-aov" onClose={() => {}} />, document.body);
      await tick();
      await tick();
      expect(document.querySelector<HTMLSelectElement>('#entry-metric')?.value).toBe('m-rev');
      expect(document.querySelector('[data-testid="entry-calculated"]')?.textContent).toBe(note);
      render(null, document.body);
    }
  });

  it('says nothing for a KPI that takes values itself', async () => {
    render(<DataEntry metricId="m-orders" onClose={() => {}} />, document.body);
    await tick();
    expect(document.querySelector<HTMLSelectElement>('#entry-metric')?.value).toBe('m-orders');
    expect(document.querySelector('[data-testid="entry-calculated"]')).toBeNull();
  });
});
