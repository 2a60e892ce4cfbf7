// Fault injection (issue 15): Murphy's cases against the built extension in real Chromium, each with
// exact counts read straight from IndexedDB before and after — a new tab opened and the service worker
// stopped in the middle of a large import, the browser killed (SIGKILL) in the middle of one, a damaged
// block or goal then a write or a replace, two editors on one goal, a migration that fails (new tab,
// options and popup), and a full disk on each write path (quick log, check-in, goal editor, restore,
// CSV import, CRM sightings in the background).
// (Forged messages and page scripts: safety-msg's file.)
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import {
  badgeStats,
  crmGoals,
  eventually,
  HUBSPOT,
  overlayElement,
  putRecords,
  routeCrm,
  startWithGrantedHosts,
} from './crm-support.mjs';
import {
  makeProfileDir,
  RESULTS_DIR,
  removeProfileDir,
  saveScreenshot,
  startExtension,
  withExtension,
} from './helpers.mjs';

const TIMEOUT = { timeout: 240_000 };

/**
 * Runs `fn(db)` in an extension page against Pacer's database, opened as it is (no version, no
 * upgrade), and returns its result. `fn` is source text: it runs in the page, not in Node.
 */
function inDb(page, fn, arg) {
  // Extension pages forbid eval (CSP); a string handed to DevTools evaluation is allowed.
  return page.evaluate(`(async () => {
    const req = (r) => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await req(indexedDB.open('pacer'));
    const h = {
      all: (store) => req(db.transaction(store).objectStore(store).getAll()),
      count: (store) => req(db.transaction(store).objectStore(store).count()),
      put: (store, value) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value);
        return new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      },
    };
    try {
      return await (${fn.toString()})(h, ${JSON.stringify(arg ?? null)});
    } finally {
      db.close();
    }
  })()`);
}

/** Exact counts of everything the user owns, and of the safety stores. */
function counts(page) {
  return inDb(page, async (h) => {
    const blocks = await h.all('obsBlocks');
    return {
      observations: blocks.reduce((n, b) => n + (Array.isArray(b.points) ? b.points.length : 0), 0),
      metrics: (await h.all('metrics')).length,
      goals: (await h.all('goals')).length,
      quarantine: (await h.all('quarantine')).length,
      journal: (await h.all('journal')).length,
      backups: (await h.all('backups')).length,
    };
  });
}

/**
 * Counts as they were before any read: any read of the goals (the page's own refresh after a test's
 * write, a preview) moves a damaged goal to the quarantine, and when is a race, not a rule.
 */
function asUnread(c) {
  return { ...c, goals: c.goals + c.quarantine, quarantine: 0 };
}

function goal(id, over = {}) {
  return {
    id,
    kind: 'kpi_target',
    title: 'Quarter revenue',
    frameworks: [],
    target: 100,
    weight: 1,
    owner: 'Lan',
    archived: false,
    deletedAt: null,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

/** A KPI-series CSV with one row per (day, channel): every row its own block, so the import journals. */
function bigCsv(days, channels) {
  const lines = ['Date,Value,Channel'];
  const start = Date.UTC(2000, 0, 1);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let c = 0; c < channels; c++) lines.push(`${date},${d + c},ch${c}`);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `fault-import-${days}x${channels}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, rows: days * channels };
}

/** A valid Pacer backup holding one goal. */
function smallBackup() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'fault-small-backup.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'pacer-backup',
      version: 1,
      exportedAt: 1,
      dbVersion: 2,
      settings: null,
      metrics: [],
      goals: [goal('g9', { title: 'From the file' })],
      checkIns: [],
      leads: [],
      channelSpend: [],
      observations: [],
    }),
  );
  return file;
}

async function openNewtab(ext) {
  const page = await ext.context.newPage();
  await page.goto(ext.extUrl('newtab.html'), { waitUntil: 'load' });
  return page;
}

it(
  'a large import loses nothing when new tabs open and the service worker is stopped in the middle',
  TIMEOUT,
  () =>
    withExtension(
      async (ext) => {
        const { file, rows } = bigCsv(6000, 6);
        const page = await ext.context.newPage();
        await page.goto(ext.extUrl('import.html'), { waitUntil: 'load' });
        assert.deepEqual(await counts(page), {
          observations: 0,
          metrics: 0,
          goals: 0,
          quarantine: 0,
          journal: 0,
          backups: 0,
        });
        await page.getByTestId('import-file').setInputFiles(file);
        await page.getByTestId('import-configure').waitFor();
        await page.getByTestId('import-metric').selectOption('__new__');
        await page.getByTestId('import-new-metric').fill('Fault revenue');
        await page.getByTestId('import-validate').click();
        await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
        await page.getByTestId('import-start').click();

        // Mid-import: the journal holds the live import's before-images.
        await page.waitForFunction(
          () =>
            new Promise((resolve) => {
              const r = indexedDB.open('pacer');
              r.onsuccess = () => {
                const c = r.result.transaction('journal').objectStore('journal').count();
                c.onsuccess = () => {
                  r.result.close();
                  resolve(c.result > 0);
                };
              };
            }),
          null,
          { timeout: 60_000, polling: 50 },
        );
        // Every surface that opens runs recovery: two new tabs and the options page...
        const tabs = [await openNewtab(ext), await openNewtab(ext)];
        const options = await ext.context.newPage();
        await options.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
        // ...and the service worker, stopped (CDP) and woken again by a message.
        const cdp = await ext.context.newCDPSession(options);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }).catch(() => null));
        const summary = page.getByTestId('import-summary');
        await summary.waitFor({ timeout: 180_000 });
        assert.equal(await summary.getAttribute('data-status'), 'imported');
        assert.equal(
          (await page.getByTestId('import-added').textContent())?.trim(),
          `Added: ${rows.toLocaleString('en-US')}`,
        );
        const after = await counts(tabs[0]);
        assert.equal(after.observations, rows, 'every imported value is stored');
        assert.equal(after.journal, 0);
        assert.equal(after.metrics, 1);
        await saveScreenshot(page, 'fault-import-summary');

        // The completed import can be undone by its id, from the options page.
        await options.reload();
        const entry = options.getByTestId('import-entry');
        await entry.waitFor();
        assert.equal(await entry.count(), 1);
        assert.match(
          await entry.textContent(),
          new RegExp(`${rows.toLocaleString('en-US')} added, 0 replaced`),
        );
        await saveScreenshot(options, 'fault-import-undo');
        await entry.getByTestId('import-undo').click();
        await options
          .getByText(`Import undone: ${rows.toLocaleString('en-US')} values`)
          .waitFor({ timeout: 60_000 });
        assert.equal((await counts(options)).observations, 0);
      },
      { name: 'fault-import' },
    ),
);

/** The same days and channels as `bigCsv`'s first `days`, with other values: blocks it will overwrite. */
function seedCsv(days, channels) {
  const lines = ['Date,Value,Channel'];
  const start = Date.UTC(2000, 0, 1);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let c = 0; c < channels; c++) lines.push(`${date},${1000 + 10 * d + c},ch${c}`);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `fault-seed-${days}x${channels}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, rows: days * channels };
}

