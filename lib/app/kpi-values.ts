/**
 * The list of a KPI's logged values (newest first, a page at a time) and the rules for fixing or
 * deleting one: a wrong value (1500000 for 150000, the wrong day, a bad import row) could not be found
 * again once the toast's Undo had gone. Framework-free; the view is components/newtab/editor/kpi-values.tsx.
 */
import { type DayKey, localDayKey, startOfLocalDay } from '../engine/time-buckets';
import { formatExactValue } from '../i18n/format';
import { typedDayProblem } from '../i18n/parse-day';
import type { Translator } from '../i18n/translate';
import { checkValue, dayProblem, timeForDay, type UiText } from '../popup/quick-log';
import {
  type Dimension,
  dimKey,
  type Locale,
  type Metric,
  type Observation,
  type Source,
  type Unit,
} from '../schema';
import { blockKeyString, utcDay } from '../storage/blocks';
import type { PacerDb } from '../storage/db';
import { type PageCursor, readValuesPage } from '../storage/observation-pages';
import { deleteObservations, ingestObservations } from '../storage/observations';
import { isYourValue } from '../team/whose-values';
import { dimensionValueLabel } from './dimension-labels';
import { oddQuestion } from './odd-entry';

/** Rows per "Show more". */
export const PAGE_SIZE = 50;

export interface KpiValueRow {
  /** Unique per stored point: the same id may sit in two blocks (a moved import row re-imported). */
  key: string;
  observation: Observation;
  /** The local day it counts for, in the user's time zone. */
  day: DayKey;
  value: number;
  dims: [Dimension, string][];
  source: Source;
  note: string;
}

const blockOf = (o: Pick<Observation, 'metricId' | 'dims' | 'time'>) =>
  blockKeyString([o.metricId, dimKey(o.dims), utcDay(o.time)]);

export function valueRow(o: Observation, timeZone: string): KpiValueRow {
  return {
    key: `${blockOf(o)}\u0000${o.id}`,
    observation: o,
    day: localDayKey(o.time, timeZone),
    value: o.value,
    dims: Object.entries(o.dims) as [Dimension, string][],
    source: o.source,
    note: o.note ?? '',
  };
}

/**
 * The newest `limit` values of a KPI, or those of `month` ('YYYY-MM', local) and before. "Show more"
 * asks again with a larger limit rather than the next page, so a list reloaded after an edit (or an
 * import in another tab) shows the same rows it did, with the change in place.
 */
export async function loadValueRows(
  db: PacerDb,
  metricId: string,
  opts: { limit: number; timeZone: string; month?: string },
): Promise<{ rows: KpiValueRow[]; more: boolean }> {
  const before = opts.month ? monthEnd(opts.month, opts.timeZone) : undefined;
  // Yours to fix or delete: a teammate's value is theirs, and the next sync would bring it back. Left
  // out at the read, so a page is fifty of yours and "more" means more of yours.
  const page = await readValuesPage(db, metricId, {
    limit: opts.limit,
    keep: isYourValue,
    ...(before ? { before } : {}),
  });
  return { rows: page.observations.map((o) => valueRow(o, opts.timeZone)), more: page.more };
}

/** A cursor just past the last moment of a local month: every value of that month and before. */
export function monthEnd(month: string, timeZone: string): PageCursor | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return undefined;
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  // The empty id sorts before every id, so a value at exactly next month's first moment is left out.
  return { time: startOfLocalDay(next, timeZone), id: '' };
}

/** "Channel: Facebook · Segment: SMB", or "" for a value without dimensions. */
export function dimsText(dims: KpiValueRow['dims'], t: Translator): string {
  return dims.map(([d, v]) => `${t(`popup.dimension.${d}`)}: ${dimensionValueLabel(v, t)}`).join(' · ');
}

/**
 * The value as the edit field starts: what the list shows ("₫1,500,000", "12.5%") where the data entry
 * reads that back, else the bare number in the locale's decimals ("1,5" in vi), since "1.5×" and
 * "1 h 30 min" are for reading, not for typing.
 */
