import { describe, expect, it } from 'vitest';
import { refreshLeadKpis } from '../../../lib/background/crm-kpis';
import { metricFromSpec } from '../../../lib/overlay/kpi-series';
import type { Goal } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { repository } from '../../../lib/storage/repository';
import { lead, NOW } from './leads-fixture';

/** CRM breakdowns no longer derived are archived, unless a goal reads them. */
describe('refreshLeadKpis: retired breakdowns', () => {
  it('archives a conversion KPI of an old stage chain, keeps one a goal reads', async () => {
    const db = await openPacerDb(`crm-retire-${Math.random()}`);
    const moved = (id: string) =>
      lead(id, {
        amount: 10,
        history: [
          ['Appointment scheduled', 5],
          ['Contract sent', 2],
        ],
      });
    await repository(db, 'leads').putMany([moved('a'), moved('b'), moved('c')]);
    const old = (id: string) =>
      metricFromSpec(
        {
          id,
          name: id,
          vi: id,
          unit: { kind: 'percent' },
          direction: 'up',
          aggregation: 'last',
          dimensions: [],
        },
        NOW,
      );
    await repository(db, 'metrics').putMany([
      old('crm-conversion-signed-to-proposal'),
      old('crm-conversion-lead-to-signed'),
    ]);
    const goal = {
      id: 'g',
      kind: 'kpi_target',
      title: 'Lead → Signed above 30%',
      frameworks: [],
      metricId: 'crm-conversion-lead-to-signed',
      target: 30,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
    } as unknown as Goal;
    await repository(db, 'goals').put(goal);

    const result = await refreshLeadKpis(db, { timeZone: 'UTC', currency: 'VND' }, NOW);
    expect(result.metricsRetired).toBe(1);
    const byId = new Map((await repository(db, 'metrics').list()).map((m) => [m.id, m]));
    expect(byId.get('crm-conversion-signed-to-proposal')?.archived).toBe(true);
    expect(byId.get('crm-conversion-lead-to-signed')?.archived).toBe(false);
    expect(byId.get('crm-conversion-hubspot-deals-appointment-scheduled-to-contract-sent')?.archived).toBe(
      false,
    );
    db.close();
  });
});