/** Imports `file` through the import page as a user would, into the metric labelled `metric`. */
async function startImport(page, file, metric) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-configure').waitFor();
  await page.getByTestId('import-metric').selectOption({ label: metric });
  await page.getByTestId('import-validate').click();
  await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
  await page.getByTestId('import-start').click();
}

/** Values of the blocks of `metricId` on `days` (UTC midnights), keyed "dimKey@day", points sorted. */
function blockValues(page, metricId, days) {
  return inDb(
    page,
    async (h, a) =>
      Object.fromEntries(
        (await h.all('obsBlocks'))
          .filter((b) => b.metricId === a.metricId && a.days.includes(b.day))
          .map((b) => [`${b.dimKey}@${b.day}`, b.points.map((p) => [p.id, p.v])])
          .sort(([x], [y]) => (x < y ? -1 : 1)),
      ),
    { metricId, days },
  );
}

/**
 * Polls `read()` every 50 ms until `done(value)` or `timeoutMs`, and returns the last value either
 * way: the caller's exact assertion then fails with the numbers, not with "timeout".
 */
async function pollUntil(read, done, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/**
 * The browser process of the profile in `userDataDir` (the one without `--type=`, i.e. not a renderer,
 * GPU or utility child), found in /proc since a persistent context does not expose its process.
 */
function browserPid(userDataDir) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone in the meantime
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type=')))
      pids.push(Number(entry));
  }
  assert.equal(pids.length, 1, `one browser process on ${userDataDir}, found ${pids.join(', ') || 'none'}`);
  return pids[0];
}

