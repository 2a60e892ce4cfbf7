import { describe, expect, it } from 'vitest';
import {
  buildParetoView,
  customerName,
  formatThresholds,
  paretoCsv,
  parseThresholds,
} from '../../../lib/app/pareto-view';
import { buildExampleLeads } from '../../../lib/example/example-crm';
import { tiersByCurrency } from '../../../lib/overlay/overlay-context';
import type { Lead } from '../../../lib/schema';

const NOW = Date.UTC(2026, 11, 6, 3, 0); // 6 Dec 2026, 10:00 in Ho Chi Minh City
const TZ = 'Asia/Ho_Chi_Minh';
const DEC1 = Date.UTC(2026, 10, 30, 17, 0); // 1 Dec 00:00 there

function deal(id: string, amount: number | undefined, extra: Partial<Lead> = {}): Lead {
  return {
    id: `pipedrive:deal:${id}`,
    crm: 'pipedrive',
    objectType: 'deal',
    externalId: id,
    url: `https://app.pipedrive.com/deal/${id}`,
    name: `Deal ${id}`,
    amount,
    currency: 'VND',
    firstSeen: DEC1 - 10 * 86_400_000,
    lastSeen: NOW,
    stageHistory: [],
    deletedAt: null,
    ...extra,
  };
}

const base = {
  subject: 'deals' as const,
  fallbackCurrency: 'VND',
  thresholds: [0.8, 0.95, 1],
  timeZone: TZ,
  now: NOW,
};

describe('Pareto view', () => {
  it('ranks deals into A/B/C with counts, shares and the change since the month began', () => {
    const leads = [
      deal('1', 500),
      deal('2', 300),
      deal('3', 100),
      deal('4', 60),
      deal('5', 40, { createdDate: DEC1 + 3_600_000 }), // new this month
      deal('6', 0),
      deal('7', 900, { deletedAt: NOW - 1000 }),
      deal('8', 1000, { currency: 'USD' }),
    ];
    const v = buildParetoView({ ...base, leads });
    expect(v.currency).toBe('VND');
    expect(v.currencies).toEqual(['VND', 'USD']);
    expect(v.total).toBe(1000);
    expect(v.monthStart).toBe(DEC1);
    expect(v.tiers.map((t) => [t.label, t.count, t.share])).toEqual([
      ['A', 2, 0.8],
      ['B', 2, 0.16],
      ['C', 1, 0.04],
    ]);
    // Before December: 960 over four deals; 800 of them (83%) came before deal 3, so deals 3 and 4 were B.
    expect(v.previousTotal).toBe(960);
    expect(v.tiers.map((t) => t.previousCount)).toEqual([2, 2, 0]);
    const c = v.tiers[2]!.entries[0]!;
    expect([c.name, c.previousLabel]).toEqual(['Deal 5', null]);
    expect(v.tiers[1]!.entries.map((e) => [e.name, e.previousLabel])).toEqual([
      ['Deal 3', 'B'],
      ['Deal 4', 'B'],
    ]);
  });

  it('ranks nothing in a currency with too few deals, and says how many there are', () => {
    const leads = [deal('1', 500), deal('2', 300), deal('3', 100), deal('8', 1000, { currency: 'USD' })];
    const usd = buildParetoView({ ...base, leads, currency: 'USD' });
    expect([usd.currency, usd.dealCount, usd.total]).toEqual(['USD', 1, 1000]);
    expect(usd.tiers.flatMap((t) => t.entries)).toEqual([]);
    expect(
      paretoCsv(usd)
        .split('\n')
        .filter((l) => l.trim()).length,
    ).toBe(1);
    const vnd = buildParetoView({ ...base, leads });
    expect([vnd.dealCount, vnd.tiers.flatMap((t) => t.entries).length]).toEqual([3, 3]);
  });

  it('gives every deal the tier its CRM badge shows (same function, thresholds, currency split)', () => {
    const leads = buildExampleLeads(NOW);
    for (const thresholds of [
      [0.8, 0.95, 1],
      [0.5, 0.7, 0.85, 0.95, 1],
    ]) {
      const badges = tiersByCurrency(leads, thresholds, 'VND');
      const v = buildParetoView({ ...base, leads, thresholds });
      const panel = new Map(v.tiers.flatMap((t) => t.entries.map((e) => [e.id, e.label])));
      expect(panel.size).toBeGreaterThan(10);
      for (const [id, label] of panel) expect(badges.get(id)).toBe(label);
      expect(v.tiers).toHaveLength(thresholds.length);
    }
  });

  it('sums a customer’s deals, names without case differences joined', () => {
    const leads = [
      deal('1', 500, { company: 'Phở 24' }),
      deal('2', 300, { company: 'phở 24 ' }),
      deal('3', 600, { company: 'Vina Tech' }),
      deal('4', 50, { name: 'Lan Nguyễn' }),
    ];
    const v = buildParetoView({ ...base, leads, subject: 'customers' });
    const rows = v.tiers.flatMap((t) => t.entries.map((e) => [e.label, e.name, e.value, e.deals]));
    expect(rows).toEqual([
      ['A', 'Phở 24', 800, 2],
      ['A', 'Vina Tech', 600, 1],
      ['C', 'Lan Nguyễn', 50, 1],
    ]);
    expect(customerName({ name: 'X', company: '  ' })).toBe('X');
  });

  it('exports every entry as CSV with its tier on the first of the month', () => {
    const v = buildParetoView({
      ...base,
      leads: [deal('1', 500), deal('2', 100, { createdDate: NOW }), deal('3', 5)],
    });
    const lines = paretoCsv(v)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'tier,rank in tier,deal,value,currency,share,cumulative share,deals,tier on 2026-12-01',
    );
    expect(lines.slice(1)).toEqual([
      'A,1,Deal 1,500,VND,0.8264,0.8264,1,A',
      'B,1,Deal 2,100,VND,0.1653,0.9917,1,new',
      'C,1,Deal 3,5,VND,0.0083,1,1,C',
    ]);
  });

  it('reads the thresholds field and says what is wrong with it', () => {
    expect(parseThresholds('80, 95, 100')).toEqual({ ok: true, thresholds: [0.8, 0.95, 1] });
    expect(parseThresholds('50; 75; 90; 99,5; 100%')).toEqual({
      ok: true,
      thresholds: [0.5, 0.75, 0.9, 0.995, 1],
    });
    expect(parseThresholds('80, 100')).toMatchObject({ ok: false, problem: 'count' });
    expect(parseThresholds('10 20 30 40 50 60 70 100')).toMatchObject({ ok: false, problem: 'count' });
    expect(parseThresholds('80, abc, 100')).toMatchObject({ ok: false, problem: 'number', detail: 'abc' });
    expect(parseThresholds('0, 80, 100')).toMatchObject({ ok: false, problem: 'range' });
    expect(parseThresholds('80, 70, 100')).toMatchObject({ ok: false, problem: 'order', detail: '70' });
    expect(parseThresholds('80, 90, 95')).toMatchObject({ ok: false, problem: 'last' });
    expect(formatThresholds([0.8, 0.95, 1])).toBe('80, 95, 100');
  });
});
