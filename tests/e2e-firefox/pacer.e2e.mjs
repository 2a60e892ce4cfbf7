// Pacer's Firefox build in a real Firefox (tests/e2e-firefox/firefox.mjs says how it is driven): the new
// tab with the example data, the popup's quick log, a Vietnamese Excel CSV imported, the toolbar badge,
// a CRM page on 127.0.0.1 after enabling that host in the options page, mapped by pointing with the
// picker (its closed shadow root reached through BiDi, tests/e2e-firefox/overlay.mjs) and badged, a
// mapping imported from JSON, and everything still there after a restart. One browser profile runs
// through the file in order, as a user would.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, serveStatic } from '../../scripts/browser.mjs';
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
import { clickOverlay, overlayElement, overlayGone, selectInOverlay } from './overlay.mjs';

const CRM_PAGE = 'list-cards-2026-11-23.html';
const PROBE = 'pacer-e2e-probe';

/** Manual points of one metric, read from Pacer's IndexedDB in one of its pages. */
function manualPoints(page, metricId) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('pacer');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const blocks = await new Promise((resolve, reject) => {
      const r = db
        .transaction('obsBlocks')
        .objectStore('obsBlocks')
        .index('by-metric-day')
        .getAll(IDBKeyRange.bound([id, 0], [id, 8_640_000_000_000]));
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return blocks.flatMap((b) => b.points.filter((p) => p.s === 'manual').map((p) => p.v));
  }, metricId);
}

function readLeads(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('leads').objectStore('leads').getAll();
          req.onsuccess = () => {
            resolve(req.result.map((l) => ({ crm: l.crm, name: l.name, amount: l.amount })));
            open.result.close();
          };
        };
      }),
  );
}

/** The dashboard's goal cards once the engine (not only the cached first paint) has drawn them. */
function dashboardCards(page) {
  return until(
    page,
    () =>
      document.querySelector('main[aria-busy="false"]') &&
      document.querySelectorAll('[data-testid="goal-card"]').length,
    { message: 'goal cards on the new tab', timeout: 120_000 },
  );
}

