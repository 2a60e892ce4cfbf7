import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation, ObservationBlock } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { newestFirst, type PageCursor, readValuesPage } from '../../../lib/storage/observation-pages';
import { ingestObservations } from '../../../lib/storage/observations';
import { DAY, freshDb, obs, T0 } from './helpers';

/** Every page after the first starts just past the previous page's last row. */
async function readAllPages(db: Awaited<ReturnType<typeof freshDb>>['db'], limit: number) {
  const seen: Observation[] = [];
  let before: PageCursor | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await readValuesPage(db, 'revenue', { limit, ...(before ? { before } : {}) });
    expect(page.observations.length).toBeLessThanOrEqual(limit);
    seen.push(...page.observations);
    if (!page.more) return seen;
    expect(page.observations).toHaveLength(limit);
    before = page.observations.at(-1)!;
  }
  throw new Error('paging never ended');
}

describe('readValuesPage', () => {
  it('reads the newest values first, a page at a time, across days and channels', async () => {
    const { db } = await freshDb();
    await ingestObservations(
      db,
      Array.from({ length: 30 }, (_, i) => obs(i)),
    );
    const first = await readValuesPage(db, 'revenue', { limit: 5 });
    expect(first.observations.map((o) => o.id)).toEqual(['o-29', 'o-28', 'o-27', 'o-26', 'o-25']);
    expect(first.more).toBe(true);
    const second = await readValuesPage(db, 'revenue', { limit: 5, before: first.observations[4]! });
    expect(second.observations.map((o) => o.id)).toEqual(['o-24', 'o-23', 'o-22', 'o-21', 'o-20']);
    const last = await readValuesPage(db, 'revenue', { limit: 50, before: { time: T0 + DAY, id: '' } });
    expect(last.observations.map((o) => o.id)).toEqual(['o-3', 'o-2', 'o-1', 'o-0']);
    expect(last.more).toBe(false);
  });

  it('leaves other KPIs out and says when a KPI has nothing', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(1, { metricId: 'leads' })]);
    expect(await readValuesPage(db, 'revenue', { limit: 5 })).toEqual({ observations: [], more: false });
  });

  it('skips a damaged block instead of failing the whole list', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(0), obs(8)]);
    const key = ['revenue', 'channel=zalo', T0];
    const raw = (await db.get(STORES.obsBlocks, key)) as ObservationBlock;
    await db.put(STORES.obsBlocks, { ...raw, points: [{ id: 'x', t: 'not a time', v: 1, s: 'manual' }] });
    const page = await readValuesPage(db, 'revenue', { limit: 5 });
    expect(page.observations.map((o) => o.id)).toEqual(['o-8']);
  });

  it('property: paging never loses or repeats a value, and keeps newest-first order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // Few distinct times so ties (the same moment in two channels) are common.
            slot: fc.integer({ min: 0, max: 15 }),
            channel: fc.constantFrom('zalo', 'facebook', 'web'),
            value: fc.integer({ min: -5, max: 1000 }),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 12 }),
        async (items, limit) => {
          const { db } = await freshDb();
          const input = items.map((it, i) =>
            obs(i, { time: T0 + it.slot * (DAY / 3), value: it.value, dims: { channel: it.channel } }),
          );
          if (input.length) await ingestObservations(db, input);
          const all = await readAllPages(db, limit);
          expect(all.map((o) => o.id).sort()).toEqual(input.map((o) => o.id).sort());
          expect([...all].sort(newestFirst)).toEqual(all);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('readValuesPage with keep (only yours on the values list)', () => {
  // A teammate's value has a team document id (lib/team/whose-values.ts); yours has any other id.
  const mine = (i: number, time: number, channel: string) => obs(i, { time, dims: { channel } });
  const theirs = (i: number, time: number, channel: string) =>
    obs(i, { id: `obs:revenue:an:p${i}`, time, dims: { channel } });
  const isMine = (o: Observation) => !o.id.startsWith('obs:');

  /** All pages of `limit` read with `keep`, each checked: full unless it is the last. */
  async function keptPages(db: Awaited<ReturnType<typeof freshDb>>['db'], limit: number) {
    const pages: Observation[][] = [];
    let before: PageCursor | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await readValuesPage(db, 'revenue', {
        limit,
        keep: isMine,
        ...(before ? { before } : {}),
      });
      pages.push(page.observations);
      if (!page.more) return pages;
      before = page.observations.at(-1)!;
    }
    throw new Error('paging never ended');
  }

  it('fills a page of 50 with yours when teammates’ values sit among them', async () => {
    const { db } = await freshDb();
    // 120 values, one every 6 h over two channels; every other one a teammate's: 60 yours.
    const input = Array.from({ length: 120 }, (_, i) =>
      (i % 2 ? theirs : mine)(i, T0 + i * (DAY / 4), ['zalo', 'facebook'][i % 3 === 0 ? 0 : 1]!),
    );
    await ingestObservations(db, input);
    const first = await readValuesPage(db, 'revenue', { limit: 50, keep: isMine });
    expect(first.observations).toHaveLength(50);
    expect(first.observations.every(isMine)).toBe(true);
    expect(first.more).toBe(true);
    const last = await readValuesPage(db, 'revenue', {
      limit: 50,
      keep: isMine,
      before: first.observations[49]!,
    });
    expect(last.observations.map((o) => o.id)).toEqual([
      'o-18',
      'o-16',
      'o-14',
      'o-12',
      'o-10',
      'o-8',
      'o-6',
      'o-4',
      'o-2',
      'o-0',
    ]);
    expect(last.more).toBe(false);
  });

  it('says no "more" when only teammates’ values are left, and nothing for a KPI of only theirs', async () => {
    const { db } = await freshDb();
    // The 5 newest are yours, the 40 older ones a teammate's.
    await ingestObservations(db, [
      ...Array.from({ length: 40 }, (_, i) => theirs(i, T0 + i * (DAY / 4), 'zalo')),
      ...Array.from({ length: 5 }, (_, i) => mine(100 + i, T0 + (40 + i) * (DAY / 4), 'zalo')),
    ]);
    const page = await readValuesPage(db, 'revenue', { limit: 5, keep: isMine });
    expect(page.observations).toHaveLength(5);
    expect(page.more).toBe(false);
    const none = await readValuesPage(db, 'revenue', { limit: 5, keep: () => false });
    expect(none).toEqual({ observations: [], more: false });
  });

  it('property: every page is full but the last, and the pages hold each of yours once, newest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            teammate: fc.boolean(),
            slot: fc.integer({ min: 0, max: 20 }),
            channel: fc.constantFrom('zalo', 'facebook', 'web'),
          }),
          { maxLength: 80, size: 'medium' },
        ),
        fc.integer({ min: 1, max: 12 }),
        async (items, limit) => {
          const { db } = await freshDb();
          const input = items.map((it, i) =>
            (it.teammate ? theirs : mine)(i, T0 + it.slot * (DAY / 3), it.channel),
          );
          if (input.length) await ingestObservations(db, input);
          const yours = input.filter(isMine);
          const pages = await keptPages(db, limit);
          for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
          const lastPage = pages.at(-1)!;
          // The last page is short or exactly full; it is empty only when you have nothing at all.
          expect(lastPage.length).toBe(yours.length === 0 ? 0 : yours.length - (pages.length - 1) * limit);
          expect(lastPage.length > 0 || yours.length === 0).toBe(true);
          const all = pages.flat();
          expect(all.map((o) => o.id).sort()).toEqual(yours.map((o) => o.id).sort());
          expect([...all].sort(newestFirst)).toEqual(all);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
