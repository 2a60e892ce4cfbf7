import { DB_NAME, type OpenOptions, openPacerDb, type PacerDb } from './db';
import { recoverInterruptedIngest } from './observations';

/**
 * One lazily opened connection per JS context (a page or the service worker), with ingest recovery
 * run once per open. The cached promise is dropped when the connection goes away — another context
 * upgrading the database (`blocking`), the browser closing it, or the open failing — so the next
 * caller opens a fresh one instead of getting a closed connection forever (issue 15, finding 11).
 */
export function createConnection(
  name: string = DB_NAME,
  options: Pick<OpenOptions, 'onVersionChange'> = {},
): () => Promise<PacerDb> {
  let current: Promise<PacerDb> | null = null;
  return () => {
    if (current) return current;
    const opening: Promise<PacerDb> = openPacerDb(name, {
      onVersionChange: () => {
        if (current === opening) current = null;
        options.onVersionChange?.();
      },
    }).then(async (db) => {
      // Fired when the browser closes the connection itself (storage cleared, disk error).
      db.addEventListener('close', () => {
        if (current === opening) current = null;
      });
      await recoverInterruptedIngest(db);
      return db;
    });
    opening.catch(() => {
      if (current === opening) current = null;
    });
    current = opening;
    return opening;
  };
}