describe('Pacer in Firefox', () => {
  const profile = makeProfileDir();
  /** @type {Awaited<ReturnType<typeof startFirefox>>} */
  let ff;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;
  const errors = [];

  before(async () => {
    server = await serveStatic(path.join(REPO_ROOT, 'tests', 'fixtures', 'crm', 'custom'));
    ff = await startFirefox(profile);
  });
  after(async () => {
    await ff?.close();
    await server?.close();
    removeProfileDir(profile);
  });

  it('loads the example data from the options page; the new tab shows it', async () => {
    await gotoExtensionPage(ff.page, 'options.html?example=1');
    const status = await until(
      ff.page,
      () =>
        /\d/.test(document.querySelector('[data-testid="example-status"]')?.textContent ?? '') &&
        document.querySelector('[data-testid="example-status"]')?.textContent,
      { message: 'the example data loaded', timeout: 180_000 },
    );
    assert.match(status, /example data/i);
    await gotoExtensionPage(ff.page, 'newtab.html');
    const cards = await dashboardCards(ff.page);
    // 18: a pinned goal is shown once, under "Pinned goals" (it was 22 with the pinned ones twice).
    assert.ok(cards >= 18, `expected the example goals, saw ${cards} cards`);
    const bars = await ff.page.evaluate(() =>
      [...document.querySelectorAll('[role="progressbar"]')].map((e) =>
        Number(e.getAttribute('aria-valuenow')),
      ),
    );
    assert.ok(bars.length >= cards && bars.every((v) => v >= 0 && v <= 100), 'progress bars with values');
    await saveScreenshot(ff.page, 'newtab');
  });

  it('reads uncaught errors of Pacer pages from the browser output (the check below can fail)', async () => {
    await ff.page.evaluate((probe) => {
      setTimeout(() => {
        throw new Error(probe);
      });
    }, PROBE);
    const end = Date.now() + 10_000;
    while (Date.now() < end && !ff.pacerErrors().some((l) => l.includes(PROBE))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(
      ff.pacerErrors().some((l) => l.includes(PROBE)),
      `the probe error was not seen in Firefox's output:\n${ff.output.slice(-30).join('\n')}`,
    );
  });

  it('logs a value from the popup with the quick log', async () => {
    await gotoExtensionPage(ff.page, 'popup.html');
    await until(ff.page, () => document.querySelector('[data-testid="metric-input"]') !== null, {
      message: 'the quick log',
    });
    await ff.page.setViewport({ width: 380, height: 700 });
    await ff.page.type('[data-testid="metric-input"]', 'reven');
    await until(ff.page, () => document.querySelector('[data-testid="metric-option"]') !== null, {
      message: 'a KPI suggestion',
    });
    await ff.page.keyboard.press('Enter');
    await until(ff.page, () => document.activeElement?.getAttribute('data-testid') === 'value-input', {
      message: 'focus on the value',
    });
    await ff.page.keyboard.type('12tr');
    await ff.page.keyboard.press('Enter');
    const status = await textOf(ff.page, '[data-testid="log-status"]');
    assert.match(status, /Saved .*12,000,000.* to Revenue/);
    assert.deepEqual(await manualPoints(ff.page, 'ex-revenue'), [12_000_000]);
    await saveScreenshot(ff.page, 'popup-logged');
    await ff.page.setViewport({ width: 1280, height: 800 });
  });

  it('types the popup date as the UI writes a day; the calendar button opens Firefox’s picker', async () => {
    await gotoExtensionPage(ff.page, 'popup.html');
    await until(ff.page, () => document.querySelector('[data-testid="date-input"]') !== null, {
      message: 'the date field',
    });
    // A text field read in Pacer's language (components/shared/day-input.tsx): today as "Dec 7, 2026".
    const field = await ff.page.evaluate(() => {
      const input = document.querySelector('#ql-date');
      return { type: input?.getAttribute('type'), value: input?.value };
    });
    assert.equal(field.type, 'text');
    assert.match(field.value ?? '', /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    // The button calls showPicker on the hidden date input; a click is the user activation it needs.
    await ff.page.evaluate(() => {
      const calls = [];
      const original = HTMLInputElement.prototype.showPicker;
      HTMLInputElement.prototype.showPicker = function () {
        try {
          original.call(this);
          calls.push(`shown ${this.type}`);
        } catch (error) {
          calls.push(`${error.name} ${this.type}`);
          throw error;
        }
      };
      window.__pickerCalls = calls;
    });
    await ff.page.click('#ql-date ~ .pc-calendar-button');
    const calls = await until(ff.page, () => window.__pickerCalls?.length && window.__pickerCalls, {
      message: 'showPicker called',
    });
    assert.deepEqual(calls, ['shown date']);
    await ff.page.keyboard.press('Escape');
    // A day picked there comes back in the UI's form, and its words beside the label.
    const picked = await ff.page.evaluate(() => {
      const anchor = document.querySelector('#ql-date ~ .pc-picker-anchor');
      anchor.value = '2025-03-03';
      anchor.dispatchEvent(new Event('input', { bubbles: true }));
      anchor.dispatchEvent(new Event('change', { bubbles: true }));
      return new Promise((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            value: document.querySelector('#ql-date')?.value,
            words: document.querySelector('[data-testid="day-words"]')?.textContent,
          }),
        ),
      );
    });
    assert.deepEqual(picked, { value: 'Mar 3, 2025', words: 'Mon, Mar 3, 2025' });
    await saveScreenshot(ff.page, 'popup-date');
  });

  it('imports a Vietnamese Excel CSV through the file field, and the same file again adds nothing', async () => {
    await gotoExtensionPage(ff.page, 'import.html');
    await until(ff.page, () => document.querySelector('[data-testid="import-file"]') !== null, {
      message: 'the import page',
    });
    const csv = path.join(REPO_ROOT, 'tests', 'fixtures', 'import', 'kpi-series-vi-semicolon.csv');
    const choose = async () => {
      const input = await ff.page.$('[data-testid="import-file"]');
      assert.ok(input, 'the file field');
      await input.uploadFile(csv);
      // BOM, ';', dd/mm/yyyy and 1.234,5, detected as in Chromium (tests/e2e/import.e2e.mjs).
      return until(
        ff.page,
        () => {
          const v = (id) => document.querySelector(`[data-testid="${id}"]`)?.value;
          return (
            v('import-kind') && {
              kind: v('import-kind'),
              delimiter: v('import-delimiter'),
              dates: v('import-date-format'),
              numbers: v('import-number-format'),
            }
          );
        },
        { message: 'the detected format' },
      );
    };
    const chooseMetric = (value) =>
      ff.page.evaluate((v) => {
        const select = document.querySelector('[data-testid="import-metric"]');
        const option = [...select.options].find((o) => o.value === v || o.textContent === v);
        select.value = option.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, value);
    const validateAndImport = async () => {
      await ff.page.click('[data-testid="import-validate"]');
      await until(ff.page, () => document.querySelector('[data-testid="import-start"]') !== null, {
        message: 'the checked file',
        timeout: 30_000,
      });
      await ff.page.click('[data-testid="import-start"]');
      return until(
        ff.page,
        () =>
          document.querySelector('[data-testid="import-summary"]')?.getAttribute('data-status') ===
            'imported' && document.querySelector('[data-testid="import-added"]')?.textContent?.trim(),
        { message: 'the import summary', timeout: 30_000 },
      );
    };
    assert.deepEqual(await choose(), {
      kind: 'kpi-series',
      delimiter: ';',
      dates: 'dd/mm/yyyy',
      numbers: '1.234,5',
    });
    await chooseMetric('__new__');
    await ff.page.type('[data-testid="import-new-metric"]', 'Firefox doanh thu');
    assert.equal(await validateAndImport(), 'Added: 6');
    // The summary names the KPI; the file field names the imported file in the page's words, and
    // Firefox's own "No file selected." (the input is cleared after each choice) is not on screen.
    assert.equal(
      await textOf(ff.page, '[data-testid="import-kpi"]'),
      'Imported 6 values into Firefox doanh thu (Jan 1, 2024 – Jan 31, 2024)',
    );
    assert.equal(
      await textOf(ff.page, '[data-testid="import-file-status"]'),
      'kpi-series-vi-semicolon.csv (0.3 KB)',
    );
    const nativeField = await ff.page.evaluate(() => {
      const r = document.querySelector('[data-testid="import-file"]').getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    assert.ok(
      nativeField.width <= 1 && nativeField.height <= 1,
      `the native file input is hidden: ${JSON.stringify(nativeField)}`,
    );
    await saveScreenshot(ff.page, 'import-summary');
    await ff.page.click('[data-testid="import-another"]');
    await choose();
    await chooseMetric('Firefox doanh thu');
    assert.equal(await validateAndImport(), 'Added: 0');
    assert.equal(await textOf(ff.page, '[data-testid="import-unchanged"]'), 'Already there, unchanged: 6');
    // Nothing new: the KPI line says so, not "Imported 6 values" beside "Added: 0".
    assert.equal(
      await textOf(ff.page, '[data-testid="import-kpi"]'),
      'Firefox doanh thu already had these 6 values (Jan 1, 2024 – Jan 31, 2024): nothing new',
    );
  });

  it('shows the number of off-track goals on the toolbar badge', async () => {
    // Read through the action API from a Pacer page: what the background set on the toolbar button.
    const badge = await until(
      ff.page,
      async () => {
        const text = await browser.action.getBadgeText({});
        const title = await browser.action.getTitle({});
        return text ? { text, title } : null;
      },
      { message: 'a badge' },
    );
    assert.match(badge.text, /^[1-9]\d*$/);
    assert.match(badge.title, new RegExp(`${badge.text} off track`));
  });

  it("shows the browser's error when it cannot ask for a CRM's site", async () => {
    await gotoExtensionPage(ff.page, 'options.html');
    await until(ff.page, () => document.querySelector('[data-testid="crm-custom-origin"]') !== null, {
      message: 'the CRM section',
    });
    // Plain http on a LAN address is not among the manifest's optional host permissions: Firefox
    // refuses to ask, and says why. The options page shows that instead of a silent "no".
    await ff.page.type('[data-testid="crm-custom-origin"]', 'http://10.0.0.7/crm');
    await ff.page.click('[data-testid="crm-custom-add"]');
    const message = await textOf(ff.page, '[data-testid="crm-message"]');
    assert.match(message, /^The browser could not ask for access to http:\/\/10\.0\.0\.7: \S/);
    await ff.page.evaluate(() =>
      document.querySelector('[data-testid="crm-message"]')?.scrollIntoView({ block: 'center' }),
    );
    await saveScreenshot(ff.page, 'options-permission-error');
  });

  it('enables a CRM on 127.0.0.1, maps its page by pointing and badges it', async () => {
    await gotoExtensionPage(ff.page, 'options.html');
    await until(ff.page, () => document.querySelector('[data-testid="crm-custom-origin"]') !== null, {
      message: 'the CRM section',
    });
    await ff.page.type('[data-testid="crm-custom-origin"]', `${server.url}/leads`);
    await ff.page.click('[data-testid="crm-custom-add"]');
    await until(
      ff.page,
      (origin) =>
        [...document.querySelectorAll('[data-testid="crm-custom-origin-row"]')].some((r) =>
          r.textContent?.includes(origin),
        ),
      { args: [server.url], message: 'the CRM listed as enabled' },
    );
    const granted = await ff.page.evaluate(() =>
      browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    assert.equal(granted, true, 'the options page asked for the host and Firefox granted it');
    const scripts = await until(
      ff.page,
      async () => {
        const s = await browser.scripting.getRegisteredContentScripts();
        return s.length > 0 && s.map((x) => x.matches);
      },
      { message: 'a registered content script' },
    );
    assert.deepEqual(scripts, [['http://127.0.0.1/*']]);

    const crm = await ff.browser.newPage();
    try {
      await crm.goto(`${server.url}/${CRM_PAGE}`, { waitUntil: 'load' });
      // Mapped by pointing, as a user would: the panel offers it, the picker walks the fields, and
      // every click lands on the page's own card without the page acting on it.
      await overlayElement(ff, crm, '[data-testid="panel-notice-unmapped"]');
      await clickOverlay(ff, crm, '[data-testid="panel-map"]');
      const step = (hasText) => overlayElement(ff, crm, '[data-testid="picker-step"]', { hasText });
      await step('row or card').catch(async (error) => {
        await saveScreenshot(crm, 'crm-picker-not-open');
        throw error;
      });
      await selectInOverlay(ff, crm, '[data-testid="pacer-picker"] select', 'lead');
      const card = 'li[data-id="4411"]';
      await crm.click(`${card} h3`);
      await step('name');
      await crm.click(`${card} h3`);
      await step('stage');
      await crm.click(`${card} .Value-dJETNi`);
      await step('amount');
      await crm.click(`${card} [data-field="amount"] span`);
      await step('owner');
      await crm.click(`${card} [aria-label="Người phụ trách"]`);
      await step('source');
      await crm.click(`${card} .source-tag`);
      const preview = await overlayElement(ff, crm, '[data-testid="picker-preview"]');
      assert.match(preview.text, /Nguyễn Minh Khoa\s+Đã liên hệ\s+15M VND\s+Lê Minh Tuấn\s+Facebook/);
      assert.equal(crm.url(), `${server.url}/${CRM_PAGE}`, 'the clicks never reached the page');
      await saveScreenshot(crm, 'crm-picker');
      await clickOverlay(ff, crm, '[data-testid="picker-save"]');
      await overlayGone(ff, crm, '[data-testid="picker-preview"]');

      const badges = await until(
        crm,
        () => {
          const hosts = [...document.querySelectorAll('pacer-lead-badge:not([data-spare])')];
          return hosts.length >= 3 && hosts.length;
        },
        { message: 'badges on the CRM cards' },
      );
      assert.equal(badges, 3, 'one badge per card');
      await saveScreenshot(crm, 'crm-badges');
      const crmId = `custom:${server.url}`;
      const leads = await eventually(async () => {
        const mine = (await readLeads(ff.page)).filter((l) => l.crm === crmId);
        return mine.length >= 3 && mine;
      }, 'the cards stored as leads');
      assert.equal(leads.length, 3);
      const khoa = leads.find((l) => l.name === 'Nguyễn Minh Khoa');
      assert.deepEqual(khoa, { crm: crmId, name: 'Nguyễn Minh Khoa', amount: 15_000_000 });
      // The page's own links still work under the badges.
      await crm.click(`${card} a[href^="/leads/"]`);
      await until(crm, () => location.pathname.startsWith('/leads/'), { message: "the card's own link" });
    } finally {
      await crm.close();
    }

    // A mapping shared as JSON, imported through the file field (Firefox's file input).
    await gotoExtensionPage(ff.page, 'options.html');
    await until(ff.page, () => document.querySelector('[data-testid="crm-mapping"]') !== null, {
      message: 'the mapping made by pointing listed',
    });
    const mapping = {
      version: 1,
      origin: server.url,
      kind: 'record',
      pathPrefix: '/leads/',
      objectType: 'lead',
      item: '[data-kind="lead-card"]',
      fields: { name: 'h3', amount: '[data-field="amount"] span' },
      idAttribute: 'data-id',
      createdAt: Date.now(),
    };
    const file = path.join(tmpdir(), `pacer-firefox-mapping-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(mapping));
    const input = await ff.page.$('[data-testid="crm-mapping-import"]');
    assert.ok(input, 'the mapping import field');
    await input.uploadFile(file);
    await until(ff.page, () => document.querySelectorAll('[data-testid="crm-mapping"]').length === 2, {
      message: 'both mappings listed',
    });
    await saveScreenshot(ff.page, 'options-crm');
  });

  it('keeps the data, the logged value and the CRM after a restart', async () => {
    errors.push(...ff.pacerErrors());
    await ff.close();
    ff = await startFirefox(profile);
    await gotoExtensionPage(ff.page, 'newtab.html');
    const cards = await dashboardCards(ff.page);
    assert.ok(cards >= 18, `the example goals after a restart, saw ${cards}`);
    assert.deepEqual(await manualPoints(ff.page, 'ex-revenue'), [12_000_000]);
    const crmId = `custom:${server.url}`;
    assert.equal((await readLeads(ff.page)).filter((l) => l.crm === crmId).length, 3);
    // The host grant and the content script's registration survive too.
    assert.equal(
      await ff.page.evaluate(() => browser.permissions.contains({ origins: ['http://127.0.0.1/*'] })),
      true,
    );
  });

  it('threw no uncaught error and logged no console error in any Pacer page', () => {
    errors.push(...ff.pacerErrors());
    assert.deepEqual(
      errors.filter((l) => !l.includes(PROBE)),
      [],
    );
  });
});
