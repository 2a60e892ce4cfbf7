import * as z from 'zod/mini';
import { DimensionValues, FiniteNumber, Id, ShortText, Source, Timestamp } from './common';

/** One measured value of one metric at one time. `id` is stable so re-imports replace, never duplicate. */
export const Observation = z.object({
  id: Id,
  metricId: Id,
  time: Timestamp,
  value: FiniteNumber,
  dims: DimensionValues,
  source: Source,
  note: z.optional(ShortText),
});
export type Observation = z.infer<typeof Observation>;

/**
 * Storage shape: observations are kept in blocks of one metric × one dimension combination × one UTC day.
 * A block is one IndexedDB record, so a bulk ingest writes a few thousand records instead of a million
 * and a range read is a handful of `getAll` calls. Points carry only what differs between them.
 */
export const StoredPoint = z.object({
  id: Id,
  t: Timestamp,
  v: FiniteNumber,
  s: Source,
  n: z.optional(ShortText),
});
export type StoredPoint = z.infer<typeof StoredPoint>;

export const ObservationBlock = z.object({
  metricId: Id,
  /** Canonical `channel=x&segment=y` string ('' for no dimensions): part of the key. */
  dimKey: z.string(),
  /** Start of the UTC day, ms. */
  day: Timestamp,
  dims: DimensionValues,
  points: z.array(StoredPoint),
});
export type ObservationBlock = z.infer<typeof ObservationBlock>;