it('the browser killed in the middle of a large import: the next start rolls it all back, and a re-run lands', {
  ...TIMEOUT,
  skip: process.platform !== 'linux' && 'finds the browser process in /proc',
}, async () => {
  const profile = makeProfileDir();
  try {
    const seedDays = 3;
    const channels = 6;
    const seed = seedCsv(seedDays, channels);
    const { file, rows } = bigCsv(6000, channels);
    const days = Array.from({ length: seedDays }, (_, d) => Date.UTC(2000, 0, 1) + d * 86_400_000);
    let ext = await startExtension({ userDataDir: profile });
    let before;
    let beforeBlocks;
    let metricId;
    try {
      // Before: a KPI with values on the first days the large file covers, through the import page.
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('import.html'), { waitUntil: 'load' });
      await page.getByTestId('import-file').setInputFiles(seed.file);
      await page.getByTestId('import-configure').waitFor();
      await page.getByTestId('import-metric').selectOption('__new__');
      await page.getByTestId('import-new-metric').fill('Killed revenue');
      await page.getByTestId('import-validate').click();
      await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      assert.equal((await page.getByTestId('import-added').textContent())?.trim(), `Added: ${seed.rows}`);
      // An extension page that never opens Pacer's connection (so it never runs recovery itself).
      const observer = await ext.context.newPage();
      await observer.goto(ext.extUrl('bench-blank.html'), { waitUntil: 'load' });
      before = await counts(observer);
      assert.deepEqual(before, {
        observations: seed.rows,
        metrics: 1,
        goals: 0,
        quarantine: 0,
        journal: 0,
        backups: 1, // the seed import's undo record
      });
      [metricId] = (await inDb(observer, (h) => h.all('metrics'))).map((m) => m.id);
      beforeBlocks = await blockValues(observer, metricId, days);
      assert.equal(Object.keys(beforeBlocks).length, seedDays * channels);
      assert.deepEqual(beforeBlocks[`channel=ch2@${days[1]}`]?.[0]?.[1], 1012);

      // The large import, into the same KPI: it overwrites those blocks, 400 per transaction.
      await page.getByTestId('import-another').click();
      await startImport(page, file, 'Killed revenue');
      // Kill once several transactions have committed, while the import is still running.
      // (A cheap count at each poll: reading every block would slow down the import it watches.)
      const journaled = await pollUntil(
        () => inDb(observer, (h) => h.count('journal')),
        (n) => n >= 2000,
        120_000,
      );
      assert.ok(journaled >= 2000, `the import journaled ${journaled} blocks only`);
      const mid = await counts(observer);
      assert.ok(mid.observations > before.observations, 'part of the import is on disk');
      assert.equal(await page.getByTestId('import-summary').count(), 0, 'the import is still running');
      assert.notDeepEqual(
        await blockValues(observer, metricId, days),
        beforeBlocks,
        'seeded blocks overwritten',
      );

      // SIGKILL to the browser's process group (Playwright starts it detached: its own group).
      const pid = browserPid(profile);
      const closed = new Promise((resolve) => ext.context.once('close', resolve));
      process.kill(-pid, 'SIGKILL');
      await closed;
    } finally {
      await ext.close();
    }

    // Same profile, new browser. The service worker and the new tab each run recovery on open.
    ext = await startExtension({ userDataDir: profile });
    try {
      const tab = await openNewtab(ext);
      await tab.waitForFunction(() => (document.body.textContent ?? '').trim().length > 0, null, {
        timeout: 20_000,
      });
      const after = await pollUntil(
        () => counts(tab),
        (c) => c.journal === 0,
        20_000,
      );
      assert.deepEqual(after, before, 'exactly the counts from before the import: nothing half-written');
      assert.deepEqual(await blockValues(tab, metricId, days), beforeBlocks, 'overwritten blocks restored');
      assert.deepEqual(
        (await inDb(tab, (h) => h.all('metrics'))).map((m) => m.id),
        [metricId],
      );

      // The same import again, to the end.
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('import.html'), { waitUntil: 'load' });
      await startImport(page, file, 'Killed revenue');
      const summary = page.getByTestId('import-summary');
      await summary.waitFor({ timeout: 180_000 });
      assert.equal(await summary.getAttribute('data-status'), 'imported');
      assert.equal(
        (await page.getByTestId('import-added').textContent())?.trim(),
        `Added: ${(rows - seed.rows).toLocaleString('en-US')}`,
      );
      assert.equal(
        (await page.getByTestId('import-replaced').textContent())?.trim(),
        `Already there, updated: ${seed.rows}`,
      );
      assert.deepEqual(await counts(tab), {
        observations: rows,
        metrics: 1,
        goals: 0,
        quarantine: 0,
        journal: 0,
        backups: 2,
      });
      const landed = await blockValues(tab, metricId, days);
      assert.deepEqual(Object.keys(landed), Object.keys(beforeBlocks));
      assert.deepEqual(
        landed[`channel=ch2@${days[1]}`],
        beforeBlocks[`channel=ch2@${days[1]}`].map(([id]) => [id, 3]),
        'the re-run wrote the file’s value over the seeded one',
      );
      await saveScreenshot(page, 'fault-kill-rerun-summary');
    } finally {
      await ext.close();
    }
  } finally {
    removeProfileDir(profile);
  }
});

it('a damaged block is quarantined, not overwritten, when a value is logged into it', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const page = await openNewtab(ext);
      await page.getByTestId('first-run-create').waitFor();
      const now = Date.now();
      const day = Math.floor(now / 86_400_000) * 86_400_000;
      const damaged = {
        metricId: 'm-calls',
        dimKey: '',
        day,
        dims: {},
        points: [{ id: 'p-old', t: now - 1000, v: 'seven', s: 'manual' }],
      };
      await inDb(
        page,
        async (h, a) => {
          await h.put('metrics', a.metric);
          await h.put('obsBlocks', a.damaged);
        },
        {
          metric: {
            id: 'm-calls',
            name: 'Calls',
            unit: { kind: 'count' },
            direction: 'up',
            aggregation: 'sum',
            dimensions: [],
            source: 'manual',
            archived: false,
            deletedAt: null,
            createdAt: 1,
            updatedAt: 1,
          },
          damaged,
        },
      );
      assert.deepEqual(await counts(page), {
        observations: 1,
        metrics: 1,
        goals: 0,
        quarantine: 0,
        journal: 0,
        backups: 0,
      });
      const popup = await ext.context.newPage();
      await popup.goto(ext.extUrl('popup.html'), { waitUntil: 'load' });
      await popup.getByTestId('quick-log').waitFor();
      await popup.getByTestId('metric-input').fill('Calls');
      await popup.getByTestId('metric-input').press('Enter');
      await popup.locator('#ql-value').fill('5');
      await popup.getByTestId('save').click();
      await popup.getByTestId('undo').waitFor();
      const after = await counts(page);
      assert.deepEqual(after, {
        observations: 1,
        metrics: 1,
        goals: 0,
        quarantine: 1,
        journal: 0,
        backups: 0,
      });
      const [entry] = await inDb(page, (h) => h.all('quarantine'));
      assert.deepEqual(entry.value, damaged, 'the damaged block, exactly as it was');
      // Set aside as the popup read the day's values before writing (it asks before logging the same
      // value twice); the write path's own quarantine is held by tests/unit/storage.
      assert.equal(entry.origin, 'read');

      // The dashboard says so and links to it.
      await page.reload();
      await page.getByTestId('quarantine-banner').waitFor();
      assert.match(
        await page.getByTestId('quarantine-banner').textContent(),
        /^1 damaged record was set aside/,
      );
      await saveScreenshot(page, 'fault-quarantine-banner');
    },
    { name: 'fault-damaged-block' },
  ),
);

