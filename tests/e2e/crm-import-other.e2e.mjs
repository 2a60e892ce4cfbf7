// "Other CRM" CSV import (issue 16 item 9) on the hash-routed contacts app of tests/fixtures/apps:
// its own export is detected as an Other CRM export (not HubSpot or Salesforce), with its confidence
// shown; tied to the mapped origin by a record address, its 25 rows become the same lead records
// the page then reads — the page visit merges into them, no lead is doubled.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, serveStatic } from '../../scripts/browser.mjs';
import { buildFixtureApps } from '../fixtures/apps/build.mjs';
import { eventually, readStore, startWithGrantedHosts } from './crm-support.mjs';
import { openExtensionPage, RESULTS_DIR, saveScreenshot } from './helpers.mjs';

const EXPORT = path.join(REPO_ROOT, 'tests/fixtures/import/atrium-contacts-export.csv');
const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await /** @type {any} */ (globalThis).axe.run(document.body, {
      resultTypes: ['violations'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/** One setting at a time, each saved before the next. */
async function setAppearance(options, locale, theme) {
  await options.locator('select[name="locale"]').selectOption(locale);
  await options.waitForFunction((l) => document.documentElement.lang === l, locale);
  await options.locator('select[name="theme"]').selectOption(theme);
  await options.waitForFunction((th) => (document.documentElement.dataset.theme ?? 'system') === th, theme);
}

async function shoot(locator, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

describe('"Other CRM" import merges with the leads read on the mapped pages', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;
  /** @type {import('playwright-core').Page} */
  let options;
  /** @type {import('playwright-core').Page} */
  let page;
  let origin = '';
  const template = () => `${origin}/#/contacts/{id}/show`;
  const customLeads = async () =>
    (await readStore(options, 'leads')).filter((l) => l.crm === `custom:${origin}`);

  before(async () => {
    const dirs = await buildFixtureApps(path.join(RESULTS_DIR, 'fixture-apps'));
    server = await serveStatic(dirs.contacts);
    origin = server.url;
    run = await startWithGrantedHosts(['http://127.0.0.1/*']);
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
    await options.locator('[data-testid="crm-custom-origin"]').fill(origin);
    await options.locator('[data-testid="crm-custom-add"]').click();
    await options.locator('[data-testid="crm-custom-origin-row"]', { hasText: origin }).waitFor();
    // The mapping the picker makes for this list (crm-pointing.e2e.mjs maps it by pointing).
    const mapping = {
      version: 1,
      origin,
      label: 'Atrium',
      hashPrefix: '#/contacts',
      kind: 'list',
      objectType: 'contact',
      item: 'li.c-row',
      fields: { name: '.c-name', status: '.c-dot' },
      createdAt: Date.now(),
    };
    await run.ext.serviceWorker.evaluate(
      (m) => chrome.storage.local.set({ 'pacer:crm-mappings': [m] }),
      mapping,
    );
  });
  after(async () => {
    await run?.close();
    await server?.close();
  });

  it('detects the app’s own export as an Other CRM export, with its confidence, tied to the mapping', async () => {
    page = await openExtensionPage(run.ext.context, run.ext.extensionId, 'import.html');
    await page.getByTestId('import-file').setInputFiles(EXPORT);
    await page.getByTestId('import-configure').waitFor();
    assert.equal(await page.getByTestId('import-kind').inputValue(), 'other-crm');
    const kindLabel = await page.getByTestId('import-kind').locator('option:checked').textContent();
    assert.doesNotMatch(kindLabel ?? '', /HubSpot|Salesforce|Pipedrive|Zoho/);
    assert.match(
      (await page.getByTestId('import-confidence').textContent()) ?? '',
      /Read as this kind of file from its column names \(match score \d+%\)/,
    );
    assert.equal(await page.getByTestId('import-crm').inputValue(), `custom:${origin}`);
    // Nothing read on the pages yet: the address is guessed from the mapping and says so.
    assert.equal(await page.getByTestId('import-record-template').inputValue(), `${origin}/#/contacts/{id}`);
    assert.match(
      (await page.getByTestId('import-template-hint').textContent()) ?? '',
      /Guessed from the mapping/,
    );
    // A wrong address is refused with a clear reason; the record's real address is accepted.
    await page.getByTestId('import-record-template').fill('http://example.com/{id}');
    assert.match(
      (await page.getByTestId('import-problems').textContent()) ?? '',
      /must be on http:\/\/127\.0\.0\.1/,
    );
    assert.equal(await page.getByTestId('import-validate').isDisabled(), true);
    await page.getByTestId('import-record-template').fill(template());
    await page.getByTestId('import-problems').waitFor({ state: 'detached' });
    assert.deepEqual(await axeViolations(page), [], 'the Other CRM choices pass axe');
  });

  it('imports the 25 contacts under the page-read ids', async () => {
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    const leads = await customLeads();
    assert.equal(leads.length, 25);
    const ann = leads.find((l) => l.externalId === '/#/contacts/192/show');
    assert.equal(ann?.name, 'Ann Lee');
    assert.equal(ann?.owner, 'Minh Tran');
    assert.equal(ann?.status, 'active');
  });

  it('the mapped page reads the same 25 records: merged, none doubled', async () => {
    const imported = new Map((await customLeads()).map((l) => [l.id, l.lastSeen]));
    const crm = await run.ext.context.newPage();
    await crm.goto(`${origin}/#/contacts`, { waitUntil: 'load' });
    // The overlay reads the rows in view (about a dozen in this window), each into its imported lead.
    const inView = await crm.evaluate(
      () =>
        [...document.querySelectorAll('li.c-row')].filter((r) => r.getBoundingClientRect().top < innerHeight)
          .length,
    );
    let seen = [];
    const leads = await eventually(
      () =>
        customLeads().then((l) => {
          seen = l.filter((x) => x.lastSeen > (imported.get(x.id) ?? Number.MAX_SAFE_INTEGER));
          return seen.length >= Math.min(inView, 8) && l;
        }),
      { message: 'the page’s rows read into the imported leads', timeout: 30_000 },
    );
    await saveScreenshot(crm, 'crm-import-other-page-after-import');
    assert.equal(leads.length, 25, 'every page row merged into an imported lead');
    const ann = leads.find((l) => l.externalId === '/#/contacts/192/show');
    // The page's tooltip status replaces the export's; the export's owner and email stay.
    assert.equal(ann?.status, 'Active');
    assert.equal(ann?.owner, 'Minh Tran');
    assert.equal(ann?.email, 'ann.lee0@example.com');
    await crm.close();
  });

  it('a second import takes the record address from the leads read, and counts the matches', async () => {
    await page.reload();
    await page.getByTestId('import-file').setInputFiles(EXPORT);
    await page.getByTestId('import-configure').waitFor();
    assert.equal(await page.getByTestId('import-record-template').inputValue(), template());
    assert.match(
      (await page.getByTestId('import-template-hint').textContent()) ?? '',
      /Taken from the 25 records/,
    );
    assert.match(
      (await page.getByTestId('import-template-matches').textContent()) ?? '',
      /^20 of the first 20 rows/,
    );
  });

  it('screenshots of the detection step, light/dark and en/vi', async () => {
    for (const [locale, theme] of [
      ['en', 'light'],
      ['vi', 'dark'],
      ['en', 'dark'],
      ['vi', 'light'],
    ]) {
      await setAppearance(options, locale, theme);
      await page.reload();
      await page.getByTestId('import-file').setInputFiles(EXPORT);
      await page.getByTestId('import-configure').waitFor();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await page.getByTestId('import-template-matches').waitFor();
      await shoot(
        page.locator('[data-testid="import-configure"] > fieldset').first(),
        `crm-import-other-detected-${locale}-${theme}`,
      );
      await shoot(page.getByTestId('import-formats'), `crm-import-other-target-${locale}-${theme}`);
    }
    await setAppearance(options, 'en', 'system');
  });
});
