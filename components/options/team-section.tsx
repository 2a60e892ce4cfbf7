/**
 * Options › Team (issue 21): join a team on a CouchDB server, see how syncing goes, sync now, leave.
 * The password is sent once, by message, to the background (which signs in with it and forgets it);
 * the browser's permission for the server's origin is asked for in the same click, before anything else.
 */
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { formatDate } from '../../lib/i18n/format';
import type { TeamDoc } from '../../lib/team/docs';
import { roleOf, type TeamState } from '../../lib/team/state';
import { settings, tr } from '../app/session';
import { sendTeam, teamLoaded, teamState, watchTeam } from '../app/team-state';
import { originPattern } from './team-permission';
import { TeamSetupForm } from './team-setup-form';

const DATE_FIELDS = new Set(['startAt', 'deadline', 'doneAt', 'deletedAt']);

/** What differs between the two versions of a goal or metric, field by field, in plain values. */
function differences(mine: TeamDoc, theirs: TeamDoc, when: (ms: number) => string) {
  const body = (d: TeamDoc): Record<string, unknown> =>
    d.type === 'goal' ? d.goal : d.type === 'metric' ? d.metric : {};
  const a = body(mine);
  const b = body(theirs);
  const show = (field: string, v: unknown) =>
    v === undefined || v === null
      ? '—'
      : DATE_FIELDS.has(field) && typeof v === 'number'
        ? when(v)
        : typeof v === 'string'
          ? v
          : JSON.stringify(v);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((field) => ({ field, mine: show(field, a[field]), theirs: show(field, b[field]) }));
}

/** Set by Leave team, read by the join form that replaces the joined view: "your data is still here". */
const justLeft = signal(false);

export function TeamSection() {
  const t = tr.value;
  useEffect(() => watchTeam(), []);
  const state = teamState.value;
  return (
    <section aria-labelledby="team-h" class="pc-card" data-testid="team-section">
      <h2 id="team-h">{t('team.title')}</h2>
      <p>{t('team.intro')}</p>
      {!teamLoaded.value ? null : state ? <Joined state={state} /> : <JoinForm />}
      <TeamSetupForm />
    </section>
  );
}

function JoinForm({ again }: { again?: TeamState }) {
  const t = tr.value;
  const [server, setServer] = useState(again?.serverUrl ?? '');
  const [team, setTeam] = useState(again?.team ?? '');
  const [name, setName] = useState(again?.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    let target: { origin: string; pattern: string };
    try {
      target = originPattern(server);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    // First await of the click: browsers only show the permission prompt during the gesture.
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins: [target.pattern] });
    } catch (err) {
      setError(
        t('team.permissionError', {
          origin: target.origin,
          error: err instanceof Error ? err.message : String(err),
        }),
      );
      return;
    }
    if (!granted) {
      setError(t('team.permissionDenied', { origin: target.origin }));
      return;
    }
    setBusy(true);
    justLeft.value = false;
    try {
      await sendTeam({ type: 'team/join', serverUrl: server, team, name, password });
      setPassword('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="team-join">
      {justLeft.value && (
        <p role="status" data-testid="team-left">
          {t('team.left')}
        </p>
      )}
      <div class="pc-form-grid">
        <label>
          {t('team.server')}
          <input
            type="url"
            required
            placeholder="https://couch.example.com"
            value={server}
            readOnly={Boolean(again)}
            onInput={(e) => setServer(e.currentTarget.value)}
            data-testid="team-server"
          />
        </label>
        <label>
          {t('team.database')}
          <input
            required
            placeholder="sales"
            value={team}
            readOnly={Boolean(again)}
            onInput={(e) => setTeam(e.currentTarget.value)}
            data-testid="team-name"
          />
        </label>
        <label>
          {t('team.user')}
          <input
            required
            autocomplete="username"
            value={name}
            readOnly={Boolean(again)}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid="team-user"
          />
        </label>
        <label>
          {t('team.password')}
          <input
            type="password"
            required
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="team-password"
            aria-describedby="team-password-hint"
          />
          <small id="team-password-hint" class="pc-muted">
            {t('team.passwordHint')}
          </small>
        </label>
      </div>
      <p class="pc-row">
        <button type="submit" class="primary" disabled={busy} data-testid="team-join-button">
          {busy ? t('team.joining') : again ? t('team.signInAgain') : t('team.join')}
        </button>
      </p>
      {error && (
        <p role="alert" class="pc-error" data-testid="team-error">
          {error}
        </p>
      )}
    </form>
  );
}