it('Replace asks first, quarantines a damaged goal, snapshots everything and can be restored', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await page.getByTestId('snapshots').waitFor();
      const damagedGoal = { id: 'g-damaged', kind: 'kpi_target', title: 42 };
      await inDb(
        page,
        async (h, a) => {
          for (const g of a.goals) await h.put('goals', g);
        },
        { goals: [goal('g1'), goal('g2', { title: 'Leads' }), damagedGoal] },
      );
      assert.deepEqual(asUnread(await counts(page)), {
        observations: 0,
        metrics: 0,
        goals: 3,
        quarantine: 0,
        journal: 0,
        backups: 0,
      });
      const file = smallBackup();
      await page.getByLabel('Replace').check();
      await page.getByTestId('import-backup').setInputFiles(file);
      const confirm = page.getByTestId('replace-confirm');
      await confirm.waitFor();
      // The field names the file in the page's words; the browser's own "Choose File" / "No file
      // selected." takes no room (the native input is visually hidden).
      assert.match(
        await page.getByTestId('import-backup-status').textContent(),
        /^fault-small-backup\.json \(\d/,
      );
      const native = await page.getByTestId('import-backup').boundingBox();
      assert.ok(
        native && native.width <= 1 && native.height <= 1,
        `native input hidden: ${JSON.stringify(native)}`,
      );
      assert.match(await confirm.textContent(), /deletes 0 KPIs, 2 goals, 0 check-ins and 0 values.*1 goals/);
      // Nothing replaced before the answer: both valid goals still there and the file's not yet in
      // (the damaged one may already be in the quarantine, see asUnread).
      assert.equal(asUnread(await counts(page)).goals, 3, 'nothing replaced or lost before the answer');
      assert.deepEqual(
        await inDb(page, async (h) =>
          (await h.all('goals'))
            .map((g) => g.id)
            .filter((id) => id !== 'g-damaged')
            .sort(),
        ),
        ['g1', 'g2'],
        'the valid goals are untouched and the file has not been written',
      );
      await saveScreenshot(page, 'fault-replace-confirm');
      await page.getByTestId('replace-confirm-yes').click();
      await page.getByTestId('snapshot').first().waitFor();
      assert.deepEqual(await counts(page), {
        observations: 0,
        metrics: 0,
        goals: 1,
        quarantine: 1,
        journal: 0,
        backups: 1,
      });
      const [snap] = await inDb(page, (h) => h.all('backups'));
      assert.deepEqual(
        snap.data.goals.map((g) => g.id),
        ['g1', 'g2'],
      );
      // The damaged goal is kept exactly as it was, in the quarantine. When the replace set it aside
      // ('restore'), the pre-restore snapshot lists it too; when a read did before (see above), the
      // replace never met it and the snapshot has no damaged record.
      const [held] = await inDb(page, (h) => h.all('quarantine'));
      assert.deepEqual(held.value, damagedGoal);
      assert.deepEqual(
        snap.invalid.map((e) => e.value),
        held.origin === 'restore' ? [damagedGoal] : [],
        `set aside by ${held.origin}`,
      );
      if (held.origin !== 'restore') assert.equal(held.origin, 'read');
      assert.match(
        await page.getByTestId('snapshot').first().textContent(),
        /Before a restore.*0 KPIs · 2 goals/,
      );
      await saveScreenshot(page, 'fault-snapshots');
      // The same screens in Vietnamese and the dark theme.
      await page.locator('select[name="locale"]').selectOption('vi');
      await page.locator('select[name="theme"]').selectOption('dark');
      await page.getByRole('heading', { name: 'Bản lưu tự động' }).waitFor();
      await page.getByTestId('snapshots').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'fault-snapshots-vi-dark');
      await page.locator('select[name="locale"]').selectOption('en');
      await page.locator('select[name="theme"]').selectOption('light');
      await page.getByRole('heading', { name: 'Automatic snapshots' }).waitFor();

      await page.getByTestId('snapshot-restore').first().click();
      await page.getByTestId('snapshot-confirm-yes').click();
      await page.getByTestId('snapshot').nth(1).waitFor();
      const restored = await counts(page);
      assert.equal(restored.goals, 2);
      assert.equal(restored.backups, 2);
    },
    { name: 'fault-replace' },
  ),
);

it(
  'Merge keeps what the file does not name and quarantines a damaged record it would overwrite',
  TIMEOUT,
  () =>
    withExtension(
      async (ext) => {
        const page = await ext.context.newPage();
        await page.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
        await page.getByTestId('snapshots').waitFor();
        // The file's goal has the id of a stored goal that no longer parses (a title that is a number).
        const damagedGoal = { id: 'g9', kind: 'kpi_target', title: 42 };
        await inDb(
          page,
          async (h, a) => {
            for (const g of a.goals) await h.put('goals', g);
          },
          { goals: [goal('g1'), damagedGoal] },
        );
        assert.deepEqual(asUnread(await counts(page)), {
          observations: 0,
          metrics: 0,
          goals: 2,
          quarantine: 0,
          journal: 0,
          backups: 0,
        });
        await page.getByLabel('Merge').check();
        await page.getByTestId('import-backup').setInputFiles(smallBackup());
        // Done when the damaged goal is set aside and the file's g9 is in (a read may have done the
        // first before the merge began).
        const after = await pollUntil(
          () => counts(page),
          (c) => c.quarantine > 0 && c.goals === 2,
          30_000,
        );
        assert.deepEqual(after, {
          observations: 0,
          metrics: 0,
          goals: 2,
          quarantine: 1,
          journal: 0,
          // A merge, like a replace, snapshots the data first (lib/storage/backup.ts).
          backups: 1,
        });
        const goals = await inDb(page, (h) => h.all('goals'));
        assert.deepEqual(goals.map((g) => [g.id, g.title]).sort(), [
          ['g1', 'Quarter revenue'],
          ['g9', 'From the file'],
        ]);
        const [entry] = await inDb(page, (h) => h.all('quarantine'));
        assert.deepEqual(entry.value, damagedGoal, 'the damaged goal, exactly as it was');
        // Any read of the goals sets a damaged one aside, and the page's own refresh after the test's
        // write (or the background's recompute) sometimes gets there before the merge does. The entry
        // says which did: when the merge moved it ('restore'), its result line must say so; when a read
        // did, the merge had nothing damaged to overwrite (and the page's quarantine notice shows it).
        if (entry.origin === 'restore') {
          await page
            .getByText('1 damaged record(s) were set aside in quarantine, not overwritten.', { exact: false })
            .waitFor();
        } else {
          assert.equal(entry.origin, 'read');
          await page
            .getByText('1 damaged record was found and set aside. Your other data is safe.')
            .waitFor();
        }
        await saveScreenshot(page, 'fault-merge');
      },
      { name: 'fault-merge' },
    ),
);

