// "Share / embed" on the new tab (issue 7, item 3) in real Chromium: only the ticked goals leave, as a
// snapshot JSON, a self-contained HTML file that renders offline from file:// with every request
// blocked, an SVG card with the title escaped, and a PNG. The open dialog passes axe-core.
// Needs `npm run build` first (it ships pacer-widgets.inline.js inside the extension).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../scripts/browser.mjs';
import { assertNoPageErrors, openExtensionPage, saveScreenshot, withExtension } from './helpers.mjs';

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const xmlEscape = (s) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

async function loadExampleThroughOptions(fx) {
  const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
  await options.getByTestId('load-example').click();
  await options.getByTestId('remove-example').waitFor({ state: 'visible' });
  await options.waitForFunction(
    () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
    null,
    { timeout: 60_000 },
  );
  await options.close();
}

async function axeViolations(page, selector) {
  // Extension pages forbid inline scripts (CSP), so axe goes in through DevTools evaluation instead.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = /** @type {any} */ (globalThis).axe;
    const result = await axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  }, selector);
}

/** Clicks `testId` and returns the download's suggested name and saved path. */
async function download(page, testId, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  assert.equal(await file.failure(), null, `${testId} download failed`);
  return { name: file.suggestedFilename(), path: target };
}

const xmlUnescape = (s) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

/** The text an SVG shows, its lines joined by spaces (a wrapped line breaks only at a space). */
function svgText(svg) {
  const lines = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    xmlUnescape(m[1].replace(/<[^>]+>/g, ' ')),
  );
  return lines.join(' ').replace(/\s+/g, ' ');
}

/** Every goal id a snapshot mentions, wherever it appears. */
function idsIn(snapshot) {
  const ids = new Set();
  for (const g of snapshot.goals) {
    ids.add(g.id);
    if (g.parentId) ids.add(g.parentId);
  }
  for (const c of snapshot.charts ?? []) ids.add(c.goalId);
  for (const p of snapshot.scorecard ?? []) for (const id of p.goalIds) ids.add(id);
  return [...ids].sort();
}

