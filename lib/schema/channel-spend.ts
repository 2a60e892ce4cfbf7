import * as z from 'zod/mini';
import { CurrencyCode, FiniteNumber, Id, ShortText, Timestamp } from './common';

/** Money spent on one acquisition channel over one period: the denominator of cost per lead and ROAS. */
export const ChannelSpend = z
  .object({
    id: Id,
    channel: z.string().check(z.minLength(1), z.maxLength(200)),
    periodStart: Timestamp,
    periodEnd: Timestamp,
    amount: FiniteNumber.check(z.gte(0, 'spend cannot be negative')),
    currency: CurrencyCode,
    note: z.optional(ShortText),
    example: z.optional(z.boolean()),
    deletedAt: z.nullable(Timestamp),
  })
  .check(
    z.refine((s) => s.periodEnd > s.periodStart, {
      message: 'periodEnd must be after periodStart',
      path: ['periodEnd'],
    }),
  );
export type ChannelSpend = z.infer<typeof ChannelSpend>;