it('a v3 backup restored after the v4 update reads as the updated database does', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      // A backup exactly as Pacer wrote it under database v3 (tests/fixtures/backup/README.md), before
      // the pack's Ad spend became neutral: restored without the v3 → v4 rule, it came back "lower is
      // better", and a goal it brings back into an updated database read 'up' on the neutral KPI.
      const v3 = JSON.parse(
        readFileSync(path.join('tests', 'fixtures', 'backup', 'v3-pack-ad-spend-2026-12-05.json'), 'utf8'),
      );
      assert.equal(v3.dbVersion, 3);
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await page.getByTestId('snapshots').waitFor();
      const upgraded = {
        en: 'The file was made by an older Pacer (database version 3); it was brought up to version 4 as it was restored',
        vi: 'Tệp được tạo bởi một phiên bản Pacer cũ hơn (cơ sở dữ liệu phiên bản 3); khi khôi phục, tệp đã được cập nhật lên phiên bản 4',
      };
      const restoredIn = {
        en: 'Restored from the file: 11 goals, 5 KPIs, 192 values, 0 check-ins.',
        vi: 'Đã khôi phục từ tệp: 11 mục tiêu, 5 KPI, 192 giá trị, 0 lần cập nhật.',
      };
      for (const [locale, theme] of [
        ['en', 'light'],
        ['en', 'dark'],
        ['vi', 'light'],
        ['vi', 'dark'],
      ]) {
        // The file's own settings come back with it: this user's language and theme are the shot's.
        const file = { ...v3, settings: { ...v3.settings, locale, theme } };
        await page.locator('select[name="locale"]').selectOption(locale);
        await page.locator('select[name="theme"]').selectOption(theme);
        await page.getByTestId('import-backup').setInputFiles({
          name: `pacer-backup-2026-12-05-${locale}.json`,
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(file, null, 1)),
        });
        const status = page.getByRole('status').filter({ hasText: upgraded[locale] });
        await status.waitFor();
        assert.match(
          await status.textContent(),
          new RegExp(`^${restoredIn[locale].replace(/[.()]/g, '\\$&')}`),
        );
        await status.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(RESULTS_DIR, `restore-v3-${locale}-${theme}.png`) });
      }
      const stored = await inDb(page, async (h) => ({
        metrics: Object.fromEntries((await h.all('metrics')).map((m) => [m.id, m.direction])),
        goals: Object.fromEntries(
          (await h.all('goals')).map((g) => [g.id, [g.goalType, g.direction ?? null, g.keepSide ?? null]]),
        ),
      }));
      assert.deepEqual(stored.metrics, {
        'k-ad-spend': 'neutral',
        'k-cpmql': 'down',
        'k-mqls': 'up',
        'k-revenue': 'up',
        'k-zalo-ads': 'down',
      });
      assert.deepEqual(stored.goals, {
        'g-cap': ['total', 'down', null],
        'g-cpmql': ['keep', null, 'at_most'],
        'g-cut': ['level', 'down', null],
        'g-growth': ['objective', null, null],
        'g-imported': ['level', 'down', null],
        'g-keep': ['keep', null, 'at_most'],
        'g-ms': ['milestone', 'down', null],
        'g-reduce': ['total', 'down', null],
        'g-revenue': ['total', null, null],
        'g-trashed': ['total', 'down', null],
        'g-zalo': ['total', null, null],
      });
      const c = await counts(page);
      assert.deepEqual([c.metrics, c.goals, c.observations, c.quarantine], [5, 11, 192, 0]);

      // A file from a newer Pacer is refused with the reason, and nothing changes.
      const before = await counts(page);
      await page.getByTestId('import-backup').setInputFiles({
        name: 'pacer-backup-from-the-future.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ ...v3, dbVersion: 5 })),
      });
      const refused = page.getByTestId('import-problems');
      await refused.waitFor();
      assert.equal(
        (await refused.textContent()).trim(),
        'Bản sao lưu này được tạo bởi một phiên bản Pacer mới hơn (cơ sở dữ liệu phiên bản 5); Pacer này chỉ đọc được đến phiên bản 4. Hãy cập nhật Pacer rồi khôi phục lại tệp. Chưa có gì thay đổi.',
      );
      await refused.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'restore-newer-vi-dark.png') });
      assert.deepEqual(await counts(page), before);
    },
    { name: 'fault-restore-v3' },
  ),
);

