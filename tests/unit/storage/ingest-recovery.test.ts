import { describe, expect, it } from 'vitest';
import { createConnection } from '../../../lib/storage/connection';
import { STORES } from '../../../lib/storage/db';
import { listImports, undoImport } from '../../../lib/storage/import-undo';
import { holdIngestLock, ingestLockName, locks } from '../../../lib/storage/ingest-lock';
import {
  beginIngest,
  ingestObservations,
  readAllObservations,
  recoverInterruptedIngest,
} from '../../../lib/storage/observations';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { freshDb, obs, T0 } from './helpers';

const deadJournal = (ingestId: string, before: unknown) => ({
  key: `${ingestId}\u0000k`,
  ingestId,
  blockKey: ['revenue', '', T0],
  before,
});
const block = (v: number) => ({
  metricId: 'revenue',
  dimKey: '',
  day: T0,
  dims: {},
  points: [{ id: 'x', t: T0, v, s: 'manual' }],
});

// Issue 15, finding 1: any surface opening the database used to roll back every journal — including
// the import still running in another tab.
describe('ingest recovery', () => {
  it('leaves a running ingest alone: another surface opening the database loses none of it', async () => {
    const { db } = await freshDb();
    const session = beginIngest(db, { blocksPerTransaction: 2 });
    await session.add(Array.from({ length: 12 }, (_, i) => obs(i)));
    expect(await db.count(STORES.journal)).toBeGreaterThan(0);
    // A new tab opens now and runs recovery.
    expect(await recoverInterruptedIngest(db)).toBe(0);
    await session.add(Array.from({ length: 8 }, (_, i) => obs(12 + i)));
    expect(await session.commit()).toMatchObject({ written: 20, added: 20 });
    expect(await readAllObservations(db, 'revenue')).toHaveLength(20);
    expect(await db.count(STORES.journal)).toBe(0);
  });

  it('rolls back an ingest whose context died (its lock is free), once, however many surfaces recover', async () => {
    const { db } = await freshDb();
    await db.put(STORES.obsBlocks, block(2));
    await db.put(STORES.journal, deadJournal('ingest-dead', block(1)));
    const counts = await Promise.all([
      recoverInterruptedIngest(db),
      recoverInterruptedIngest(db),
      recoverInterruptedIngest(db),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await readAllObservations(db, 'revenue')).map((o) => o.value)).toEqual([1]);
    expect(await db.count(STORES.journal)).toBe(0);
  });

  it('a recovery that lost the race never writes its stale before-image over a newer write', async () => {
    const { db } = await freshDb();
    await db.put(STORES.obsBlocks, block(2));
    await db.put(STORES.journal, deadJournal('ingest-dead', block(1)));
    // Recovery A holds the ingest's lock and has not rolled back yet; recovery B starts meanwhile.
    let goA!: () => void;
    const a = locks().request(ingestLockName('ingest-dead'), {}, async () => {
      await new Promise<void>((r) => {
        goA = r;
      });
      await recoverInterruptedIngestUnlocked(db);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(await recoverInterruptedIngest(db)).toBe(0);
    expect((await readAllObservations(db, 'revenue')).map((o) => o.value)).toEqual([2]);
    goA();
    await a;
    // A put the before-image back; a newer write follows; no late recovery may undo it.
    await ingestObservations(db, [
      { id: 'x', metricId: 'revenue', time: T0, value: 3, dims: {}, source: 'manual' },
    ]);
    expect(await recoverInterruptedIngest(db)).toBe(0);
    expect((await readAllObservations(db, 'revenue')).map((o) => o.value)).toEqual([3]);
  });

  it('waits for a held lock only as long as the ingest lives: released on commit and on rollback', async () => {
    const { db } = await freshDb();
    const s1 = beginIngest(db);
    await s1.add([obs(0)]);
    await s1.commit();
    const s2 = beginIngest(db);
    await s2.add([obs(1)]);
    await s2.rollback();
    const release = await holdIngestLock('probe');
    release();
    // Both ingests' locks are free again: a fresh hold on each name succeeds at once.
    const free = await locks().request('pacer-ingest:none', { ifAvailable: true }, (l) => l !== null);
    expect(free).toBe(true);
    expect((await readAllObservations(db, 'revenue')).map((o) => o.id)).toEqual(['o-0']);
  });

  it('restores a damaged block it had quarantined when rolled back, leaving no duplicate in quarantine', async () => {
    const { db } = await freshDb();
    const damaged = { ...block(1), points: 'not a list' };
    await db.put(STORES.obsBlocks, damaged);
    const session = beginIngest(db);
    await session.add([{ id: 'y', metricId: 'revenue', time: T0 + 1, value: 5, dims: {}, source: 'manual' }]);
    expect(await listQuarantine(db)).toHaveLength(1);
    await session.rollback();
    expect(await db.get(STORES.obsBlocks, ['revenue', '', T0])).toEqual(damaged);
    expect(await listQuarantine(db)).toHaveLength(0);
  });
});

describe('connection', () => {
  it('opens again after another context asked it to close (blocking), instead of handing out a closed one', async () => {
    const name = `pacer-conn-${Date.now()}`;
    const get = createConnection(name);
    const first = await get();
    expect(await get()).toBe(first);
    // Another context deleting (or upgrading) the database fires `versionchange`: `blocking` closes ours.
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = resolve;
      req.onerror = reject;
    });
    const second = await get();
    expect(second).not.toBe(first);
    expect(await second.count(STORES.metrics)).toBe(0);
  });
});

