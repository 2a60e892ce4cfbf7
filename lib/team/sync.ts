import type { Database, PouchDoc } from 'pouchdb-core';
import { idMatchesBody, TeamDoc } from './docs';
import { TeamError } from './session';
import { refusalFor } from './validate';

/**
 * One-shot, checkpointed replication between the local mirror (a PouchDB database in the background
 * service worker) and the team database. One-shot because Chrome stops an idle service worker after
 * about 30 s: a live replication would die mid-way, a one-shot one resumes from its checkpoint on the
 * next run (PouchDB stores checkpoints in `_local` docs on both sides).
 *
 * The mirror is not Pacer's storage: every pulled document is parsed with the zod schemas and only then
 * handed to `onPulled`; a document that fails is handed to `onRejected` with the reasons (the caller
 * quarantines it). The design document is the server's, never Pacer data.
 */

export interface PushRefusal {
  id: string;
  reason: string;
}

export interface RejectedDoc {
  id: string;
  doc: unknown;
  problems: string[];
}

export interface SyncResult {
  pushed: number;
  /** Documents the server refused (validate_doc_update or _security), with its reason. */
  refused: PushRefusal[];
  pulled: TeamDoc[];
  deleted: string[];
  /** False when the pull stopped at `maxBatches`: the next run resumes from the checkpoint. */
  complete: boolean;
  rejected: RejectedDoc[];
}

