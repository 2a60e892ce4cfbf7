import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addIncoming,
  compareWithStored,
  dayKeyOf,
  emptyIncoming,
  type OverlapChoice,
  type OverlapReport,
} from '../../../lib/import/overlap';
import type { Observation } from '../../../lib/schema';

/**
 * Invariants of the overlap report across random stored values and files, with each choice applied
 * the way the import's sink applies it (lib/app/import-sinks.ts): "replace" leaves a day the file's
 * values alone, "skip" leaves an occupied day as it was, and no choice touches a day the file does not
 * hold.
 */
const TZ = 'America/New_York';
const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1, 5);

const obs = (id: string, hour: number, value: number, channel: string, source: Observation['source']) =>
  ({
    id,
    metricId: 'm',
    time: T0 + hour * H,
    value,
    dims: channel ? { channel } : {},
    source,
  }) satisfies Observation;

const point = fc.record({
  hour: fc.integer({ min: 0, max: 24 * 6 }),
  value: fc.integer({ min: -50, max: 500 }),
  channel: fc.constantFrom('', 'zalo'),
});

const world = fc
  .record({
    stored: fc.array(point, { maxLength: 25 }),
    fresh: fc.array(point, { maxLength: 25 }),
    rewrites: fc.array(fc.record({ pick: fc.nat(), value: fc.integer({ min: -50, max: 500 }) }), {
      maxLength: 10,
    }),
  })
  .map(({ stored, fresh, rewrites }) => {
    const s = stored.map((p, i) => obs(`s${i}`, p.hour, p.value, p.channel, 'manual'));
    const file = new Map<string, Observation>();
    fresh.forEach((p, i) => {
      file.set(`f${i}`, obs(`f${i}`, p.hour, p.value, p.channel, 'import'));
    });
    // The file rewriting values it imported before: same id (same time and dimensions).
    if (s.length)
      for (const r of rewrites) {
        const old = s[r.pick % s.length]!;
        file.set(old.id, { ...old, value: r.value, source: 'import' });
      }
    return { stored: s, file: [...file.values()] };
  });

function apply(stored: Observation[], file: Observation[], report: OverlapReport, choice: OverlapChoice) {
  const state = new Map(stored.map((o) => [o.id, o]));
  if (choice === 'replace') for (const o of report.storedOnOccupied) state.delete(o.id);
  for (const o of file) {
    if (choice === 'skip' && report.occupiedKeys.has(dayKeyOf(o.time, o.dims, TZ))) continue;
    state.set(o.id, o);
  }
  return [...state.values()];
}

const sumAt = (list: Observation[], key: string) =>
  list.filter((o) => dayKeyOf(o.time, o.dims, TZ) === key).reduce((s, o) => s + o.value, 0);
const idsAt = (list: Observation[], key: string) =>
  list
    .filter((o) => dayKeyOf(o.time, o.dims, TZ) === key)
    .map((o) => `${o.id}=${o.value}`)
    .sort();

describe('import overlap report (property)', () => {
  it('holds its invariants for every choice', () => {
    fc.assert(
      fc.property(
        world,
        fc.constantFrom<OverlapChoice>('add', 'replace', 'skip'),
        ({ stored, file }, choice) => {
          const incoming = emptyIncoming();
          for (const o of file) addIncoming(incoming, o);
          const report = compareWithStored(incoming, stored, TZ);
          const storedIds = new Set(stored.map((o) => o.id));
          expect(report.changed + report.unchanged).toBe(file.filter((o) => storedIds.has(o.id)).length);
          expect(report.occupiedKeys.size).toBe(report.occupiedDays);
          expect(report.sameValueDays).toBeLessThanOrEqual(report.occupiedDays);

          const after = apply(stored, file, report, choice);
          const fileKeys = new Set(file.map((o) => dayKeyOf(o.time, o.dims, TZ)));
          const freshKeys = new Set(
            file.filter((o) => !storedIds.has(o.id)).map((o) => dayKeyOf(o.time, o.dims, TZ)),
          );
          // A day the file does not hold is never touched.
          for (const o of stored) {
            const key = dayKeyOf(o.time, o.dims, TZ);
            if (!fileKeys.has(key)) expect(after.find((a) => a.id === o.id)).toEqual(o);
          }
          for (const key of freshKeys) {
            if (choice === 'replace') expect(sumAt(after, key)).toBe(sumAt(file, key));
            if (choice === 'skip' && report.occupiedKeys.has(key))
              expect(idsAt(after, key)).toEqual(idsAt(stored, key));
            // A day with values of its own besides the file's new ones is always reported.
            const others = stored.filter(
              (o) => dayKeyOf(o.time, o.dims, TZ) === key && !file.some((f) => f.id === o.id),
            );
            expect(report.occupiedKeys.has(key)).toBe(others.length > 0);
          }
          // "add" loses nothing that was stored, except values the file rewrites by id.
          if (choice === 'add') for (const o of stored) expect(after.some((a) => a.id === o.id)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
