// The CSV page (import.html) in real Chromium: a Vietnamese Excel export (BOM, `;`, dd/mm/yyyy,
// 1.234,5) is detected, mapped, checked and imported; the same file again adds nothing; a broken file
// lists its bad rows; a binary file is refused; the series exports back to CSV; the page passes axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../scripts/browser.mjs';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  openExtensionPage,
  saveScreenshot,
  useExtension,
} from './helpers.mjs';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/import');
const fixture = (name) => path.join(FIXTURES, name);
const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const METRIC_NAME = 'E2E doanh thu';

async function axeViolations(page) {
  // Extension pages forbid inline scripts (CSP), so axe goes in through DevTools evaluation.
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

/** Chooses a file, picks the target metric, checks the whole file; returns once the report shows. */
async function chooseAndValidate(page, file, metric) {
  await page.getByTestId('import-file').setInputFiles(fixture(file));
  await page.getByTestId('import-configure').waitFor();
  if (metric === 'new') {
    await page.getByTestId('import-metric').selectOption('__new__');
    await page.getByTestId('import-new-metric').fill(METRIC_NAME);
  } else {
    await page.getByTestId('import-metric').selectOption({ label: metric });
  }
  await page.getByTestId('import-validate').click();
  await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
}

async function importAndSummarise(page) {
  await page.getByTestId('import-start').click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 30_000 });
  assert.equal(await summary.getAttribute('data-status'), 'imported');
  return {
    added: (await page.getByTestId('import-added').textContent())?.trim(),
    replaced: (await page.getByTestId('import-replaced').textContent())?.trim(),
  };
}

