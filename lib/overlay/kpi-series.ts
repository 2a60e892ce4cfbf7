/**
 * KPI series derived from the leads Pacer has read off CRM pages, written by the background as
 * observations with stable ids (a recount replaces, never duplicates) and `source: 'crm'`:
 * new leads per day by channel, MQLs, deals won (count and value), pipeline value (total and by
 * stage) and stage-to-stage conversion. Flows are dated by when they happened (created date, the
 * stage change); stocks (pipeline, conversion) are a snapshot of today, so history builds up daily.
 */
import { type Apart, convert, type Rate, totalIn } from '../crm/exchange';
import { localDayKey, startOfLocalDay } from '../engine/time-buckets';
import type { Lead, Metric, Observation } from '../schema';
import { enteredAt, wonAt } from './stage-dates';
import { isMqlStage, outcomeByName, type StageOutcome, stageOutcomes, stageSlug } from './stages';

export const CRM_METRIC = {
  newLeads: 'crm-new-leads',
  mqls: 'crm-mqls',
  dealsWon: 'crm-deals-won',
  dealsWonValue: 'crm-deals-won-value',
  pipelineValue: 'crm-pipeline-value',
} as const;

export type MetricSpec = Pick<Metric, 'id' | 'name' | 'unit' | 'direction' | 'aggregation' | 'dimensions'> & {
  vi: string;
};

export interface KpiOptions {
  timeZone: string;
  /**
   * Money KPIs count in this currency (the settings'): a lead in another currency is converted with
   * one of `rates`, or left out and reported in `apart`. A lead without a currency is in this one.
   */
  currency: string;
  rates?: readonly Rate[];
  now: number;
  /** Most stages a pipeline breakdown or conversion chain lists. */
  maxStages?: number;
}

export interface DerivedKpis {
  metrics: MetricSpec[];
  observations: Observation[];
  /** Per money metric, the amounts left out for want of a rate, each in its own currency. */
  apart: (Apart & { metricId: string })[];
}

const LEAD_TYPES = new Set(['lead', 'contact', 'person']);
const DEAL_TYPES = new Set(['deal', 'opportunity']);

