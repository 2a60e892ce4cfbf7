import { describe, expect, it } from 'vitest';
import { buildParetoView } from '../../../lib/app/pareto-view';
import { rankedDeals } from '../../../lib/app/ranked-deals';
import { tiersByCurrency } from '../../../lib/overlay/overlay-context';
import { lead, NOW } from '../overlay/leads-fixture';

/** Which deals Pareto tiers rank: the badges and the dashboard's panel by one rule. */
describe('rankedDeals', () => {
  const real = [
    lead('won', { amount: 500, history: [['Closed won', 2]] }),
    lead('open', { amount: 300, history: [['Contract sent', 2]] }),
    lead('small', { amount: 40, history: [['Contract sent', 1]] }),
    lead('lost', { amount: 900, history: [['Closed lost', 2]] }),
    lead('zero', { amount: 0 }),
    lead('gone', { amount: 700, deletedAt: NOW }),
  ];
  const examples = [
    lead('ex1', { amount: 5_000, example: true }),
    lead('ex2', { amount: 4_000, example: true }),
  ];

  it('leaves out lost, deleted and unvalued deals, and the examples once the user has deals', () => {
    expect(rankedDeals([...real, ...examples]).map((l) => l.externalId)).toEqual(['won', 'open', 'small']);
    expect(rankedDeals(examples).map((l) => l.externalId)).toEqual(['ex1', 'ex2']);
  });

  it('gives the badges and the panel the same tiers', () => {
    const all = [...real, ...examples];
    const badges = tiersByCurrency(all, [0.8, 0.95, 1], 'VND');
    // 500 + 300 + 40: the lost 900 and the examples' 9,000 would have pushed "open" out of A.
    expect(Object.fromEntries(badges)).toEqual({
      'hubspot:deal:won': 'A',
      'hubspot:deal:open': 'A',
      'hubspot:deal:small': 'C',
    });
    const panel = buildParetoView({
      leads: all,
      subject: 'deals',
      fallbackCurrency: 'VND',
      thresholds: [0.8, 0.95, 1],
      timeZone: 'UTC',
      now: NOW,
    });
    const rows = panel.tiers.flatMap((t) => t.entries.map((e) => [e.id, e.label]));
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(badges));
  });
});