describe('CSV import page', () => {
  const ext = useExtension();
  /** @type {import('playwright-core').Page} */
  let page;

  it('opens as an extension page and passes axe', async () => {
    page = await openExtensionPage(ext.context, ext.extensionId, 'import.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /CSV/);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('the file field is our button and words, reached and opened from the keyboard', async () => {
    assert.equal((await page.getByTestId('import-file-status').textContent())?.trim(), 'No file chosen yet');
    // The native input is visually hidden but stays the keyboard path: Tab reaches it, Enter opens the chooser.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if (await page.getByTestId('import-file').evaluate((el) => el === document.activeElement)) break;
    }
    assert.ok(await page.getByTestId('import-file').evaluate((el) => el === document.activeElement));
    // Playwright turns on its chooser interception without waiting for it: a round trip makes sure it is
    // on before the key, and a chooser that still opened natively (and closed unseen) gets another Enter.
    let opened = false;
    const onChooser = () => {
      opened = true;
    };
    page.on('filechooser', onChooser);
    try {
      await page.evaluate(() => 0);
      for (let attempt = 0; attempt < 3 && !opened; attempt++) {
        await page.keyboard.press('Enter');
        const until = Date.now() + 7_000;
        while (!opened && Date.now() < until) await page.waitForTimeout(100);
      }
    } finally {
      page.off('filechooser', onChooser);
    }
    assert.ok(opened, 'Enter on the focused file field opens the file chooser');
  });

  it('detects the Vietnamese semicolon file and shows the mapping and a parsed preview', async () => {
    await page.getByTestId('import-file').setInputFiles(fixture('kpi-series-vi-semicolon.csv'));
    await page.getByTestId('import-configure').waitFor();
    assert.equal(await page.getByTestId('import-kind').inputValue(), 'kpi-series');
    assert.equal(await page.getByTestId('import-delimiter').inputValue(), ';');
    assert.equal(await page.getByTestId('import-date-format').inputValue(), 'dd/mm/yyyy');
    assert.equal(await page.getByTestId('import-number-format').inputValue(), '1.234,5');
    assert.equal(await page.getByTestId('import-map-date').inputValue(), '0');
    assert.equal(await page.getByTestId('import-map-value').inputValue(), '1');
    // No metric chosen yet: the check cannot start.
    assert.equal(await page.getByTestId('import-validate').isDisabled(), true);
    const preview = page.getByTestId('import-preview');
    assert.equal(await preview.locator('tbody tr').count(), 6);
    assert.match((await preview.locator('tbody tr').first().textContent()) ?? '', /1,234\.5/);
    await page.getByTestId('import-metric').selectOption('__new__');
    await page.getByTestId('import-new-metric').fill(METRIC_NAME);
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'import-configure');
  });

  it('imports 6 rows, then the same file again adds 0', async () => {
    await page.getByTestId('import-validate').click();
    await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('import-ready').textContent()) ?? '', /6 of 6/);
    const first = await importAndSummarise(page);
    assert.equal(first.added, 'Added: 6');
    assert.equal(first.replaced, 'Already there, updated: 0');
    // The summary names the KPI the values went into, with their dates (review finding 1).
    assert.equal(
      (await page.getByTestId('import-kpi').textContent())?.trim(),
      `Imported 6 values into ${METRIC_NAME} (Jan 1, 2024 – Jan 31, 2024)`,
    );
    // The file field names the imported file in our words; the native input (cleared after each
    // choice, so it would read "No file chosen") is visually hidden (review finding 2).
    assert.equal(
      (await page.getByTestId('import-file-status').textContent())?.trim(),
      'kpi-series-vi-semicolon.csv (0.3 KB)',
    );
    const box = await page.getByTestId('import-file').boundingBox();
    assert.ok(
      box && box.width <= 1 && box.height <= 1,
      `the native file input is hidden: ${JSON.stringify(box)}`,
    );
    await saveScreenshot(page, 'import-summary');

    await page.getByTestId('import-another').click();
    await chooseAndValidate(page, 'kpi-series-vi-semicolon.csv', METRIC_NAME);
    assert.equal(
      (await page.getByTestId('import-overlap-unchanged').textContent())?.trim(),
      '6 values are already there, the same: nothing changes for them.',
    );
    const second = await importAndSummarise(page);
    assert.equal(second.added, 'Added: 0');
    assert.equal(second.replaced, 'Already there, updated: 0');
    assert.equal(
      (await page.getByTestId('import-unchanged').textContent())?.trim(),
      'Already there, unchanged: 6',
    );
  });

  it('lists every bad row of a broken file with its row, column and reason', async () => {
    await page.getByTestId('import-another').click();
    await chooseAndValidate(page, 'bad-dates.csv', METRIC_NAME);
    assert.match((await page.getByTestId('import-bad-count').textContent()) ?? '', /^4 rows have problems/);
    const rows = page.getByTestId('import-errors').locator('tbody tr');
    assert.equal(await rows.count(), 4);
    const first = await rows.first().locator('th, td').allTextContents();
    assert.deepEqual(first, ['3', 'Date', '2024-02-30', 'day 30 does not exist in month 2']);
    assert.equal(await page.getByTestId('import-start').count(), 0, 'no plain import while rows are bad');
    assert.ok(await page.getByTestId('import-skip-bad').isVisible());
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'import-bad-rows');
    await page.getByTestId('import-report-cancel').click();
    await page.getByTestId('import-report').waitFor({ state: 'detached' });
  });

  it('refuses a binary file with the "not text" message', async () => {
    await page.getByTestId('import-file').setInputFiles(fixture('binary-renamed.csv'));
    const error = page.getByTestId('import-file-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /not text/);
    assert.equal(await page.getByTestId('import-configure').count(), 0);
  });

  it('exports the imported series to CSV', async () => {
    await page.getByTestId('export-metric').selectOption({ label: METRIC_NAME });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-series').click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    assert.equal(lines.length, 7);
    assert.match(lines[0] ?? '', /^date,value,metric,channel,segment/);
    assert.ok(
      lines.some((l) => l.includes(',1234.5,E2E doanh thu,Facebook,SME')),
      lines.join('\n'),
    );
  });

  it('a file over a day that already holds a value asks first, and "skip" keeps that day', async () => {
    await page.getByTestId('import-file').setInputFiles(fixture('kpi-series-overlap.csv'));
    await page.getByTestId('import-configure').waitFor();
    await page.getByTestId('import-metric').selectOption({ label: METRIC_NAME });
    await page.getByTestId('import-validate').click();
    const occupied = page.getByTestId('import-overlap-occupied');
    await occupied.waitFor({ timeout: 30_000 });
    assert.match((await occupied.locator('legend').first().textContent()) ?? '', /on 1 of these days/);
    assert.deepEqual(await occupied.locator('tbody tr').first().locator('th, td').allTextContents(), [
      'Jan 2, 2024 · Google · SME',
      '980.25',
      '980.25',
    ]);
    assert.match(
      (await page.getByTestId('import-overlap-same').textContent()) ?? '',
      /numbers you already have/,
    );
    assert.equal(
      await page.getByTestId('import-start').isDisabled(),
      true,
      'nothing is written before a choice',
    );
    assert.deepEqual(await axeViolations(page), []);
    await saveScreenshot(page, 'import-overlap');
    await page.getByTestId('import-overlap-skip').check();
    const result = await importAndSummarise(page);
    assert.equal(result.added, 'Added: 1');
    assert.equal(
      (await page.getByTestId('import-held').textContent())?.trim(),
      'Left out, as their day already had values: 1',
    );
  });

  it('threw nothing and sent nothing off the machine', () => {
    assertNoPageErrors(ext);
    assertNoExternalRequests(ext);
  });
});
