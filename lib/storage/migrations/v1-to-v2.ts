import type { IDBPTransaction } from 'idb';
import { CheckIn, Goal, Metric, Observation, Settings } from '../../schema';
import { groupIntoBlocks } from '../blocks';
import { quarantineId } from '../quarantine';
import { describeIssues } from '../records';
import {
  migrateCheckInV1,
  migrateGoalV1,
  migrateMetricV1,
  migrateObservationV1,
  migrateSettingsV1,
} from './v1-records';

type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

const V1_STORES = ['metrics', 'goals', 'observations', 'checkIns', 'settings'] as const;

/**
 * v1 → v2, inside the versionchange transaction: snapshot every v1 store into `backups`, then rewrite
 * records with the pure migrations. A record that still fails its v2 schema goes to `quarantine` with
 * the original value and the reasons.
 */
export async function migrateV1Database(tx: UpgradeTx, now: number): Promise<void> {
  const snapshot: Record<string, unknown[]> = {};
  for (const name of V1_STORES) snapshot[name] = await tx.objectStore(name).getAll();
  await tx.objectStore('backups').put({
    id: `pre-migration-v1-to-v2-${now}`,
    createdAt: now,
    reason: 'migration',
    fromVersion: 1,
    toVersion: 2,
    stores: snapshot,
  });

  const quarantine = tx.objectStore('quarantine');
  const park = async (store: string, key: unknown, value: unknown, problems: string[]) => {
    await quarantine.put({
      id: quarantineId(store, key, now),
      store,
      key,
      value,
      problems,
      origin: 'migration',
      at: now,
    });
  };

  const rewrite = async (
    store: 'metrics' | 'goals' | 'checkIns' | 'settings',
    migrate: (v: unknown) => unknown,
  ) => {
    const schema = { metrics: Metric, goals: Goal, checkIns: CheckIn, settings: Settings }[store];
    const os = tx.objectStore(store);
    for (const old of snapshot[store] ?? []) {
      const key = (old as { id?: unknown }).id;
      const parsed = schema.safeParse(migrate(old), { reportInput: true });
      if (parsed.success) {
        await os.put(parsed.data);
      } else {
        await park(store, key, old, describeIssues(parsed.error));
        await os.delete(key as IDBValidKey);
      }
    }
  };
  await rewrite('metrics', migrateMetricV1);
  await rewrite('goals', migrateGoalV1);
  await rewrite('checkIns', migrateCheckInV1);
  await rewrite('settings', migrateSettingsV1);

  const valid: Observation[] = [];
  for (const old of snapshot.observations ?? []) {
    const parsed = Observation.safeParse(migrateObservationV1(old), { reportInput: true });
    if (parsed.success) valid.push(parsed.data);
    else await park('observations', (old as { id?: unknown }).id, old, describeIssues(parsed.error));
  }
  const blocks = tx.objectStore('obsBlocks');
  for (const block of groupIntoBlocks(valid).values()) await blocks.put(block);
  // Rollups are rebuilt from blocks on first use rather than here, keeping the upgrade short.
  await tx.objectStore('meta').put({ key: 'rollupsStale', value: true });
}
