import * as z from 'zod/mini';
import { Confidence, FiniteNumber, Id, LongText, Timestamp } from './common';

/** A weekly review of one goal: where it stands and the owner's plans / progress / problems. */
export const CheckIn = z.object({
  id: Id,
  goalId: Id,
  time: Timestamp,
  value: z.optional(FiniteNumber),
  confidence: Confidence,
  plans: z.optional(LongText),
  progress: z.optional(LongText),
  problems: z.optional(LongText),
  example: z.optional(z.boolean()),
  deletedAt: z.nullable(Timestamp),
});
export type CheckIn = z.infer<typeof CheckIn>;
