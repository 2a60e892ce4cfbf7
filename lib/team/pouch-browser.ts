import Http from 'pouchdb-adapter-http';
import IndexedDb from 'pouchdb-adapter-indexeddb';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import type { TeamSession } from './session';
import { sessionFetch } from './session';

/**
 * PouchDB as the background service worker uses it: the IndexedDB adapter for the mirror, http for the
 * team server. Import this only from the background entry — it is ~36 KB gzip that the new tab, popup
 * and content script must never load. The bundler resolves pouchdb-core's `events` import to the
 * `events` npm package (a dependency for that reason).
 */
const Pouch = PouchDB.plugin(IndexedDb).plugin(Http).plugin(Replication);

/** One mirror per team and member, so leaving and rejoining as someone else never mixes data. */
export function openMirror(team: string, member: string) {
  return new Pouch(`pacer-team-${team}-${encodeURIComponent(member)}`, { adapter: 'indexeddb' });
}

export function openRemote(serverUrl: string, team: string, session: TeamSession) {
  return new Pouch(`${serverUrl}/${team}`, {
    adapter: 'http',
    skip_setup: true,
    fetch: sessionFetch(serverUrl, session),
  });
}
