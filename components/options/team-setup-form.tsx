/**
 * Options › Team › "Set up a team database (server admin)" (issue 21 item 3): the docs' curl set-up as
 * one action. Collapsed by default — most users only join. The host permission is asked for in the
 * click, as when joining; the admin's password goes once, by message, to the background, which signs in
 * with it (lib/team/setup.ts), does the set-up, signs the admin out and forgets it.
 */
import { useState } from 'preact/hooks';
import { browser } from '#imports';
import { parseReply, TeamSetupReply } from '../../lib/messages/protocol';
import { NOT_ADMIN } from '../../lib/team/setup';
import { TEAM_DB_PATTERN, teamRoles } from '../../lib/team/validate';
import { tr } from '../app/session';
import { requestServerAccess } from './team-permission';

export function TeamSetupForm() {
  const t = tr.value;
  const [server, setServer] = useState('');
  const [team, setTeam] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const roles = teamRoles(team.trim() || 'sales');

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (!TEAM_DB_PATTERN.test(team.trim())) {
      setError(t('teamSetup.badName', { team: team.trim() }));
      return;
    }
    // First await of the click: browsers only show the permission prompt during the gesture.
    const problem = await requestServerAccess(server, {
      denied: (origin) => t('teamSetup.permissionDenied', { origin }),
      failed: (origin, err) => t('team.permissionError', { origin, error: err }),
    });
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const raw = await browser.runtime.sendMessage({
        type: 'team/setup',
        serverUrl: server,
        team,
        name,
        password,
      });
      const reply = parseReply(TeamSetupReply, raw);
      if (!reply.ok) {
        setError(reply.error === NOT_ADMIN ? t('teamSetup.notAdmin') : reply.error);
        return;
      }
      setPassword('');
      const what = t(reply.data.created ? 'teamSetup.created' : 'teamSetup.updated', {
        team: reply.data.team,
      });
      setDone(reply.data.signedOut ? `${what} ${t('teamSetup.signedOut')}` : what);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="pc-team-setup" data-testid="team-setup">
      <summary>{t('teamSetup.title')}</summary>
      <p class="pc-muted">{t('teamSetup.intro', { manager: roles.manager, member: roles.member })}</p>
      <form onSubmit={(e) => void submit(e)} data-testid="team-setup-form">
        <div class="pc-form-grid">
          <label>
            {t('team.server')}
            <input
              type="url"
              required
              placeholder="https://couch.example.com"
              value={server}
              onInput={(e) => setServer(e.currentTarget.value)}
              data-testid="team-setup-server"
            />
          </label>
          <label>
            {t('team.database')}
            <input
              required
              placeholder="sales"
              value={team}
              onInput={(e) => setTeam(e.currentTarget.value)}
              data-testid="team-setup-team"
            />
          </label>
          <label>
            {t('teamSetup.admin')}
            <input
              required
              autocomplete="off"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              data-testid="team-setup-admin"
            />
          </label>
          <label>
            {t('teamSetup.password')}
            <input
              type="password"
              required
              autocomplete="off"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              data-testid="team-setup-password"
              aria-describedby="team-setup-password-hint"
            />
            <small id="team-setup-password-hint" class="pc-muted">
              {t('teamSetup.passwordHint')}
            </small>
          </label>
        </div>
        <p class="pc-row">
          <button type="submit" disabled={busy} data-testid="team-setup-button">
            {busy ? t('teamSetup.running') : t('teamSetup.run')}
          </button>
        </p>
        {done && (
          <p role="status" data-testid="team-setup-done">
            {done}
          </p>
        )}
        {error && (
          <p role="alert" class="pc-error" data-testid="team-setup-error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