it('two editors on one goal: the second save is refused until the user chooses', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const seed = await openNewtab(ext);
      await seed.getByTestId('first-run-create').waitFor();
      await inDb(seed, (h, g) => h.put('goals', g), goal('g1'));
      const open = async () => {
        const p = await ext.context.newPage();
        await p.goto(ext.extUrl('newtab.html#goal=g1'), { waitUntil: 'load' });
        await p.getByTestId('edit-goal').click();
        await p.locator('#goal-target').waitFor();
        return p;
      };
      const a = await open();
      const b = await open();
      await a.locator('#goal-target').fill('250');
      await a.getByTestId('goal-save').click();
      await a.getByTestId('editor-goal').waitFor({ state: 'detached' });
      await b.locator('#goal-owner').fill('Minh');
      await b.getByTestId('goal-save').click();
      await b.getByTestId('edit-conflict').waitFor();
      let [stored] = await inDb(seed, (h) => h.all('goals'));
      assert.equal(stored.target, 250, 'A’s target is still there');
      assert.equal(stored.owner, 'Lan', 'B wrote nothing yet');
      await saveScreenshot(b, 'fault-edit-conflict');
      // "Overwrite with mine" writes B's form on top of A's version: B's owner, and the form's target.
      await b.getByTestId('conflict-reload').click();
      assert.equal(await b.locator('#goal-target').inputValue(), '250');
      await b.locator('#goal-owner').fill('Minh');
      await b.getByTestId('goal-save').click();
      await b.getByTestId('editor-goal').waitFor({ state: 'detached' });
      [stored] = await inDb(seed, (h) => h.all('goals'));
      assert.equal(stored.target, 250);
      assert.equal(stored.owner, 'Minh');
    },
    { name: 'fault-two-editors' },
  ),
);

it('a failed migration shows the error and downloads the old data as it is', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await page.getByTestId('snapshots').waitFor();
      // Replace Pacer's database by a v1 one the migration cannot read (its checkIns store is missing).
      const cdp = await ext.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.goto('about:blank');
      const blank = await ext.context.newPage();
      await blank.goto(ext.extUrl('bench-blank.html'), { waitUntil: 'load' });
      await blank.evaluate(
        async ([g]) => {
          await new Promise((resolve, reject) => {
            const del = indexedDB.deleteDatabase('pacer');
            del.onsuccess = resolve;
            del.onerror = () => reject(del.error);
          });
          await new Promise((resolve, reject) => {
            const open = indexedDB.open('pacer', 1);
            open.onupgradeneeded = () => {
              const db = open.result;
              for (const s of ['metrics', 'goals', 'observations', 'settings'])
                db.createObjectStore(s, { keyPath: 'id' });
              open.transaction.objectStore('goals').put(g);
              open.transaction
                .objectStore('observations')
                .put({ id: 'o1', metricId: 'm', time: 1, value: 5 });
            };
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
            open.onerror = () => reject(open.error);
          });
        },
        [goal('g-old')],
      );
      const tab = await openNewtab(ext);
      await tab.getByTestId('db-failure').waitFor({ timeout: 20_000 });
      assert.match(
        await tab.getByTestId('db-error').textContent(),
        /^Updating Pacer's database from version 1 to \d+ failed — NotFoundError/,
      );
      await saveScreenshot(tab, 'fault-migration-failed');
      const [download] = await Promise.all([
        tab.waitForEvent('download'),
        tab.getByTestId('raw-download').click(),
      ]);
      const dump = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(dump.version, 1);
      assert.deepEqual(Object.keys(dump.stores).sort(), ['goals', 'metrics', 'observations', 'settings']);
      assert.equal(dump.stores.goals.length, 1);
      assert.equal(dump.stores.goals[0].value.title, 'Quarter revenue');
      assert.equal(dump.stores.observations.length, 1);
      // The options page says the same instead of a blank page.
      const options = await ext.context.newPage();
      await options.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await options.getByTestId('db-failure').waitFor({ timeout: 20_000 });

      // The popup too: the error and the download, not just an error line above a quick log that
      // cannot save — in its 380 px box, light/en then dark/vi (the locale cached as pages keep it).
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(ext.extUrl('popup.html'), { waitUntil: 'load' });
      await popup.getByTestId('db-failure').waitFor({ timeout: 20_000 });
      assert.match(
        await popup.getByTestId('db-error').textContent(),
        /^Updating Pacer's database from version 1 to \d+ failed — NotFoundError/,
      );
      assert.equal(await popup.getByTestId('save').count(), 0, 'no quick log that cannot save');
      const fits = () =>
        popup.evaluate(() => {
          const r = document.querySelector('[data-testid="db-failure"]').getBoundingClientRect();
          return (
            r.right <= innerWidth && r.bottom <= 600 && document.documentElement.scrollWidth <= innerWidth
          );
        });
      assert.ok(await fits(), 'the failure view fits the popup');
      await saveScreenshot(popup, 'fault-migration-popup-light-en');
      const [popupDownload] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByTestId('raw-download').click(),
      ]);
      const popupDump = JSON.parse(readFileSync(await popupDownload.path(), 'utf8'));
      assert.equal(popupDump.version, 1);
      assert.equal(popupDump.stores.goals.length, 1);
      assert.equal(popupDump.stores.observations.length, 1);
      await popup.evaluate(() => {
        localStorage.setItem('pacer:theme', 'dark');
        localStorage.setItem('pacer:locale', 'vi');
      });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.reload({ waitUntil: 'load' });
      await popup.getByTestId('db-failure').waitFor({ timeout: 20_000 });
      assert.equal(await popup.evaluate(() => document.documentElement.lang), 'vi');
      assert.ok(await fits(), 'the Vietnamese failure view fits the popup');
      await saveScreenshot(popup, 'fault-migration-popup-dark-vi');
    },
    { name: 'fault-migration' },
  ),
);

/**
 * Disk full, as IndexedDB reports it: the transaction of the next write aborts. (A real quota cannot
 * be forced here — the extension has `unlimitedStorage` — so each put's transaction is aborted once
 * its request is queued, which is what the browser does when the commit does not fit.)
 */
function fillDisk(page) {
  return page.evaluate(`(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      const tx = this.transaction;
      queueMicrotask(() => {
        try {
          tx.abort();
        } catch {}
      });
      return request;
    };
  })()`);
}

