// Options › Team › "Set up a team database (server admin)" (issue 21 item 3) in Chromium against
// pouchdb-server (scripts/team-server.mjs) on 127.0.0.1. The server starts with the team's users; the
// test removes the database so the form is what creates it, then checks what the server holds.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTeamServer } from '../../scripts/team-server.mjs';
import { eventually, startWithGrantedHosts } from './crm-support.mjs';
import { openExtensionPage, RESULTS_DIR } from './helpers.mjs';

const basic = (u) => `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}`;

async function setAppearance(options, locale, theme) {
  await options.locator('select[name="locale"]').selectOption(locale);
  await options.waitForFunction((l) => document.documentElement.lang === l, locale);
  await options.locator('select[name="theme"]').selectOption(theme);
  await options.waitForFunction((th) => (document.documentElement.dataset.theme ?? 'system') === th, theme);
}

describe('team database set-up from the options page', () => {
  let server;
  let browser;
  before(async () => {
    server = await startTeamServer({ team: 'sales' });
    const res = await fetch(`${server.url}/sales`, {
      method: 'DELETE',
      headers: { authorization: basic(server.admin) },
    });
    assert.equal(res.status, 200);
    browser = await startWithGrantedHosts(['http://127.0.0.1/*']);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a member, creates the database for the admin, and says so again on a second run', async () => {
    const { ext } = browser;
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const setup = options.getByTestId('team-setup');
    await setup.locator('summary').click();
    const run = async (name, password) => {
      await setup.getByTestId('team-setup-server').fill(server.url);
      await setup.getByTestId('team-setup-team').fill('sales');
      await setup.getByTestId('team-setup-admin').fill(name);
      await setup.getByTestId('team-setup-password').fill(password);
      await setup.getByTestId('team-setup-button').click();
      return eventually(
        async () => {
          for (const id of ['team-setup-done', 'team-setup-error']) {
            const el = setup.getByTestId(id);
            if (await el.count()) return (await el.textContent()) ?? '';
          }
          return null;
        },
        { timeout: 20_000, message: 'set-up answer' },
      );
    };

    const an = server.users.find((u) => u.name === 'an');
    assert.equal(
      await run(an.name, an.password),
      'This account is not a server admin; only a server admin can set up a team database.',
    );
    const missing = await fetch(`${server.url}/sales`, { headers: { authorization: basic(server.admin) } });
    assert.equal(missing.status, 404);

    assert.equal(
      await run('sales', server.admin.password),
      'The server did not accept this user name and password.',
    );
    assert.equal(
      await run(server.admin.name, server.admin.password),
      'Created “sales” with its members and rules.',
    );
    const security = await (
      await fetch(`${server.url}/sales/_security`, { headers: { authorization: basic(server.admin) } })
    ).json();
    assert.deepEqual(security.members.roles, ['pacer.sales.manager', 'pacer.sales.member']);
    const rules = await fetch(`${server.url}/sales/_design/pacer`, {
      headers: { authorization: basic(server.admin) },
    });
    assert.equal(rules.status, 200);
    // The admin was signed out again: no admin cookie stays in the browser.
    const who = await options.evaluate(async (url) => {
      const r = await fetch(`${url}/_session`, { credentials: 'include' });
      return (await r.json()).userCtx;
    }, server.url);
    assert.equal(who.name, null);
    assert.equal(await setup.getByTestId('team-setup-password').inputValue(), '');
    mkdirSync(RESULTS_DIR, { recursive: true });
    await options
      .getByTestId('team-section')
      .screenshot({ path: path.join(RESULTS_DIR, 'team-setup-en-light.png') });

    await setAppearance(options, 'vi', 'dark');
    assert.equal(
      await run(server.admin.name, server.admin.password),
      '“sales” đã có sẵn; thành viên và quy tắc đã được cập nhật. Dữ liệu giữ nguyên.',
    );
    await options
      .getByTestId('team-section')
      .screenshot({ path: path.join(RESULTS_DIR, 'team-setup-vi-dark.png') });
    await setAppearance(options, 'en', 'light');
  });
});