export function editText(value: number, unit: Unit, locale: Locale): string {
  if (unit.kind === 'currency' || unit.kind === 'count' || unit.kind === 'percent') {
    const text = formatExactValue(value, unit, locale);
    // "₫883.191" could be 883,191 đồng typed with a dot (a currency with no minor unit, under 1,000,
    // three decimals), so reading it back asks which: one more decimal digit ("₫883.1910") says it is
    // a fraction, and saving the field untouched then saves the same value without a question (a
    // fast-check counterexample).
    if (!Number.isInteger(value) && checkValue(text, locale, unit).status === 'confirm') {
      const widened = text.replace(/(\d)(\D*)$/, '$10$2');
      const read = checkValue(widened, locale, unit);
      if (read.status === 'ok' && read.value === value) return widened;
    }
    return text;
  }
  const plain = String(value);
  return locale === 'vi' ? plain.replace('.', ',') : plain;
}

export interface ValueEdit {
  /** What the user typed, read with the data entry's own rules. */
  text: string;
  day: DayKey;
  note: string;
}

export type EditCheck =
  | {
      status: 'ok';
      next: Observation /** The data entry's "odd value" question, or null. */;
      ask: string | null;
    }
  | { status: 'unchanged' }
  | { status: 'error'; field: 'value' | 'day'; message: UiText };

/**
 * Checks an edit and builds the observation it saves.
 *
 * What an edit keeps: the id, the source and the dimensions. A fixed value is still the one the
 * popup, the file or the CRM sent, so the list keeps saying where it came from; and a re-import of the
 * same file (or the CRM's next read) writes that id again, putting the source's value back — the fix
 * belongs in the file too, and the edit hint says so. Undoing that import removes the row as it would
 * have before. A day that changes moves the value (blocks are per day, see lib/storage/blocks.ts):
 * it is written to its new day and taken out of the old one. A re-import then puts the file's row
 * back on the file's day, beside the moved one, because the file still says that day.
 *
 * The time within the day is kept while the day is; a new day gets the time the data entry gives it
 * (now for today, local noon before), so "latest value" KPIs read it as the entry would.
 */
export function checkEdit(
  old: Observation,
  edit: ValueEdit,
  metric: Pick<Metric, 'unit'>,
  ctx: { locale: Locale; timeZone: string; now: number },
): EditCheck {
  const checked = checkValue(edit.text, ctx.locale, metric.unit);
  if (checked.status === 'error') return { status: 'error', field: 'value', message: checked.message };
  if (checked.status === 'confirm')
    // "1.200": 1.2 or 1200? The field shows the question; the user types the value unambiguously.
    return { status: 'error', field: 'value', message: { text: checked.question } };
  // Text in the day field that is not a day (lib/i18n/parse-day.ts) says why, in the field's words.
  const typed = typedDayProblem(edit.day, ctx.locale);
  if (typed) return { status: 'error', field: 'day', message: typed };
  const problem = dayProblem(edit.day, ctx.timeZone, ctx.now);
  if (problem) return { status: 'error', field: 'day', message: { key: problem } };
  const sameDay = edit.day === localDayKey(old.time, ctx.timeZone);
  const time = sameDay ? old.time : timeForDay(edit.day, ctx.timeZone, ctx.now);
  // "2026-02-30" passes the shape check and would land on 2 March: a day must read back as itself.
  if (time === null || localDayKey(time, ctx.timeZone) !== edit.day)
    return { status: 'error', field: 'day', message: { key: 'date.invalid' } };
  const note = edit.note.trim().slice(0, 500);
  const { note: _dropped, ...rest } = old;
  const next: Observation = { ...rest, value: checked.value, time, ...(note ? { note } : {}) };
  if (next.value === old.value && next.time === old.time && (old.note ?? '') === note)
    return { status: 'unchanged' };
  // Asked only when the value changed: fixing the note of a value already odd is not a new question.
  const ask = next.value === old.value ? null : oddQuestion(next.value, metric.unit, ctx.locale);
  return { status: 'ok', next, ask };
}

/**
 * Replaces `old` by `next` (the same id). Written before the old day is cleared, so a failure between
 * the two leaves the value twice, never nowhere. Through ingest/delete, so the rollups the goals read
 * follow. Undo is the same call the other way round: `saveEdit(db, next, old)`.
 */
export async function saveEdit(db: PacerDb, old: Observation, next: Observation): Promise<void> {
  await ingestObservations(db, [next]);
  if (blockOf(old) !== blockOf(next)) await deleteObservations(db, [old]);
}

/** Deletes one value; returns what to re-ingest for Undo (ids included, so nothing is duplicated). */
export function deleteValue(db: PacerDb, o: Observation): Promise<Observation[]> {
  return deleteObservations(db, [o]);
}