it('a full disk on each write path: an error is shown and nothing is half-written', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const seed = await openNewtab(ext);
      await seed.getByTestId('first-run-create').waitFor();
      await inDb(
        seed,
        async (h, a) => {
          await h.put('metrics', a.metric);
          for (const g of a.goals) await h.put('goals', g);
        },
        {
          metric: {
            id: 'm-calls',
            name: 'Calls',
            unit: { kind: 'count' },
            direction: 'up',
            aggregation: 'sum',
            dimensions: [],
            source: 'manual',
            archived: false,
            deletedAt: null,
            createdAt: 1,
            updatedAt: 1,
          },
          goals: [goal('g1'), goal('g2', { title: 'Leads' })],
        },
      );
      const before = await counts(seed);
      assert.deepEqual(before, {
        observations: 0,
        metrics: 1,
        goals: 2,
        quarantine: 0,
        journal: 0,
        backups: 0,
      });

      // Quick log.
      const popup = await ext.context.newPage();
      await popup.goto(ext.extUrl('popup.html'), { waitUntil: 'load' });
      await popup.getByTestId('metric-input').fill('Calls');
      await popup.getByTestId('metric-input').press('Enter');
      await popup.locator('#ql-value').fill('5');
      await fillDisk(popup);
      await popup.getByTestId('save').click();
      await popup.locator('[data-testid="log-status"] .pc-error').waitFor();
      assert.match(await popup.getByTestId('log-status').textContent(), /^Could not save: /);
      assert.deepEqual(await counts(seed), before);

      // The weekly check-in: the step stays, answers and all, and says why; no check-in is stored.
      const checkIn = await ext.context.newPage();
      await checkIn.goto(ext.extUrl('popup.html#check-in'), { waitUntil: 'load' });
      // One owner among the goals: the check-in may ask whose goals first, or go straight to them.
      const who = checkIn.getByTestId('check-in-who');
      await who.or(checkIn.getByTestId('check-in-step')).waitFor({ timeout: 30_000 });
      if (await who.isVisible()) await checkIn.getByRole('button', { name: 'Next' }).click();
      await checkIn.getByTestId('check-in-step').waitFor();
      await checkIn.getByTestId('confidence-off_track').check();
      await checkIn.getByTestId('ci-problems').fill('Two reps are out sick');
      await fillDisk(checkIn);
      await checkIn.getByTestId('ci-next').click();
      await checkIn.getByTestId('ci-save-error').waitFor();
      assert.match(await checkIn.getByTestId('ci-save-error').textContent(), /^Could not save: /);
      assert.equal(await checkIn.getByTestId('ci-problems').inputValue(), 'Two reps are out sick');
      assert.equal(await checkIn.getByTestId('check-in-summary').count(), 0, 'no step passed as saved');
      await saveScreenshot(checkIn, 'fault-quota-check-in');
      assert.equal(await inDb(seed, (h) => h.count('checkIns')), 0);
      assert.deepEqual(await counts(seed), before);

      // Goal editor.
      const editor = await ext.context.newPage();
      await editor.goto(ext.extUrl('newtab.html#goal=g1'), { waitUntil: 'load' });
      await editor.getByTestId('edit-goal').click();
      await editor.locator('#goal-target').fill('250');
      await fillDisk(editor);
      await editor.getByTestId('goal-save').click();
      await editor.locator('[data-testid="editor-goal"] .pc-error[role="alert"]').waitFor();
      const [g1] = (await inDb(seed, (h) => h.all('goals'))).filter((g) => g.id === 'g1');
      assert.equal(g1.target, 100);
      assert.deepEqual(await counts(seed), before);

      // Restore "Replace": the clear and the writes share one transaction, so nothing is lost.
      const options = await ext.context.newPage();
      await options.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await options.getByTestId('snapshots').waitFor();
      await options.getByLabel('Replace').check();
      await options.getByTestId('import-backup').setInputFiles(smallBackup());
      await options.getByTestId('replace-confirm').waitFor();
      await fillDisk(options);
      await options.getByTestId('replace-confirm-yes').click();
      await options.getByTestId('import-problems').waitFor();
      assert.match(await options.getByTestId('import-problems').textContent(), /Could not save: /);
      assert.deepEqual(await counts(seed), before);
    },
    { name: 'fault-quota' },
  ),
);

/**
 * The disk fills in the middle of a large write: the transaction holding the `n`th put from now
 * aborts, as a commit that does not fit does; later transactions fit again (the aborted one freed its
 * space), so the writer's own rollback can run.
 */
function diskFullAt(page, n) {
  return page.evaluate(`(() => {
    const put = IDBObjectStore.prototype.put;
    let left = ${n};
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      const tx = this.transaction;
      if (--left === 0)
        queueMicrotask(() => {
          try {
            tx.abort();
          } catch {}
        });
      return request;
    };
  })()`);
}

