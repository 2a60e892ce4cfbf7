import { describe, expect, it } from 'vitest';
import { onChange } from '../../../lib/storage/changes';
import { STORES } from '../../../lib/storage/db';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { ValidationError } from '../../../lib/storage/records';
import { ConflictError, repository, toggleArchived } from '../../../lib/storage/repository';
import { loadSettings, saveSettings, updateSettings } from '../../../lib/storage/settings';
import { freshDb, metric } from './helpers';

describe('entity repository', () => {
  it('validates on write and writes nothing when any record is invalid', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    const bad = { ...metric({ id: 'b' }), unit: { kind: 'currency', currency: 'dong' } };
    const err = await metrics.putMany([metric({ id: 'a' }), bad]).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.problems[0]).toMatch(/^metrics\[1\]\.unit\.currency: expected an ISO 4217 code/);
    expect(await metrics.list()).toEqual([]);
  });

  it('refuses NaN, Infinity and dates that are not dates', async () => {
    const { db } = await freshDb();
    const goals = repository(db, 'goals');
    const base = {
      id: 'g',
      kind: 'kpi_target',
      title: 'x',
      frameworks: [],
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: 1,
      updatedAt: 1,
    };
    await expect(goals.put({ ...base, target: Number.NaN })).rejects.toThrow(/target/);
    await expect(goals.put({ ...base, target: Number.POSITIVE_INFINITY })).rejects.toThrow(/target/);
    await expect(goals.put({ ...base, deadline: '2026-13-45' })).rejects.toThrow(/deadline/);
    expect(await goals.list()).toEqual([]);
  });

  it('soft-deletes and restores (undo) and notifies listeners', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    const events: string[][] = [];
    const off = onChange((e) => events.push(e.stores));
    await metrics.put(metric());
    const deleted = await metrics.softDelete(['revenue'], 123);
    expect(deleted).toEqual(['revenue']);
    expect(await metrics.list()).toEqual([]);
    expect((await metrics.list({ includeDeleted: true }))[0]?.deletedAt).toBe(123);
    await metrics.restore(['revenue']);
    expect((await metrics.list())[0]?.id).toBe('revenue');
    off();
    expect(events.filter((s) => s.includes('metrics')).length).toBe(3);
  });

  it('archives and unarchives a metric, validated like any write', async () => {
    const { db } = await freshDb();
    const saved = await repository(db, 'metrics').put(metric());
    const archived = await toggleArchived(db, 'metrics', saved, 500);
    expect(archived).toMatchObject({ archived: true, updatedAt: 500 });
    expect((await repository(db, 'metrics').get('revenue'))?.archived).toBe(true);
    expect((await toggleArchived(db, 'metrics', archived, 600)).archived).toBe(false);
  });

  it('quarantines a record damaged by hand instead of dropping or defaulting it', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    await metrics.put(metric({ id: 'good' }));
    const damaged = { ...metric({ id: 'hand-edited' }), aggregation: 'median' };
    await db.put(STORES.metrics, damaged);
    const listed = await metrics.list();
    expect(listed.map((m) => m.id)).toEqual(['good']);
    const q = await listQuarantine(db);
    expect(q).toHaveLength(1);
    expect(q[0]?.value).toEqual(damaged);
    expect(q[0]?.problems.join()).toMatch(/aggregation/);
    expect(q[0]?.origin).toBe('read');
  });
});

