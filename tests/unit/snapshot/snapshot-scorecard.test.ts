import { beforeAll, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../lib/app/dashboard-data';
import type { DashboardData } from '../../../lib/app/dashboard-types';
import { defaultSettings } from '../../../lib/schema';
import { buildSnapshot } from '../../../lib/snapshot/build-snapshot';
import { loadExampleData } from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/** A shared snapshot's scorecard against the dashboard's, over the example data. */
const NOW = Date.UTC(2026, 11, 7, 7);
const settings = defaultSettings({ locale: 'en', timeZone: 'Asia/Ho_Chi_Minh' });
const OPTS = { locale: 'en', generatedAt: NOW } as const;

describe('the snapshot’s scorecard', () => {
  let data: DashboardData;
  beforeAll(async () => {
    const { db } = await freshDb();
    await saveSettings(db, settings);
    await loadExampleData(db, NOW);
    data = await computeDashboard(db, settings, NOW);
  }, 60_000);

  it('with every goal shared, is the dashboard’s: the same goals and the same status per perspective', () => {
    const s = buildSnapshot(
      data,
      data.goals.map((g) => g.id),
      OPTS,
    );
    const shown = (list: typeof data.scorecard) =>
      list.filter((p) => p.goalIds.length > 0).map((p) => [p.perspective, p.status, p.goalIds]);
    // Financial read "Off track" (the worst of its goals) beside the dashboard's "At risk".
    expect(shown(s.scorecard ?? [])).toEqual(shown(data.scorecard));
    expect(s.scorecard?.map((p) => p.achievedIds ?? [])).toEqual(
      data.scorecard.filter((p) => p.goalIds.length > 0).map((p) => p.achievedIds ?? []),
    );
  });

  it('never names a met quarter that was not shared', () => {
    const financial = data.scorecard.find((p) => p.perspective === 'financial');
    expect(financial?.achievedIds?.length).toBeGreaterThan(0);
    const open = financial?.goalIds.filter((id) => !financial.achievedIds?.includes(id)) ?? [];
    const s = buildSnapshot(data, open.slice(0, 1), OPTS);
    const json = JSON.stringify(s);
    for (const id of financial?.achievedIds ?? []) expect(json).not.toContain(`"${id}"`);
  });
});
