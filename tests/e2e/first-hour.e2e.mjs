// Issue 19, "the first hour with Pacer", in real Chromium: the Pareto panel on the new tab and its
// thresholds in Settings, the popup inside Chrome's popup box, archived goals listed and restored.
// Screenshots in both themes and both languages go to test-results/first-hour-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../scripts/browser.mjs';
import {
  assertNoPageErrors,
  openExtensionPage,
  RESULTS_DIR,
  saveScreenshot,
  useExtension,
  withExtension,
} from './helpers.mjs';

async function loadExample(fx) {
  const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
  await options.getByTestId('load-example').click();
  await options.getByTestId('remove-example').waitFor({ state: 'visible' });
  await options.waitForFunction(
    () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
    null,
    { timeout: 60_000 },
  );
  return options;
}

/** One setting at a time, each saved before the next (two quick saves could race each other). */
async function setAppearance(options, locale, theme) {
  await options.locator('select[name="locale"]').selectOption(locale);
  await options.waitForFunction((l) => document.documentElement.lang === l, locale);
  await options.locator('select[name="theme"]').selectOption(theme);
  await options.waitForFunction((th) => (document.documentElement.dataset.theme ?? 'system') === th, theme);
}

/** Screenshot of one element (its box only), for each theme and language. */
async function shoot(locator, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `first-hour-${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}

describe('first hour', () => {
  const fx = useExtension();

  it('ranks customers and deals into Pareto tiers, editable in Settings, exported as CSV', async () => {
    const options = await loadExample(fx);
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fx.extUrl('newtab.html'), { waitUntil: 'load' });
    const panel = page.locator('[data-widget="pareto"]');
    await panel.getByTestId('pareto-tiers').waitFor();
    const rows = panel.locator('[data-testid="pareto-tiers"] tbody tr');
    assert.equal(await rows.count(), 3);
    const tiers = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-tier'), Number(tr.querySelectorAll('td')[0].textContent)]),
    );
    assert.deepEqual(
      tiers.map(([label]) => label),
      ['A', 'B', 'C'],
    );
    const dealCount = tiers.reduce((a, [, n]) => a + n, 0);
    assert.ok(dealCount >= 30, `example deals ranked: ${dealCount}`);
    // The share column adds up to 100%, as a manager checks it by hand.
    const shares = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1].textContent));
    assert.equal(
      shares.reduce((a, s) => a + Number.parseInt(s, 10), 0),
      100,
      `tier shares ${shares.join(' + ')}`,
    );
    // A holds fewer deals than it holds value: the point of the ranking.
    assert.ok(tiers[0][1] < dealCount * 0.8);
    await panel.locator('[data-testid="pareto-list-A"] summary').click();
    assert.equal(await panel.locator('[data-testid="pareto-list-A"] li').count(), tiers[0][1]);

    // Customers: organisations with their deals summed.
    await panel.getByText('Customers', { exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="pareto-list-A"] li')?.textContent?.includes('deal'),
    );

    // CSV export: one line per entry plus the header.
    const download = page.waitForEvent('download');
    await panel.getByTestId('pareto-export').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    assert.match(csv[0], /^tier,rank in tier,customer,value,currency,share/);
    assert.ok(csv.length > 10);

    // Settings: a wrong list is refused with a reason; four tiers reach the panel.
    await options.bringToFront();
    const field = options.locator('input[name="paretoThresholds"]');
    assert.equal(await field.inputValue(), '80, 95, 100');
    await field.fill('80, 70, 100');
    await options.getByText('“70” is not above the limit before it: limits go up.').waitFor();
    assert.equal(await options.getByRole('button', { name: 'Save tiers' }).isDisabled(), true);
    await field.fill('50, 80, 95, 100');
    await options.getByText('Tiers: A 0–50% · B 50–80% · C 80–95% · D 95–100%').waitFor();
    await shoot(options.getByTestId('pareto-settings'), 'settings-en-light');
    await options.getByRole('button', { name: 'Save tiers' }).click();
    await page.bringToFront();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="pareto-tiers"] tbody tr').length === 4,
    );
    await panel.getByText('Deals', { exact: true }).click();

    for (const [locale, theme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['vi', 'light'],
      ['vi', 'dark'],
    ]) {
      await setAppearance(options, locale, theme);
      await page.waitForFunction(
        ([l, th]) => document.documentElement.lang === l && document.documentElement.dataset.theme === th,
        [locale, theme],
      );
      await page.evaluate(() => {
        document.querySelector('[data-testid="pareto-list-A"]')?.setAttribute('open', '');
      });
      await shoot(panel, `pareto-${locale}-${theme}`);
    }
    await shoot(options.getByTestId('pareto-settings'), 'settings-vi-dark');
    await setAppearance(options, 'en', 'light');
    await saveScreenshot(page, 'first-hour-newtab');
    await page.close();
    assertNoPageErrors(fx);
  });
  it('fits the popup in Chrome’s 600 px box, 360 and 400 px wide, the quick log and its Undo line in view', async () => {
    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    const shots = [
      [360, 'en', 'light'],
      [400, 'en', 'dark'],
      [360, 'vi', 'dark'],
      [400, 'vi', 'light'],
    ];
    for (const [width, locale, theme] of shots) {
      await setAppearance(options, locale, theme);
      const page = await fx.context.newPage();
      await page.setViewportSize({ width, height: 600 });
      await page.goto(fx.extUrl('popup.html'), { waitUntil: 'load' });
      await page.locator('[data-testid="popup-goals"] [data-testid="goal-row"]').first().waitFor();
      await page.getByTestId('metric-input').fill(locale === 'vi' ? 'doanh' : 'reven');
      await page.getByTestId('metric-option').first().waitFor();
      await page.getByTestId('metric-input').press('Enter');
      await page.getByTestId('value-input').fill('5tr');
      await page.getByTestId('value-input').press('Enter');
      await page.getByTestId('undo').waitFor();
      const box = await page.evaluate(() => {
        const rect = (sel) => document.querySelector(sel)?.getBoundingClientRect().toJSON();
        const root = document.documentElement;
        return {
          scrollHeight: root.scrollHeight,
          scrollWidth: root.scrollWidth,
          clientWidth: root.clientWidth,
          scrollY: window.scrollY,
          date: rect('[data-testid="date-input"]'),
          quickLog: rect('[data-testid="quick-log"]'),
          undo: rect('[data-testid="undo"]'),
          checkIn: rect('[data-testid="start-check-in"]'),
          main: rect('main'),
        };
      });
      const where = `${width} px, ${locale}`;
      assert.ok(box.scrollHeight <= 600, `${where}: page is ${box.scrollHeight} px tall`);
      assert.ok(
        box.scrollWidth <= box.clientWidth,
        `${where}: sideways scroll (${box.scrollWidth} > ${box.clientWidth})`,
      );
      assert.ok(box.main.right <= width, `${where}: the popup column ends at x = ${box.main.right}`);
      assert.ok(box.date.right <= box.main.right, `${where}: the date input reaches x = ${box.date.right}`);
      assert.equal(box.scrollY, 0);
      for (const [name, r] of Object.entries({
        quickLog: box.quickLog,
        undo: box.undo,
        checkIn: box.checkIn,
      })) {
        assert.ok(r.top >= 0 && r.bottom <= 600, `${where}: ${name} at ${r.top}–${r.bottom}, outside 0–600`);
      }
      await shoot(page.locator('body'), `popup-${width}-${locale}-${theme}`);
      // Undo the test's value, so the other shots start from the same data.
      await page.getByTestId('undo').click();
      await page.close();
    }
    await setAppearance(options, 'en', 'light');
    await options.close();
    assertNoPageErrors(fx);
  });
  it('returns focus to the card that opened the goal, keeps Undo above dialogs, lists and restores archived goals and KPIs', async () => {
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fx.extUrl('newtab.html'), { waitUntil: 'load' });
    const card = page.locator('[data-widget="goals"] [data-testid="goal-card"]').nth(2);
    await card.waitFor();
    const goalId = await card.getAttribute('data-goal-id');
    const title = (await card.locator('.pc-card-title').textContent()).trim();

    // Focus: Esc closes the detail and focus is back on the card's title.
    await card.locator('.pc-card-title').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('goal-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('goal-detail').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (id) => document.activeElement?.closest('[data-goal-id]')?.getAttribute('data-goal-id') === id,
      goalId,
    );

    // Archive from the detail: the toast shows inside the dialog, on top, where it can be clicked.
    await card.locator('.pc-card-title').click();
    const detail = page.getByTestId('goal-detail');
    await detail.getByRole('button', { name: 'Archive', exact: true }).click();
    const toast = page.getByTestId('toast');
    await toast.waitFor();
    const onTop = await toast.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inDialog: el.closest('dialog') !== null, hit: el.contains(hit) };
    });
    assert.deepEqual(onTop, { inDialog: true, hit: true });
    await shoot(page.locator('body'), 'toast-over-dialog');
    await detail.getByRole('button', { name: 'Unarchive' }).waitFor();
    await detail.getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(
      (id) => !document.querySelector(`[data-widget="goals"] [data-goal-id="${id}"]`),
      goalId,
    );

    // A KPI archived too (no dashboard button opens a KPI's editor yet, so straight in the database).
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('pacer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('metrics', 'readwrite');
            const store = tx.objectStore('metrics');
            const get = store.get('ex-orders');
            get.onsuccess = () =>
              store.put({ ...get.result, archived: true, updatedAt: Date.now() - 60_000 });
            tx.oncomplete = () => resolve(undefined);
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const list = page.getByTestId('archived-list');
    await list.locator('summary').click();
    const items = list.getByTestId('archived-item');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="archived-item"]').length === 2);
    assert.equal(await items.nth(0).getAttribute('data-id'), goalId, 'the latest archived first');
    assert.equal(await items.nth(1).getAttribute('data-id'), 'ex-orders');
    for (const [locale, theme] of [
      ['en', 'light'],
      ['vi', 'dark'],
    ]) {
      const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
      await setAppearance(options, locale, theme);
      await options.close();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await shoot(page.getByTestId('archived-list'), `archived-${locale}-${theme}`);
    }
    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    await setAppearance(options, 'en', 'light');
    await options.close();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // Open: the goal's detail, with Unarchive; the KPI's editor, with Unarchive.
    await items.nth(0).getByTestId('archived-open').click();
    await page.getByTestId('goal-detail').getByRole('button', { name: 'Unarchive' }).waitFor();
    assert.equal((await page.locator('#detail-title').textContent()).trim(), title);
    await page.keyboard.press('Escape');
    await page.getByTestId('goal-detail').waitFor({ state: 'detached' });
    await items.nth(1).getByTestId('archived-open').click();
    await page.getByTestId('editor-metric').getByRole('button', { name: 'Unarchive' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('editor-metric').waitFor({ state: 'detached' });

    // Restore, with Undo, then restore again for good.
    await items.nth(0).getByTestId('archived-restore').click();
    await page.getByText(`Restored “${title}”`).waitFor();
    await page.locator(`[data-widget="goals"] [data-goal-id="${goalId}"]`).waitFor();
    await page.getByTestId('toast').getByTestId('undo').click();
    await page.locator(`[data-widget="goals"] [data-goal-id="${goalId}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="archived-item"]').length === 2);
    await items.nth(0).getByTestId('archived-restore').click();
    await items.nth(0).getByTestId('archived-restore').click();
    await page.locator(`[data-widget="goals"] [data-goal-id="${goalId}"]`).waitFor();
    await page.getByTestId('archived-list').waitFor({ state: 'detached' });
    await page.close();
    assertNoPageErrors(fx);
  });
  // Lone values between gaps are drawn as dots (lonelyIndices, tests/unit/charts/series-data.test.ts);
  // the engagement survey is charted by month, so here its values make a line.
  it('paints the monthly survey values on the engagement chart, in both themes', async () => {
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    for (const theme of ['light', 'dark']) {
      await setAppearance(options, 'en', theme);
      await page.goto('about:blank');
      await page.goto(fx.extUrl('newtab.html#goal=ex-kpi-engagement'), { waitUntil: 'load' });
      const chart = page.getByTestId('goal-detail').locator('.pc-chart canvas');
      await chart.waitFor();
      await page.waitForTimeout(300);
      // The value series' colour (the accent), counted on the canvas. (A level's values are drawn
      // once, as its main series: docs/figures.md § Detail chart.)
      const painted = await chart.evaluate((canvas) => {
        const accent = getComputedStyle(document.documentElement).getPropertyValue('--pc-accent').trim();
        const probe = document.createElement('canvas').getContext('2d');
        probe.fillStyle = accent;
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (
            Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30 &&
            data[i + 3] > 200
          )
            n++;
        }
        return n;
      });
      assert.ok(painted > 150, `value pixels on the engagement chart (${theme}): ${painted}`);
      await shoot(page.getByTestId('goal-detail').locator('.pc-chart'), `sparse-chart-${theme}`);
    }
    await setAppearance(options, 'en', 'light');
    await options.close();
    await page.close();
    assertNoPageErrors(fx);
  });
  it('imports what new users bring: a Pipedrive export without IDs, a total row, mixed currencies, repeated headers', async () => {
    const fixture = (name) => path.join(REPO_ROOT, 'tests/fixtures/import', name);
    const page = await openExtensionPage(fx.context, fx.extensionId, 'import.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    const choose = async (file) => {
      await page.reload();
      await page.getByTestId('import-file').setInputFiles(fixture(file));
      await page.getByTestId('import-configure').waitFor();
    };
    const validate = async (newMetric) => {
      if (newMetric) {
        await page.getByTestId('import-metric').selectOption('__new__');
        await page.getByTestId('import-new-metric').fill(newMetric);
      }
      await page.getByTestId('import-validate').click();
      await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    };

    await choose('pipedrive-deals-no-id.csv');
    assert.equal(await page.getByTestId('import-kind').inputValue(), 'pipedrive-deal');
    assert.match(await page.getByTestId('import-notes').textContent(), /no record ID column/);
    await shoot(page.getByTestId('import-configure'), 'import-pipedrive-no-id-en');
    await validate(null);
    assert.equal(
      (await page.getByTestId('import-ready').textContent()).trim(),
      '4 of 4 rows are ready to import.',
    );

    await choose('kpi-series-vi-total.csv');
    await validate('Revenue (total row test)');
    assert.equal(
      (await page.getByTestId('import-footers').textContent()).trim(),
      'Row 5 was not imported: it looks like a total line (Tổng cộng · 405.000.000).',
    );
    await shoot(page.getByTestId('import-report'), 'import-total-row-en');

    await choose('kpi-mixed-currencies.csv');
    await validate('Revenue (currency test)');
    assert.match(await page.getByTestId('import-mixed-currencies').textContent(), /mixes VND, USD/);
    await shoot(page.getByTestId('import-report'), 'import-mixed-currencies-en');

    await choose('repeated-headers.csv');
    assert.match(await page.getByTestId('import-notes').textContent(), /Columns 2, 4 are all named “Value”/);

    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    await setAppearance(options, 'vi', 'dark');
    await choose('kpi-mixed-currencies.csv');
    await validate('Doanh thu (thử tiền tệ)');
    await shoot(page.getByTestId('import-report'), 'import-mixed-currencies-vi-dark');
    await choose('pipedrive-deals-no-id.csv');
    await shoot(page.getByTestId('import-configure'), 'import-pipedrive-no-id-vi-dark');
    await setAppearance(options, 'en', 'light');
    await options.close();
    await page.close();
    assertNoPageErrors(fx);
  });
});

