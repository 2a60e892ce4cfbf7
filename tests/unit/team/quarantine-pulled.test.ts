import { describe, expect, it } from 'vitest';
import { listQuarantine } from '../../../lib/storage/quarantine';
import { quarantinePulled } from '../../../lib/team/quarantine-pulled';
import { checkPulledDoc } from '../../../lib/team/sync';
import { freshDb } from '../storage/helpers';

describe('quarantine of pulled team documents', () => {
  it('keeps the bad document and every reason in the quarantine list', async () => {
    const { db } = await freshDb();
    const doc = {
      _id: 'obs:m1:bao:2026-12-06',
      type: 'observation',
      metricId: 'm1',
      member: 'an',
      day: '2026-12-06',
      value: 2,
      time: 1,
      dims: {},
      updatedAt: 1,
    };
    const checked = checkPulledDoc(doc);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    await quarantinePulled(db, 'sales', [{ id: doc._id, doc, problems: checked.problems }], 5);
    const list = await listQuarantine(db);
    expect(list).toEqual([
      {
        id: expect.stringMatching(/^team:sales:"obs:m1:bao:2026-12-06"@/),
        store: 'team:sales',
        key: doc._id,
        value: doc,
        problems: ['_id: does not match the document’s type, member or period'],
        origin: 'read',
        at: 5,
      },
    ]);
  });
});
