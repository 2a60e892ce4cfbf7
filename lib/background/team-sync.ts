import type { Database, PouchDoc } from 'pouchdb-core';
import { ancestorIds, descendantIds } from '../app/goal-form';
import { formerTeamGoals, teamGoalIds } from '../app/goal-sections';
import type { PacerDb } from '../storage/db';
import { repository } from '../storage/repository';
import { docToGoal, docToMetric, goalToDoc, metricToDoc, parseTeamId, type TeamDoc } from '../team/docs';
import {
  afterJoining,
  afterLeaving,
  type FormerTeam,
  parseFormerTeams,
  withGoalsBack,
  withoutGoals,
} from '../team/former-teams';
import { applyPulled, managedDocs, ownDocs, readTeamObservations, teamScope } from '../team/local-records';
import { quarantinePulled } from '../team/quarantine-pulled';
import {
  normalizeServerUrl,
  normalizeTeamName,
  openSession,
  TeamError,
  type TeamSession,
} from '../team/session';
import {
  MAX_REFUSALS,
  parseTeamState,
  roleOf,
  type TeamConflict,
  type TeamRefusal,
  type TeamState,
} from '../team/state';
import { checkPulledDoc, readMirrorChanges, sameContent, stageLocal, syncOnce } from '../team/sync';
import { REFUSALS, refusalFor, teamRoles } from '../team/validate';

/**
 * The team feature's background half: join, leave, share a goal, and one-shot checkpointed syncs
 * (on the alarm, on a user's "Sync now", when the browser comes back online, and shortly after team
 * data changes here). Every run is: stage this browser's documents → push → pull in batches until
 * done or the run's time is up (the checkpoint carries the rest to the next run) → write pulled
 * documents through Pacer's checked storage → record the outcome in TeamState for the options page.
 */

export interface TeamDeps {
  db: () => Promise<PacerDb>;
  load: () => Promise<unknown>;
  save: (state: TeamState | null) => Promise<void>;
  /** The teams left (lib/team/former-teams.ts), stored beside TeamState. */
  loadFormer: () => Promise<unknown>;
  saveFormer: (former: FormerTeam[]) => Promise<void>;
  openMirror: (team: string, member: string) => Database;
  openRemote: (serverUrl: string, team: string, session: TeamSession) => Database;
  fetch?: typeof fetch;
  now?: () => number;
  /** How long one run may pull before leaving the rest to the next (the worker lives ~30 s idle). */
  budgetMs?: number;
  /** Documents per replication request (tests make it small to cut a sync between batches). */
  batchSize?: number;
}

export interface JoinInput {
  serverUrl: string;
  team: string;
  name: string;
  password: string;
}