/** Every record of one IndexedDB store, read in an extension page. */
function readStore(page, store) {
  return page.evaluate(async (name) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('pacer');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = await new Promise((resolve) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return all;
  }, store);
}

const buttonTexts = (locator) => locator.locator('button').allTextContents();

describe('first hour: check-ins on the new tab, exact values', () => {
  const fx = useExtension();

  it('walks the weekly review on the new tab by keyboard: value, confidence, notes, back, skip; focus returns', async () => {
    const options = await loadExample(fx);
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fx.extUrl('newtab.html'), { waitUntil: 'load' });
    const open = page.getByTestId('weekly-review');
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('editor-review');
    await dialog.getByTestId('check-in-who').waitFor();
    const owner = await dialog
      .getByTestId('owner-select')
      .locator('option')
      .nth(1)
      .evaluate((o) => o.value);
    await dialog.getByTestId('owner-select').selectOption(owner);
    await dialog.getByRole('button', { name: 'Next' }).click();
    const step = dialog.getByTestId('check-in-step');
    await step.waitFor();
    const first = (await step.locator('h3').textContent()).trim();
    // The count says what it counts (open goals and milestones); nothing is ticked for the owner, and
    // Pacer's own reading is marked as Pacer's; the notes come in PPP order.
    assert.match(
      await step.getByTestId('ci-count').textContent(),
      /^Goal 1 of \d+ to review \(open goals and milestones\)$/,
    );
    assert.equal(await step.locator('input[name="confidence"]:checked').count(), 0);
    assert.deepEqual(await step.locator('textarea').evaluateAll((xs) => xs.map((x) => x.dataset.testid)), [
      'ci-progress',
      'ci-plans',
      'ci-problems',
    ]);
    await step.getByTestId('ci-next').click();
    assert.equal(
      await step.getByTestId('ci-value-error').textContent(),
      'Choose how it is going, or skip this goal.',
      'no answer is saved that the owner did not give',
    );

    await step.getByTestId('confidence-at_risk').check();
    await step.getByTestId('ci-progress').fill('Two new dealers signed');
    await step.getByTestId('ci-next').click();
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="check-in-step"] h3')?.textContent?.trim() !== title,
      first,
    );
    // The keyboard follows the walk: the next goal's title has focus, not the page's top.
    await page.waitForFunction(() => document.activeElement?.matches('[data-testid="check-in-step"] h3'));
    // Back shows the answer given, not an empty form; answering again overwrites the same record.
    await step.getByRole('button', { name: 'Back' }).click();
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="check-in-step"] h3')?.textContent?.trim() === title,
      first,
    );
    assert.equal(await step.getByTestId('ci-progress').inputValue(), 'Two new dealers signed');
    assert.ok(await step.getByTestId('confidence-at_risk').isChecked());
    await step.getByTestId('ci-next').click();
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="check-in-step"] h3')?.textContent?.trim() !== title,
      first,
    );
    // Every step: no "— / —", and a goal with no number (a milestone without a KPI) asks for no value.
    while (!(await dialog.getByTestId('check-in-summary').isVisible())) {
      const status = await step.getByTestId('ci-status').textContent();
      assert.ok(!status.includes('— / —'), status);
      assert.ok(!/\d{4} passed/.test(status), `a passed deadline in plain words: ${status}`);
      if (status.includes('past its deadline') && (await step.getByTestId('ci-value').count()))
        assert.ok(await step.getByTestId('ci-value-hint').or(step.getByTestId('ci-log')).count());
      await step.getByTestId('ci-skip').click();
    }
    const summary = await dialog.getByTestId('check-in-summary').textContent();
    assert.match(summary, /1 reviewed/);
    assert.ok(summary.includes(`${first}: At risk`), summary);

    const saved = (await readStore(page, 'checkIns')).filter((c) => c.progress === 'Two new dealers signed');
    assert.equal(saved.length, 1, 'the answer was saved when given, once');
    assert.equal(saved[0].confidence, 'at_risk');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'weekly-review');

    // Screenshots of a step, in both themes and both languages.
    for (const [locale, theme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['vi', 'light'],
      ['vi', 'dark'],
    ]) {
      await setAppearance(options, locale, theme);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await open.click();
      await dialog.getByTestId('check-in-step').waitFor();
      await dialog.getByTestId('confidence-on_track').check();
      if (await dialog.getByTestId('ci-value').count())
        await dialog.getByTestId('ci-value').fill(locale === 'vi' ? '1,200' : '1.200');
      await dialog.getByTestId('ci-next').click();
      const confirm = dialog.getByTestId('ci-confirm');
      if (
        await confirm
          .or(dialog.getByText(/Goal 2 of|Mục tiêu 2/))
          .first()
          .waitFor()
          .then(() => confirm.count())
      ) {
        const labels = await buttonTexts(confirm);
        assert.ok(
          labels.some((l) => /1[.,]2(?!\d)/.test(l)) && labels.some((l) => /1[.,]200/.test(l)),
          `both readings shown exactly: ${labels}`,
        );
      }
      await shoot(dialog, `weekly-review-${locale}-${theme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await setAppearance(options, 'en', 'light');
    await options.close();
    await page.close();
    assertNoPageErrors(fx);
  });

  it('checks in one goal from its detail, questions a negative count, shows the exact number, returns focus', async () => {
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fx.extUrl('newtab.html#goal=ex-kr-online-customers'), { waitUntil: 'load' });
    const detail = page.getByTestId('goal-detail');
    const button = detail.getByTestId('check-in-goal');
    await button.click();
    const dialog = page.getByTestId('editor-review');
    const step = dialog.getByTestId('check-in-step');
    await step.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), 'Check in');
    assert.match(await step.locator('h3').textContent(), /^Win \d+ new online customers$/);
    await step.getByTestId('confidence-on_track').check();

    await step.getByTestId('ci-value').fill('-3');
    await step.getByTestId('ci-next').click();
    const confirm = step.getByTestId('ci-confirm');
    await confirm.waitFor();
    assert.match(await confirm.textContent(), /^-3\? This KPI counts things, and counts are not negative\./);
    assert.deepEqual(await buttonTexts(confirm), ['Save -3', 'Change the value']);

    await step.getByTestId('ci-value').fill('1.200');
    await step.getByTestId('ci-next').click();
    await confirm.waitFor();
    assert.deepEqual(await buttonTexts(confirm), ['Save 1.2', 'Save 1,200', 'Change the value']);
    await shoot(dialog, 'goal-check-in-confirm-en-light');
    assert.equal(
      (await readStore(page, 'checkIns')).filter((c) => c.goalId === 'ex-kr-online-customers' && !c.example)
        .length,
      0,
      'nothing saved before the answer',
    );
    await step.getByTestId('ci-confirm-1').click();
    await dialog.getByTestId('check-in-summary').waitFor();
    const mine = (await readStore(page, 'checkIns')).filter(
      (c) => c.goalId === 'ex-kr-online-customers' && !c.example,
    );
    assert.deepEqual(
      mine.map((c) => c.value),
      [1200],
    );
    await dialog.getByTestId('check-in-close').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'check-in-goal');
    // The detail lists the new check-in.
    await page.waitForFunction(() => document.querySelectorAll('.pc-checkins li').length > 0);
    await page.close();
    assertNoPageErrors(fx);
  });

  it('shows the example’s check-in notes in the UI’s language, switching with it', async () => {
    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    const page = await fx.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(fx.extUrl('newtab.html#goal=ex-okr-distributors'), { waitUntil: 'load' });
    const notes = page.locator('.pc-checkins');
    await notes.locator('li').first().waitFor();
    const en = await notes.textContent();
    assert.match(en, /distributor/i);
    assert.doesNotMatch(en, /nhà phân phối|đơn hàng|tuần/, 'no Vietnamese note in the English UI');
    await setAppearance(options, 'vi', 'dark');
    await page.waitForFunction(() =>
      /nhà phân phối/.test(document.querySelector('.pc-checkins')?.textContent ?? ''),
    );
    assert.doesNotMatch(await notes.textContent(), /Progress:|distributor/);
    await shoot(notes, 'example-check-ins-vi-dark');
    await setAppearance(options, 'en', 'light');
    await page.waitForFunction(() =>
      /distributor/.test(document.querySelector('.pc-checkins')?.textContent ?? ''),
    );
    await shoot(notes, 'example-check-ins-en-light');
    await options.close();
    await page.close();
    assertNoPageErrors(fx);
  });

  it('shows the exact value on the popup’s confirm buttons and Saved line; odd values are asked about', async () => {
    const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
    const popup = await fx.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    const pick = async (typed) => {
      await popup.getByTestId('metric-input').click();
      await popup.getByTestId('metric-input').fill(typed);
      await popup.getByTestId('metric-option').first().waitFor();
      await popup.getByTestId('metric-input').press('Enter');
    };
    const log = async (value) => {
      await popup.getByTestId('value-input').fill(value);
      await popup.getByTestId('value-input').press('Enter');
    };
    const status = popup.getByTestId('log-status');
    for (const [locale, theme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['vi', 'light'],
      ['vi', 'dark'],
    ]) {
      await setAppearance(options, locale, theme);
      await popup.goto(fx.extUrl('popup.html'), { waitUntil: 'load' });
      await pick(locale === 'vi' ? 'doanh thu' : 'revenue');
      await log(locale === 'vi' ? '1,200' : '1.200');
      const confirm = popup.getByTestId('confirm');
      await confirm.waitFor();
      assert.deepEqual(
        await buttonTexts(confirm),
        locale === 'vi'
          ? ['Lưu 1,2\u00a0₫', 'Lưu 1.200\u00a0₫', 'Sửa giá trị'] // an amount never parts at a line end
          : ['Save ₫1.2', 'Save ₫1,200', 'Change the value'],
      );
      await shoot(popup.locator('body'), `popup-confirm-${locale}-${theme}`);
      await popup.getByTestId('confirm-0').click();
      await popup.getByTestId('undo').waitFor();
      assert.match(
        await status.textContent(),
        locale === 'vi' ? /Đã lưu 1,2\u00a0₫ vào Doanh thu/ : /Saved ₫1\.2 to Revenue/,
      );
      await popup.getByTestId('undo').click();
      await popup.getByTestId('undo').waitFor({ state: 'detached' });

      await pick(locale === 'vi' ? 'đơn hàng' : 'orders');
      // The chosen KPI is named in the UI's language (it read "Orders" in the vi popup).
      assert.equal(
        await popup.getByTestId('metric-input').inputValue(),
        locale === 'vi' ? 'Số đơn hàng' : 'Orders',
      );
      await log('-3');
      await confirm.waitFor();
      assert.match(
        await confirm.textContent(),
        locale === 'vi'
          ? /^-3\? KPI này đếm số lượng/
          : /^-3\? This KPI counts things, and counts are not negative/,
      );
      await shoot(popup.locator('body'), `popup-confirm-negative-${locale}-${theme}`);
      await popup.getByTestId('confirm-change').click();
      assert.equal(await popup.evaluate(() => document.activeElement?.id), 'ql-value');

      await pick(locale === 'vi' ? 'gắn kết' : 'engagement');
      await log(locale === 'vi' ? '0,15' : '0.15');
      // Engagement has read 70–80%: 0.15 is asked about, the percentage offered first, and the value
      // as typed is saved exactly when chosen.
      const unusual = popup.getByTestId('unusual');
      await unusual.waitFor();
      assert.deepEqual(
        await buttonTexts(unusual),
        locale === 'vi'
          ? ['Lưu 15%', 'Lưu 0,15%', 'Sửa giá trị']
          : ['Save 15%', 'Save 0.15%', 'Change the value'],
      );
      await shoot(popup.locator('body'), `popup-unusual-${locale}-${theme}`);
      await popup.getByTestId('unusual-1').click();
      await popup.getByTestId('undo').waitFor();
      assert.match(
        await status.textContent(),
        locale === 'vi' ? /Đã lưu 0,15%/ : /Saved 0\.15% to Employee engagement/,
      );
      await popup.getByTestId('undo').click();
      await popup.getByTestId('undo').waitFor({ state: 'detached' });
    }
    await setAppearance(options, 'en', 'light');

    // The omnibox: the line the address bar shows and what Enter does, for the same inputs.
    for (const [text, outcome, line] of [
      ['revenue 1.200', 'opened', /Does “1\.200” mean 1\.2 or 1200\?.*Enter opens Pacer to choose/],
      ['orders -3', 'opened', /-3\? This KPI counts things.*Enter opens Pacer to choose/],
      ['engagement 0.15', 'saved', /^Log 0\.15% to <match>Employee engagement<\/match>$/],
      ['orders 7', 'saved', /^Log 7 to <match>Orders<\/match>$/],
    ]) {
      const suggested = await fx.serviceWorker.evaluate((t) => globalThis.pacerDebug.omniboxSuggest(t), text);
      assert.match(suggested.defaultDescription, line, text);
      const done = await fx.serviceWorker.evaluate((t) => globalThis.pacerDebug.omniboxEnter(t), text);
      assert.equal(done, outcome, text);
      if (done === 'opened') {
        const tab = fx.context.pages().find((p) => p.url().includes('popup.html?metric='));
        await tab?.close();
      }
    }
    await options.close();
    await popup.close();
    assertNoPageErrors(fx);
  });
});

// A Vietnamese founder on an empty install: the language and the template pack from the first screen,
// and a dashboard that says what to do next before any goal exists.
describe('first hour from an empty install', () => {
  it('starts in Vietnamese from a template and is told what comes next', async () => {
    await withExtension(async (fx) => {
      const page = await fx.context.newPage();
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(fx.extUrl('newtab.html'), { waitUntil: 'load' });
      await page.getByTestId('first-run-lang-vi').click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      await shoot(page.locator('main'), 'first-run-vi');
      await page.getByTestId('first-run-templates').click();
      const picker = page.getByTestId('editor-templates');
      await picker.waitFor();
      await picker.locator('strong', { hasText: 'Giá trị trung bình mỗi khách hàng mỗi tháng' }).waitFor();
      await page.getByTestId('template-avg_monthly_value_per_customer').click();
      await picker.waitFor({ state: 'detached' });
      await page.locator('main[aria-busy="false"]').waitFor();
      // KPIs, no goal: no bare "Goals" heading, and no Scorecard of four "No data" boxes.
      const noGoals = page.getByTestId('no-goals');
      await noGoals.getByText('Chưa có mục tiêu nào', { exact: false }).waitFor();
      assert.match(
        (await page.getByTestId('scorecard-empty').textContent()) ?? '',
        /Thẻ điểm cân bằng \(BSC\)/,
      );
      assert.equal(await page.locator('[data-widget="scorecard"] .pc-perspective').count(), 0);
      await noGoals.getByRole('button', { name: 'Mục tiêu mới' }).click();
      await page.getByTestId('editor-goal').waitFor();
      await page.keyboard.press('Escape');
      assertNoPageErrors(fx);
    });
  });
});