it('a full disk in the middle of a CSV import: all or nothing, with the reason shown', TIMEOUT, () =>
  withExtension(
    async (ext) => {
      const channels = 6;
      const seedDays = 3;
      const seed = seedCsv(seedDays, channels);
      // 3,600 blocks: nine transactions of 400, each block written with its journal entry.
      const { file } = bigCsv(600, channels);
      const days = Array.from({ length: seedDays }, (_, d) => Date.UTC(2000, 0, 1) + d * 86_400_000);
      const page = await ext.context.newPage();
      await page.goto(ext.extUrl('import.html'), { waitUntil: 'load' });
      await page.getByTestId('import-file').setInputFiles(seed.file);
      await page.getByTestId('import-configure').waitFor();
      await page.getByTestId('import-metric').selectOption('__new__');
      await page.getByTestId('import-new-metric').fill('Quota revenue');
      await page.getByTestId('import-validate').click();
      await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-start').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      // A page that never opens Pacer's connection: what it reads is the importer's own doing, not a
      // recovery's.
      const observer = await ext.context.newPage();
      await observer.goto(ext.extUrl('bench-blank.html'), { waitUntil: 'load' });
      const before = await counts(observer);
      assert.deepEqual(before, {
        observations: seed.rows,
        metrics: 1,
        goals: 0,
        quarantine: 0,
        journal: 0,
        backups: 1, // the seed import's undo record
      });
      const [metricId] = (await inDb(observer, (h) => h.all('metrics'))).map((m) => m.id);
      const beforeBlocks = await blockValues(observer, metricId, days);
      assert.equal(Object.keys(beforeBlocks).length, seedDays * channels);

      const failure = page.locator('.pc-error[role="alert"]', {
        hasText: 'The import failed',
      });
      const expectUntouched = async (label) => {
        assert.deepEqual(await counts(observer), before, `${label}: exact counts as before`);
        assert.deepEqual(await blockValues(observer, metricId, days), beforeBlocks, `${label}: blocks`);
      };

      // Into the same KPI (overwriting the seeded blocks): the third transaction does not fit.
      await page.getByTestId('import-another').click();
      await diskFullAt(page, 2 * 400 * 2 + 17);
      await startImport(page, file, 'Quota revenue');
      await failure.waitFor({ timeout: 120_000 });
      assert.match(
        await failure.textContent(),
        /^The import failed and nothing was changed: .*abort/i,
        'the reason is named',
      );
      assert.equal(await page.getByTestId('import-summary').count(), 0);
      await expectUntouched('into an existing KPI');

      // Into a new KPI: the metric written first is removed again with the values.
      await page.reload({ waitUntil: 'load' });
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-configure').waitFor();
      await page.getByTestId('import-metric').selectOption('__new__');
      await page.getByTestId('import-new-metric').fill('Never landed');
      await page.getByTestId('import-validate').click();
      await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
      await diskFullAt(page, 1 + 400 * 2 + 5);
      await page.getByTestId('import-start').click();
      await failure.waitFor({ timeout: 120_000 });
      await saveScreenshot(page, 'fault-quota-import');
      await expectUntouched('into a new KPI');

      // Every surface that opens runs recovery: it finds nothing to undo and changes nothing.
      await openNewtab(ext);
      await expectUntouched('after recovery');
    },
    { name: 'fault-quota-import' },
  ),
);

it(
  'a full disk when the background stores CRM sightings: the overlay stays, no lead is half-written',
  TIMEOUT,
  async () => {
    const run = await startWithGrantedHosts(['https://*.hubspot.com/*']);
    try {
      const { ext } = run;
      await routeCrm(ext.context, 'https://app.hubspot.com', {
        '/contacts/20456789/objects/0-3/': 'hubspot/list-deals-2026-11-23.html',
      });
      const options = await ext.context.newPage();
      const errors = [];
      options.on('pageerror', (e) => errors.push(String(e)));
      await options.goto(ext.extUrl('options.html'), { waitUntil: 'load' });
      await options.getByTestId('crm-section').waitFor();
      const { metrics, goals } = crmGoals();
      await putRecords(options, 'metrics', metrics);
      await putRecords(options, 'goals', goals);
      await options.getByTestId('crm-toggle-hubspot').click();
      await options.locator('[data-testid="crm-hubspot"]', { hasText: 'Enabled' }).waitFor();
      const leadCount = () => inDb(options, (h) => h.count('leads'));
      const before = { ...(await counts(options)), leads: await leadCount() };
      assert.equal(before.leads, 0);

      // The disk fills for the service worker, the single writer of leads, after its first put: from
      // the second on, every put's transaction aborts (counted, so the test knows the write was tried).
      // The page's four sightings are one batch, written in one transaction: none may land.
      await ext.serviceWorker.evaluate(`(() => {
        globalThis.diskFullAborts = 0;
        let puts = 0;
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (...args) {
          const request = put.apply(this, args);
          const tx = this.transaction;
          if (++puts >= 2)
            queueMicrotask(() => {
              try {
                tx.abort();
                globalThis.diskFullAborts++;
              } catch {}
            });
          return request;
        };
      })()`);
      const crm = await ext.context.newPage();
      crm.on('pageerror', (e) => errors.push(String(e)));
      const logs = [];
      crm.on('console', (m) => logs.push(m.text()));
      await crm.goto(HUBSPOT.list, { waitUntil: 'load' });
      await overlayElement(crm, '[data-testid="pacer-panel"]');
      await eventually(() => ext.serviceWorker.evaluate('globalThis.diskFullAborts > 0'), {
        message: 'the sightings write was tried and aborted',
      });
      // The refusal reaches the content script as an error reply, which it notes quietly (never in the
      // CRM's page) and carries on: the panel stays; rows whose leads were not stored get no badge.
      await eventually(() => logs.some((l) => /^\[pacer\] .*abort/i.test(l)), {
        message: `the error reply noted (${logs.join(' | ')})`,
      });
      await crm.waitForTimeout(1000);
      await overlayElement(crm, '[data-testid="pacer-panel"]');
      assert.equal((await badgeStats(crm)).count, 0, 'no badge drawn from leads that were not stored');
      await saveScreenshot(crm, 'fault-quota-crm');
      assert.deepEqual({ ...(await counts(options)), leads: await leadCount() }, before);
      assert.deepEqual(errors, []);
    } finally {
      await run.close();
    }
  },
);
