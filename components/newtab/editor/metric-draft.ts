import { localizedName } from '../../../lib/i18n/translate';
import type { Dimension, Locale, Metric, Unit } from '../../../lib/schema';

/** The KPI editor's state as typed, and the record it becomes (checked by the Metric schema on save). */
export interface MetricDraft {
  name: string;
  unitKind: Unit['kind'];
  currency: string;
  per: 'minutes' | 'hours' | 'days';
  direction: Metric['direction'];
  aggregation: Metric['aggregation'];
  dimensions: Dimension[];
  formula: string;
  /** "Won CRM deals add to this KPI" as the user set it; undefined: Pacer's inference (Metric.wonDeals). */
  wonDeals: boolean | undefined;
}
export type MetricField = keyof MetricDraft;

/** Zod paths of Metric → the field that shows the problem. */
export const METRIC_PATHS: Record<string, MetricField> = {
  name: 'name',
  unit: 'unitKind',
  'unit.currency': 'currency',
  'unit.per': 'per',
  direction: 'direction',
  aggregation: 'aggregation',
  dimensions: 'dimensions',
  formula: 'formula',
  wonDeals: 'wonDeals',
};

export function emptyMetricDraft(currency: string): MetricDraft {
  return {
    name: '',
    unitKind: 'count',
    currency,
    per: 'hours',
    direction: 'up',
    aggregation: 'sum',
    dimensions: [],
    formula: '',
    wonDeals: undefined,
  };
}

export function metricToDraft(m: Metric, locale: Locale, currency: string): MetricDraft {
  return {
    name: localizedName(m, locale),
    unitKind: m.unit.kind,
    currency: m.unit.kind === 'currency' ? m.unit.currency : currency,
    per: m.unit.kind === 'duration' ? m.unit.per : 'hours',
    direction: m.direction,
    aggregation: m.aggregation,
    dimensions: [...m.dimensions],
    formula: m.formula ?? '',
    wonDeals: m.wonDeals,
  };
}

function unitOf(d: MetricDraft): Unit {
  if (d.unitKind === 'currency') return { kind: 'currency', currency: d.currency.trim().toUpperCase() };
  if (d.unitKind === 'duration') return { kind: 'duration', per: d.per };
  return { kind: d.unitKind };
}

/** The record to validate. An unchanged name keeps its translations; an edited one drops them. */
export function draftToCandidate(
  d: MetricDraft,
  o: { existing?: Metric; id: string; now: number; locale: Locale },
): Record<string, unknown> {
  const { existing } = o;
  const keepName = existing && d.name.trim() === localizedName(existing, o.locale);
  const formula = d.formula.trim();
  const { translations: _drop, ...rest } = existing ?? ({} as Partial<Metric>);
  const out: Record<string, unknown> = {
    ...rest,
    ...(keepName ? { name: existing.name, translations: existing.translations } : { name: d.name }),
    id: o.id,
    unit: unitOf(d),
    direction: d.direction,
    aggregation: d.aggregation,
    dimensions: [...d.dimensions],
    formula: formula || undefined,
    // Unset keeps Pacer's inference, which follows a later rename; only the user's own tick is stored.
    wonDeals: d.wonDeals,
    // A formula makes the KPI derived; removing it makes it one the user logs by hand again.
    source: formula
      ? 'derived'
      : existing?.source && existing.source !== 'derived'
        ? existing.source
        : 'manual',
    archived: existing?.archived ?? false,
    deletedAt: existing?.deletedAt ?? null,
    createdAt: existing?.createdAt ?? o.now,
    updatedAt: o.now,
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** The draft as the deal-badge rule reads a KPI (lib/overlay/revenue-goal.ts): what the checkbox shows when unset. */
export function draftDealFields(d: MetricDraft, o: { existing?: Metric; id: string; locale: Locale }) {
  const keepName = o.existing && d.name.trim() === localizedName(o.existing, o.locale);
  return {
    id: o.id,
    name: keepName ? o.existing!.name : d.name.trim(),
    translations: keepName ? o.existing?.translations : undefined,
    templateId: o.existing?.templateId,
    unit: unitOf(d),
    direction: d.direction,
    aggregation: d.aggregation,
    formula: d.formula.trim() || undefined,
  };
}