function Joined({ state }: { state: TeamState }) {
  const t = tr.value;
  const { locale, timeZone } = settings.value;
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const when = (ms: number) => formatDate(ms, locale, timeZone, 'dateTime');
  const role = roleOf(state);
  const signedOut = state.error?.kind === 'credentials';

  const status = state.syncing
    ? { text: t('team.state.syncing'), tone: 'busy' }
    : state.offlineSince !== undefined
      ? { text: t('team.state.offline', { time: when(state.offlineSince) }), tone: 'warn' }
      : signedOut
        ? { text: t('team.state.signedOut'), tone: 'warn' }
        : state.error
          ? { text: t('team.state.error'), tone: 'bad' }
          : { text: t('team.state.connected'), tone: 'good' };

  const act = (work: Promise<unknown>) => {
    setActionError(null);
    work.catch((err: unknown) => setActionError(err instanceof Error ? err.message : String(err)));
  };
  const leave = () =>
    act(
      sendTeam({ type: 'team/leave' }).then(async () => {
        setConfirming(false);
        justLeft.value = true;
        // Give the host back: nothing else of Pacer's talks to the team server.
        await browser.permissions
          .remove({ origins: [originPattern(state.serverUrl).pattern] })
          .catch(() => false);
      }),
    );

  return (
    <div data-testid="team-joined">
      <p class="pc-team-status" data-tone={status.tone} role="status" data-testid="team-status">
        <strong>{status.text}</strong>
      </p>
      <p data-testid="team-who">
        {t('team.as', {
          user: state.user,
          team: state.team,
          server: state.serverUrl,
          role: t(`team.role.${role}`),
        })}
      </p>
      <p data-testid="team-last-sync">
        {state.lastSyncAt !== undefined
          ? `${t('team.lastSync', { time: when(state.lastSyncAt) })} · ${t('team.lastCounts', {
              pushed: String(state.lastPushed ?? 0),
              pulled: String(state.lastPulled ?? 0),
            })}`
          : t('team.neverSynced')}
        {' · '}
        {t.plural('team.shared', state.goalIds.length)}
      </p>
      {state.error && (
        <p role="alert" class="pc-error" data-testid="team-sync-error">
          {state.error.message} {t(`team.do.${state.error.kind}`)}
        </p>
      )}
      {state.quarantined ? <p class="pc-error">{t.plural('team.quarantined', state.quarantined)}</p> : null}
      {state.refused.length > 0 && (
        <div data-testid="team-refused">
          <h3>{t('team.refusedTitle')}</h3>
          <ul>
            {state.refused.slice(0, 5).map((r) => (
              <li key={`${r.id}-${r.at}`}>
                {t('team.refused', { what: r.title ?? r.id, reason: r.reason })} ({when(r.at)})
              </li>
            ))}
          </ul>
          <p class="pc-muted">{t('team.refusedRestored')}</p>
        </div>
      )}
      {(state.conflicts ?? []).length > 0 && (
        <div data-testid="team-conflicts">
          <h3>{t('team.conflictsTitle')}</h3>
          {(state.conflicts ?? []).map((c) => (
            <div key={c.id} class="pc-team-conflict" data-testid="team-conflict" data-id={c.id}>
              <p>{t('team.conflict', { what: c.title ?? c.id })}</p>
              <ul>
                {differences(c.mine, c.theirs, when).map((d) => (
                  <li key={d.field}>{t('team.conflictField', d)}</li>
                ))}
              </ul>
              <p class="pc-row">
                <button
                  type="button"
                  onClick={() => act(sendTeam({ type: 'team/resolve', id: c.id, keep: 'mine' }))}
                  data-testid="team-keep-mine"
                >
                  {t('team.keepMine')}
                </button>
                <button
                  type="button"
                  onClick={() => act(sendTeam({ type: 'team/resolve', id: c.id, keep: 'theirs' }))}
                  data-testid="team-keep-theirs"
                >
                  {t('team.keepTheirs')}
                </button>
              </p>
            </div>
          ))}
        </div>
      )}
      {signedOut && <JoinForm again={state} />}
      <p class="pc-row">
        <button
          type="button"
          disabled={state.syncing || signedOut}
          onClick={() => act(sendTeam({ type: 'team/sync' }))}
          data-testid="team-sync-now"
        >
          {t('team.syncNow')}
        </button>
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)} data-testid="team-leave">
            {t('team.leave')}
          </button>
        )}
      </p>
      {confirming && (
        <div role="alertdialog" aria-labelledby="team-leave-q" class="pc-row">
          <p id="team-leave-q">{t('team.leaveConfirm', { team: state.team })}</p>
          <button type="button" onClick={leave} data-testid="team-leave-confirm">
            {t('team.leave')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </button>
        </div>
      )}
      {actionError && (
        <p role="alert" class="pc-error">
          {actionError}
        </p>
      )}
    </div>
  );
}
