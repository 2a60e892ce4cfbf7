// The example dataset in Hà Nội (settings time zone Asia/Ho_Chi_Minh): its deadlines "by the end of
// the year / quarter / month" read the last day of the period on the cards, never the 1st of the next,
// in English and Vietnamese. The options page keeps "Remove example data" disabled, and says it is
// loading, until all of the example is written. Screenshots: test-results/example-zone-*.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openExtensionPage, RESULTS_DIR, saveScreenshot, withExtension } from './helpers.mjs';

const deadlines = (page) =>
  page.locator('[data-testid="goal-card"] .pc-deadline').evaluateAll((els) =>
    els.map((e) => ({
      id: e.closest('[data-goal-id]')?.getAttribute('data-goal-id'),
      text: e.textContent ?? '',
    })),
  );

describe('example data in the user time zone', () => {
  it('reads Dec 31 in Hà Nội, en and vi; Remove waits for the whole example', async () => {
    await withExtension(async (fx) => {
      const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
      await options.waitForFunction(
        () => document.querySelector('select[name="timeZone"]')?.value === 'UTC',
        null,
        {
          timeout: 30_000,
        },
      );
      await options.locator('select[name="timeZone"]').selectOption('Asia/Ho_Chi_Minh');
      await options.waitForTimeout(500);
      await options.getByTestId('load-example').click();
      await options.getByTestId('example-status').filter({ hasText: 'Loading example data…' }).waitFor();
      assert.equal(
        await options.getByTestId('remove-example').isDisabled(),
        true,
        'Remove disabled while loading',
      );
      await options
        .locator('section[aria-labelledby="example-h"]')
        .screenshot({ path: path.join(RESULTS_DIR, 'example-zone-options-loading.png') });
      await options.waitForFunction(
        () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
        null,
        { timeout: 90_000 },
      );
      assert.match((await options.getByTestId('example-status').textContent()) ?? '', /\d/);
      await options.getByTestId('example-status').screenshot({
        path: path.join(RESULTS_DIR, 'example-zone-options-status.png'),
      });

      const page = await fx.context.newPage();
      await page.setViewportSize({ width: 1366, height: 1100 });
      await page.goto('chrome://newtab/', { waitUntil: 'load' });
      await page
        .locator('[data-goal-id="ex-kpi-gross-margin"] .pc-deadline')
        .first()
        .waitFor({ timeout: 60_000 });
      // Complete before Remove was enabled: the cards have their figures straight away, no "No data yet".
      assert.match(
        (await page
          .locator('[data-goal-id="ex-kpi-gross-margin"] [data-testid="goal-value"]')
          .first()
          .textContent()) ?? '',
        /\d/,
      );
      const en = await deadlines(page);
      assert.ok(en.length > 10, `deadline lines: ${en.length}`);
      assert.deepEqual(
        en.filter((d) => /^\w{3} 1, /.test(d.text)),
        [],
        'no deadline reads the 1st of the next month',
      );
      assert.match(en.find((d) => d.id === 'ex-kpi-gross-margin')?.text ?? '', /^Dec 31, \d{4} · /);
      await saveScreenshot(page, 'example-zone-dashboard-en');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'example-zone-dashboard-en-top.png') });

      await options.locator('select[name="locale"]').selectOption('vi');
      await options.waitForFunction(() => document.documentElement.lang === 'vi', null, { timeout: 30_000 });
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.lang === 'vi', null, { timeout: 30_000 });
      await page
        .locator('[data-goal-id="ex-kpi-gross-margin"] .pc-deadline')
        .first()
        .waitFor({ timeout: 60_000 });
      const vi = await deadlines(page);
      assert.deepEqual(
        vi.filter((d) => /^01\//.test(d.text)),
        [],
        'no deadline reads the 1st of the next month (vi)',
      );
      assert.match(
        vi.find((d) => d.id === 'ex-kpi-gross-margin')?.text ?? '',
        /^31\/12\/\d{4} · Còn \d+ ngày$/,
      );
      await saveScreenshot(page, 'example-zone-dashboard-vi');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'example-zone-dashboard-vi-top.png') });
    });
  });
});
