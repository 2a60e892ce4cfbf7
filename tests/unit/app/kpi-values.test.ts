import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEdit,
  deleteValue,
  dimsText,
  editText,
  loadValueRows,
  monthEnd,
  PAGE_SIZE,
  saveEdit,
  valueRow,
} from '../../../lib/app/kpi-values';
import { createTranslator } from '../../../lib/i18n/translate';
import { checkValue } from '../../../lib/popup/quick-log';
import type { Observation, Unit } from '../../../lib/schema';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { readRollups } from '../../../lib/storage/rollup-store';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

const ZONE = 'Asia/Ho_Chi_Minh'; // UTC+7
const H = 3_600_000;
// 2026-03-10 20:00 UTC is already 11 March in Hanoi.
const LATE = Date.UTC(2026, 2, 10, 20);
const NOW = Date.UTC(2026, 2, 20, 3);
const vnd = { unit: { kind: 'currency' as const, currency: 'VND' } };
const count = { unit: { kind: 'count' as const } };
const ctx = { locale: 'en' as const, timeZone: ZONE, now: NOW };

const value = (overrides: Partial<Observation> = {}): Observation => ({
  id: 'manual-a',
  metricId: 'revenue',
  time: LATE,
  value: 1_500_000,
  dims: { channel: 'facebook' },
  source: 'manual',
  ...overrides,
});

describe('valueRow', () => {
  it('reads the day in the user’s zone and lists dimensions', () => {
    const row = valueRow(value({ note: 'typo?' }), ZONE);
    expect(row.day).toBe('2026-03-11');
    expect(row.dims).toEqual([['channel', 'facebook']]);
    expect(row.note).toBe('typo?');
    expect(valueRow(value(), 'UTC').day).toBe('2026-03-10');
  });

  it('says dimensions in words, in both languages', () => {
    const dims = valueRow(value({ dims: { channel: 'trade_show', segment: 'smb' } }), ZONE).dims;
    expect(dimsText(dims, createTranslator('en'))).toMatch(/^Channel: .+ · Segment: .+$/);
    expect(dimsText(dims, createTranslator('vi'))).toMatch(/^Kênh: .+ · /);
    expect(dimsText([], createTranslator('en'))).toBe('');
  });
});