describe('Share / embed', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pacer-share-e2e-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exports exactly the ticked goals as JSON, offline HTML, SVG and PNG', async () => {
    await withExtension(
      async (fx) => {
        await loadExampleThroughOptions(fx);
        const page = await fx.context.newPage();
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto('chrome://newtab/', { waitUntil: 'load' });
        await page.getByTestId('goal-card').first().waitFor({ timeout: 30_000 });

        await page.getByTestId('share').click();
        const dialog = page.getByTestId('share-dialog');
        await dialog.waitFor();
        const boxes = dialog.locator('input[type="checkbox"][data-goal-id]');
        const total = await boxes.count();
        assert.ok(total >= 10, `expected the example goals in the checklist, saw ${total}`);
        // Nothing is ticked until the user ticks it; the first checkbox has focus.
        assert.equal(await dialog.locator('input[type="checkbox"]:checked').count(), 0);
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('data-goal-id')),
          await boxes.first().getAttribute('data-goal-id'),
        );
        assert.equal(await page.getByTestId('share-json').isDisabled(), true);

        // "Select all" ticks every goal, pressed again it clears them.
        await page.getByTestId('share-select-all').click();
        assert.equal(await dialog.locator('input[type="checkbox"][data-goal-id]:checked').count(), total);
        await page.getByTestId('share-select-all').click();
        assert.equal(await dialog.locator('input[type="checkbox"]:checked').count(), 0);

        // Tick the second and fourth goals.
        const picks = [boxes.nth(1), boxes.nth(3)];
        const ids = [];
        const titles = [];
        for (const box of picks) {
          await box.check();
          ids.push(await box.getAttribute('data-goal-id'));
          titles.push(
            await box.evaluate(
              (el) => el.closest('label')?.querySelector('.pc-share-goal-title')?.textContent ?? '',
            ),
          );
        }
        assert.ok(titles.every(Boolean), `titles read from the checklist: ${JSON.stringify(titles)}`);
        assert.deepEqual(
          await page.getByTestId('share-preview').locator('li').allTextContents(),
          titles,
          'the preview lists exactly the ticked goals',
        );
        await page.locator('#share-title-field').fill('Board review <Q1> & "friends"');

        assert.deepEqual(await axeViolations(page, '[data-testid="share-dialog"]'), []);
        await saveScreenshot(page, 'share-dialog');

        // (a) JSON: exactly the two goals, and no other goal's id anywhere in it.
        const json = await download(page, 'share-json', dir);
        assert.match(json.name, /^pacer-board-review-q1-friends-\d{4}-\d{2}-\d{2}\.json$/);
        const snapshot = JSON.parse(readFileSync(json.path, 'utf8'));
        assert.equal(snapshot.format, 'pacer-snapshot');
        assert.equal(snapshot.title, 'Board review <Q1> & "friends"');
        assert.deepEqual(
          snapshot.goals.map((g) => g.id),
          ids,
        );
        assert.deepEqual(
          snapshot.goals.map((g) => g.title),
          titles,
        );
        assert.deepEqual(idsIn(snapshot), [...ids].sort());
        assert.ok(
          snapshot.charts?.length > 0,
          'a chart travels with at least one ticked goal that tracks a KPI',
        );
        assert.ok(snapshot.charts.every((c) => !('perPeriod' in c)));
        assert.match(await page.getByTestId('share-status').textContent(), /Saved pacer-board-review/);

        // (b) HTML: opened from file:// with every request but the file itself aborted.
        const html = await download(page, 'share-html', dir);
        assert.match(html.name, /\.html$/);
        const offline = await fx.context.newPage();
        const requested = [];
        await offline.route('**/*', (route) => {
          const url = route.request().url();
          requested.push(url);
          return url.startsWith('file:') ? route.continue() : route.abort();
        });
        offline.on('pageerror', (e) => fx.pageErrors.push(`offline: ${e.message}`));
        await offline.goto(pathToFileURL(html.path).href, { waitUntil: 'load' });
        await offline.waitForFunction(
          () =>
            [...document.querySelectorAll('pacer-goal')].every(
              (el) => el.getAttribute('data-state') === 'ready',
            ) && document.querySelectorAll('pacer-goal').length > 0,
          null,
          { timeout: 15_000 },
        );
        assert.equal(await offline.locator('pacer-goal').count(), 2);
        // Playwright's CSS locators pierce open shadow roots.
        assert.deepEqual(await offline.locator('pacer-goal .pc-goal-title').allTextContents(), titles);
        assert.equal(await offline.locator('h1').textContent(), 'Board review <Q1> & "friends"');
        const charts = offline.locator('pacer-kpi-chart');
        if ((await charts.count()) > 0)
          await charts.first().locator('canvas').first().waitFor({ timeout: 15_000 });
        assert.deepEqual(
          requested.filter((u) => !u.startsWith('file:')),
          [],
          'the HTML file asked for nothing from elsewhere',
        );
        await saveScreenshot(offline, 'share-offline-html');
        await offline.close();

        // (c) SVG of the first ticked goal, then of the second one picked in the list.
        const svg = await download(page, 'share-svg', dir);
        assert.match(svg.name, /^pacer-goal-[a-z0-9-]+\.svg$/);
        const svgText = readFileSync(svg.path, 'utf8');
        assert.ok(svgText.startsWith('<?xml'), 'a standalone SVG document');
        assert.ok(svgText.includes(xmlEscape(titles[0])), `the SVG holds "${titles[0]}", escaped`);
        assert.ok(!svgText.includes(xmlEscape(titles[1])), 'one card per image');
        await page.getByTestId('share-image-goal').selectOption(ids[1]);
        const svg2 = readFileSync((await download(page, 'share-svg', dir)).path, 'utf8');
        assert.ok(svg2.includes(xmlEscape(titles[1])), `the second SVG holds "${titles[1]}"`);

        const png = await download(page, 'share-png', dir);
        assert.match(png.name, /^pacer-goal-[a-z0-9-]+\.png$/);
        const bytes = readFileSync(png.path);
        assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE);
        assert.ok(bytes.length > 2000, `a real picture, not an empty canvas (${bytes.length} bytes)`);

        // Esc closes the dialog and gives focus back to the Share button.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'share');

        assertNoPageErrors(fx);
        assert.deepEqual(
          fx.externalRequests.filter((u) => !u.startsWith('file:')),
          [],
          'requests that left the machine',
        );
      },
      { name: 'share' },
    );
  });

  // Review 2: the card image cut "held 3 of 11 mo…" and "ends at or above…" and had no reason line;
  // the snapshot's charts read "32", "6B" on their y axis and listed empty forecast series.
  it("exports a card image with the card's reason and full figures, and charts with units", async () => {
    await withExtension(
      async (fx) => {
        await loadExampleThroughOptions(fx);
        const page = await fx.context.newPage();
        await page.setViewportSize({ width: 1366, height: 900 });
        await page.goto(`chrome-extension://${fx.extensionId}/newtab.html`, { waitUntil: 'load' });
        await page
          .locator('main[aria-busy="false"] [data-testid="goal-card"]')
          .first()
          .waitFor({ timeout: 30_000 });
        const keep = 'ex-kpi-gross-margin'; // a keep goal: a reason, a threshold, no forecast band
        const total = 'ex-kpi-net-profit'; // a total in ₫ with a forecast
        const card = page.locator(`[data-testid="goal-card"][data-goal-id="${keep}"]`).first();
        const read = async (testId) => ((await card.getByTestId(testId).textContent()) ?? '').trim();
        const reason = await read('goal-reason');
        const figures = [
          `${await read('goal-value')} / ${await read('goal-target')}`,
          await read('goal-progress-text'),
          reason,
          await read('goal-pace'),
          await read('goal-forecast'),
        ];
        assert.match(reason, /·/, `the card shows its status with a reason: "${reason}"`);

        await page.getByTestId('share').click();
        const dialog = page.getByTestId('share-dialog');
        await dialog.waitFor();
        for (const id of [keep, total]) await dialog.locator(`input[data-goal-id="${id}"]`).check();

        await page.getByTestId('share-image-goal').selectOption(keep);
        const svg = svgText(readFileSync((await download(page, 'share-svg', dir)).path, 'utf8'));
        for (const figure of figures) assert.ok(svg.includes(figure), `the SVG holds "${figure}":\n${svg}`);
        assert.ok(!svg.includes('…'), `nothing is elided: ${svg}`);

        // The offline HTML, with every text its charts draw on their canvases recorded.
        const html = await download(page, 'share-html', dir);
        const offline = await fx.context.newPage();
        await offline.route('**/*', (route) =>
          route.request().url().startsWith('file:') ? route.continue() : route.abort(),
        );
        offline.on('pageerror', (e) => fx.pageErrors.push(`offline: ${e.message}`));
        await offline.addInitScript(() => {
          const drawn = {};
          /** @type {any} */ (window).__drawn = drawn;
          const fillText = CanvasRenderingContext2D.prototype.fillText;
          CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
            const host = /** @type {any} */ (this.canvas.getRootNode()).host;
            const id = host?.getAttribute?.('goal-id') ?? '?';
            if (!drawn[id]) drawn[id] = [];
            drawn[id].push(String(text));
            return fillText.call(this, text, ...rest);
          };
        });
        await offline.goto(pathToFileURL(html.path).href, { waitUntil: 'load' });
        const charts = offline.locator('pacer-kpi-chart');
        assert.equal(await charts.count(), 2);
        for (const i of [0, 1]) await charts.nth(i).locator('canvas').first().waitFor({ timeout: 15_000 });
        await offline.waitForFunction(() => Object.keys(/** @type {any} */ (window).__drawn).length >= 2);
        const drawn = await offline.evaluate(() => /** @type {any} */ (window).__drawn);
        // Value labels: a digit, and not a month's year ("Mar\n2026" or "2026").
        const numeric = (labels) => labels.filter((l) => /\d/.test(l) && !/\d{4}$/.test(l));
        // The y axis of a percent KPI reads "30%", of a ₫ total "₫4B", as in the app.
        assert.ok(
          numeric(drawn[keep]).some((l) => /^\d+(\.\d+)?%$/.test(l)) &&
            numeric(drawn[keep]).every((l) => l.endsWith('%')),
          `percent axis labels: ${JSON.stringify(drawn[keep])}`,
        );
        assert.ok(
          numeric(drawn[total]).length > 0 && numeric(drawn[total]).every((l) => l.includes('₫')),
          `currency axis labels: ${JSON.stringify(drawn[total])}`,
        );
        // The legend names what is drawn, with no hover read-outs.
        const legend = (id) =>
          offline.locator(`pacer-kpi-chart[goal-id="${id}"] .u-legend .u-label`).allTextContents();
        assert.deepEqual(await legend(keep), ['Value per month', 'Threshold to keep']);
        assert.deepEqual((await legend(total)).slice(0, 2), ['Running total', 'Target trajectory']);
        assert.equal(await offline.locator('pacer-kpi-chart .u-legend .u-value').count(), 0);
        await saveScreenshot(offline, 'share-offline-units');
        await offline.close();
        assertNoPageErrors(fx);
      },
      { name: 'share-figures' },
    );
  });
});