/** Rolls back every journal without asking for locks: what recovery A does while it holds the lock. */
async function recoverInterruptedIngestUnlocked(db: Awaited<ReturnType<typeof freshDb>>['db']) {
  const before = (await db.getAll(STORES.journal)) as { before: unknown }[];
  for (const e of before) if (e.before) await db.put(STORES.obsBlocks, e.before);
  await db.clear(STORES.journal);
}

describe('writing over a damaged block', () => {
  it('quarantines the block as it was, in the write transaction, then writes the new value', async () => {
    const { db } = await freshDb();
    const damaged = { ...block(1), points: [{ id: 'old', t: T0, v: 'seven', s: 'manual' }] };
    await db.put(STORES.obsBlocks, damaged);
    await ingestObservations(db, [
      { id: 'new', metricId: 'revenue', time: T0 + 5, value: 5, dims: {}, source: 'manual' },
    ]);
    const q = await listQuarantine(db);
    expect(q.map((e) => [e.store, e.key, e.value, e.origin])).toEqual([
      ['obsBlocks', ['revenue', '', T0], damaged, 'write'],
    ]);
    expect(q[0]!.problems).toEqual(['points[0].v: expected number, received text "seven"']);
    expect((await readAllObservations(db, 'revenue')).map((o) => o.id)).toEqual(['new']);
  });
});

describe('undo of a completed import', () => {
  it('puts back what the import replaced, removes what it added, and keeps values logged since', async () => {
    const { db } = await freshDb();
    await ingestObservations(db, [obs(0, { value: 7 })]);
    const session = beginIngest(db, { undoable: true });
    await session.add([obs(0, { value: 100 }), obs(1), obs(2)]);
    const result = await session.commit();
    expect(result).toMatchObject({ added: 2, replaced: 1, undoId: expect.stringMatching(/^import-ingest-/) });
    expect(await listImports(db)).toEqual([
      { id: result.undoId, createdAt: expect.any(Number), added: 2, replaced: 1 },
    ]);
    await ingestObservations(db, [obs(3, { value: 33 })]);
    expect(await undoImport(db, result.undoId!)).toBe(3);
    expect((await readAllObservations(db, 'revenue')).map((o) => [o.id, o.value])).toEqual([
      ['o-0', 7],
      ['o-3', 33],
    ]);
    expect(await listImports(db)).toEqual([]);
    await expect(undoImport(db, result.undoId!)).rejects.toThrow(/no import/);
  });
});
