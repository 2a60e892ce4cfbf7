import * as z from 'zod/mini';

// Extension pages, the service worker and content scripts all run under MV3's CSP, which forbids eval:
// say so up front instead of letting zod probe with `new Function`, which a strict CSP reports as a
// violation even though zod catches the error. (Imported by every schema, so set before any parse.)
z.config({ jitless: true });

/** Record ids: short, printable, no surprises when used as IndexedDB keys. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));

/** Milliseconds since the epoch, UTC. Bounded so a typo (seconds, microseconds) is caught. */
export const Timestamp = z.int().check(z.gte(0), z.lte(8_640_000_000_000));

/** A finite number: zod 4 already refuses NaN and ±Infinity for z.number(). */
export const FiniteNumber = z.number();

export const CurrencyCode = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as VND or USD'));

export const Locale = z.enum(['en', 'vi']);
export type Locale = z.infer<typeof Locale>;

/** Text the user typed, capped so one record can never be megabytes. */
export const ShortText = z.string().check(z.maxLength(500));
export const LongText = z.string().check(z.maxLength(20_000));
export const Title = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(300));

/** Names in other languages than the one the user typed (example data and templates carry en + vi). */
export const Translations = z.partialRecord(Locale, z.string().check(z.maxLength(500)));

export const DIMENSIONS = ['channel', 'segment', 'owner', 'businessUnit'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

/** Dimension values of one observation, e.g. { channel: 'facebook', segment: 'smb' }. */
export const DimensionValues = z.partialRecord(Dimension, z.string().check(z.minLength(1), z.maxLength(200)));
export type DimensionValues = z.infer<typeof DimensionValues>;

export const Source = z.enum(['manual', 'import', 'crm', 'derived', 'example']);
export type Source = z.infer<typeof Source>;

/** Soft delete: a timestamp while the record sits in the trash, null when alive. */
export const DeletedAt = z.nullable(Timestamp);

export const Confidence = z.enum(['on_track', 'at_risk', 'off_track']);
export type Confidence = z.infer<typeof Confidence>;
