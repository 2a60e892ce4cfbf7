// Team sync (issue 21) in two real Chromium profiles — Mai the manager and An a member — against
// pouchdb-server (scripts/team-server.mjs) on 127.0.0.1, which this file starts, kills, restarts and
// stops itself. Its data is on disk so a killed server comes back with what it had, as CouchDB does.
// Both profiles hold the 127.0.0.1 host grant (a browser prompt cannot be answered from a test; the
// options page still asks for it on Join, and it resolves at once as for a host granted before).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTeamServer } from '../../scripts/team-server.mjs';
import {
  callsGoalRecords,
  personalCallsGoalRecords,
  personalGoalRecords,
} from '../fixtures/team/calls-goal.mjs';
import { eventually, readStore, startWithGrantedHosts } from './crm-support.mjs';
import { assertNoExternalRequests, openExtensionPage, RESULTS_DIR, saveScreenshot } from './helpers.mjs';

const HOSTS = ['http://127.0.0.1/*'];
const DAY = 86_400_000;
const { metric: METRIC, goal: GOAL, monthStart } = callsGoalRecords();
const { metric: OWN_METRIC, goal: OWN_GOAL } = personalGoalRecords();
const { goal: MY_CALLS } = personalCallsGoalRecords();

/** Puts records straight into Pacer's IndexedDB, as a restored backup would, from an extension page. */
function putRecords(page, store, records) {
  return page.evaluate(
    ([name, list]) =>
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
    [store, records],
  );
}

/** The Team section alone (the options page is long): test-results/<name>.png. */
async function saveSection(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.getByTestId('team-section').screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

async function joinTeam(ext, server, name, password) {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
  const section = page.getByTestId('team-section');
  await section.getByTestId('team-server').fill(server.url);
  await section.getByTestId('team-name').fill(server.team);
  await section.getByTestId('team-user').fill(name);
  await section.getByTestId('team-password').fill(password);
  await section.getByTestId('team-join-button').click();
  await section.getByTestId('team-joined').waitFor({ timeout: 30_000 });
  await eventually(
    async () => /Connected/.test((await section.getByTestId('team-status').textContent()) ?? ''),
    {
      timeout: 30_000,
      message: `${name} connected`,
    },
  );
  return page;
}

/** Clicks "Sync now" and waits for the run to end; returns the status line. */
async function syncNow(options) {
  const section = options.getByTestId('team-section');
  await eventually(async () => !(await section.getByTestId('team-sync-now').isDisabled()), {
    message: 'Sync now enabled',
  });
  const status = async () => (await section.getByTestId('team-status').textContent()) ?? '';
  const before = await status();
  await section.getByTestId('team-sync-now').click();
  // The run starts in the background a moment after the click: wait until the status shows it (or
  // moves off what it said before), so the old status is not read as this run's end.
  await eventually(async () => /Syncing/.test(await status()) || (await status()) !== before, {
    timeout: 5_000,
    message: 'the sync started',
  }).catch(() => {});
  // The status that ended the run, read once: a background retry (after a server restart) may start
  // a new run between a second read and this one, and "Syncing…" was then taken for this run's end.
  let final = '';
  await eventually(
    async () => {
      final = await status();
      return !/Syncing/.test(final);
    },
    { timeout: 30_000, message: 'sync finished' },
  );
  return final;
}

async function logInPopup(ext, metricName, value) {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 380, height: 700 });
  await page.getByTestId('metric-input').fill(metricName);
  await page.getByTestId('metric-option').first().waitFor();
  await page.getByTestId('metric-input').press('Enter');
  await page.getByTestId('value-input').fill(String(value));
  await page.getByTestId('value-input').press('Enter');
  await page.getByTestId('undo').waitFor();
  await page.close();
}

/** Documents in the manager's PouchDB mirror (pouchdb-adapter-indexeddb keeps them in `docs`). */
function mirrorCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('_pouch_pacer-team-sales-mai');
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('docs')) {
            db.close();
            return resolve(0);
          }
          const req = db.transaction('docs').objectStore('docs').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => resolve(0);
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

/**
 * The manager's new tab lists each goal once: the team goal under "Team goals" only, her own two
 * (one on the team's KPI) under "Goals" only, and the toolbar badge counts as many goals off track as the page shows.
 */
