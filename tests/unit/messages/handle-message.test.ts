import { describe, expect, it } from 'vitest';
import { handleMessage } from '../../../lib/background/handle-message';
import { MAX_MESSAGE_BYTES } from '../../../lib/messages/protocol';
import { readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { DAY, freshDb, metric, T0 } from '../storage/helpers';

const sighting = {
  crm: 'hubspot',
  objectType: 'deal',
  externalId: '9001',
  url: 'https://app.hubspot.com/contacts/123/record/0-3/9001',
  name: 'Đơn hàng Minh Phát',
  stage: 'Qualified',
  amount: 120_000_000,
  currency: 'VND',
};

describe('background message handling', () => {
  it('stores leads with first/last seen and stage history', async () => {
    const { db } = await freshDb();
    const ctx = { db: async () => db, now: () => 1000 };
    expect(await handleMessage({ type: 'leads/sighted', sightings: [sighting] }, ctx)).toEqual({
      ok: true,
      data: { stored: 1 },
    });
    await handleMessage(
      { type: 'leads/sighted', sightings: [{ ...sighting, stage: 'Won' }] },
      { ...ctx, now: () => 5000 },
    );
    const [lead] = await repository(db, 'leads').list();
    expect(lead).toMatchObject({
      id: 'hubspot:deal:9001',
      firstSeen: 1000,
      lastSeen: 5000,
      stage: 'Won',
      stageHistory: [
        { stage: 'Qualified', at: 1000 },
        { stage: 'Won', at: 5000 },
      ],
    });
  });

  it('stores a lead without a creation date beyond tomorrow, and the rest of its batch', async () => {
    const { db } = await freshDb();
    const reply = await handleMessage(
      {
        type: 'leads/sighted',
        sightings: [
          { ...sighting, createdDate: T0 + 400 * DAY },
          { ...sighting, externalId: '9002', createdDate: T0 - DAY },
        ],
      },
      { db: async () => db, now: () => T0 },
    );
    expect(reply).toEqual({ ok: true, data: { stored: 2 } });
    const leads = await repository(db, 'leads').list();
    expect(leads.find((l) => l.externalId === '9001')).not.toHaveProperty('createdDate');
    expect(leads.find((l) => l.externalId === '9002')?.createdDate).toBe(T0 - DAY);
  });

  it('parses each sighting of a batch on its own: a malformed one is dropped and counted, the rest land', async () => {
    // The content script sends what it read unparsed (issue 17): this is where a row is parsed.
    const { db } = await freshDb();
    const reply = await handleMessage(
      {
        type: 'leads/sighted',
        sightings: [
          { ...sighting, externalId: '9002', name: 'x'.repeat(501) },
          sighting,
          { ...sighting, externalId: '9003', currency: 'đồng' },
          'not a sighting',
          { ...sighting, externalId: '9004', stage: 'Won' },
        ],
      },
      { db: async () => db, now: () => T0 },
    );
    expect(reply).toEqual({ ok: true, data: { stored: 2, refused: 3 } });
    const leads = await repository(db, 'leads').list();
    expect(leads.map((l) => l.externalId).sort()).toEqual(['9001', '9004']);
  });

  it('refuses a batch with no valid sighting, with each reason', async () => {
    const { db } = await freshDb();
    const reply = await handleMessage(
      {
        type: 'leads/sighted',
        sightings: [
          { ...sighting, amount: 'a lot' },
          { ...sighting, url: 'ftp://x' },
        ],
      },
      { db: async () => db },
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/sightings\[0\]\.amount: .*sightings\[1\]\.url/);
    expect(await repository(db, 'leads').list()).toEqual([]);
  });

  it('answers the badge context with the sightings when asked, after storing them', async () => {
    const { db } = await freshDb();
    const seen: string[][] = [];
    const ctx = {
      db: async () => db,
      now: () => 1000,
      // What the context provider sees: the lead is already stored when it is asked.
      overlayContext: async (ids: string[]) => {
        seen.push(ids);
        return { stored: (await repository(db, 'leads').list()).map((l) => l.id) };
      },
    };
    const asked = await handleMessage(
      { type: 'leads/sighted', sightings: [sighting], contextFor: ['hubspot:deal:9001'] },
      ctx,
    );
    expect(asked).toEqual({ ok: true, data: { stored: 1, context: { stored: ['hubspot:deal:9001'] } } });
    expect(await handleMessage({ type: 'leads/sighted', sightings: [sighting] }, ctx)).toEqual({
      ok: true,
      data: { stored: 1 },
    });
    expect(seen).toEqual([['hubspot:deal:9001']]);
  });

  it("passes the site's picked goal on with both badge questions, and refuses a malformed one", async () => {
    const { db } = await freshDb();
    const seen: [string[], string | undefined][] = [];
    const ctx = {
      db: async () => db,
      now: () => 1000,
      overlayContext: async (ids: string[], goalId?: string) => {
        seen.push([ids, goalId]);
        return null;
      },
    };
    await handleMessage(
      { type: 'leads/sighted', sightings: [sighting], contextFor: ['hubspot:deal:9001'], goalId: 'g-1' },
      ctx,
    );
    await handleMessage({ type: 'overlay/context', leadIds: ['hubspot:deal:9001'], goalId: 'g-2' }, ctx);
    await handleMessage({ type: 'overlay/context', leadIds: [] }, ctx);
    expect(seen).toEqual([
      [['hubspot:deal:9001'], 'g-1'],
      [['hubspot:deal:9001'], 'g-2'],
      [[], undefined],
    ]);
    const bad = await handleMessage({ type: 'overlay/context', leadIds: [], goalId: ['g-1'] }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/goalId/);
    expect(seen).toHaveLength(3);
  });

  it.each([
    [{ type: 'drop/tables' }, /unknown type "drop\/tables"/],
    [null, /unknown type null/],
    [
      { type: 'leads/sighted', sightings: [{ ...sighting, amount: 'a lot' }] },
      /sightings\[0\]\.amount: expected number/,
    ],
    [
      { type: 'leads/sighted', sightings: [{ ...sighting, url: 'javascript:alert(1)' }] },
      /sightings\[0\]\.url/,
    ],
    [
      { type: 'metric/log', metricId: 'm', value: Number.NaN, time: 1 },
      /value: expected number, received NaN/,
    ],
    [
      { type: 'leads/sighted', sightings: [{ ...sighting, name: 'x'.repeat(MAX_MESSAGE_BYTES) }] },
      /over the 524288-byte limit/,
    ],
  ])('refuses %# with a clear error and changes nothing', async (message, error) => {
    const { db } = await freshDb();
    const reply = await handleMessage(message, { db: async () => db });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await repository(db, 'leads').list()).toEqual([]);
  });

  it('logs a value through the single writer', async () => {
    const { db } = await freshDb();
    await repository(db, 'metrics').put(metric());
    const reply = await handleMessage(
      { type: 'metric/log', metricId: 'revenue', value: 12e6, time: 86_400_000 },
      { db: async () => db },
    );
    expect(reply.ok).toBe(true);
    expect((await readAllObservations(db, 'revenue'))[0]?.value).toBe(12e6);
  });

  it.each([
    ['an unknown metric', { metricId: 'nope', time: T0 }, /there is no metric "nope"/],
    ['a deleted metric', { metricId: 'gone', time: T0 }, /there is no metric "gone"/],
    ['a time years ahead', { metricId: 'revenue', time: T0 + 400 * DAY }, /is in the future/],
  ])('refuses a value for %s and stores nothing', async (_name, fields, error) => {
    const { db } = await freshDb();
    await repository(db, 'metrics').putMany([metric(), metric({ id: 'gone', deletedAt: T0 })]);
    const reply = await handleMessage(
      { type: 'metric/log', value: 5, ...fields },
      {
        db: async () => db,
        now: () => T0,
      },
    );
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(await readAllObservations(db, 'revenue')).toEqual([]);
    expect(await readAllObservations(db, 'gone')).toEqual([]);
    expect(await readAllObservations(db, 'nope')).toEqual([]);
  });

  it('accepts a value up to a day ahead (time zones), not more', async () => {
    const { db } = await freshDb();
    await repository(db, 'metrics').put(metric());
    const ctx = { db: async () => db, now: () => T0 };
    const log = (time: number) =>
      handleMessage({ type: 'metric/log', metricId: 'revenue', value: 1, time }, ctx);
    expect((await log(T0 + DAY)).ok).toBe(true);
    expect((await log(T0 + DAY + 1)).ok).toBe(false);
    expect(await readAllObservations(db, 'revenue')).toHaveLength(1);
  });
});
