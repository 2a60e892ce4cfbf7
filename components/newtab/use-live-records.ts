import { useEffect, useState } from 'preact/hooks';
import { onChange } from '../../lib/storage/changes';
import type { PacerDb } from '../../lib/storage/db';
import { getDb } from '../app/session';

/**
 * Records read from the database, read again whenever one of `stores` changes (in this tab or
 * another): the lists under the dashboard (archived, KPIs) that show what the widgets leave out. Null
 * until the first read; a failed read leaves what was shown.
 */
export function useLiveRecords<T>(
  read: (db: PacerDb) => Promise<T>,
  stores: readonly string[],
  deps: readonly unknown[] = [],
): T | null {
  const [records, setRecords] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const value = await read(await getDb());
      if (live) setRecords(value);
    };
    void load().catch(() => undefined);
    const stop = onChange((e) => {
      if (e.stores.some((s) => stores.includes(s))) void load().catch(() => undefined);
    });
    return () => {
      live = false;
      stop();
    };
  }, deps);
  return records;
}
