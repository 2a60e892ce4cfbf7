import { describe, expect, it } from 'vitest';
import { evaluateFormulaText, parseFormula } from '../../../lib/engine/formula';
import {
  instantiateTemplate,
  KPI_TEMPLATES,
  kpiTemplate,
  templateMetric,
} from '../../../lib/engine/kpi-pack';
import { Metric, metricNamed } from '../../../lib/schema';
import { metric } from './fixtures';

const now = Date.parse('2025-01-15T00:00:00Z');
const ids = () => {
  let n = 0;
  return () => `m${++n}`;
};

describe('KPI_TEMPLATES', () => {
  it('covers the growth pack, each with en and vi texts', () => {
    const need = [
      'revenue',
      'profit',
      'gross_margin_pct',
      'revenue_vs_trajectory',
      'new_customers',
      'retention_rate',
      'churn_rate',
      'avg_monthly_value_per_customer',
      'cost_per_lead',
      'cost_per_mql',
      'mql_to_customer_rate',
      'roas',
      'cac',
      'clv',
    ];
    for (const id of need) expect(kpiTemplate(id), id).toBeDefined();
    for (const t of KPI_TEMPLATES) {
      expect(
        t.name.en.length && t.name.vi.length && t.definition.en.length && t.definition.vi.length,
      ).toBeTruthy();
      if (t.metric?.formula) {
        const p = parseFormula(t.metric.formula);
        expect(p.ok, t.id).toBe(true);
        if (p.ok) for (const r of p.refs) expect(t.needs, `${t.id} needs ${r}`).toContain(r);
      }
    }
    expect(kpiTemplate('retention_rate')?.definition.en).toContain('(E − N) ÷ S');
    expect(kpiTemplate('retention_rate')?.metric?.dimensions).toContain('segment');
    expect(kpiTemplate('roas')?.metric?.dimensions).toContain('channel');
    expect(kpiTemplate('churn_rate')?.definition.vi).toContain('khách hàng');
  });
  it('churn + retention = 100 and CLV / ROAS give no value on zero churn / zero spend', () => {
    const v: Record<string, number[]> = {
      customers: [100, 110],
      new_customers: [0, 20],
      revenue: [1000, 1200],
      cogs: [400, 500],
      ad_spend: [0, 0],
    };
    const at = (id: string, lag: number) => v[id]?.[1 - lag] ?? null;
    const f = (id: string) => evaluateFormulaText(kpiTemplate(id)?.metric?.formula ?? '', at);
    expect(f('retention_rate')).toBeCloseTo(90);
    expect(f('churn_rate')).toBeCloseTo(10);
    expect(f('clv')).toBeCloseTo(700 / 110 / 0.1);
    expect(f('roas')).toBeNull();
    expect(f('gross_margin_pct')).toBeCloseTo((700 / 1200) * 100);
    v.customers = [100, 120];
    expect(f('clv')).toBeNull(); // (120 − 20) / 100 = 100% retention: lifetime unbounded.
  });
});

describe('instantiateTemplate', () => {
  it('creates the KPI and its missing base metrics in one step, wiring real ids into the formula', () => {
    const created = instantiateTemplate('cost_per_lead', [], now, ids(), { currency: 'USD', locale: 'vi' });
    expect(created.map((m) => m.templateId)).toEqual(['cost_per_lead', 'ad_spend', 'leads']);
    const [kpi, spend, leads] = created;
    expect(kpi?.formula).toBe(`{${spend?.id}} / {${leads?.id}}`);
    expect(kpi?.name).toBe('Chi phí mỗi khách hàng tiềm năng');
    expect(kpi?.unit).toEqual({ kind: 'currency', currency: 'USD' });
    expect(kpi?.direction).toBe('down');
    for (const m of created) expect(Metric.safeParse(m).success).toBe(true);
  });
  it('reuses existing base metrics and creates nothing twice', () => {
    const first = instantiateTemplate('roas', [], now, ids());
    const revenue = first.find((m) => m.templateId === 'revenue');
    const again = instantiateTemplate('roas', first, now, ids());
    expect(again).toEqual([]);
    const cac = instantiateTemplate('cac', first, now, () => 'x1');
    expect(cac.map((m) => m.templateId)).toEqual(['cac', 'new_customers']);
    expect(revenue).toBeDefined();
    expect(instantiateTemplate('nope', [], now, ids())).toEqual([]);
    // A goal-shaped template only creates the base it needs.
    expect(instantiateTemplate('revenue_vs_trajectory', [], now, ids()).map((m) => m.templateId)).toEqual([
      'revenue',
    ]);
  });
});

describe('a template beside a KPI made by hand under its name', () => {
  const byHand = (name: string, over: Partial<Metric> = {}): Metric =>
    metric({ id: 'mine', name, unit: { kind: 'currency', currency: 'VND' }, ...over });

  it('reuses it instead of making a second "Revenue"', () => {
    // A first-hour user made "Revenue", then clicked "Add Revenue": the quick log listed two.
    expect(instantiateTemplate('revenue', [byHand('revenue ')], now, ids())).toEqual([]);
    expect(templateMetric('revenue', [byHand('Revenue')])?.id).toBe('mine');
    // Its Vietnamese name counts too, and a formula template points at it.
    const profit = instantiateTemplate('gross_margin_pct', [byHand('Doanh thu')], now, ids());
    const own = profit.find((m) => m.templateId === 'gross_margin_pct');
    expect(own?.formula).toContain('{mine}');
    expect(profit.some((m) => m.templateId === 'revenue')).toBe(false);
  });

  it('makes its own when the namesake is deleted or archived', () => {
    expect(instantiateTemplate('revenue', [byHand('Revenue', { deletedAt: now })], now, ids())).toHaveLength(
      1,
    );
    expect(templateMetric('revenue', [byHand('Revenue', { archived: true })])).toBeUndefined();
  });
});

describe('metricNamed', () => {
  const m = (id: string, name: string, vi?: string) =>
    ({
      id,
      name,
      translations: vi ? { vi } : undefined,
      archived: false,
      deletedAt: null,
    }) as unknown as Metric;
  it('finds a live KPI by any of its names, case and spaces aside, diacritics kept', () => {
    const all = [m('a', 'Revenue', 'Doanh thu'), m('b', 'Orders')];
    expect(metricNamed(['  REVENUE'], all)?.id).toBe('a');
    expect(metricNamed(['doanh  thu'], all)?.id).toBe('a');
    expect(metricNamed(['Doanh thụ'], all)).toBeUndefined();
    expect(metricNamed(['Revenue'], all, 'a')).toBeUndefined();
  });
});
