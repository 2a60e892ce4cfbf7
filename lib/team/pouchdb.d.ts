// The little of PouchDB's API that lib/team uses (PouchDB 9 ships no types; @types/pouchdb is for 7).
declare module 'pouchdb-core' {
  export interface PouchDoc {
    _id: string;
    _rev?: string;
    _deleted?: boolean;
    [key: string]: unknown;
  }
  export interface ReplicationResult {
    ok: boolean;
    docs_read: number;
    docs_written: number;
    doc_write_failures: number;
    last_seq: number | string;
    status: string;
    errors: unknown[];
  }
  export interface Replication extends PromiseLike<ReplicationResult> {
    on(event: 'change', cb: (info: { docs: PouchDoc[] }) => void): Replication;
    on(
      event: 'denied',
      cb: (err: { id?: string; name?: string; reason?: string; message?: string }) => void,
    ): Replication;
    on(event: string, cb: (arg: unknown) => void): Replication;
    cancel(): void;
  }
  export interface Database {
    name: string;
    allDocs(opts: { keys?: string[]; include_docs?: boolean }): Promise<{
      rows: {
        id: string;
        key: string;
        value?: { rev: string; deleted?: boolean };
        doc?: PouchDoc | null;
        error?: string;
      }[];
    }>;
    bulkDocs(
      docs: PouchDoc[],
    ): Promise<({ ok: true; id: string; rev: string } | { error: string; id: string; reason?: string })[]>;
    get(
      id: string,
      opts?: { rev?: string; conflicts?: boolean },
    ): Promise<PouchDoc & { _conflicts?: string[] }>;
    changes(opts: {
      since?: number | string;
      include_docs?: boolean;
      conflicts?: boolean;
      limit?: number;
    }): Promise<{
      results: { id: string; seq: number | string; deleted?: boolean; doc?: PouchDoc }[];
      last_seq: number | string;
    }>;
    replicate: {
      to(target: Database, opts?: object): Replication;
      from(source: Database, opts?: object): Replication;
    };
    destroy(): Promise<unknown>;
    close(): Promise<unknown>;
  }
  interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): Database;
    plugin(plugin: unknown): PouchStatic;
    defaults(options: Record<string, unknown>): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
