/**
 * Turns the stored leads into KPI observations (lib/overlay/kpi-series.ts) and writes them: missing
 * CRM metrics are created, a recount replaces observations by id, and a day that no longer has any
 * lead (a lead changed channel) loses its old observation. Metrics the user deleted stay deleted.
 */
import { convert } from '../crm/exchange';
import { CRM_METRIC, type DerivedKpis, deriveLeadKpis, metricFromSpec } from '../overlay/kpi-series';
import type { Observation, Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { deleteObservations, ingestObservations, readAllObservations } from '../storage/observations';
import { repository } from '../storage/repository';

/** CRM metrics made per stage or funnel (the others are always derived). */
const BREAKDOWN = /^crm-(conversion|pipeline-value)-/;

const FLOW_METRICS = [CRM_METRIC.newLeads, CRM_METRIC.mqls, CRM_METRIC.dealsWon, CRM_METRIC.dealsWonValue];

export interface KpiRefresh {
  metricsCreated: number;
  /** Breakdowns no longer derived, archived. */
  metricsRetired: number;
  observations: number;
  removed: number;
  /** CRM money metrics moved to the settings' currency (their older snapshots converted or dropped). */
  recurrenced: number;
  /** Amounts not counted for want of an exchange rate, per metric and currency. */
  apart: DerivedKpis['apart'];
}

export async function refreshLeadKpis(
  db: PacerDb,
  settings: Pick<Settings, 'timeZone' | 'currency'> & Partial<Pick<Settings, 'exchangeRates'>>,
  now: number,
): Promise<KpiRefresh> {
  const leads = (await repository(db, 'leads').list()).filter((l) => !l.example);
  if (leads.length === 0)
    return { metricsCreated: 0, metricsRetired: 0, observations: 0, removed: 0, recurrenced: 0, apart: [] };
  const rates = settings.exchangeRates ?? [];
  const derived = deriveLeadKpis(leads, {
    timeZone: settings.timeZone,
    currency: settings.currency,
    rates,
    now,
  });
  const metrics = repository(db, 'metrics');
  const existing = new Map((await metrics.list({ includeDeleted: true })).map((m) => [m.id, m]));
  const created = derived.metrics.filter((s) => !existing.has(s.id)).map((s) => metricFromSpec(s, now));
  if (created.length > 0) await metrics.putMany(created);
  // Breakdowns no longer derived (a stage renamed, a funnel regrouped) are archived, not left to pile
  // up beside the current ones, unless a goal reads them; archiving keeps their history.
  const derivedIds = new Set(derived.metrics.map((m) => m.id));
  const read = new Set((await repository(db, 'goals').list()).map((g) => g.metricId));
  const retired = [...existing.values()].filter(
    (m) =>
      m.source === 'crm' &&
      BREAKDOWN.test(m.id) &&
      !derivedIds.has(m.id) &&
      !m.archived &&
      m.deletedAt === null &&
      !read.has(m.id),
  );
  if (retired.length > 0)
    await metrics.putMany(retired.map((m) => ({ ...m, archived: true, updatedAt: now })));
  const deleted = new Set([...existing.values()].filter((m) => m.deletedAt !== null).map((m) => m.id));
  const observations = derived.observations.filter((o) => !deleted.has(o.metricId));
  const ids = new Set(observations.map((o) => o.id));

  // A CRM money metric counts in the settings' currency: when that changes, the metric says so and
  // its older snapshots (not recounted) are converted with the user's rate, or dropped without one.
  const moved = derived.metrics.flatMap((spec) => {
    const m = existing.get(spec.id);
    if (!m || m.deletedAt !== null || m.unit.kind !== 'currency' || spec.unit.kind !== 'currency') return [];
    return m.unit.currency === spec.unit.currency ? [] : [{ metric: m, spec, from: m.unit.currency }];
  });
  const stale: Observation[] = [];
  const converted: Observation[] = [];
  for (const { metric, spec, from } of moved) {
    // Flows are recounted in full from the leads; only snapshots of past days need converting.
    const snapshots = FLOW_METRICS.includes(metric.id as (typeof FLOW_METRICS)[number])
      ? []
      : await readAllObservations(db, metric.id);
    for (const o of snapshots) {
      if (o.source !== 'crm' || ids.has(o.id)) continue;
      const value = convert(o.value, from, settings.currency, rates);
      if (value === null) stale.push(o);
      else converted.push({ ...o, value });
    }
    const renamed = metric.name === (metric.translations?.en ?? metric.name);
    await metrics.put({
      ...metric,
      unit: spec.unit,
      ...(renamed
        ? { name: spec.name, translations: { ...metric.translations, en: spec.name, vi: spec.vi } }
        : {}),
      updatedAt: now,
    });
  }

  for (const metricId of FLOW_METRICS) {
    if (deleted.has(metricId)) continue;
    for (const o of await readAllObservations(db, metricId))
      if (o.source === 'crm' && !ids.has(o.id)) stale.push(o);
  }
  if (stale.length > 0) await deleteObservations(db, stale);
  const writes = [...observations, ...converted];
  if (writes.length > 0) await ingestObservations(db, writes);
  return {
    metricsCreated: created.length,
    metricsRetired: retired.length,
    observations: observations.length,
    removed: stale.length,
    recurrenced: moved.length,
    apart: derived.apart,
  };
}