describe('settings', () => {
  it('uses defaults on first run without writing them', async () => {
    const { db } = await freshDb();
    const loaded = await loadSettings(db, { locale: 'vi' });
    expect(loaded.fresh).toBe(true);
    expect(loaded.settings.locale).toBe('vi');
    expect(await db.get(STORES.settings, 'settings')).toBeUndefined();
  });

  it('fills fields an older version did not know, keeps the rest', async () => {
    const { db } = await freshDb();
    await db.put(STORES.settings, { id: 'settings', locale: 'vi', currency: 'USD' });
    const { settings } = await loadSettings(db);
    expect(settings.currency).toBe('USD');
    expect(settings.locale).toBe('vi');
    expect(settings.weekStart).toBe(1);
  });

  it('quarantines damaged settings and never writes defaults over them', async () => {
    const { db } = await freshDb();
    const damaged = { id: 'settings', locale: 'fr', currency: 'VND' };
    await db.put(STORES.settings, damaged);
    const loaded = await loadSettings(db);
    expect(loaded.problems?.[0]).toMatch(/^settings\.locale/);
    expect(loaded.settings.locale).toBe('en');
    expect(await db.get(STORES.settings, 'settings')).toBeUndefined();
    expect((await listQuarantine(db))[0]?.value).toEqual(damaged);
    await saveSettings(db, { ...loaded.settings, locale: 'vi' });
    expect((await loadSettings(db)).settings.locale).toBe('vi');
  });

  it('applies two settings changes made at once, each on top of the other (no lost update)', async () => {
    const { db } = await freshDb();
    await saveSettings(db, (await loadSettings(db)).settings);
    // Two selects changed in quick succession, or the options page and a new tab at once.
    await Promise.all([updateSettings(db, { locale: 'vi' }), updateSettings(db, { theme: 'dark' })]);
    const { settings } = await loadSettings(db);
    expect(settings.locale).toBe('vi');
    expect(settings.theme).toBe('dark');
  });

  it('refuses a bad patch with the save error, writing nothing', async () => {
    const { db } = await freshDb();
    await saveSettings(db, { ...(await loadSettings(db)).settings, locale: 'vi' });
    await expect(updateSettings(db, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
    expect((await loadSettings(db)).settings).toMatchObject({ locale: 'vi' });
  });

  it('rejects an unknown time zone', async () => {
    const { db } = await freshDb();
    await expect(saveSettings(db, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
  });
});

// Issue 15, finding 6: editor B, opened before editor A saved, must not silently undo A's change.
describe('optimistic concurrency', () => {
  it('refuses a save based on an older version, writes nothing, and overwrites only when asked', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    await metrics.put(metric({ updatedAt: 10 }));
    const a = await metrics.get('revenue');
    const b = await metrics.get('revenue');
    await metrics.put({ ...a!, name: 'Revenue (A)', updatedAt: 20 }, { expectedUpdatedAt: a!.updatedAt });
    const err = await metrics
      .put({ ...b!, direction: 'down', updatedAt: 30 }, { expectedUpdatedAt: b!.updatedAt })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current).toMatchObject({ name: 'Revenue (A)', updatedAt: 20 });
    expect(await metrics.get('revenue')).toMatchObject({
      name: 'Revenue (A)',
      direction: 'up',
      updatedAt: 20,
    });
    // "Overwrite with mine": the editor takes the stored version as its base and saves again.
    await metrics.put({ ...b!, direction: 'down', updatedAt: 30 }, { expectedUpdatedAt: 20 });
    expect(await metrics.get('revenue')).toMatchObject({ direction: 'down', updatedAt: 30 });
  });

  it('a record deleted for good meanwhile is a conflict too', async () => {
    const { db } = await freshDb();
    const metrics = repository(db, 'metrics');
    await metrics.put(metric({ updatedAt: 10 }));
    await metrics.purge(['revenue']);
    await expect(metrics.put(metric({ updatedAt: 11 }), { expectedUpdatedAt: 10 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.count(STORES.metrics)).toBe(0);
  });

  it('a put over a damaged stored record quarantines it first', async () => {
    const { db } = await freshDb();
    await db.put(STORES.metrics, { id: 'revenue', name: 7 });
    await repository(db, 'metrics').put(metric());
    const q = await listQuarantine(db);
    expect(q.map((e) => [e.store, e.key, e.value, e.origin])).toEqual([
      ['metrics', 'revenue', { id: 'revenue', name: 7 }, 'write'],
    ]);
  });
});
