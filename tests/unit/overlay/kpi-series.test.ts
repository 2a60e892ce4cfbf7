import { describe, expect, it } from 'vitest';
import { CRM_METRIC, deriveLeadKpis, metricFromSpec, stageOrder } from '../../../lib/overlay/kpi-series';
import { Metric, Observation } from '../../../lib/schema';
import { DAY, lead, NOW } from './leads-fixture';

const OPTS = { timeZone: 'Asia/Ho_Chi_Minh', currency: 'VND', now: NOW };

const LEADS = [
  lead('c1', {
    objectType: 'contact',
    channel: 'Facebook',
    createdDate: Date.UTC(2026, 10, 20, 3),
    history: [['Marketing Qualified Lead', 2]],
  }),
  lead('c2', { objectType: 'contact', channel: 'Facebook', createdDate: Date.UTC(2026, 10, 20, 9) }),
  lead('c3', { objectType: 'contact', firstSeen: Date.UTC(2026, 10, 21, 1) }),
  lead('d1', {
    amount: 100,
    currency: 'VND',
    history: [
      ['Appointment scheduled', 9],
      ['Contract sent', 5],
      ['Closed won', 1],
    ],
  }),
  lead('d2', {
    amount: 40,
    currency: 'VND',
    history: [
      ['Appointment scheduled', 8],
      ['Contract sent', 3],
    ],
  }),
  lead('d3', { amount: 60, history: [['Appointment scheduled', 4]] }),
  lead('d4', { amount: 999, currency: 'USD', history: [['Appointment scheduled', 4]] }),
  lead('d5', {
    amount: 50,
    currency: 'VND',
    history: [
      ['Appointment scheduled', 6],
      ['Closed lost', 2],
    ],
  }),
  lead('gone', { amount: 500, deletedAt: NOW, history: [['Closed won', 1]] }),
];

const byId = (obs: Observation[]) => Object.fromEntries(obs.map((o) => [o.id, o.value]));

describe('deriveLeadKpis', () => {
  const { metrics, observations } = deriveLeadKpis(LEADS, OPTS);
  const values = byId(observations);

  it('counts new leads per local day and channel (created date first, else first seen)', () => {
    expect(values['crm-new-leads:2026-11-20:Facebook']).toBe(2);
    expect(values['crm-new-leads:2026-11-21:']).toBe(1);
    const fb = observations.find((o) => o.id === 'crm-new-leads:2026-11-20:Facebook');
    expect(fb?.dims).toEqual({ channel: 'Facebook' });
    expect(fb?.time).toBe(Date.UTC(2026, 10, 19, 17)); // local midnight in UTC+7
  });

  it('counts MQLs and won deals on the day of the stage change, won value in the settings currency', () => {
    expect(values['crm-mqls:2026-11-21:Facebook']).toBe(1);
    expect(values['crm-deals-won:2026-11-22:']).toBe(1);
    expect(values['crm-deals-won-value:2026-11-22:']).toBe(100);
    expect(observations.filter((o) => o.metricId === CRM_METRIC.dealsWon)).toHaveLength(1); // the deleted lead is left out
  });

  it('snapshots today’s open pipeline, in total and by stage, in the settings currency only', () => {
    expect(values['crm-pipeline-value:2026-11-23']).toBe(100); // d2 40 + d3 60 (no currency = settings); USD left out
    expect(values['crm-pipeline-value-appointment-scheduled:2026-11-23']).toBe(60);
    expect(values['crm-pipeline-value-contract-sent:2026-11-23']).toBe(40);
  });

  it('computes stage-to-stage conversion in percentage points, one funnel per CRM and kind of record', () => {
    expect(stageOrder(LEADS)).toEqual([
      'Appointment scheduled',
      'Marketing Qualified Lead',
      'Contract sent',
      'Closed won',
    ]);
    // HubSpot deals: d1, d2 and d5 moved while Pacer watched. Of the 5 deals ever in "Appointment
    // scheduled", 2 moved further along the chain; the contact's MQL stage is another funnel.
    expect(values['crm-conversion-hubspot-deals-appointment-scheduled-to-contract-sent:2026-11-23']).toBe(40);
    expect(values['crm-conversion-hubspot-deals-contract-sent-to-closed-won:2026-11-23']).toBe(50);
    expect(Object.keys(values).filter((k) => k.includes('marketing-qualified-lead'))).toEqual([]);
    expect(metrics.find((m) => m.id.startsWith('crm-conversion-hubspot-deals-contract-sent'))?.name).toBe(
      'Conversion (HubSpot deals): Contract sent → Closed won',
    );
  });

  it('makes no conversion KPI from stages only seen where leads were when first read', () => {
    const firstSight = ['Signed', 'Proposal', 'Lead', 'Contract sent'].map((stage, i) =>
      lead(`f${i}`, { crm: 'custom:http://127.0.0.1:5000', history: [[stage, 0]] }),
    );
    const { metrics: made } = deriveLeadKpis(firstSight, OPTS);
    expect(made.filter((m) => m.id.startsWith('crm-conversion-'))).toEqual([]);
  });

  it('produces valid observations and metrics with source "crm" and stable ids', () => {
    for (const o of observations) expect(Observation.safeParse(o).success).toBe(true);
    expect(observations.every((o) => o.source === 'crm')).toBe(true);
    for (const spec of metrics) expect(Metric.safeParse(metricFromSpec(spec, NOW)).success).toBe(true);
    expect(byId(deriveLeadKpis(LEADS, OPTS).observations)).toEqual(values);
    expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length);
  });

  it('is empty of flows for no leads, and the pipeline snapshot is 0', () => {
    const empty = deriveLeadKpis([], OPTS);
    expect(empty.observations.map((o) => [o.id, o.value])).toEqual([['crm-pipeline-value:2026-11-23', 0]]);
    expect(DAY).toBe(86_400_000);
  });
});
