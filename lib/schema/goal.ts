import * as z from 'zod/mini';
import {
  Confidence,
  CurrencyCode,
  DeletedAt,
  DimensionValues,
  FiniteNumber,
  Id,
  Locale,
  LongText,
  ShortText,
  Timestamp,
  Title,
  Translations,
} from './common';
import { GoalDirection } from './metric';

export const GoalKind = z.enum(['bhag', 'objective', 'key_result', 'kpi_target', 'milestone']);
export type GoalKind = z.infer<typeof GoalKind>;

export const Framework = z.enum(['smart', 'okr', 'bsc', 'mbo']);
export type Framework = z.infer<typeof Framework>;

export const PERSPECTIVES = ['financial', 'customer', 'internal_process', 'learning_growth'] as const;
export const Perspective = z.enum(PERSPECTIVES);
export type Perspective = z.infer<typeof Perspective>;

/**
 * How a goal is measured, in the words the goal form asks (docs/figures.md defines every figure per type):
 * - total: the sum of a metric over the goal's window reaches the target by the deadline (revenue this year);
 * - level: a level moves from its baseline to the target by the deadline (conversion 10% → 15%); with
 *   `rollingMonths` a summed metric is read as the sum of that many complete months (annual revenue);
 * - keep: the metric stays at or above / at or below the target in every period of the window
 *   (margin ≥ 30%, churn ≤ 1%), scored by periods held, the current period and the streak;
 * - milestone: done by a date, optionally with a metric condition (a total reached in its window);
 * - objective: scored from its key results (or, for a BHAG without a metric, from its children).
 * Optional so records written before database v3 still parse; the v3 migration and every form write it,
 * and lib/engine/goal-type.ts infers it the same way for anything else (imports, old backups).
 */
export const GOAL_TYPES = ['total', 'level', 'keep', 'milestone', 'objective'] as const;
export const GoalType = z.enum(GOAL_TYPES);
export type GoalType = z.infer<typeof GoalType>;

/** Keep a level: which side of the threshold counts as held. */
export const KeepSide = z.enum(['at_least', 'at_most']);
export type KeepSide = z.infer<typeof KeepSide>;

export const Money = z.object({ amount: FiniteNumber, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;

export const Goal = z.object({
  id: Id,
  kind: GoalKind,
  title: Title,
  translations: z.optional(Translations),
  /** What: the outcome in the owner's words. */
  description: z.optional(LongText),
  /**
   * The description in the other language, where Pacer wrote it (a cascade's "what" for each period);
   * an edit of the description drops it, as an edited title drops its translations.
   */
  descriptionTranslations: z.optional(z.partialRecord(Locale, LongText)),
  frameworks: z.array(Framework),
  perspective: z.optional(Perspective),
  /** OKR key results: committed ones are expected at 1.0, stretch ones at ~0.7. */
  okrType: z.optional(z.enum(['committed', 'stretch'])),
  metricId: z.optional(Id),
  /** Only observations with these dimension values count (e.g. channel = facebook). */
  dims: z.optional(DimensionValues),
  /** How the goal is measured (see GoalType). */
  goalType: z.optional(GoalType),
  /** Keep goals: held when the value is at least / at most the target; default from the metric's direction. */
  keepSide: z.optional(KeepSide),
  /**
   * Goals on a KPI with no good direction (neutral: ad spend): the way this goal moves it, up to the
   * target or down to it. The goal form writes it for such a KPI; ignored where the KPI has a direction
   * of its own (lib/engine/goal-type.ts, goalDirection).
   */
  direction: z.optional(GoalDirection),
  /** Level goals on a summed metric: the value is the sum of this many complete months (12 = annual). */
  rollingMonths: z.optional(z.int().check(z.gte(1), z.lte(36))),
  /** Legacy (before goalType): the sum of the metric over the window, or the latest value. */
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
  /**
   * The goal this one was under until that goal was deleted on its own ("delete only"): restoring it
   * from the trash puts this goal back under it (lib/app/goal-delete.ts).
   */
  formerParentId: z.optional(Id),
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