export function createTeamSync(deps: TeamDeps) {
  const now = () => deps.now?.() ?? Date.now();
  const fetchImpl = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  let running: Promise<TeamState | null> | null = null;

  const state = async () => parseTeamState(await deps.load());

  /** Who the server says is signed in (the cookie), with the roles it has now. */
  async function whoAmI(
    serverUrl: string,
    session?: TeamSession,
  ): Promise<{ name: string | null; roles: string[] }> {
    let res: Response;
    try {
      res = await fetchImpl(`${serverUrl}/_session`, {
        credentials: 'include',
        headers: { accept: 'application/json', ...(session?.cookie ? { cookie: session.cookie } : {}) },
      });
    } catch {
      throw new TeamError(
        'offline',
        'The team server could not be reached; Pacer will sync when it is back.',
      );
    }
    if (!res.ok) throw new TeamError('server', `The server answered ${res.status} to the session check.`);
    const body = (await res.json().catch(() => null)) as {
      userCtx?: { name?: unknown; roles?: unknown };
    } | null;
    const name = typeof body?.userCtx?.name === 'string' ? body.userCtx.name : null;
    const roles = Array.isArray(body?.userCtx?.roles)
      ? body.userCtx.roles.filter((r): r is string => typeof r === 'string')
      : [];
    return { name, roles };
  }

  async function join(input: JoinInput, session?: TeamSession): Promise<TeamState | null> {
    const serverUrl = normalizeServerUrl(input.serverUrl);
    const team = normalizeTeamName(input.team);
    const opened = session ?? (await openSession(serverUrl, input.name.trim(), input.password, fetchImpl));
    const roles = teamRoles(team);
    if (!opened.roles.some((r) => r === roles.manager || r === roles.member || r === '_admin')) {
      throw new TeamError(
        'forbidden',
        `${opened.name} is not in team "${team}" on this server. Ask its admin to give you the role ${roles.member} (or ${roles.manager}).`,
      );
    }
    const previous = await state();
    const membership = { serverUrl, team, user: opened.name };
    // Rejoining a team left before as the same person: its goals are team goals again at once.
    const rejoined = afterJoining(parseFormerTeams(await deps.loadFormer()), membership);
    const fresh: TeamState = {
      ...membership,
      roles: opened.roles,
      joinedAt: now(),
      // Rejoining the same team as the same person keeps the goals that were shared.
      goalIds:
        previous &&
        previous.team === team &&
        previous.user === opened.name &&
        previous.serverUrl === serverUrl
          ? [...new Set([...previous.goalIds, ...rejoined.goalIds])]
          : rejoined.goalIds,
      refused: [],
    };
    await deps.save(fresh);
    if (rejoined.goalIds.length) await deps.saveFormer(rejoined.former);
    return sync(opened);
  }

  /**
   * Leaves the team: signs out, forgets the mirror; every goal and number stays in Pacer, and the team's
   * goals keep counting everyone's values (remembered first, so no reader sees them drop in between).
   */
  async function leave(): Promise<void> {
    const s = await state();
    if (s) await deps.saveFormer(afterLeaving(parseFormerTeams(await deps.loadFormer()), s, now()));
    await deps.save(null);
    if (!s) return;
    await fetchImpl(`${s.serverUrl}/_session`, { method: 'DELETE', credentials: 'include' }).catch(
      () => null,
    );
    await deps
      .openMirror(s.team, s.user)
      .destroy()
      .catch(() => null);
  }

  async function share(goalId: string, shared: boolean): Promise<TeamState> {
    const s = await state();
    if (!s) throw new TeamError('not_found', 'Join a team first (Options › Team).');
    if (roleOf(s) !== 'manager') throw new TeamError('forbidden', REFUSALS.managerOnly);
    const goalIds = shared ? [...new Set([...s.goalIds, goalId])] : s.goalIds.filter((id) => id !== goalId);
    const next = { ...s, goalIds };
    await deps.save(next);
    return next;
  }

  /**
   * "Count only my values" on a goal of a team left: the goal and its cascade leave the record of teams
   * left (lib/team/former-teams.ts withoutGoals), so they read only this browser's user's values again.
   * No value is deleted. A sub-goal counts with the goal it is under: it is refused here, its top goal
   * named. Resolves to what left the record (the Undo gives it back to formerRestore).
   */
  async function formerPersonal(goalId: string): Promise<FormerTeam[]> {
    const former = parseFormerTeams(await deps.loadFormer());
    const goals = (await repository(await deps.db(), 'goals').list()).filter((g) => !g.archived);
    const live = (await state())?.goalIds ?? [];
    const of = formerTeamGoals(former, teamGoalIds(live, goals), goals);
    if (!of.has(goalId)) throw new TeamError('not_found', 'This goal is not a goal of a team you left.');
    const topId = ancestorIds(goals, goalId)
      .filter((id) => of.has(id))
      .at(-1);
    const top = topId === undefined ? undefined : goals.find((g) => g.id === topId);
    if (top) {
      throw new TeamError(
        'forbidden',
        `This goal counts as its top goal “${top.title}” does: turn that one into a personal goal.`,
      );
    }
    const { former: next, removed } = withoutGoals(former, descendantIds(goals, goalId));
    await deps.saveFormer(next);
    return removed;
  }

  /** The Undo of formerPersonal: those goals count everyone's values again, as on the day of leaving. */
  async function formerRestore(removed: readonly FormerTeam[]): Promise<null> {
    await deps.saveFormer(withGoalsBack(parseFormerTeams(await deps.loadFormer()), removed));
    return null;
  }

  /**
   * One run at a time. A request during a run (Sync now right after logging a value) gets one more run
   * after it, so what changed meanwhile is sent; any number of such requests share that one run.
   */
  let queued: Promise<TeamState | null> | null = null;
  function sync(session?: TeamSession): Promise<TeamState | null> {
    if (running) {
      queued ??= running
        .catch(() => null)
        .then(() => {
          queued = null;
          return sync();
        });
      return queued;
    }
    running = runSync(session).finally(() => {
      running = null;
    });
    return running;
  }

  async function runSync(sessionOverride?: TeamSession): Promise<TeamState | null> {
    const start = await state();
    if (!start) return null;
    await deps.save({ ...start, syncing: true });
    let s: TeamState = { ...start, syncing: true };
    let seq: number | string = start.appliedSeq ?? 0;
    const refusals: TeamRefusal[] = [];
    try {
      const who = await whoAmI(s.serverUrl, sessionOverride);
      if (who.name !== s.user) {
        throw new TeamError(
          'credentials',
          'The team session has ended: type your password to sign in again.',
        );
      }
      const session: TeamSession = sessionOverride ?? { name: who.name, roles: who.roles };
      s = { ...s, roles: who.roles };
      const role = roleOf(s);
      if (role === 'none') throw new TeamError('forbidden', REFUSALS.notMember);

      const db = await deps.db();
      const mirror = deps.openMirror(s.team, s.user);
      const remote = deps.openRemote(s.serverUrl, s.team, session);
      const t = now();
      const [goals, metrics, checkIns] = await Promise.all([
        repository(db, 'goals').list({ includeDeleted: true }),
        repository(db, 'metrics').list({ includeDeleted: true }),
        repository(db, 'checkIns').list(),
      ]);
      const titles = new Map(goals.map((g) => [g.id, g.title]));
      const scope = teamScope(s.goalIds, goals, metrics);
      const observations = await readTeamObservations(db, scope.metrics);
      const mine = ownDocs(scope, s.user, observations, checkIns, t);
      const open = new Set((s.conflicts ?? []).map((c) => c.id));
      // Held until the user picks a side: staging this browser's version would settle it silently.
      const managed = managedDocs(scope, t).filter((d) => !open.has(d._id));
      const writer = { team: s.team, user: { name: s.user, roles: s.roles } };
      const { held } = await stageLocal(mirror, role === 'manager' ? [...managed, ...mine] : mine, writer);
      for (const h of held) refusals.push(refusal(h.id, h.reason, titles, t));
      // A member's edit of a team goal goes to the server as it is, so the refusal is the server's own
      // word; the local copy is then put back to the team's version.
      if (role === 'member') refusals.push(...(await offerEdits(mirror, remote, managed, titles, t)));

      const deadline = t + (deps.budgetMs ?? 20_000);
      let pulled = 0;
      let quarantined = 0;
      let pushed = 0;
      const goalIds = new Set(s.goalIds);
      const conflicts = [...(s.conflicts ?? [])];
      // Team data reaches Pacer from the mirror's own change feed, from where the last run stopped
      // writing: a run cut off after the mirror received documents still applies them, once each.
      const applyMirror = async () => {
        for (;;) {
          const c = await readMirrorChanges(mirror, seq);
          await quarantinePulled(db, s.team, c.rejected, t);
          quarantined += c.rejected.length;
          const found = await findConflicts(db, mirror, c.conflicted, titles, t);
          for (const f of found) if (!conflicts.some((x) => x.id === f.id)) conflicts.push(f);
          // This browser's version stays in Pacer until the user chooses.
          const held = new Set(conflicts.map((x) => x.id));
          const applied = await applyPulled(
            db,
            c.pulled.filter((d) => !held.has(d._id)),
            c.deleted,
            s.user,
          );
          for (const id of applied.goalIds) goalIds.add(id);
          seq = c.lastSeq;
          const latest = await state();
          if (latest) await deps.save({ ...latest, appliedSeq: seq });
          if (c.done) return;
        }
      };
      await applyMirror();
      for (;;) {
        let r: Awaited<ReturnType<typeof syncOnce>>;
        try {
          r = await syncOnce(mirror, remote, {
            batchSize: deps.batchSize ?? 200,
            maxBatches: 5,
            pushFilter: (doc) => refusalFor(doc._id, writer.user, writer.team) === null,
          });
        } finally {
          // Also when the server went away mid-way: what reached the mirror is Pacer's to show now.
          await applyMirror();
        }
        pushed += r.pushed;
        pulled += r.pulled.length;
        for (const x of r.refused) refusals.push(refusal(x.id, x.reason, titles, t));
        if (r.complete || now() > deadline) break;
      }
      await restoreRefused(db, mirror, refusals);
      // A conflict settled elsewhere (the other machine chose) is dropped now, its one version applied.
      const unsettled = await stillOpen(db, mirror, conflicts);
      const latest = (await state()) ?? s;
      s = {
        ...latest,
        roles: s.roles,
        goalIds: [...new Set([...latest.goalIds, ...goalIds])],
        syncing: false,
        lastSyncAt: now(),
        lastPulled: pulled,
        lastPushed: pushed,
        quarantined,
        appliedSeq: seq,
        conflicts: unsettled,
        refused: [...refusals, ...latest.refused].slice(0, MAX_REFUSALS),
      };
      delete s.offlineSince;
      delete s.error;
    } catch (error) {
      const e =
        error instanceof TeamError
          ? error
          : new TeamError('server', error instanceof Error ? error.message : String(error));
      const latest = (await state()) ?? s;
      s = {
        ...latest,
        syncing: false,
        appliedSeq: seq,
        error: { kind: e.kind, message: e.message, at: now() },
        refused: [...refusals, ...latest.refused].slice(0, MAX_REFUSALS),
      };
      if (e.kind === 'offline') s.offlineSince = latest.offlineSince ?? now();
    }
    // Left the team while this ran: do not bring it back.
    if ((await state()) === null) return null;
    await deps.save(s);
    return s;
  }

  /** Sends a member's changed goal or metric documents straight to the server; returns its refusals. */
  async function offerEdits(
    mirror: Database,
    remote: Database,
    managed: readonly TeamDoc[],
    titles: ReadonlyMap<string, string>,
    t: number,
  ): Promise<TeamRefusal[]> {
    if (managed.length === 0) return [];
    const { rows } = await mirror.allDocs({ keys: managed.map((d) => d._id), include_docs: true });
    const changed: PouchDoc[] = [];
    managed.forEach((doc, i) => {
      const current = rows[i]?.doc;
      // Only documents the team already has: a member's brand-new goal is simply personal.
      if (!current) return;
      const { _rev, ...theirs } = current;
      const { _rev: _r, ...mine } = doc;
      if (!sameContent(theirs, mine)) changed.push({ ...doc, _rev });
    });
    if (changed.length === 0) return [];
    let results: Awaited<ReturnType<Database['bulkDocs']>>;
    try {
      results = await remote.bulkDocs(changed);
    } catch {
      // Offline: the edit is held locally and offered again on the next sync.
      return [];
    }
    return results.flatMap((r) => ('error' in r ? [refusal(r.id, r.reason ?? r.error, titles, t)] : []));
  }

  /** The team's version of a refused goal or metric back into Pacer (the member's edit is in the refusal). */
  async function restoreRefused(db: PacerDb, mirror: Database, refusals: readonly TeamRefusal[]) {
    const ids = refusals
      .map((r) => r.id)
      .filter((id) => {
        const p = parseTeamId(id);
        return p?.type === 'goal' || p?.type === 'metric';
      });
    if (ids.length === 0) return;
    const { rows } = await mirror.allDocs({ keys: ids, include_docs: true });
    const goals = [];
    const metrics = [];
    for (const row of rows) {
      if (!row.doc) continue;
      const checked = checkPulledDoc(row.doc);
      if (!checked.ok) continue;
      if (checked.doc.type === 'goal') goals.push(docToGoal(checked.doc));
      if (checked.doc.type === 'metric') metrics.push(docToMetric(checked.doc));
    }
    if (goals.length) await repository(db, 'goals').putMany(goals);
    if (metrics.length) await repository(db, 'metrics').putMany(metrics);
  }

  /** Keeps one side of a conflict: it becomes the only version, here and (after the sync) on the server. */
  async function resolve(id: string, keep: 'mine' | 'theirs'): Promise<TeamState | null> {
    const s = await state();
    const conflict = s?.conflicts?.find((c) => c.id === id);
    if (!s || !conflict) throw new TeamError('not_found', 'This conflict is already settled.');
    if (roleOf(s) !== 'manager') throw new TeamError('forbidden', REFUSALS.managerOnly);
    const mirror = deps.openMirror(s.team, s.user);
    const current = await mirror.get(id, { conflicts: true });
    const chosen = keep === 'mine' ? conflict.mine : conflict.theirs;
    const { _rev: _r, ...body } = chosen;
    // The losing branches end (deleted), then the chosen body becomes the next revision of the winner:
    // one version left, which the sync sends to the server and the other machines.
    for (const rev of current._conflicts ?? [])
      await mirror.bulkDocs([{ _id: id, _rev: rev, _deleted: true }]);
    const [written] = await mirror.bulkDocs([{ ...body, updatedAt: now(), _rev: current._rev }]);
    if (written && 'error' in written) throw new TeamError('server', written.reason ?? written.error);
    await writeLocal(await deps.db(), [chosen]);
    await deps.save({ ...s, conflicts: (s.conflicts ?? []).filter((c) => c.id !== id) });
    return sync();
  }

  return {
    join,
    leave,
    share,
    resolve,
    formerPersonal,
    formerRestore,
    sync,
    state,
    isRunning: () => running !== null,
  };
}

