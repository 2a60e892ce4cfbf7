/**
 * Reading a snapshot from outside: a widget attribute, a `<script type="application/json">`, a file
 * fetched by the host page or an import. Everything is parsed with the zod `Snapshot` schema, and a
 * failure says *what* is wrong in one short line the widget can show.
 */
import type * as z from 'zod/mini';
import { Snapshot } from '../app/goal-view';

export type SnapshotResult =
  | { ok: true; snapshot: Snapshot }
  | { ok: false; reason: 'json' | 'schema'; detail: string };

const MAX_DETAIL = 160;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
}

type Issue = z.core.$ZodIssue;

/**
 * zod/mini ships no message locale ("Invalid input" for everything), so the widget says what was
 * expected itself: enough for whoever hand-edited the file to find the mistake.
 */
function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_big':
      return `too ${issue.origin === 'string' ? 'long' : 'big'} (at most ${String(issue.maximum)})`;
    case 'too_small':
      return `too ${issue.origin === 'string' ? 'short' : 'small'} (at least ${String(issue.minimum)})`;
    default:
      return issue.message;
  }
}

/** Validates an already-parsed value. */
export function validateSnapshot(value: unknown): SnapshotResult {
  const parsed = Snapshot.safeParse(value);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, reason: 'schema', detail: 'invalid' };
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, reason: 'schema', detail: shorten(`${where}${describeIssue(issue)}`) };
}

/** Parses JSON text, then validates it. */
export function parseSnapshot(text: string): SnapshotResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: 'json',
      detail: shorten(error instanceof Error ? error.message : String(error)),
    };
  }
  return validateSnapshot(value);
}