async function assertEachGoalOnce(ext, tab) {
  const cards = (id) => tab.locator(`[data-testid="goal-card"][data-goal-id="${id}"]`);
  await eventually(async () => (await cards('mai-demos').count()) === 1, { message: 'the own goal listed' });
  assert.equal(await cards('team-calls').count(), 1, 'the team goal once on the page');
  assert.equal(await tab.getByTestId('team-rollup').locator('[data-testid="goal-card"]').count(), 1);
  assert.equal(await tab.getByTestId('team-rollup').locator(cards('team-calls')).count(), 1);
  const grid = tab.locator('[data-widget="goals"]');
  assert.equal(await grid.locator(cards('team-calls')).count(), 0, 'not again under Goals');
  assert.equal(await grid.locator(cards('mai-demos')).count(), 1);
  assert.equal(await grid.locator(cards('mai-calls')).count(), 1, 'her own goal on the team KPI under Goals');
  assert.equal(await tab.getByTestId('goal-card').count(), 3, 'three goals, three cards');
  const off = await tab.locator('[data-testid="goal-card"].pc-status-off_track').count();
  const want = off === 0 ? '' : String(off);
  let badge = null;
  await eventually(
    async () => {
      badge = await ext.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
      return badge === want;
    },
    { timeout: 10_000, message: 'the badge read' },
  ).catch(() => {});
  assert.equal(badge, want, 'the badge counts the off-track cards the page shows');
}

/** Waits until every goal card's kind reads `kind` (the cards follow a language change). */
function cardsIn(tab, kind) {
  return eventually(
    async () =>
      (await tab.locator('[data-testid="goal-card"] .pc-kind').allTextContents()).every((k) => k === kind),
    { message: `the cards in ${kind}` },
  );
}