export type TeamSync = ReturnType<typeof createTeamSync>;

/** A goal or metric document as it is in this browser's Pacer now (null when there is none). */
async function localDoc(db: PacerDb, id: string, t: number): Promise<TeamDoc | null> {
  const p = parseTeamId(id);
  if (p?.type === 'goal') {
    const g = await repository(db, 'goals').get(p.ref);
    return g ? goalToDoc(g, t) : null;
  }
  if (p?.type === 'metric') {
    const m = await repository(db, 'metrics').get(p.ref);
    return m ? metricToDoc(m, t) : null;
  }
  return null;
}

async function writeLocal(db: PacerDb, docs: readonly TeamDoc[]) {
  const goals = docs.flatMap((d) => (d.type === 'goal' ? [docToGoal(d)] : []));
  const metrics = docs.flatMap((d) => (d.type === 'metric' ? [docToMetric(d)] : []));
  if (goals.length) {
    const repo = repository(db, 'goals');
    const pins = new Map((await repo.list({ includeDeleted: true })).map((g) => [g.id, g.pinned]));
    await repo.putMany(goals.map((g) => (pins.get(g.id) ? { ...g, pinned: true } : g)));
  }
  if (metrics.length) await repository(db, 'metrics').putMany(metrics);
}

/**
 * Goals and metrics whose mirror copy has conflicting revisions: "mine" is this browser's version
 * (still in Pacer, not yet overwritten), "theirs" the other machine's. Observations and check-ins have
 * one writer each and cannot conflict.
 */