/** Checks one pulled document: the schema, then that its id and body agree on type, member and period. */
export function checkPulledDoc(
  doc: PouchDoc,
): { ok: true; doc: TeamDoc } | { ok: false; problems: string[] } {
  const parsed = TeamDoc.safeParse(doc);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.map(String).join('.') || '(document)'}: ${i.message}`,
      ),
    };
  }
  if (!idMatchesBody(parsed.data))
    return { ok: false, problems: ['_id: does not match the document’s type, member or period'] };
  return { ok: true, doc: parsed.data };
}

/**
 * Puts Pacer's current team documents into the mirror, skipping unchanged ones so a sync with nothing
 * new pushes nothing, and holding back (with the reason) any the signed-in user may not write. The
 * caller builds `docs` with lib/team/docs.ts (goalToDoc, observationsToDocs…).
 */
export async function stageLocal(
  mirror: Database,
  docs: readonly TeamDoc[],
  writer: { team: string; user: { name: string; roles: readonly string[] } },
): Promise<{ staged: number; held: PushRefusal[] }> {
  const held: PushRefusal[] = [];
  const allowed = docs.filter((d) => {
    const reason = refusalFor(d._id, writer.user, writer.team);
    if (reason) held.push({ id: d._id, reason });
    return reason === null;
  });
  if (allowed.length === 0) return { staged: 0, held };
  const { rows } = await mirror.allDocs({ keys: allowed.map((d) => d._id), include_docs: true });
  const writes: PouchDoc[] = [];
  allowed.forEach((doc, i) => {
    const row = rows[i];
    const current = row?.doc ?? null;
    const { _rev: _ignored, ...body } = doc;
    if (current) {
      const { _rev, ...currentBody } = current;
      if (sameContent(currentBody, body)) return;
      writes.push({ ...body, _rev });
    } else if (row?.value?.deleted) {
      writes.push({ ...body, _rev: row.value.rev });
    } else {
      writes.push(body);
    }
  });
  if (writes.length > 0) await mirror.bulkDocs(writes);
  return { staged: writes.length, held };
}

/** Same document apart from `updatedAt` (restamped on every build) and key order. */
export function sameContent(a: object, b: object): boolean {
  const { updatedAt: _a, ...ra } = a as Record<string, unknown>;
  const { updatedAt: _b, ...rb } = b as Record<string, unknown>;
  return canonical(ra) === canonical(rb);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Push, then pull; each one-shot and checkpointed. Network failures become TeamError('offline'). */
export interface SyncOptions {
  /** Documents per request (PouchDB's batch_size). */
  batchSize?: number;
  /**
   * Stop the pull after this many batches, so one run fits in the service worker's lifetime; the
   * checkpoint written after each batch lets the next run continue from there.
   */
  maxBatches?: number;
  /**
   * Which mirror documents to push: the ones this user writes. Without it every pulled document is
   * offered back to the server (a revs_diff each), which on a big team is most of a sync's time.
   */
  pushFilter?: (doc: PouchDoc) => boolean;
}

export async function syncOnce(
  mirror: Database,
  remote: Database,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const result: SyncResult = {
    pushed: 0,
    refused: [],
    pulled: [],
    deleted: [],
    rejected: [],
    complete: true,
  };
  const batch = options.batchSize === undefined ? {} : { batch_size: options.batchSize };
  try {
    const push = mirror.replicate.to(
      remote,
      options.pushFilter ? { ...batch, filter: options.pushFilter } : batch,
    );
    push.on('denied', (err) => {
      result.refused.push({
        id: err.id ?? '?',
        reason: err.reason ?? err.message ?? 'refused by the server',
      });
    });
    const pushed = await push;
    result.pushed = pushed.docs_written;

    const pull = mirror.replicate.from(remote, batch);
    let batches = 0;
    pull.on('change', (info) => {
      batches += 1;
      if (options.maxBatches !== undefined && batches >= options.maxBatches) {
        result.complete = false;
        pull.cancel();
      }
      for (const doc of info.docs) {
        if (doc._id.startsWith('_design/')) continue;
        if (doc._deleted) {
          result.deleted.push(doc._id);
          continue;
        }
        const checked = checkPulledDoc(doc);
        if (checked.ok) result.pulled.push(checked.doc);
        else result.rejected.push({ id: doc._id, doc, problems: checked.problems });
      }
    });
    const pulled = await pull;
    // Cancelled exactly at the end of the feed is still complete.
    if (!result.complete && pulled.status === 'complete') result.complete = true;
  } catch (error) {
    throw toTeamError(error);
  }
  return result;
}

export interface MirrorChanges {
  pulled: TeamDoc[];
  deleted: string[];
  rejected: RejectedDoc[];
  /** Where the next read starts; store it only once these changes are written to Pacer. */
  lastSeq: number | string;
  /** True when the mirror has nothing after `lastSeq`. */
  done: boolean;
  /** Ids whose winning revision has conflicting siblings (edited on two machines). */
  conflicted: string[];
}

/**
 * What the mirror holds after `since`, parsed and checked like pulled documents. Pacer applies team
 * data from here rather than from the replication's change events, so documents a sync brought into
 * the mirror before the connection dropped are still applied — once each — on the next run.
 */
export async function readMirrorChanges(
  mirror: Database,
  since: number | string,
  limit = 500,
): Promise<MirrorChanges> {
  const { results, last_seq } = await mirror.changes({ since, include_docs: true, conflicts: true, limit });
  const out: MirrorChanges = {
    pulled: [],
    deleted: [],
    rejected: [],
    lastSeq: last_seq,
    done: results.length < limit,
    conflicted: [],
  };
  for (const r of results) {
    if (r.id.startsWith('_design/')) continue;
    if (r.deleted) {
      out.deleted.push(r.id);
      continue;
    }
    if (!r.doc) continue;
    if (Array.isArray(r.doc._conflicts) && r.doc._conflicts.length > 0) out.conflicted.push(r.id);
    const checked = checkPulledDoc(r.doc);
    if (checked.ok) out.pulled.push(checked.doc);
    else out.rejected.push({ id: r.id, doc: r.doc, problems: checked.problems });
  }
  return out;
}

function toTeamError(error: unknown): TeamError {
  if (error instanceof TeamError) return error;
  const e = error as { status?: number; reason?: string; message?: string };
  if (e.status === 401)
    return new TeamError('credentials', 'The session has ended; sign in to the team again.');
  if (e.status === 403)
    return new TeamError('forbidden', e.reason ?? 'The server refused access to the team database.');
  if (e.status === 404) return new TeamError('not_found', 'The team database does not exist on this server.');
  if (e.status === undefined || e.status === 0 || e.status >= 500) {
    return new TeamError('offline', 'The team server could not be reached; Pacer will sync when it is back.');
  }
  return new TeamError('server', e.reason ?? e.message ?? `The server answered ${e.status}.`);
}
