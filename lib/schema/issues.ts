/**
 * Turning zod issues into messages people can act on (`goals[3].target: expected number, received
 * text "five billion"`). Depends on no record schema, so any surface can use it cheaply.
 */
import type * as z from 'zod/mini';

/** `goals[3].target: expected number, received string` — one line per zod issue, with its path. */
export function describeIssues(error: z.core.$ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(prefix, issue.path);
    const message = issueMessage(issue);
    return path ? `${path}: ${message}` : message;
  });
}

/**
 * zod/mini ships no message texts (that keeps it ~5 KB), so a plain "Invalid input" is turned into a
 * specific English sentence here from the issue's code. Checks that carry their own message keep it.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const got = describeInput((issue as { input?: unknown }).input);
      return `expected ${issue.expected}${got ? `, received ${got}` : ''}`;
    }
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at least ${issue.minimum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `must have at most ${issue.maximum} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `invalid ${issue.format}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'invalid key';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return 'invalid value';
  }
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing (missing)';
  if (input === null) return 'null';
  if (typeof input === 'number')
    return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (typeof input === 'string') return `text "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (Array.isArray(input)) return 'a list';
  return typeof input;
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export class ValidationError extends Error {
  constructor(
    readonly problems: string[],
    what = 'record',
  ) {
    super(
      `Invalid ${what}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    );
    this.name = 'ValidationError';
  }
}

export function parseOrThrow<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value, { reportInput: true });
  if (!r.success) throw new ValidationError(describeIssues(r.error), what);
  return r.data;
}
