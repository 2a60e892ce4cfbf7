// Team sync in Firefox: two real Firefox profiles, Mai the manager and An a member, against
// pouchdb-server on 127.0.0.1 (scripts/team-server.mjs). Mai joins (Firefox grants the 127.0.0.1 host
// on Join, see firefox.mjs), shares a goal from the editor and logs from the popup; An joins, receives
// the goal and logs; Mai's new tab rolls both up. The same story as tests/e2e/team.e2e.mjs tells in
// Chromium, where the PouchDB mirror, fetch to the server and the host grant are another engine's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTeamServer } from '../../scripts/team-server.mjs';
import { callsGoalRecords, personalCallsGoalRecords } from '../fixtures/team/calls-goal.mjs';
import {
  eventually,
  gotoExtensionPage,
  makeProfileDir,
  removeProfileDir,
  saveScreenshot,
  startFirefox,
  textOf,
  until,
} from './firefox.mjs';

const { metric: METRIC, goal: GOAL } = callsGoalRecords();
const { goal: MY_CALLS } = personalCallsGoalRecords();

/** Puts records straight into Pacer's IndexedDB from one of its pages, as a restored backup would. */
function putRecords(page, store, records) {
  return page.evaluate(
    (name, list) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const r of list) tx.objectStore(name).put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve(null);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    store,
    records,
  );
}

function goalIds(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('pacer');
        open.onsuccess = () => {
          const req = open.result.transaction('goals').objectStore('goals').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map((g) => g.id));
          };
        };
      }),
  );
}