/** Stages in pipeline order: by their average position in the leads' histories. */
export function stageOrder(
  leads: readonly Lead[],
  outcomeOf: (stage: string) => StageOutcome = outcomeByName,
): string[] {
  const positions = new Map<string, number[]>();
  for (const lead of leads) {
    lead.stageHistory.forEach((change, i) => {
      const list = positions.get(change.stage) ?? [];
      list.push(i);
      positions.set(change.stage, list);
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [...positions.entries()]
    .filter(([stage]) => outcomeOf(stage) !== 'lost')
    .sort(
      (a, b) =>
        mean(a[1]) - mean(b[1]) ||
        Number(outcomeOf(a[0]) === 'won') - Number(outcomeOf(b[0]) === 'won') ||
        a[0].localeCompare(b[0]),
    )
    .map(([stage]) => stage);
}

export function deriveLeadKpis(all: readonly Lead[], opts: KpiOptions): DerivedKpis {
  const { timeZone: tz, currency, now } = opts;
  const maxStages = opts.maxStages ?? 12;
  const leads = all.filter((l) => l.deletedAt === null && !l.example);
  const today = localDayKey(now, tz);
  const counts = new Map<string, Observation>();
  const add = (metricId: string, t: number, value: number, channel: string | undefined) => {
    const day = localDayKey(t, tz);
    const id = `${metricId}:${day}:${channel ?? ''}`;
    const existing = counts.get(id);
    if (existing) existing.value += value;
    else
      counts.set(id, {
        id,
        metricId,
        time: startOfLocalDay(day, tz),
        value,
        dims: channel ? { channel } : {},
        source: 'crm',
      });
  };
  // Stages the user marked won or lost in a mapping mean that, whatever their names.
  const outcomeOf = stageOutcomes(leads);
  const rates = opts.rates ?? [];
  const apart: DerivedKpis['apart'] = [];
  const keepApart = (metricId: string, list: readonly Apart[]) => {
    for (const a of list) {
      const same = apart.find((x) => x.metricId === metricId && x.currency === a.currency);
      if (same) {
        same.amount += a.amount;
        same.count += a.count;
      } else apart.push({ metricId, ...a });
    }
  };

  for (const lead of leads) {
    const channel = lead.channel?.trim().slice(0, 200) || undefined;
    if (LEAD_TYPES.has(lead.objectType))
      add(CRM_METRIC.newLeads, lead.createdDate ?? lead.firstSeen, 1, channel);
    // Dated like a win: a lead already an MQL when first read became one on a day Pacer cannot know.
    const mqlIndex = lead.stageHistory.findIndex((c) => isMqlStage(c.stage));
    const mql = mqlIndex < 0 ? null : enteredAt(lead, mqlIndex);
    if (mql !== null) add(CRM_METRIC.mqls, mql, 1, channel);
    // Dated when Pacer saw it won (or by the CRM's close date): a deal already won when first read
    // was won on a day Pacer cannot know, and is not counted as won on the day of the install.
    const won = DEAL_TYPES.has(lead.objectType) ? wonAt(lead, (stage) => outcomeOf(stage) === 'won') : null;
    if (won !== null) {
      add(CRM_METRIC.dealsWon, won, 1, channel);
      if (lead.amount !== undefined) {
        const from = lead.currency ?? currency;
        const value = convert(lead.amount, from, currency, rates);
        if (value !== null) add(CRM_METRIC.dealsWonValue, won, value, channel);
        else keepApart(CRM_METRIC.dealsWonValue, [{ currency: from, amount: lead.amount, count: 1 }]);
      }
    }
  }

  const metrics: MetricSpec[] = [...BASE_METRICS(currency)];
  const snapshot = (metricId: string, value: number): Observation => ({
    id: `${metricId}:${today}`,
    metricId,
    time: startOfLocalDay(today, tz),
    value,
    dims: {},
    source: 'crm',
  });
  const open = leads.filter((l) => DEAL_TYPES.has(l.objectType) && outcomeOf(l.stage) === 'open');
  const pipeline = (metricId: string, list: readonly Lead[]) => {
    const t = totalIn(list, currency, rates);
    keepApart(metricId, t.apart);
    return snapshot(metricId, t.total);
  };
  const snapshots: Observation[] = [pipeline(CRM_METRIC.pipelineValue, open)];

  // Pipeline value by the open stages deals go through (a contact's lifecycle stage holds no deal
  // value); a stage empty today reads 0, so its series does not stop at its last value.
  const openStages = stageOrder(
    leads.filter((l) => DEAL_TYPES.has(l.objectType)),
    outcomeOf,
  )
    .filter((st) => outcomeOf(st) === 'open')
    .slice(0, maxStages);
  for (const stage of openStages) {
    const id = `${CRM_METRIC.pipelineValue}-${stageSlug(stage)}`;
    metrics.push({
      id,
      name: `Pipeline value: ${stage} (${currency})`,
      vi: `Giá trị pipeline: ${stage} (${currency})`,
      unit: { kind: 'currency', currency },
      direction: 'up',
      aggregation: 'last',
      dimensions: [],
    });
    snapshots.push(
      pipeline(
        id,
        open.filter((l) => l.stage === stage),
      ),
    );
  }

  for (const funnel of funnels(leads)) {
    // Stages in the order Pacer saw leads move through them: a stage seen only as where a lead was
    // when first read has no place in a funnel yet (every stage tied, and the chain fell back to the
    // alphabet: "Conversion: Signed → Proposal").
    const moved = funnel.leads.filter((l) => l.stageHistory.length >= 2);
    if (moved.length < MIN_MOVES) continue;
    const chain = stageOrder(moved, outcomeOf).slice(0, maxStages);
    const rank = new Map(chain.map((st, i) => [st, i]));
    for (let i = 0; i + 1 < chain.length; i++) {
      const from = chain[i]!;
      const to = chain[i + 1]!;
      const reached = funnel.leads.filter((l) => l.stageHistory.some((c) => c.stage === from));
      if (reached.length === 0) continue;
      const further = reached.filter((l) => l.stageHistory.some((c) => (rank.get(c.stage) ?? -1) > i)).length;
      const id = `crm-conversion-${funnel.slug}-${stageSlug(from)}-to-${stageSlug(to)}`;
      metrics.push({
        id,
        name: `Conversion (${funnel.label}): ${from} → ${to}`,
        vi: `Chuyển đổi (${funnel.labelVi}): ${from} → ${to}`,
        unit: { kind: 'percent' },
        direction: 'up',
        aggregation: 'last',
        dimensions: [],
      });
      // Percent metrics store percentage points (15 = 15%).
      snapshots.push(snapshot(id, Math.round((further / reached.length) * 10_000) / 100));
    }
  }
  return { metrics, observations: [...counts.values(), ...snapshots], apart };
}

/** Leads that moved stage while Pacer watched, before a funnel's conversion is worth a KPI. */
const MIN_MOVES = 3;

const CRM_LABELS: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
};

interface Funnel {
  slug: string;
  label: string;
  labelVi: string;
  leads: Lead[];
}

/**
 * One funnel per CRM and kind of record (deals; leads and contacts): a HubSpot deal pipeline, a
 * Pipedrive one and a board mapped by pointing have stages of their own, and had been chained into
 * one ("Conversion: Closed won → Signed").
 */
function funnels(leads: readonly Lead[]): Funnel[] {
  const out = new Map<string, Funnel>();
  for (const lead of leads) {
    const deals = DEAL_TYPES.has(lead.objectType);
    if (!deals && !LEAD_TYPES.has(lead.objectType)) continue;
    const key = `${lead.crm}\u0000${deals}`;
    let funnel = out.get(key);
    if (!funnel) {
      const crm = CRM_LABELS[lead.crm] ?? hostOf(lead.crm);
      funnel = {
        slug: stageSlug(`${crm} ${deals ? 'deals' : 'leads'}`),
        label: `${crm} ${deals ? 'deals' : 'leads'}`,
        labelVi: `${deals ? 'hợp đồng' : 'khách hàng tiềm năng'} ${crm}`,
        leads: [],
      };
      out.set(key, funnel);
    }
    funnel.leads.push(lead);
  }
  return [...out.values()];
}

/** "custom:https://crm.example.com" → "crm.example.com". */
function hostOf(crm: string): string {
  const origin = crm.replace(/^custom:/, '');
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

function BASE_METRICS(currency: string): MetricSpec[] {
  return [
    {
      id: CRM_METRIC.newLeads,
      name: 'New leads (CRM)',
      vi: 'Khách hàng tiềm năng mới (CRM)',
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: 'sum',
      dimensions: ['channel'],
    },
    {
      id: CRM_METRIC.mqls,
      name: 'MQLs (CRM)',
      vi: 'MQL (CRM)',
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: 'sum',
      dimensions: ['channel'],
    },
    {
      id: CRM_METRIC.dealsWon,
      name: 'Deals won (CRM)',
      vi: 'Hợp đồng đã chốt (CRM)',
      unit: { kind: 'count' },
      direction: 'up',
      aggregation: 'sum',
      dimensions: ['channel'],
    },
    {
      id: CRM_METRIC.dealsWonValue,
      name: `Won deal value (CRM, ${currency})`,
      vi: `Giá trị hợp đồng đã chốt (CRM, ${currency})`,
      unit: { kind: 'currency', currency },
      direction: 'up',
      aggregation: 'sum',
      dimensions: ['channel'],
    },
    {
      id: CRM_METRIC.pipelineValue,
      name: `Open pipeline value (CRM, ${currency})`,
      vi: `Giá trị pipeline đang mở (CRM, ${currency})`,
      unit: { kind: 'currency', currency },
      direction: 'up',
      aggregation: 'last',
      dimensions: [],
    },
  ];
}

/** A Metric record for a spec, for the background to create when it is missing. */
export function metricFromSpec(spec: MetricSpec, now: number): Metric {
  const { vi, ...rest } = spec;
  return {
    ...rest,
    translations: { en: spec.name, vi },
    source: 'crm',
    archived: false,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}
