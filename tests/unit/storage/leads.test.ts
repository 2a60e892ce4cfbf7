import { describe, expect, it } from 'vitest';
import type { LeadSighting } from '../../../lib/schema';
import { STORES } from '../../../lib/storage/db';
import { recordSightings } from '../../../lib/storage/leads';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { repository } from '../../../lib/storage/repository';
import { freshDb, T0 } from './helpers';

const deal = (stage: string, over: Partial<LeadSighting> = {}): LeadSighting => ({
  crm: 'hubspot',
  objectType: 'deal',
  externalId: '9001',
  url: 'https://app.hubspot.com/contacts/1/record/0-3/9001',
  name: 'Đơn hàng Minh Phát',
  stage,
  ...over,
});

describe('recordSightings', () => {
  it('keeps every stage when two batches see the same lead at once', async () => {
    const { db } = await freshDb();
    await recordSightings(db, [deal('Qualified')], T0);
    // Two CRM tabs report the lead in the same moment, each with a new stage.
    await Promise.all([
      recordSightings(db, [deal('Proposal')], T0 + 1000),
      recordSightings(db, [deal('Won')], T0 + 2000),
    ]);
    const [lead] = await repository(db, 'leads').list();
    expect(lead?.stageHistory).toEqual([
      { stage: 'Qualified', at: T0 },
      { stage: 'Proposal', at: T0 + 1000 },
      { stage: 'Won', at: T0 + 2000 },
    ]);
    expect(lead).toMatchObject({ stage: 'Won', firstSeen: T0, lastSeen: T0 + 2000 });
  });

  it('keeps every stage across many concurrent batches', async () => {
    const { db } = await freshDb();
    const stages = Array.from({ length: 12 }, (_, i) => `Stage ${i}`);
    await Promise.all(stages.map((stage, i) => recordSightings(db, [deal(stage)], T0 + i)));
    const [lead] = await repository(db, 'leads').list();
    expect(lead?.stageHistory.map((h) => h.stage)).toEqual(stages);
  });

  it('quarantines a damaged stored lead before it is written over, then stores the sighting', async () => {
    const { db } = await freshDb();
    const damaged = { id: 'hubspot:deal:9001', crm: 'hubspot', name: 42 };
    await db.put(STORES.leads, damaged);
    const [lead] = await recordSightings(db, [deal('Won')], T0);
    expect(lead).toMatchObject({ id: 'hubspot:deal:9001', stage: 'Won', firstSeen: T0 });
    const quarantined = await listQuarantine(db);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.value).toEqual(damaged);
  });

  it('writes nothing when a merged lead is invalid', async () => {
    const { db } = await freshDb();
    await recordSightings(db, [deal('Qualified')], T0);
    const before = await repository(db, 'leads').list();
    await expect(
      recordSightings(db, [deal('Won', { externalId: '9002' }), deal('Lost', { url: 'ftp://x' })], T0 + 1),
    ).rejects.toThrow();
    expect(await repository(db, 'leads').list()).toEqual(before);
  });
});
