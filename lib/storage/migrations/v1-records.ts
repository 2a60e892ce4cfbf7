import type { Observation } from '../../schema';

/**
 * Pure record-shape migrations from the v1 prototype (0.0.x) to v2. Each takes the stored v1 record
 * as `unknown`, returns the v2 shape as `unknown`, and never throws: the caller validates the result
 * with the v2 zod schema and quarantines what still does not fit.
 *
 * v1 → v2 changes:
 * - metric.unit was a string ('count' | 'VND' | 'USD' | '%' | 'ratio'); `higherIsBetter` → `direction`;
 *   no aggregation (v1 always summed), no dimensions, source, archived, deletedAt, updatedAt.
 * - goal.type ('bhag' | 'objective' | 'kr' | 'kpi' | 'milestone') → `kind`; `parent` → `parentId`;
 *   `start` → `startAt`; perspective 'process' / 'learning' → 'internal_process' / 'learning_growth';
 *   confidence 0–10 → on_track (≥7) / at_risk (4–6) / off_track (≤3); `deleted: true` → `deletedAt`.
 * - check-in status 'green' | 'yellow' | 'red' → confidence; `note` → `progress`.
 * - observations: top-level `channel` / `segment` → `dims`, `source: 'manual'`.
 * - settings.locale 'en-US' / 'vi-VN' → 'en' / 'vi'.
 */
type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export function migrateMetricV1(old: unknown): unknown {
  if (!isRec(old)) return old;
  const { unit, higherIsBetter, ...rest } = old;
  const created = typeof old.createdAt === 'number' ? old.createdAt : 0;
  return {
    ...rest,
    unit: unitFromV1(unit),
    direction: higherIsBetter === false ? 'down' : 'up',
    aggregation: 'sum',
    dimensions: [],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: created,
    updatedAt: typeof old.updatedAt === 'number' ? old.updatedAt : created,
  };
}

function unitFromV1(unit: unknown): unknown {
  if (unit === 'count' || unit === undefined) return { kind: 'count' };
  if (unit === '%') return { kind: 'percent' };
  if (unit === 'ratio') return { kind: 'ratio' };
  if (typeof unit === 'string' && /^[A-Z]{3}$/.test(unit)) return { kind: 'currency', currency: unit };
  return unit; // unknown unit: left as is so validation reports it and the record is quarantined
}

const KIND_FROM_V1: Record<string, string> = {
  bhag: 'bhag',
  objective: 'objective',
  kr: 'key_result',
  kpi: 'kpi_target',
  milestone: 'milestone',
};
const PERSPECTIVE_FROM_V1: Record<string, string> = {
  financial: 'financial',
  customer: 'customer',
  process: 'internal_process',
  learning: 'learning_growth',
};

export function confidenceFromScore(score: unknown): 'on_track' | 'at_risk' | 'off_track' | undefined {
  if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  if (score >= 7) return 'on_track';
  if (score >= 4) return 'at_risk';
  return 'off_track';
}

export function migrateGoalV1(old: unknown): unknown {
  if (!isRec(old)) return old;
  const { type, parent, start, perspective, confidence, deleted, ...rest } = old;
  const created = typeof old.createdAt === 'number' ? old.createdAt : 0;
  const out: Rec = {
    ...rest,
    kind: typeof type === 'string' ? (KIND_FROM_V1[type] ?? type) : type,
    frameworks: perspective ? ['bsc'] : [],
    weight: typeof old.weight === 'number' ? old.weight : 1,
    archived: false,
    deletedAt: deleted === true ? (typeof old.updatedAt === 'number' ? old.updatedAt : created) : null,
    createdAt: created,
    updatedAt: typeof old.updatedAt === 'number' ? old.updatedAt : created,
  };
  if (parent !== undefined && parent !== null) out.parentId = parent;
  if (start !== undefined && start !== null) out.startAt = start;
  if (typeof perspective === 'string') out.perspective = PERSPECTIVE_FROM_V1[perspective] ?? perspective;
  const c = confidenceFromScore(confidence);
  if (c) out.confidence = c;
  return out;
}

const STATUS_FROM_V1: Record<string, string> = { green: 'on_track', yellow: 'at_risk', red: 'off_track' };

export function migrateCheckInV1(old: unknown): unknown {
  if (!isRec(old)) return old;
  const { status, note, ...rest } = old;
  const out: Rec = {
    ...rest,
    confidence: typeof status === 'string' ? (STATUS_FROM_V1[status] ?? status) : status,
    deletedAt: null,
  };
  if (typeof note === 'string' && note !== '') out.progress = note;
  return out;
}

export function migrateObservationV1(old: unknown): unknown {
  if (!isRec(old)) return old;
  const { channel, segment, ...rest } = old;
  const dims: Rec = {};
  if (typeof channel === 'string' && channel) dims.channel = channel;
  if (typeof segment === 'string' && segment) dims.segment = segment;
  return { ...rest, dims, source: 'manual' } satisfies Partial<Record<keyof Observation, unknown>>;
}

export function migrateSettingsV1(old: unknown): unknown {
  if (!isRec(old)) return old;
  const locale = typeof old.locale === 'string' ? old.locale.slice(0, 2).toLowerCase() : old.locale;
  return { ...old, locale };
}
