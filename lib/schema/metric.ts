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

/** Which way is good: revenue up, cost per lead down. */
export const Direction = z.enum(['up', 'down']);
export type Direction = z.infer<typeof Direction>;

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
  /** Marks example data so "Remove example data" never touches the user's own. */
  example: z.optional(z.boolean()),
  archived: z.boolean(),
  deletedAt: DeletedAt,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Metric = z.infer<typeof Metric>;
