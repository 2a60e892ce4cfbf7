// Any other CRM, mapped by pointing: a board of lead cards served from 127.0.0.1 (generated class
// names, a stage with no hook), enabled by its address in the options page, mapped with the picker
// inside the test, then read like a built-in CRM; its mapping is exported and imported as JSON.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveStatic } from '../../scripts/browser.mjs';
import {
  badgeStats,
  eventually,
  FIXTURES,
  overlayElement,
  readStore,
  startWithGrantedHosts,
} from './crm-support.mjs';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  openExtensionPage,
  saveScreenshot,
} from './helpers.mjs';

const PAGE = 'list-cards-2026-11-23.html';

describe('CRM overlay on a custom CRM mapped with the picker', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;
  /** @type {import('playwright-core').Page} */
  let options;
  /** @type {import('playwright-core').Page} */
  let crm;

  before(async () => {
    server = await serveStatic(path.join(FIXTURES, 'custom'));
    run = await startWithGrantedHosts(['http://127.0.0.1/*']);
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
  });
  after(async () => {
    await run?.close();
    await server?.close();
  });

  it('enables the CRM by its address', async () => {
    await options.locator('[data-testid="crm-custom-origin"]').fill(`${server.url}/leads`);
    await options.locator('[data-testid="crm-custom-add"]').click();
    await options.locator('[data-testid="crm-custom-origin-row"]', { hasText: server.url }).waitFor();
    const scripts = await eventually(
      () =>
        run.ext.serviceWorker
          .evaluate(() => chrome.scripting.getRegisteredContentScripts())
          .then((s) => s.length > 0 && s),
      { message: 'a registered content script' },
    );
    assert.deepEqual(scripts[0].matches, ['http://127.0.0.1/*']);
  });

  it('offers to map the page, and maps it by pointing', async () => {
    crm = await run.ext.context.newPage();
    await crm.goto(`${server.url}/${PAGE}`, { waitUntil: 'load' });
    await overlayElement(crm, '[data-testid="panel-notice-unmapped"]');
    await (await overlayElement(crm, '[data-testid="panel-map"]')).click();
    const step = (hasText) => overlayElement(crm, '[data-testid="picker-step"]', { hasText });
    await step('row or card');
    await (await overlayElement(crm, '[data-testid="pacer-picker"] select')).selectOption('lead');
    const card = crm.locator('li[data-id="4411"]');
    await card.locator('h3').click();
    await step('name');
    await card.locator('h3').click();
    await step('stage');
    await card.locator('.Value-dJETNi').click();
    await step('amount');
    await card.locator('[data-field="amount"] span').click();
    await step('owner');
    await card.locator('[aria-label="Người phụ trách"]').click();
    await step('source');
    await card.locator('.source-tag').click();
    const preview = await overlayElement(crm, '[data-testid="picker-preview"]');
    assert.match(
      await preview.innerText(),
      /Nguyễn Minh Khoa\s+Đã liên hệ\s+15M VND\s+Lê Minh Tuấn\s+Facebook/,
    );
    assert.equal(crm.url(), `${server.url}/${PAGE}`, 'the clicks never reached the page');
    await saveScreenshot(crm, 'crm-custom-picker');
    await (await overlayElement(crm, '[data-testid="picker-save"]')).click();
  });

  it('reads the cards with the new mapping and badges them', async () => {
    const origin = server.url;
    const leads = await eventually(
      () =>
        readStore(options, 'leads')
          .then((l) => l.filter((x) => x.crm === `custom:${origin}`))
          .then((l) => l.length >= 3 && l),
      { message: 'custom leads' },
    );
    const khoa = leads.find((l) => l.name === 'Nguyễn Minh Khoa');
    assert.equal(khoa?.externalId, '4411');
    assert.equal(khoa?.objectType, 'lead');
    assert.equal(khoa?.amount, 15_000_000);
    assert.equal(khoa?.channel, 'Facebook');
    await eventually(() => badgeStats(crm).then((s) => s.count >= 3 && s.maxPerAnchor === 1), {
      message: 'badges on the cards',
    });
    await saveScreenshot(crm, 'crm-custom-badges');
  });

  it('lists the mapping in the options page, and imports one from JSON', async () => {
    await options.reload();
    await options.locator('[data-testid="crm-mapping"]').first().waitFor();
    const stored = await run.ext.serviceWorker.evaluate(() => chrome.storage.local.get('pacer:crm-mappings'));
    const [mapping] = stored['pacer:crm-mappings'];
    assert.equal(mapping.kind, 'board');
    assert.equal(mapping.fields.stage !== undefined, true);
    const file = path.join(tmpdir(), `pacer-mapping-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ ...mapping, kind: 'record', pathPrefix: '/leads/' }));
    await options.locator('[data-testid="crm-mapping-import"]').setInputFiles(file);
    await eventually(
      () =>
        options
          .locator('[data-testid="crm-mapping"]')
          .count()
          .then((n) => n === 2),
      { message: 'two mappings' },
    );
    // The same pages and rows again: never a silent replacement, the user is asked first.
    await options.locator('[data-testid="crm-mapping-import"]').setInputFiles(file);
    await options.locator('[data-testid="crm-mapping-replace"]').waitFor();
    await saveScreenshot(options, 'crm-custom-import-replace');
    await options.locator('[data-testid="crm-mapping-replace-no"]').click();
    await options.locator('[data-testid="crm-mapping-replace"]').waitFor({ state: 'detached' });
    await options.locator('[data-testid="crm-mapping-import"]').setInputFiles(file);
    await options.locator('[data-testid="crm-mapping-replace-yes"]').click();
    await options
      .locator('[data-testid="crm-message"]', { hasText: 'Replaced the record mapping' })
      .waitFor();
    assert.equal(await options.locator('[data-testid="crm-mapping"]').count(), 2);
    const bad = path.join(tmpdir(), `pacer-not-a-mapping-${process.pid}.json`);
    writeFileSync(bad, '{"version": 1, "origin": "not an origin"}');
    await options.locator('[data-testid="crm-mapping-import"]').setInputFiles(bad);
    await options.locator('[data-testid="crm-message"]', { hasText: 'not a Pacer mapping' }).waitFor();
  });

  it('threw nothing into any page and sent nothing off the machine', () => {
    assertNoPageErrors(run.ext);
    assertNoExternalRequests(run.ext);
  });
});
