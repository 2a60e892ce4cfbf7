import { describe, expect, it } from 'vitest';
import { STORES } from '../../../lib/storage/db';
import {
  beginIngest,
  deleteObservations,
  IngestCancelled,
  ingestObservations,
  readAllObservations,
  readObservations,
  recoverInterruptedIngest,
} from '../../../lib/storage/observations';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { readRollups } from '../../../lib/storage/rollup-store';
import { saveSettings } from '../../../lib/storage/settings';
import { DAY, freshDb, obs, T0 } from './helpers';

describe('observations', () => {
  it('ingests, reads a time range in order, and filters by dimension', async () => {
    const { db } = await freshDb();
    const input = Array.from({ length: 40 }, (_, i) => obs(i));
    const res = await ingestObservations(db, input);
    expect(res).toMatchObject({ written: 40, added: 40, replaced: 0, blocks: 20 });
    const all = await readAllObservations(db, 'revenue');
    expect(all).toHaveLength(40);
    expect(all.map((o) => o.id)).toEqual(input.map((o) => o.id));
    const range = await readObservations(db, 'revenue', { from: T0 + DAY, to: T0 + 3 * DAY });
    expect(range.map((o) => o.id)).toEqual(['o-4', 'o-5', 'o-6', 'o-7', 'o-8', 'o-9', 'o-10', 'o-11']);
    const zalo = await readObservations(db, 'revenue', {
      from: T0,
      to: T0 + 2 * DAY,
      dimKey: 'channel=zalo',
    });
    expect(zalo.map((o) => o.id)).toEqual(['o-0', 'o-2', 'o-4', 'o-6']);
  });

  it('re-ingesting the same ids replaces instead of duplicating', async () => {
    const { db } = await freshDb();
    const input = Array.from({ length: 10 }, (_, i) => obs(i));
    await ingestObservations(db, input);
    const again = await ingestObservations(
      db,
      input.map((o) => ({ ...o, value: o.value * 2 })),
    );
    expect(again).toMatchObject({ added: 0, replaced: 10 });
    const all = await readAllObservations(db, 'revenue');
    expect(all).toHaveLength(10);
    expect(all[3]?.value).toBe(2006);
  });

  it('rejects the whole batch, with the index and field, when one observation is bad', async () => {
    const { db } = await freshDb();
    const input: unknown[] = [obs(0), { ...obs(1), value: Number.NaN }, { ...obs(2), time: 'yesterday' }];
    const err = await ingestObservations(db, input).catch((e) => e);
    expect(err.problems).toEqual([
      expect.stringMatching(/^observations\[1\]\.value:/),
      expect.stringMatching(/^observations\[2\]\.time:/),
    ]);
    expect(await readAllObservations(db, 'revenue')).toEqual([]);
  });

  it('spans transactions for large ingests and rolls every chunk back on cancel', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(0, { value: 7 })]);
    const controller = new AbortController();
    const input = Array.from({ length: 60 }, (_, i) => obs(i));
    const err = await ingestObservations(db, input, {
      blocksPerTransaction: 4,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 16) controller.abort();
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestCancelled);
    const after = await readAllObservations(db, 'revenue');
    expect(after).toHaveLength(1);
    expect(after[0]?.value).toBe(7);
    expect(await db.count(STORES.journal)).toBe(0);
  });

  it('an ingest session spans batches and rolls back to the state before the first batch', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(0, { value: 7 })]);
    const session = beginIngest(db, { blocksPerTransaction: 2 });
    await session.add([obs(0, { value: 100 }), obs(1), obs(2)]);
    await session.add([obs(0, { value: 200 }), obs(9)]);
    expect((await readAllObservations(db, 'revenue')).find((o) => o.id === 'o-0')?.value).toBe(200);
    await session.rollback();
    const after = await readAllObservations(db, 'revenue');
    expect(after.map((o) => [o.id, o.value])).toEqual([['o-0', 7]]);
    await expect(session.add([obs(3)])).rejects.toThrow(/already rolled back/);
  });

  it('an ingest session commits every batch', async () => {
    const { db } = await freshDb();
    const session = beginIngest(db);
    await session.add([obs(0), obs(1)]);
    await session.add([obs(1, { value: 5 }), obs(2)]);
    expect(await session.commit()).toMatchObject({ written: 4, added: 3, replaced: 1 });
    expect((await readAllObservations(db, 'revenue')).map((o) => o.value)).toEqual([1000, 5, 1002]);
    expect(await db.count(STORES.journal)).toBe(0);
  });

  it('recovers from a crash in the middle of a journaled ingest', async () => {
    const { db } = await freshDb();
    // What a crash leaves: a block written plus its journal entry, but no commit.
    const block = {
      metricId: 'revenue',
      dimKey: '',
      day: T0,
      dims: {},
      points: [{ id: 'x', t: T0, v: 1, s: 'manual' }],
    };
    await db.put(STORES.obsBlocks, block);
    await db.put(STORES.journal, {
      key: 'ingest-1\u0000k',
      ingestId: 'ingest-1',
      blockKey: ['revenue', '', T0],
      before: null,
    });
    expect(await recoverInterruptedIngest(db)).toBe(1);
    expect(await readAllObservations(db, 'revenue')).toEqual([]);
  });

  it('keeps local-day rollups current through ingest, replace and delete', async () => {
    const { db } = await freshDb();
    await saveSettings(db, { timeZone: 'Asia/Ho_Chi_Minh' });
    // 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam.
    const late = { ...obs(0), time: T0 + 20 * 3600_000, value: 5, dims: {} };
    const early = { ...obs(1), time: T0 + 2 * 3600_000, value: 3, dims: {} };
    await ingestObservations(db, [late, early]);
    let [r] = await readRollups(db);
    expect(r?.days['2026-03-01']).toMatchObject({ sum: 3, count: 1 });
    expect(r?.days['2026-03-02']).toMatchObject({ sum: 5, count: 1 });
    await ingestObservations(db, [{ ...late, value: 9 }]);
    [r] = await readRollups(db);
    expect(r?.days['2026-03-02']).toMatchObject({ sum: 9, count: 1, max: 9 });
    await deleteObservations(db, [late]);
    [r] = await readRollups(db);
    expect(r?.days['2026-03-02']).toBeUndefined();
    expect(r?.days['2026-03-01']).toMatchObject({ sum: 3 });
  });

  it('rebuilds rollups on local days of a new time zone', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [{ ...obs(0), time: T0 + 20 * 3600_000, value: 5, dims: {} }]);
    expect(Object.keys((await readRollups(db))[0]!.days)).toEqual(['2026-03-01']);
    await saveSettings(db, { timeZone: 'Asia/Ho_Chi_Minh' });
    const [r] = await readRollups(db);
    expect(r?.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(Object.keys(r!.days)).toEqual(['2026-03-02']);
  });

  it('quarantines a damaged block and still returns the others', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(0), obs(8)]);
    await db.put(STORES.obsBlocks, {
      metricId: 'revenue',
      dimKey: 'channel=zalo',
      day: T0,
      dims: {},
      points: 'oops',
    });
    const read = await readAllObservations(db, 'revenue');
    expect(read.map((o) => o.id)).toEqual(['o-8']);
    expect((await listQuarantine(db))[0]?.store).toBe('obsBlocks');
  });
});