async function findConflicts(
  db: PacerDb,
  mirror: Database,
  ids: readonly string[],
  titles: ReadonlyMap<string, string>,
  t: number,
): Promise<TeamConflict[]> {
  const out: TeamConflict[] = [];
  for (const id of ids) {
    const p = parseTeamId(id);
    if (p?.type !== 'goal' && p?.type !== 'metric') continue;
    const winner = await mirror.get(id, { conflicts: true });
    const leaves = [
      winner,
      ...(await Promise.all((winner._conflicts ?? []).map((rev) => mirror.get(id, { rev })))),
    ];
    const bodies = leaves.flatMap((doc) => {
      const checked = checkPulledDoc(doc);
      return checked.ok ? [checked.doc] : [];
    });
    const local = await localDoc(db, id, t);
    if (!local || bodies.length < 2) continue;
    const { _rev: _l, ...localBody } = local;
    const same = (d: TeamDoc) => {
      const { _rev, ...body } = d;
      return sameContent(body, localBody);
    };
    const theirs = bodies.find((d) => !same(d));
    if (!theirs) continue;
    const title = p.type === 'goal' ? titles.get(p.ref) : undefined;
    out.push({ id, mine: local, theirs, at: t, ...(title ? { title } : {}) });
  }
  return out;
}

/** Drops conflicts that are settled in the mirror (the other machine chose) and applies the result. */
async function stillOpen(db: PacerDb, mirror: Database, conflicts: readonly TeamConflict[]) {
  const open: TeamConflict[] = [];
  for (const c of conflicts) {
    const doc = await mirror.get(c.id, { conflicts: true }).catch(() => null);
    if (doc?._conflicts?.length) {
      open.push(c);
      continue;
    }
    const checked = doc ? checkPulledDoc(doc) : null;
    if (checked?.ok) await writeLocal(db, [checked.doc]);
  }
  return open;
}

function refusal(id: string, reason: string, titles: ReadonlyMap<string, string>, at: number): TeamRefusal {
  const p = parseTeamId(id);
  const title = p && (p.type === 'goal' || p.type === 'checkin') ? titles.get(p.ref) : undefined;
  return { id, reason, at, ...(title ? { title } : {}) };
}
