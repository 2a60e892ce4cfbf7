import { openDB } from 'idb';
import { DB_NAME } from './db';

/**
 * Everything in the database exactly as stored, whatever its version and whether or not it parses:
 * the way out when a migration fails (issue 15, finding 9). Opening without a version never runs an
 * upgrade, so this works on the old database the failed migration left untouched.
 */
export interface RawDump {
  format: 'pacer-raw-dump';
  name: string;
  version: number;
  exportedAt: number;
  stores: Record<string, { key: unknown; value: unknown }[]>;
}

export async function exportRawDatabase(name: string = DB_NAME, now = Date.now()): Promise<RawDump> {
  const db = await openDB(name);
  try {
    const stores: RawDump['stores'] = {};
    for (const store of [...db.objectStoreNames]) {
      const tx = db.transaction(store, 'readonly');
      const rows: { key: unknown; value: unknown }[] = [];
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
        rows.push({ key: cursor.key, value: cursor.value });
      }
      stores[store] = rows;
    }
    return { format: 'pacer-raw-dump', name, version: db.version, exportedAt: now, stores };
  } finally {
    db.close();
  }
}
