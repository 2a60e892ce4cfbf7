// Preloaded into pouchdb-server by scripts/team-server.mjs. pouchdb-validation 4.2 replaces an incoming
// document's `_revisions` with the stored one's before running validate_doc_update, so a replicated
// update (`_bulk_docs` with new_edits: false, how PouchDB pushes) becomes a no-op on any database with
// a validation function: a manager's second edit of a goal never reached the server. CouchDB does not
// do this; the test server is patched to keep the incoming revision history, as CouchDB does.
const Module = require('node:module');
const path = require('node:path');

const TARGET = `${path.sep}pouchdb-validation${path.sep}lib${path.sep}index.js`;
const BUGGY = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';
const compile = Module.prototype._compile;
Module.prototype._compile = function (content, filename) {
  if (filename.endsWith(TARGET)) {
    if (!content.includes(BUGGY)) throw new Error(`pouchdb-validation changed; check ${__filename}`);
    return compile.call(this, content.replace(BUGGY, FIXED), filename);
  }
  return compile.call(this, content, filename);
};
