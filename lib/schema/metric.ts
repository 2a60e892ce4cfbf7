import * as z from 'zod/mini';
import {
  CurrencyCode,
  DeletedAt,
  Dimension,
  Id,
  LongText,
  Source,
  Timestamp,
  Title,
  Translations,
} from './common';

export const Unit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('currency'), currency: CurrencyCode }),
  z.object({ kind: z.literal('percent') }),
  z.object({ kind: z.literal('ratio') }),
  z.object({ kind: z.literal('duration'), per: z.enum(['minutes', 'hours', 'days']) }),
]);
export type Unit = z.infer<typeof Unit>;

export const Aggregation = z.enum(['sum', 'last', 'average', 'min', 'max']);
export type Aggregation = z.infer<typeof Aggregation>;

/**
 * Which way is good: revenue up, cost per lead down, and neutral for a figure whose change is neither
 * good nor bad on its own: ad spend, a budget. Spend is an input: less of it at the same ROAS is less
 * revenue, so its change is shown without a better/worse colour (lib/app/change-tone.ts). A goal on a
 * neutral KPI says which way it moves it (Goal.direction, or a keep goal's side): `goalDirection` in
 * lib/engine/goal-type.ts. 'neutral' came after database v3; records from before only hold up / down.
 */
export const Direction = z.enum(['up', 'down', 'neutral']);
export type Direction = z.infer<typeof Direction>;

/** The way a goal moves its metric: its KPI's good direction, or for a neutral KPI the goal's own. */
export const GoalDirection = z.enum(['up', 'down']);
export type GoalDirection = z.infer<typeof GoalDirection>;

export const Metric = z.object({
  id: Id,
  name: Title,
  translations: z.optional(Translations),
  description: z.optional(LongText),
  unit: Unit,
  direction: Direction,
  aggregation: Aggregation,
  /**
   * Derived KPIs: an arithmetic expression over other metrics referenced by id in braces,
   * e.g. `{spend} / {leads}`. Evaluated per period by lib/engine/formula.ts.
   */
  formula: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
  dimensions: z.array(Dimension).check(z.maxLength(4)),
  source: Source,
  /** The growth-KPI template this metric was created from, if any. */
  templateId: z.optional(z.string()),
  /**
   * Won CRM deals add their amount to this KPI, so a deal badge's share of the goal gap (amount ÷ the
   * gap of a goal on it) means something: "Online revenue", "Doanh thu kênh đại lý". Unset, Pacer
   * infers it (the revenue template, the name "Revenue", the CRM's won-deal value:
   * lib/overlay/revenue-goal.ts); false switches it off even for a KPI called Revenue. Optional, so
   * records from before it existed parse as they are (no migration: unset reads as before).
   */
  wonDeals: z.optional(z.boolean()),
  /** Marks example data so "Remove example data" never touches the user's own. */
  example: z.optional(z.boolean()),
  archived: z.boolean(),
  deletedAt: DeletedAt,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Metric = z.infer<typeof Metric>;
