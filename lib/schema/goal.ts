import * as z from 'zod/mini';
import {
  Confidence,
  CurrencyCode,
  DeletedAt,
  DimensionValues,
  FiniteNumber,
  Id,
  LongText,
  ShortText,
  Timestamp,
  Title,
  Translations,
} from './common';

export const GoalKind = z.enum(['bhag', 'objective', 'key_result', 'kpi_target', 'milestone']);
export type GoalKind = z.infer<typeof GoalKind>;

export const Framework = z.enum(['smart', 'okr', 'bsc', 'mbo']);
export type Framework = z.infer<typeof Framework>;

export const PERSPECTIVES = ['financial', 'customer', 'internal_process', 'learning_growth'] as const;
export const Perspective = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof Perspective>;

export const Money = z.object({ amount: FiniteNumber, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;

export const Goal = z.object({
  id: Id,
  kind: GoalKind,
  title: Title,
  translations: z.optional(Translations),
  /** What: the outcome in the owner's words. */
  description: z.optional(LongText),
  frameworks: z.array(Framework),
  perspective: z.optional(Perspective),
  /** OKR key results: committed ones are expected at 1.0, stretch ones at ~0.7. */
  okrType: z.optional(z.enum(['committed', 'stretch'])),
  metricId: z.optional(Id),
  /** Only observations with these dimension values count (e.g. channel = facebook). */
  dims: z.optional(DimensionValues),
  /** Progress counts the sum of the metric over the goal's window, or the latest value. */
  measure: z.optional(z.enum(['cumulative', 'latest'])),
  baseline: z.optional(FiniteNumber),
  target: z.optional(FiniteNumber),
  /** When: the window the target applies to. */
  startAt: z.optional(Timestamp),
  deadline: z.optional(Timestamp),
  trajectory: z.optional(z.enum(['linear', 'phased'])),
  /** Phased trajectory: relative weight per calendar month (12 numbers, Jan first). */
  seasonalWeights: z.optional(z.array(z.number().check(z.gte(0))).check(z.length(12))),
  /** How much: planned budget and, where tracked, what was spent. */
  budget: z.optional(Money),
  spent: z.optional(FiniteNumber),
  /** Who. */
  owner: z.optional(ShortText),
  parentId: z.optional(Id),
  weight: z.number().check(z.gte(0), z.lte(1000)),
  confidence: z.optional(Confidence),
  pinned: z.optional(z.boolean()),
  doneAt: z.optional(z.nullable(Timestamp)),
  example: z.optional(z.boolean()),
  archived: z.boolean(),
  deletedAt: DeletedAt,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Goal = z.infer<typeof Goal>;