async function serverDocs(server, prefix) {
  const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const q = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}`;
  const res = await fetch(`${server.url}/${server.team}/_all_docs?include_docs=true&${q}`, {
    headers: { authorization: auth },
  });
  return (await res.json()).rows.map((r) => r.doc);
}

async function joinTeam(ff, server, name, password) {
  await gotoExtensionPage(ff.page, 'options.html');
  await until(ff.page, () => document.querySelector('[data-testid="team-join-button"]') !== null, {
    message: 'the Team section',
  });
  await ff.page.type('[data-testid="team-server"]', server.url);
  await ff.page.type('[data-testid="team-name"]', server.team);
  await ff.page.type('[data-testid="team-user"]', name);
  await ff.page.type('[data-testid="team-password"]', password);
  await ff.page.click('[data-testid="team-join-button"]');
  await until(
    ff.page,
    () => /Connected/.test(document.querySelector('[data-testid="team-status"]')?.textContent ?? ''),
    {
      message: `${name} connected`,
      timeout: 30_000,
    },
  );
  return textOf(ff.page, '[data-testid="team-who"]');
}

/** Clicks "Sync now" on the options page and waits until the run has ended; returns the status line. */
async function syncNow(ff) {
  const status = () =>
    ff.page.evaluate(() => document.querySelector('[data-testid="team-status"]')?.textContent ?? '');
  await until(ff.page, () => document.querySelector('[data-testid="team-sync-now"]')?.disabled === false, {
    message: 'Sync now enabled',
  });
  const before = await status();
  await ff.page.click('[data-testid="team-sync-now"]');
  await eventually(
    async () => /Syncing/.test(await status()) || (await status()) !== before,
    'the sync started',
    5_000,
  ).catch(() => {});
  let final = '';
  await eventually(async () => {
    final = await status();
    return !/Syncing/.test(final);
  }, 'sync finished');
  return final;
}

async function logInPopup(ff, metricName, value) {
  await gotoExtensionPage(ff.page, 'popup.html');
  await until(ff.page, () => document.querySelector('[data-testid="metric-input"]') !== null, {
    message: 'the quick log',
  });
  await ff.page.type('[data-testid="metric-input"]', metricName);
  await until(ff.page, () => document.querySelector('[data-testid="metric-option"]') !== null, {
    message: 'a KPI suggestion',
  });
  await ff.page.keyboard.press('Enter');
  await until(ff.page, () => document.activeElement?.getAttribute('data-testid') === 'value-input', {
    message: 'focus on the value',
  });
  await ff.page.keyboard.type(String(value));
  await ff.page.keyboard.press('Enter');
  await until(ff.page, () => document.querySelector('[data-testid="undo"]') !== null, { message: 'saved' });
}

describe('team sync in Firefox: a manager and a member through pouchdb-server', () => {
  const profiles = [makeProfileDir(), makeProfileDir()];
  let server;
  /** @type {Awaited<ReturnType<typeof startFirefox>>} */
  let mai;
  /** @type {Awaited<ReturnType<typeof startFirefox>>} */
  let an;

  before(async () => {
    server = await startTeamServer();
    mai = await startFirefox(profiles[0]);
    an = await startFirefox(profiles[1]);
  });
  after(async () => {
    await mai?.close();
    await an?.close();
    await server?.stop();
    for (const p of profiles) removeProfileDir(p);
  });

  it('the manager joins, shares a goal from the editor and logs; it reaches the server', async () => {
    assert.match(
      await joinTeam(mai, server, 'mai', 'mai-pass'),
      /mai in team “sales” on http:\/\/127\.0\.0\.1:\d+ · manager/,
    );
    assert.equal(
      await mai.page.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] })),
      true,
      'Join asked for the server’s host and Firefox granted it',
    );
    await putRecords(mai.page, 'metrics', [METRIC]);
    await putRecords(mai.page, 'goals', [GOAL, MY_CALLS]);
    await gotoExtensionPage(mai.page, 'newtab.html');
    await until(
      mai.page,
      () => document.querySelector('[data-goal-id="team-calls"] .pc-card-title') !== null,
      {
        message: 'the goal card',
      },
    );
    await mai.page.click('[data-goal-id="team-calls"] .pc-card-title');
    await until(mai.page, () => document.querySelector('[data-testid="edit-goal"]') !== null, {
      message: 'the detail',
    });
    await mai.page.click('[data-testid="edit-goal"]');
    await until(mai.page, () => document.querySelector('[data-testid="goal-team-share"]') !== null, {
      message: 'the share toggle',
    });
    assert.equal(
      await mai.page.evaluate(() => document.querySelector('[data-testid="goal-team-share"]').checked),
      false,
    );
    await mai.page.click('[data-testid="goal-team-share"]');
    await mai.page.click('[data-testid="goal-save"]');
    await eventually(async () => (await serverDocs(server, 'goal:')).length === 1, 'the goal on the server');
    assert.equal((await serverDocs(server, 'metric:'))[0]?.metric.name, 'Sales calls');

    await logInPopup(mai, 'Sales calls', 12);
    await gotoExtensionPage(mai.page, 'options.html');
    assert.match(await syncNow(mai), /Connected/);
    assert.equal((await serverDocs(server, 'obs:calls:mai:'))[0]?.value, 12);
  });

  it('the member joins, receives the goal and logs; the manager’s roll-up shows both', async () => {
    assert.match(await joinTeam(an, server, 'an', 'an-pass'), /· member/);
    await eventually(
      async () => (await goalIds(an.page)).includes('team-calls'),
      'the team goal in the member’s Pacer',
    );
    await logInPopup(an, 'Sales calls', 9);
    await gotoExtensionPage(an.page, 'options.html');
    assert.match(await syncNow(an), /Connected/);
    assert.equal((await serverDocs(server, 'obs:calls:an:'))[0]?.value, 9);

    await gotoExtensionPage(mai.page, 'options.html');
    await syncNow(mai);
    await gotoExtensionPage(mai.page, 'newtab.html');
    const rows = await until(
      mai.page,
      () => {
        const panel = document.querySelector('[data-testid="team-rollup"]');
        const mine = panel?.querySelector('tr[data-member="mai"]')?.textContent;
        const theirs = panel?.querySelector('tr[data-member="an"]')?.textContent;
        const own = document
          .querySelector('[data-widget="goals"] [data-goal-id="mai-calls"] [data-testid="goal-value"]')
          ?.textContent?.trim();
        return (
          mine &&
          theirs &&
          own && {
            mine,
            theirs,
            own,
            total: panel.querySelector('[data-testid="goal-value"]')?.textContent?.trim(),
          }
        );
      },
      { message: 'both members in the roll-up', timeout: 30_000 },
    );
    // 12 + 9 = 21: 12/21 = 57.1%, 9/21 = 42.9%.
    assert.match(rows.mine, /mai \(you\)\s*12\s*57\.1\s*%/);
    assert.match(rows.theirs, /an\s*9\s*42\.9\s*%/);
    assert.equal(rows.total, '21');
    // Her own goal on the team's KPI counts her 12 only, never An's 9 (lib/team/whose-values.ts).
    assert.equal(rows.own, '12');
    await mai.page.evaluate(() => document.querySelector('[data-testid="team-rollup"]')?.scrollIntoView());
    await saveScreenshot(mai.page, 'team-rollup');
  });

  it('the manager leaves: her former team goal still reads the team’s 21, her own goal 12', async () => {
    await gotoExtensionPage(mai.page, 'options.html');
    await until(mai.page, () => document.querySelector('[data-testid="team-leave"]') !== null, {
      message: 'Leave team',
    });
    await mai.page.click('[data-testid="team-leave"]');
    await until(mai.page, () => document.querySelector('[data-testid="team-leave-confirm"]') !== null, {
      message: 'the confirmation',
    });
    await mai.page.click('[data-testid="team-leave-confirm"]');
    await textOf(mai.page, '[data-testid="team-left"]');
    await gotoExtensionPage(mai.page, 'newtab.html');
    const read = await until(
      mai.page,
      () => {
        const panel = document.querySelector('[data-testid="team-rollup"]');
        const note = panel?.querySelector('[data-testid="former-team-note"]')?.textContent;
        const total = panel
          ?.querySelector('[data-goal-id="team-calls"] [data-testid="goal-value"]')
          ?.textContent?.trim();
        const own = document
          .querySelector('[data-widget="goals"] [data-goal-id="mai-calls"] [data-testid="goal-value"]')
          ?.textContent?.trim();
        return (
          note &&
          total &&
          own && { note, total, own, split: panel.querySelectorAll('tr[data-member]').length }
        );
      },
      { message: 'the former team goal and her own', timeout: 30_000 },
    );
    assert.match(
      read.note,
      /^A goal of team “sales” until you left it on .+: teammates’ numbers are counted up to that day\.$/,
    );
    assert.equal(read.total, '21', 'the team’s 21 as on the day she left, not her own 12');
    assert.equal(read.own, '12');
    assert.equal(read.split, 0, 'no members’ split once out of the team');
    await saveScreenshot(mai.page, 'team-left');
  });

  it('threw no uncaught error and logged no console error in any Pacer page', () => {
    assert.deepEqual([...mai.pacerErrors(), ...an.pacerErrors()], []);
  });
});
