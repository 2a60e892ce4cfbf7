import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refreshLeadKpis } from '../../../lib/background/crm-kpis';
import { convert, totalIn } from '../../../lib/crm/exchange';
import { CRM_METRIC, deriveLeadKpis } from '../../../lib/overlay/kpi-series';
import { defaultSettings, Settings } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { lead, NOW } from './leads-fixture';

const USD_VND = { from: 'USD', to: 'VND', rate: 25_000 };

describe('convert and totalIn', () => {
  it('uses a rate both ways, never chains two, and says null without one', () => {
    expect(convert(2, 'USD', 'VND', [USD_VND])).toBe(50_000);
    expect(convert(50_000, 'VND', 'USD', [USD_VND])).toBe(2);
    expect(convert(5, 'EUR', 'EUR', [])).toBe(5);
    expect(convert(1, 'EUR', 'USD', [USD_VND, { from: 'EUR', to: 'VND', rate: 27_000 }])).toBeNull();
  });

  it('keeps amounts without a rate apart, per currency', () => {
    const t = totalIn(
      [
        { amount: 1_000_000, currency: 'VND' },
        { amount: 10, currency: 'USD' },
        { amount: 7, currency: 'EUR' },
        { amount: 3, currency: 'EUR' },
        { amount: 500 },
      ],
      'VND',
      [USD_VND],
    );
    expect(t).toEqual({
      currency: 'VND',
      total: 1_000_000 + 250_000 + 500,
      counted: 3,
      apart: [{ currency: 'EUR', amount: 10, count: 2 }],
    });
  });

  const CODES = ['VND', 'USD', 'EUR', 'JPY'] as const;
  const item = fc.record({
    amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
    currency: fc.constantFrom(...CODES),
  });
  const rate = fc.record({
    from: fc.constantFrom(...CODES),
    to: fc.constantFrom(...CODES),
    rate: fc.double({ min: 0.0001, max: 1e5, noNaN: true }),
  });

  it('property: a total never mixes in an amount of a currency it has no rate for', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 30 }),
        fc.array(rate, { maxLength: 3 }),
        fc.constantFrom(...CODES),
        (items, rates, target) => {
          const usable = rates.filter((r) => r.from !== r.to);
          const t = totalIn(items, target, usable);
          const joined = (c: string) =>
            c === target ||
            usable.some((r) => (r.from === c && r.to === target) || (r.to === c && r.from === target));
          // Every amount is either counted (its currency is the target or has a rate) or kept apart.
          const unjoined = items.filter((i) => !joined(i.currency));
          expect(t.counted + t.apart.reduce((a, g) => a + g.count, 0)).toBe(items.length);
          expect(t.apart.map((g) => g.currency).sort()).toEqual(
            [...new Set(unjoined.map((i) => i.currency))].sort(),
          );
          // Doubling every amount that has no rate changes nothing in the total.
          const doubled = items.map((i) => (joined(i.currency) ? i : { ...i, amount: i.amount * 2 + 1 }));
          expect(totalIn(doubled, target, usable).total).toBe(t.total);
          // With no rates at all, the total is exactly the sum of the target currency's amounts.
          const plain = totalIn(items, target, []).total;
          const own = items.filter((i) => i.currency === target).reduce((a, i) => a + i.amount, 0);
          expect(plain).toBe(own);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CRM money KPIs and currencies', () => {
  const LEADS = [
    lead('v', { amount: 1_000_000_000, currency: 'VND', history: [['Qualified', 3]] }),
    lead('u', { amount: 52_600, currency: 'USD', history: [['Qualified', 2]] }),
    lead('w', { amount: 8_000, currency: 'USD', history: [['Closed won', 1]] }),
    lead('e', { amount: 1_000, currency: 'EUR', history: [['Proposal', 1]] }),
  ];
  const OPTS = { timeZone: 'UTC', currency: 'VND', now: NOW };
  const value = (kpis: ReturnType<typeof deriveLeadKpis>, metricId: string) =>
    kpis.observations.filter((o) => o.metricId === metricId).reduce((a, o) => a + o.value, 0);

  it('without a rate, USD and EUR deals are left out of a VND pipeline and reported apart', () => {
    const kpis = deriveLeadKpis(LEADS, OPTS);
    expect(value(kpis, CRM_METRIC.pipelineValue)).toBe(1_000_000_000);
    expect(value(kpis, CRM_METRIC.dealsWonValue)).toBe(0);
    expect(kpis.apart).toEqual(
      expect.arrayContaining([
        { metricId: CRM_METRIC.pipelineValue, currency: 'USD', amount: 52_600, count: 1 },
        { metricId: CRM_METRIC.pipelineValue, currency: 'EUR', amount: 1_000, count: 1 },
        { metricId: CRM_METRIC.dealsWonValue, currency: 'USD', amount: 8_000, count: 1 },
      ]),
    );
    const names = kpis.metrics.filter((m) => m.unit.kind === 'currency').map((m) => m.name);
    expect(names).toContain('Open pipeline value (CRM, VND)');
    expect(names.every((n) => n.endsWith('(VND)') || n.endsWith(', VND)'))).toBe(true);
  });

  it('with the user’s rate, USD deals are converted; EUR stays apart', () => {
    const kpis = deriveLeadKpis(LEADS, { ...OPTS, rates: [USD_VND] });
    expect(value(kpis, CRM_METRIC.pipelineValue)).toBe(1_000_000_000 + 52_600 * 25_000);
    expect(value(kpis, CRM_METRIC.dealsWonValue)).toBe(8_000 * 25_000);
    // EUR stays apart, in the total and in its stage's pipeline; nothing in USD is left out.
    expect(kpis.apart.map((a) => [a.metricId, a.currency, a.amount])).toEqual([
      [CRM_METRIC.pipelineValue, 'EUR', 1_000],
      ['crm-pipeline-value-proposal', 'EUR', 1_000],
    ]);
  });

  it('metrics follow the settings’ currency: renamed, older snapshots converted with a rate or dropped', async () => {
    const db = await openPacerDb(`crm-currency-${Math.random()}`);
    await repository(db, 'leads').putMany(LEADS);
    await refreshLeadKpis(db, { timeZone: 'UTC', currency: 'VND' }, NOW);
    // Yesterday's pipeline snapshot, in VND.
    const yesterday = {
      id: 'crm-pipeline-value:old',
      metricId: CRM_METRIC.pipelineValue,
      time: NOW - 86_400_000,
      value: 50_000_000,
      dims: {},
      source: 'crm' as const,
    };
    await ingestObservations(db, [yesterday]);

    const moved = await refreshLeadKpis(
      db,
      { timeZone: 'UTC', currency: 'USD', exchangeRates: [USD_VND] },
      NOW,
    );
    expect(moved.recurrenced).toBeGreaterThan(0);
    const metric = await repository(db, 'metrics').get(CRM_METRIC.pipelineValue);
    expect(metric?.unit).toEqual({ kind: 'currency', currency: 'USD' });
    expect(metric?.name).toBe('Open pipeline value (CRM, USD)');
    const obs = await readAllObservations(db, CRM_METRIC.pipelineValue);
    expect(obs.find((o) => o.id === 'crm-pipeline-value:old')?.value).toBe(2_000);
    const won = await readAllObservations(db, CRM_METRIC.dealsWonValue);
    expect(won.reduce((a, o) => a + o.value, 0)).toBe(8_000);

    // To EUR with no EUR rate: yesterday's USD snapshot cannot be converted and is dropped, not relabelled.
    await refreshLeadKpis(db, { timeZone: 'UTC', currency: 'EUR', exchangeRates: [USD_VND] }, NOW);
    const eur = await readAllObservations(db, CRM_METRIC.pipelineValue);
    expect(eur.find((o) => o.id === 'crm-pipeline-value:old')).toBeUndefined();
    expect((await repository(db, 'metrics').get(CRM_METRIC.pipelineValue))?.unit).toEqual({
      kind: 'currency',
      currency: 'EUR',
    });
    db.close();
  });
});

describe('exchange-rate settings', () => {
  it('accepts rates between two currencies and refuses bad ones', () => {
    expect(Settings.parse({ exchangeRates: [USD_VND] }).exchangeRates).toEqual([USD_VND]);
    expect(defaultSettings().exchangeRates).toEqual([]);
    for (const bad of [
      [{ from: 'USD', to: 'USD', rate: 1 }],
      [{ from: 'USD', to: 'VND', rate: 0 }],
      [{ from: 'USD', to: 'VND', rate: -3 }],
      [{ from: 'usd', to: 'VND', rate: 3 }],
      [USD_VND, { from: 'VND', to: 'USD', rate: 0.00004 }],
    ]) {
      expect(Settings.safeParse({ exchangeRates: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