describe('editText', () => {
  const units: Unit[] = [
    { kind: 'currency', currency: 'VND' },
    { kind: 'currency', currency: 'USD' },
    { kind: 'count' },
    { kind: 'percent' },
    { kind: 'ratio' },
    { kind: 'duration', per: 'hours' },
  ];

  it('starts the field with the value as listed where that reads back', () => {
    expect(editText(1_500_000, units[0]!, 'en')).toBe('₫1,500,000');
    expect(editText(1.5, units[4]!, 'vi')).toBe('1,5');
    expect(editText(1.5, units[5]!, 'en')).toBe('1.5');
  });

  it('writes a fraction of a đồng under 1,000 with one more digit, so reading it back asks nothing', () => {
    // "₫883.191" could be 883,191 đồng typed with a dot: it had asked which (a fast-check counterexample).
    expect(editText(-883.191, units[0]!, 'en')).toBe('-₫883.1910');
    expect(editText(883.191, units[0]!, 'vi').replace(/\s/g, ' ')).toBe('883,1910 ₫');
    expect(checkValue('-₫883.1910', 'en', units[0]!)).toEqual({ status: 'ok', value: -883.191 });
    expect(editText(1883.191, units[0]!, 'en')).toBe('₫1,883.191');
  });

  it('property: saving the field untouched saves the same value, in every unit and language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.constantFrom('en' as const, 'vi' as const),
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (unit, locale, n, decimals) => {
          const v = n / 10 ** decimals;
          const read = checkValue(editText(v, unit, locale), locale, unit);
          expect(read).toEqual({ status: 'ok', value: v });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('monthEnd', () => {
  it('is the first moment of the next local month, December included', () => {
    expect(monthEnd('2026-03', ZONE)).toEqual({ time: Date.UTC(2026, 2, 31, 17), id: '' });
    expect(monthEnd('2026-12', 'UTC')).toEqual({ time: Date.UTC(2027, 0, 1), id: '' });
    expect(monthEnd('2026-13', 'UTC')).toBeUndefined();
    expect(monthEnd('', 'UTC')).toBeUndefined();
  });
});

describe('checkEdit', () => {
  it('fixes a value typed ten times too big, keeping id, source, dims and time', () => {
    const old = value({ source: 'import', id: 'obs-1' });
    const res = checkEdit(old, { text: '150000', day: '2026-03-11', note: '' }, vnd, ctx);
    expect(res).toEqual({ status: 'ok', next: { ...old, value: 150_000 }, ask: null });
  });

  it('reads the value with the data entry’s rules (locale, currency, units)', () => {
    const vi = { ...ctx, locale: 'vi' as const };
    const ok = checkEdit(value(), { text: '1tr2', day: '2026-03-11', note: '' }, vnd, vi);
    expect(ok).toMatchObject({ status: 'ok', next: { value: 1_200_000 } });
    expect(checkEdit(value(), { text: 'abc', day: '2026-03-11', note: '' }, vnd, ctx)).toMatchObject({
      status: 'error',
      field: 'value',
    });
    expect(checkEdit(value(), { text: '$5', day: '2026-03-11', note: '' }, vnd, ctx)).toEqual({
      status: 'error',
      field: 'value',
      message: { key: 'quickLog.wrongCurrency', params: { typed: 'USD', expected: 'VND' } },
    });
    // "1.200" in English: 1.2 or 1200? A question, shown on the field; nothing is saved.
    const ambiguous = checkEdit(value(), { text: '1.200', day: '2026-03-11', note: '' }, count, ctx);
    expect(ambiguous).toMatchObject({ status: 'error', field: 'value', message: { text: { en: /1,200/ } } });
  });

  it('refuses an empty, bad or future day', () => {
    const at = (day: string) => checkEdit(value(), { text: '5', day, note: '' }, count, ctx);
    expect(at('')).toEqual({ status: 'error', field: 'day', message: { key: 'date.empty' } });
    // Text the day field could not read as a day (lib/i18n/parse-day.ts) says why.
    expect(at('2026-02-30')).toEqual({
      status: 'error',
      field: 'day',
      message: {
        text: {
          en: 'February 2026 has 28 days: there is no day 30.',
          vi: 'Tháng 2/2026 chỉ có 28 ngày: không có ngày 30.',
        },
      },
    });
    expect(at('11/03/2026')).toEqual({ status: 'error', field: 'day', message: { key: 'date.invalid' } });
    expect(at('2026-03-21')).toEqual({ status: 'error', field: 'day', message: { key: 'popup.futureDate' } });
  });

  it('moves a value to another day at local noon, or now for today', () => {
    const earlier = checkEdit(value(), { text: '1500000', day: '2026-03-09', note: '' }, vnd, ctx);
    expect(earlier).toMatchObject({ status: 'ok', next: { time: Date.UTC(2026, 2, 9, 12) - 7 * H } });
    const today = checkEdit(value(), { text: '1500000', day: '2026-03-20', note: '' }, vnd, ctx);
    expect(today).toMatchObject({ status: 'ok', next: { time: NOW } });
  });

  it('sets, trims and clears the note; an edit that changes nothing says so', () => {
    const noted = checkEdit(value(), { text: '1500000', day: '2026-03-11', note: '  from Lan ' }, vnd, ctx);
    expect(noted).toMatchObject({ status: 'ok', next: { note: 'from Lan' } });
    const cleared = checkEdit(
      value({ note: 'x' }),
      { text: '1500000', day: '2026-03-11', note: ' ' },
      vnd,
      ctx,
    );
    expect(cleared.status === 'ok' && 'note' in cleared.next).toBe(false);
    expect(checkEdit(value(), { text: '1,500,000', day: '2026-03-11', note: '' }, vnd, ctx)).toEqual({
      status: 'unchanged',
    });
  });

  it('asks about an odd new value, not about one left as it was', () => {
    const odd = checkEdit(value({ value: 3 }), { text: '-3', day: '2026-03-11', note: '' }, count, ctx);
    expect(odd).toMatchObject({ status: 'ok', ask: expect.stringContaining('-3') });
    const same = checkEdit(value({ value: -3 }), { text: '-3', day: '2026-03-11', note: 'n' }, count, ctx);
    expect(same).toMatchObject({ status: 'ok', ask: null });
  });
});

describe('saving and deleting', () => {
  async function setup(input: Observation[]) {
    const { db } = await freshDb();
    await saveSettings(db, { timeZone: ZONE });
    await ingestObservations(db, input);
    return db;
  }
  const sums = async (db: Awaited<ReturnType<typeof setup>>) =>
    Object.fromEntries(
      Object.entries((await readRollups(db))[0]?.days ?? {}).map(([day, s]) => [day, s.sum]),
    );

  it('an edit on the same day replaces the value; the rollups follow; undo puts it back', async () => {
    const old = value();
    const db = await setup([old, value({ id: 'manual-b', value: 200, time: LATE - 5 * H })]);
    const res = checkEdit(old, { text: '150000', day: '2026-03-11', note: '' }, vnd, ctx);
    if (res.status !== 'ok') throw new Error(res.status);
    await saveEdit(db, old, res.next);
    expect(await sums(db)).toEqual({ '2026-03-11': 150_000, '2026-03-10': 200 });
    await saveEdit(db, res.next, old);
    expect(await sums(db)).toEqual({ '2026-03-11': 1_500_000, '2026-03-10': 200 });
    expect(await readAllObservations(db, 'revenue')).toHaveLength(2);
  });

  it('a new day moves the value (once, never twice) and undo moves it back', async () => {
    const old = value();
    const db = await setup([old]);
    const res = checkEdit(old, { text: '1500000', day: '2026-03-01', note: '' }, vnd, ctx);
    if (res.status !== 'ok') throw new Error(res.status);
    await saveEdit(db, old, res.next);
    expect(await sums(db)).toEqual({ '2026-03-01': 1_500_000 });
    const { rows } = await loadValueRows(db, 'revenue', { limit: 10, timeZone: ZONE });
    expect(rows.map((r) => [r.observation.id, r.day])).toEqual([['manual-a', '2026-03-01']]);
    await saveEdit(db, res.next, old);
    expect(await sums(db)).toEqual({ '2026-03-11': 1_500_000 });
    expect(await readAllObservations(db, 'revenue')).toEqual([old]);
  });

  it('deletes one value and gives back what Undo re-ingests', async () => {
    const old = value({ note: 'typo', source: 'crm', id: 'hubspot:deal:7' });
    const db = await setup([old, value({ id: 'manual-b', value: 200 })]);
    const removed = await deleteValue(db, old);
    expect(removed).toEqual([old]);
    expect(await sums(db)).toEqual({ '2026-03-11': 200 });
    await ingestObservations(db, removed);
    expect(await sums(db)).toEqual({ '2026-03-11': 1_500_200 });
  });

  it('lists a month and before, newest first, with "more" when there is', async () => {
    const days = Array.from({ length: 6 }, (_, i) =>
      value({ id: `m-${i}`, time: Date.UTC(2026, i, 15), value: i }),
    );
    const db = await setup(days);
    const march = await loadValueRows(db, 'revenue', { limit: 2, timeZone: ZONE, month: '2026-03' });
    expect(march.rows.map((r) => r.day)).toEqual(['2026-03-15', '2026-02-15']);
    expect(march.more).toBe(true);
    const all = await loadValueRows(db, 'revenue', { limit: 10, timeZone: ZONE });
    expect(all.rows.map((r) => r.value)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(all.more).toBe(false);
  });
});

describe('loadValueRows counts only your values', () => {
  // Pulled from a team: a team document id (lib/team/whose-values.ts); logged here: any other id.
  const theirs = (i: number, time: number) =>
    value({ id: `obs:revenue:an:p${i}`, time, value: -i, source: 'import' });
  const mine = (i: number, time: number) => value({ id: `manual-${i}`, time, value: i });
  const at = (i: number) => Date.UTC(2026, 0, 1) + i * 5 * H;

  async function setup(input: Observation[]) {
    const { db } = await freshDb();
    await saveSettings(db, { timeZone: ZONE });
    await ingestObservations(db, input);
    return db;
  }

  it('shows a full page of 50 of yours, then the rest, with "more" only while some of yours are left', async () => {
    // 75 of yours among 150 of a teammate's: two of theirs after each of yours.
    const input = Array.from({ length: 225 }, (_, i) => (i % 3 === 0 ? mine(i, at(i)) : theirs(i, at(i))));
    const db = await setup(input);
    const first = await loadValueRows(db, 'revenue', { limit: PAGE_SIZE, timeZone: ZONE });
    expect(first.rows).toHaveLength(50);
    expect(first.rows.every((r) => r.observation.id.startsWith('manual-'))).toBe(true);
    expect(first.more).toBe(true);
    const second = await loadValueRows(db, 'revenue', { limit: 2 * PAGE_SIZE, timeZone: ZONE });
    expect(second.rows).toHaveLength(75);
    expect(second.rows.map((r) => r.value)).toEqual(
      input
        .filter((o) => o.id.startsWith('manual-'))
        .map((o) => o.value)
        .reverse(),
    );
    expect(second.more).toBe(false);
  });

  it('offers no older values when only a teammate’s are older, also in a chosen month', async () => {
    const db = await setup([
      ...Array.from({ length: 60 }, (_, i) => theirs(i, Date.UTC(2026, 1, 1) + i * H)),
      mine(1, Date.UTC(2026, 2, 15)),
      mine(2, Date.UTC(2026, 2, 16)),
    ]);
    const newest = await loadValueRows(db, 'revenue', { limit: PAGE_SIZE, timeZone: ZONE });
    expect(newest.rows.map((r) => r.value)).toEqual([2, 1]);
    expect(newest.more).toBe(false);
    const feb = await loadValueRows(db, 'revenue', { limit: PAGE_SIZE, timeZone: ZONE, month: '2026-02' });
    expect(feb).toEqual({ rows: [], more: false });
  });

  it('property: "Show more" grows by full pages of yours, and the last shows every one of yours', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 180, size: 'max' }),
        async (teammate) => {
          const input = teammate.map((t, i) => (t ? theirs(i, at(i)) : mine(i, at(i))));
          const yours = input.filter((o) => !o.id.startsWith('obs:')).length;
          const db = await setup(input);
          for (let limit = PAGE_SIZE; ; limit += PAGE_SIZE) {
            const { rows, more } = await loadValueRows(db, 'revenue', { limit, timeZone: ZONE });
            expect(rows).toHaveLength(Math.min(limit, yours));
            expect(more).toBe(yours > limit);
            expect(rows.some((r) => r.observation.id.startsWith('obs:'))).toBe(false);
            if (!more) break;
          }
          db.close();
        },
      ),
      { numRuns: 15 },
    );
  });
});