describe('team: a manager and a member through pouchdb-server', () => {
  let server;
  let mai;
  let an;

  before(async () => {
    server = await startTeamServer({ onDisk: true });
    mai = await startWithGrantedHosts(HOSTS);
    an = await startWithGrantedHosts(HOSTS);
  });
  after(async () => {
    await mai?.close();
    await an?.close();
    await server?.stop();
  });

  it('the manager joins, shares a goal from the editor and logs; the member receives it', async () => {
    const maiOptions = await joinTeam(mai.ext, server, 'mai', 'mai-pass');
    assert.match(
      await maiOptions.getByTestId('team-who').textContent(),
      /mai in team “sales” on http:\/\/127\.0\.0\.1:\d+ · manager/,
    );
    await saveSection(maiOptions, 'team-options-manager-light-en');

    await putRecords(maiOptions, 'metrics', [METRIC, OWN_METRIC]);
    await putRecords(maiOptions, 'goals', [GOAL, OWN_GOAL, MY_CALLS]);
    const tab = await openExtensionPage(mai.ext.context, mai.ext.extensionId, 'newtab.html');
    await tab.locator('[data-goal-id="team-calls"] .pc-card-title').first().click();
    await tab.getByTestId('edit-goal').click();
    const toggle = tab.getByTestId('goal-team-share');
    assert.equal(await toggle.isChecked(), false);
    await toggle.check();
    await tab.getByTestId('goal-save').click();
    await eventually(async () => (await serverDocs(server, 'goal:')).length === 1, {
      timeout: 30_000,
      message: 'the goal on the server',
    });
    assert.equal((await serverDocs(server, 'metric:'))[0]?.metric.name, 'Sales calls');

    await logInPopup(mai.ext, 'Sales calls', 12);
    await syncNow(maiOptions);
    assert.equal((await serverDocs(server, 'obs:calls:mai:'))[0]?.value, 12);

    const anOptions = await joinTeam(an.ext, server, 'an', 'an-pass');
    assert.match(await anOptions.getByTestId('team-who').textContent(), /· member/);
    await eventually(async () => (await readStore(anOptions, 'goals')).some((g) => g.id === 'team-calls'), {
      timeout: 30_000,
      message: 'the team goal in the member’s Pacer',
    });
    assertNoExternalRequests(mai.ext);
    assertNoExternalRequests(an.ext);
  });

  it('the member logs while the server is down, syncs once it is back, and the manager’s roll-up shows it', async () => {
    const anOptions = await openExtensionPage(an.ext.context, an.ext.extensionId, 'options.html');
    await anOptions.getByTestId('team-joined').waitFor();
    await server.kill();
    await logInPopup(an.ext, 'Sales calls', 7);
    await logInPopup(an.ext, 'Sales calls', 2);
    const offline = await syncNow(anOptions);
    assert.match(offline, /Offline since/);
    assert.match(
      await anOptions.getByTestId('team-sync-error').textContent(),
      /Pacer will sync when it is back\. Everything you log meanwhile is kept here\./,
    );
    await saveSection(anOptions, 'team-options-member-offline-light-en');

    await server.restart();
    assert.match(await syncNow(anOptions), /Connected/);
    assert.equal((await serverDocs(server, 'obs:calls:an:'))[0]?.value, 9, 'the day’s 7 + 2 as one document');

    const maiOptions = await openExtensionPage(mai.ext.context, mai.ext.extensionId, 'options.html');
    await maiOptions.getByTestId('team-joined').waitFor();
    await syncNow(maiOptions);
    const tab = await openExtensionPage(mai.ext.context, mai.ext.extensionId, 'newtab.html');
    await tab.setViewportSize({ width: 1280, height: 900 });
    const panel = tab.getByTestId('team-rollup');
    await panel.waitFor({ timeout: 30_000 });
    await eventually(async () => (await panel.locator('tr[data-member="an"]').count()) === 1, {
      message: 'an in the breakdown',
    });
    assert.match(await panel.locator('tr[data-member="mai"]').textContent(), /mai \(you\)\s*12\s*57\.1\s*%/);
    assert.match(await panel.locator('tr[data-member="an"]').textContent(), /an\s*9\s*42\.9\s*%/);
    assert.equal((await panel.getByTestId('goal-value').textContent())?.trim(), '21');
    // Mai's own goal on the team's KPI counts her 12, never An's 9 (lib/team/whose-values.ts).
    const myCalls = tab.locator('[data-widget="goals"] [data-testid="goal-card"][data-goal-id="mai-calls"]');
    assert.equal((await myCalls.getByTestId('goal-value').textContent())?.trim(), '12');
    assert.equal(
      await panel.locator('[data-goal-id="mai-calls"]').count(),
      0,
      'a personal goal is no team goal',
    );
    // The KPI list open in the screenshots: its row says it shows her values only.
    await tab.getByTestId('kpi-list').locator('summary').click();
    const callsRow = tab.getByTestId('kpi-row').filter({ hasText: 'Sales calls' });
    assert.match((await callsRow.textContent()) ?? '', /\(your values; the team’s are on its goal\)/);
    await assertEachGoalOnce(mai.ext, tab);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(tab, 'team-rollup-manager-light-en');
    // Her goal's detail and the KPI's values are hers too: 12, one value; An's 9 is not hers to edit.
    const detail = await openExtensionPage(
      mai.ext.context,
      mai.ext.extensionId,
      'newtab.html#goal=mai-calls',
    );
    await detail.setViewportSize({ width: 1280, height: 900 });
    await detail.getByTestId('goal-detail').waitFor();
    await saveScreenshot(detail, 'team-own-goal-detail-light-en');
    await detail.getByTestId('goal-values').click();
    await detail.getByTestId('value-row').first().waitFor();
    assert.deepEqual(
      (await detail.getByTestId('value-amount').allTextContents()).map((v) => v.trim()),
      ['12'],
    );
    await saveScreenshot(detail, 'team-own-values-light-en');
    await detail.close();

    // The member sees the team's goal and their own part.
    const anTab = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html');
    await anTab.setViewportSize({ width: 1280, height: 900 });
    await eventually(
      async () =>
        /Your part: 9 of the team’s 21/.test(
          (await anTab
            .getByTestId('team-your-part')
            .textContent()
            .catch(() => '')) ?? '',
        ),
      {
        timeout: 30_000,
        message: 'the member’s part (the manager’s 12 arrived with the goal)',
      },
    );
    assert.equal(
      await anTab.locator('[data-testid="goal-card"][data-goal-id="team-calls"]').count(),
      1,
      'the member sees the team goal once too',
    );
    await saveScreenshot(anTab, 'team-rollup-member-light-en');

    // Dark and Vietnamese.
    await maiOptions.locator('select[name="locale"]').selectOption('vi');
    await maiOptions.locator('select[name="theme"]').selectOption('dark');
    await tab.waitForFunction(() => document.documentElement.lang === 'vi');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await eventually(
      async () => /Mục tiêu nhóm/.test((await tab.getByTestId('team-rollup').textContent()) ?? ''),
      {
        message: 'vi roll-up',
      },
    );
    await cardsIn(tab, 'Chỉ tiêu KPI');
    await assertEachGoalOnce(mai.ext, tab);
    assert.equal((await myCalls.getByTestId('goal-value').textContent())?.trim(), '12');
    assert.match((await callsRow.textContent()) ?? '', /\(giá trị của bạn; của cả nhóm ở mục tiêu nhóm\)/);
    await saveScreenshot(tab, 'team-rollup-manager-dark-vi');
    await saveSection(maiOptions, 'team-options-manager-dark-vi');
    // The other two of the four (each goal once in every one of them).
    await maiOptions.locator('select[name="locale"]').selectOption('en');
    await tab.waitForFunction(() => document.documentElement.lang === 'en');
    // The cards are formatted with the dashboard's data, recomputed a moment after the page's strings.
    await cardsIn(tab, 'KPI target');
    await assertEachGoalOnce(mai.ext, tab);
    await saveScreenshot(tab, 'team-rollup-manager-dark-en');
    await maiOptions.locator('select[name="locale"]').selectOption('vi');
    await maiOptions.locator('select[name="theme"]').selectOption('light');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await cardsIn(tab, 'Chỉ tiêu KPI');
    await assertEachGoalOnce(mai.ext, tab);
    await saveScreenshot(tab, 'team-rollup-manager-light-vi');
    await maiOptions.locator('select[name="locale"]').selectOption('en');
    await maiOptions.locator('select[name="theme"]').selectOption('light');
  });

  it("the member's edit of the manager's goal is refused by the server and shown; the goal stays the team's", async () => {
    const tab = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html');
    await tab.locator('[data-goal-id="team-calls"] .pc-card-title').first().click();
    await tab.getByTestId('edit-goal').click();
    assert.match(await tab.getByTestId('team-goal-note').textContent(), /only a manager can change it/);
    await tab.locator('#goal-target').fill('20');
    await tab.getByTestId('goal-save').click();
    const anOptions = await openExtensionPage(an.ext.context, an.ext.extensionId, 'options.html');
    await syncNow(anOptions);
    const refused = anOptions.getByTestId('team-refused');
    await refused.waitFor();
    assert.match(
      await refused.textContent(),
      /Team calls this month: Only a team manager can change team goals and metrics\./,
    );
    await eventually(
      async () => (await readStore(anOptions, 'goals')).find((g) => g.id === 'team-calls')?.target === 200,
      {
        message: 'the team’s target back in the member’s Pacer',
      },
    );
    assert.equal((await serverDocs(server, 'goal:'))[0]?.goal.target, 200);
    await saveSection(anOptions, 'team-options-member-refused-light-en');
  });

  it('a goal changed on two machines keeps both until the manager picks one in Options › Team', async () => {
    const maiOptions = await openExtensionPage(mai.ext.context, mai.ext.extensionId, 'options.html');
    await maiOptions.getByTestId('team-joined').waitFor();
    // Another machine of a manager changed the target to 300 and synced first (written as replication
    // would, a sibling revision)…
    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const url = `${server.url}/${server.team}/${encodeURIComponent('goal:team-calls')}`;
    const current = await (await fetch(`${url}?revs=true`, { headers: { authorization: auth } })).json();
    const gen = Number(current._rev.split('-')[0]) + 1;
    const res = await fetch(`${server.url}/${server.team}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        new_edits: false,
        docs: [
          {
            ...current,
            goal: { ...current.goal, target: 300 },
            _rev: `${gen}-${'e'.repeat(32)}`,
            _revisions: { start: gen, ids: ['e'.repeat(32), ...current._revisions.ids] },
          },
        ],
      }),
    });
    assert.equal(res.status, 201);
    // …while this browser changed it to 240.
    const local = (await readStore(maiOptions, 'goals')).find((g) => g.id === 'team-calls');
    await putRecords(maiOptions, 'goals', [{ ...local, target: 240 }]);
    await syncNow(maiOptions);
    const conflict = maiOptions.getByTestId('team-conflict');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    assert.match(text, /“Team calls this month” was changed here and on another machine/);
    assert.match(text, /target: mine 240 · theirs 300/);
    assert.equal((await readStore(maiOptions, 'goals')).find((g) => g.id === 'team-calls')?.target, 240);
    await saveSection(maiOptions, 'team-options-conflict-light-en');

    await conflict.getByTestId('team-keep-mine').click();
    await maiOptions.getByTestId('team-conflicts').waitFor({ state: 'detached', timeout: 30_000 });
    await eventually(
      async () => {
        const doc = await (await fetch(`${url}?conflicts=true`, { headers: { authorization: auth } })).json();
        return doc.goal.target === 240 && doc._conflicts === undefined;
      },
      { timeout: 30_000, message: 'one version, 240, on the server' },
    );
  });

  it('the server killed mid-sync: the sync resumes with nothing lost or duplicated', async () => {
    // The manager's 5-minute alarm must not pull these before the test cuts the server off.
    await mai.ext.serviceWorker.evaluate(() => chrome.alarms.clear('pacer:team-sync'));
    // 800 days of An's numbers: enough that the manager's pull takes several batches. The manager's
    // worker also syncs by itself when it starts again (MV3 stops an idle worker, and a loaded machine
    // may do so while An writes): a pull that ran before the click leaves nothing to cut, so then a
    // further 800 days are written and the cut tried again (at most three times).
    const anOptions = await openExtensionPage(an.ext.context, an.ext.extensionId, 'options.html');
    const maiOptions = await openExtensionPage(mai.ext.context, mai.ext.extensionId, 'options.html');
    const section = maiOptions.getByTestId('team-section');
    let expected = [];
    let before = 0;
    for (let attempt = 0; ; attempt++) {
      const blocks = Array.from({ length: 800 }, (_, i) => {
        const day = monthStart - (attempt * 800 + i + 1) * DAY;
        return {
          metricId: 'calls',
          dimKey: '',
          day,
          dims: {},
          points: [{ id: `bulk-${attempt}-${i}`, t: day + 9 * 3_600_000, v: (i % 7) + 1, s: 'manual' }],
        };
      });
      await putRecords(anOptions, 'obsBlocks', blocks);
      await syncNow(anOptions);
      expected = await serverDocs(server, 'obs:calls:an:');
      assert.equal(expected.length, 1 + 800 * (attempt + 1));
      // Kill as soon as the manager's mirror (PouchDB, in the same extension origin) has a first batch.
      before = await mirrorCount(maiOptions);
      await section.getByTestId('team-sync-now').click();
      try {
        await eventually(async () => (await mirrorCount(maiOptions)) > before, {
          timeout: 30_000,
          interval: 10,
          message: 'a first batch pulled',
        });
        break;
      } catch (error) {
        if (attempt === 2) throw error;
        console.log(`  attempt ${attempt + 1}: nothing left to pull at the click; writing 800 more days`);
      }
    }
    await server.kill();
    const inMirror = await mirrorCount(maiOptions);
    const partial = (await readStore(maiOptions, 'obsBlocks')).filter((b) => b.dims.owner === 'an').length;
    await eventually(
      async () => !/Syncing/.test((await section.getByTestId('team-status').textContent()) ?? ''),
      {
        timeout: 30_000,
        message: 'the cut sync ended',
      },
    );
    await server.restart();
    assert.match(await syncNow(maiOptions), /Connected/);
    const got = (await readStore(maiOptions, 'obsBlocks'))
      .filter((b) => b.dims.owner === 'an')
      .flatMap((b) => b.points);
    const ids = got.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'no document twice');
    assert.deepEqual(ids.sort(), expected.map((d) => d._id).sort(), 'every document of An');
    assert.equal(
      got.reduce((a, p) => a + p.v, 0),
      expected.reduce((a, d) => a + d.value, 0),
    );
    console.log(
      `  killed with ${inMirror - before} of ${expected.length} of An's days in the mirror (${partial} written to Pacer); resumed to all`,
    );
    assert.ok(inMirror - before < expected.length, 'the kill came before the pull was complete');
  });

  it('leaving keeps the goal and every number', async () => {
    const anOptions = await openExtensionPage(an.ext.context, an.ext.extensionId, 'options.html');
    await anOptions.getByTestId('team-leave').click();
    await anOptions.getByTestId('team-leave-confirm').click();
    await anOptions.getByTestId('team-join').waitFor();
    const left = anOptions.getByTestId('team-left');
    await left.waitFor();
    assert.equal(await left.textContent(), 'You left the team. Your goals and numbers are still here.');
    await saveSection(anOptions, 'team-options-left-light-en');
    assert.ok((await readStore(anOptions, 'goals')).some((g) => g.id === 'team-calls'));
    assert.ok((await readStore(anOptions, 'obsBlocks')).length > 800);

    // …and the team goal still reads the team's 21 (the manager's 12 with An's 9, as on the day An
    // left), under "Team goals" once, saying which team it was and since when (lib/team/whose-values.ts).
    const tab = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html');
    await tab.setViewportSize({ width: 1280, height: 900 });
    const panel = tab.getByTestId('team-rollup');
    const card = panel.locator('[data-testid="goal-card"][data-goal-id="team-calls"]');
    const note = panel.getByTestId('former-team-note');
    await note.waitFor({ timeout: 30_000 });
    assert.match(
      (await note.textContent()) ?? '',
      /^A goal of team “sales” until you left it on \w{3} \d{1,2}, \d{4}: teammates’ numbers are counted up to that day\.$/,
    );
    await eventually(async () => (await card.getByTestId('goal-value').textContent())?.trim() === '21', {
      message: 'the former team goal reads 21',
    });
    assert.equal(await tab.locator('[data-testid="goal-card"][data-goal-id="team-calls"]').count(), 1);
    assert.equal(await panel.getByTestId('team-your-part').count(), 0, 'no members’ split any more');
    await saveScreenshot(tab, 'team-left-newtab-light-en');
    const detail = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html#goal=team-calls');
    await detail.setViewportSize({ width: 1280, height: 900 });
    const inDetail = detail.getByTestId('goal-detail');
    await inDetail.getByTestId('former-team-note').waitFor();
    await eventually(async () => (await inDetail.getByTestId('goal-value').textContent())?.trim() === '21', {
      message: 'the detail reads 21',
    });
    await saveScreenshot(detail, 'team-left-detail-light-en');
    await detail.close();

    await anOptions.locator('select[name="locale"]').selectOption('vi');
    await anOptions.locator('select[name="theme"]').selectOption('dark');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await eventually(
      async () =>
        /^Mục tiêu của nhóm “sales” cho đến khi bạn rời nhóm ngày /.test((await note.textContent()) ?? ''),
      { message: 'the vi note' },
    );
    await cardsIn(tab, 'Chỉ tiêu KPI');
    assert.equal((await card.getByTestId('goal-value').textContent())?.trim(), '21');
    await saveScreenshot(tab, 'team-left-newtab-dark-vi');
    await anOptions.locator('select[name="locale"]').selectOption('en');
    await anOptions.locator('select[name="theme"]').selectOption('light');
  });

  it('a goal of the team left counts only your values again on a click, and Undo gives the 21 back', async () => {
    const anOptions = await openExtensionPage(an.ext.context, an.ext.extensionId, 'options.html');
    const tab = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html');
    await tab.setViewportSize({ width: 1280, height: 900 });
    const panel = tab.getByTestId('team-rollup');
    const inPanel = panel.locator('[data-testid="goal-card"][data-goal-id="team-calls"]');
    const anywhere = tab.locator('[data-testid="goal-card"][data-goal-id="team-calls"]');
    const value = async () => (await anywhere.getByTestId('goal-value').textContent())?.trim();
    await panel.getByTestId('former-team-note').waitFor({ timeout: 30_000 });
    await eventually(async () => (await value()) === '21', { message: 'the former team goal reads 21' });
    const storedValues = async () =>
      (await readStore(anOptions, 'obsBlocks')).flatMap((b) => b.points).reduce((a, p) => a + p.v, 0);
    const before = await storedValues();

    // The question says what changes, in numbers: An's own 9 instead of the team's 21.
    await panel.getByTestId('former-team-personal').click();
    const ask = tab.getByTestId('former-team-confirm');
    await ask.waitFor();
    assert.equal(
      (await ask.locator('h2').textContent())?.trim(),
      'Count only your own values in “Team calls this month”?',
    );
    assert.equal(
      (await ask.locator('p').textContent())?.trim(),
      'The goal will count only your own values: 9 instead of 21. Your teammates’ numbers stay stored in Pacer: none is deleted.',
    );
    await saveScreenshot(tab, 'team-own-confirm-light-en');
    await ask.getByTestId('former-team-cancel').click();
    assert.equal(await ask.count(), 0);
    assert.equal(await value(), '21', 'Cancel changes nothing');
    await saveScreenshot(tab, 'team-own-note-light-en');

    await panel.getByTestId('former-team-personal').click();
    await ask.getByTestId('former-team-personal-confirm').click();
    // Live: the card leaves "Team goals" and reads An's own number; no stored value went.
    await eventually(async () => (await inPanel.count()) === 0, { message: 'the card left Team goals' });
    await eventually(async () => (await value()) === '9', { message: 'the card reads 9' });
    assert.equal(await anywhere.count(), 1);
    assert.equal(await tab.getByTestId('former-team-note').count(), 0);
    assert.equal(await storedValues(), before, 'no teammate’s value deleted');
    assert.equal(
      await tab.getByTestId('toast').locator('span').textContent(),
      '“Team calls this month” now counts only your values.',
    );
    await saveScreenshot(tab, 'team-own-done-light-en');

    await tab.getByTestId('undo').click();
    await eventually(async () => (await inPanel.count()) === 1, { message: 'the card back in Team goals' });
    await eventually(async () => (await value()) === '21', { message: 'Undo brings 21 back' });
    await panel.getByTestId('former-team-note').waitFor();

    // The goal's detail has the button too, and reads the change at once.
    const detail = await openExtensionPage(an.ext.context, an.ext.extensionId, 'newtab.html#goal=team-calls');
    await detail.setViewportSize({ width: 1280, height: 900 });
    const inDetail = detail.getByTestId('goal-detail');
    const detailValue = async () => (await inDetail.getByTestId('goal-value').textContent())?.trim();
    await eventually(async () => (await detailValue()) === '21', { message: 'the detail reads 21' });
    await inDetail.getByTestId('former-team-personal').click();
    await detail.getByTestId('former-team-personal-confirm').click();
    await eventually(async () => (await detailValue()) === '9', { message: 'the detail reads 9' });
    assert.equal(await inDetail.getByTestId('former-team-note').count(), 0);
    await detail.getByTestId('undo').click();
    await eventually(async () => (await detailValue()) === '21', { message: 'the detail reads 21 again' });
    await inDetail.getByTestId('former-team-note').waitFor();
    await saveScreenshot(detail, 'team-own-detail-light-en');
    await detail.close();

    await anOptions.locator('select[name="locale"]').selectOption('vi');
    await anOptions.locator('select[name="theme"]').selectOption('dark');
    await tab.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await eventually(
      async () => (await panel.getByTestId('former-team-personal').textContent()) === 'Chỉ tính số của tôi',
      { message: 'the vi button' },
    );
    await saveScreenshot(tab, 'team-own-note-dark-vi');
    await panel.getByTestId('former-team-personal').click();
    await ask.waitFor();
    assert.equal(
      (await ask.locator('p').textContent())?.trim(),
      'Mục tiêu sẽ chỉ tính số của chính bạn: 9 thay vì 21. Số của đồng đội vẫn được lưu trong Pacer: không số nào bị xóa.',
    );
    await saveScreenshot(tab, 'team-own-confirm-dark-vi');
    await ask.getByTestId('former-team-cancel').click();
    await anOptions.locator('select[name="locale"]').selectOption('en');
    await anOptions.locator('select[name="theme"]').selectOption('light');
    assert.equal(await value(), '21');
  });
});
