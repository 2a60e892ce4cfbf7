/**
 * Turns the stored leads into KPI observations (lib/overlay/kpi-series.ts) and writes them: missing
 * CRM metrics are created, a recount replaces observations by id, and a day that no longer has any
 * lead (a lead changed channel) loses its old observation. Metrics the user deleted stay deleted.
 */
import { CRM_METRIC, deriveLeadKpis, metricFromSpec } from '../overlay/kpi-series';
import type { Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { deleteObservations, ingestObservations, readAllObservations } from '../storage/observations';
import { repository } from '../storage/repository';

const FLOW_METRICS = [CRM_METRIC.newLeads, CRM_METRIC.mqls, CRM_METRIC.dealsWon, CRM_METRIC.dealsWonValue];

export interface KpiRefresh {
  metricsCreated: number;
  observations: number;
  removed: number;
}

export async function refreshLeadKpis(
  db: PacerDb,
  settings: Pick<Settings, 'timeZone' | 'currency'>,
  now: number,
): Promise<KpiRefresh> {
  const leads = (await repository(db, 'leads').list()).filter((l) => !l.example);
  if (leads.length === 0) return { metricsCreated: 0, observations: 0, removed: 0 };
  const derived = deriveLeadKpis(leads, { timeZone: settings.timeZone, currency: settings.currency, now });
  const metrics = repository(db, 'metrics');
  const existing = new Map((await metrics.list({ includeDeleted: true })).map((m) => [m.id, m]));
  const created = derived.metrics.filter((s) => !existing.has(s.id)).map((s) => metricFromSpec(s, now));
  if (created.length > 0) await metrics.putMany(created);
  const deleted = new Set([...existing.values()].filter((m) => m.deletedAt !== null).map((m) => m.id));
  const observations = derived.observations.filter((o) => !deleted.has(o.metricId));

  const ids = new Set(observations.map((o) => o.id));
  const stale = [];
  for (const metricId of FLOW_METRICS) {
    if (deleted.has(metricId)) continue;
    for (const o of await readAllObservations(db, metricId))
      if (o.source === 'crm' && !ids.has(o.id)) stale.push(o);
  }
  if (stale.length > 0) await deleteObservations(db, stale);
  if (observations.length > 0) await ingestObservations(db, observations);
  return { metricsCreated: created.length, observations: observations.length, removed: stale.length };
}
