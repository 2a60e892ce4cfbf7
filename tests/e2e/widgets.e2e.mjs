// The embeddable widgets in real Chromium, as a plain web page would use them (no extension): the
// example page (tests/fixtures/widgets/example.html) served on 127.0.0.1 next to the built bundle,
// uPlot loaded only for a chart, the self-contained HTML export opened offline from file://, and the
// PNG export of a goal card. Needs `npm run build:widgets` (or `npm run build`) first.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findChromium, isLocalUrl, REPO_ROOT, serveStatic } from '../../scripts/browser.mjs';
import { saveScreenshot } from './helpers.mjs';

const WIDGETS_DIR = path.join(REPO_ROOT, '.output', 'widgets');
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'widgets');
const UPLOT_CHUNK = /\/chunks\/uPlot[^/]*\.js$/;

/** Bundles TypeScript modules of the repo for node or the browser, so the test calls the real code. */
async function bundle(outFile, contents, platform) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'ts' },
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    logLevel: 'warning',
  });
}

describe('embeddable widgets in Chromium', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  let server;
  let dir;
  const pageErrors = [];
  const requests = [];

  before(async () => {
    if (!existsSync(path.join(WIDGETS_DIR, 'pacer-widgets.js'))) {
      throw new Error(`No widgets bundle in ${WIDGETS_DIR}. Run \`npm run build:widgets\` first.`);
    }
    dir = mkdtempSync(path.join(tmpdir(), 'pacer-widgets-e2e-'));
    cpSync(WIDGETS_DIR, dir, { recursive: true });
    cpSync(path.join(FIXTURES, 'example.html'), path.join(dir, 'example.html'));
    cpSync(path.join(FIXTURES, 'snapshot.json'), path.join(dir, 'snapshot.json'));
    // A page with no chart on it: uPlot must not be downloaded there.
    writeFileSync(
      path.join(dir, 'no-chart.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="./pacer-widgets.js"></script>' +
        '<pacer-goal id="goal" goal-id="g-leads" src="snapshot.json"></pacer-goal>' +
        '<pacer-progress id="progress" goal-id="g-nps" src="snapshot.json"></pacer-progress>',
    );
    server = await serveStatic(dir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(url, viewport = { width: 1200, height: 900 }) {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Waits until no Pacer widget on the page is still loading. */
  async function settle(page) {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.tagName.startsWith('PACER-'))
          .every((el) => ['ready', 'error'].includes(el.getAttribute('data-state') ?? '')),
      null,
      { timeout: 10_000 },
    );
  }

  const text = async (page, selector) => ((await page.locator(selector).first().textContent()) ?? '').trim();
  const state = (page, id) => page.locator(`#${id}`).getAttribute('data-state');

  it('renders every widget of the example page with its content', async () => {
    const page = await open(`${server.url}/example.html`);
    try {
      await settle(page);
      // Playwright's CSS locators pierce open shadow roots: "#goal .x" finds .x inside <pacer-goal id=goal>.
      assert.equal(await text(page, '#goal .pc-goal-title'), 'Q4 revenue 1.5B ₫');
      assert.equal(await page.locator('#goal [role="progressbar"]').getAttribute('aria-valuenow'), '52');
      assert.equal(await text(page, '#goal [data-testid="goal-pace"]'), 'Needs 18.9M ₫ a day; doing 14.7M ₫');

      assert.equal(await text(page, '#progress .pc-card-title'), 'Qualified leads <from ads> & referrals');
      assert.equal(await page.locator('#progress [role="progressbar"]').getAttribute('aria-valuenow'), '74');
      assert.equal(await page.locator('#sparkline svg path').count(), 1);
      assert.equal(
        await page.locator('#sparkline svg').getAttribute('aria-label'),
        'Trend: Qualified leads <from ads> & referrals',
      );
      assert.equal(await text(page, '#badge .pc-pill'), '■ Off track');

      // The chart: uPlot loaded on demand drew a canvas and a legend with the series names.
      await page.locator('#chart canvas').first().waitFor({ timeout: 10_000 });
      assert.equal(await text(page, '#chart figcaption'), 'Q4 revenue 1.5B ₫');
      const legend = await page.locator('#chart .u-legend').textContent();
      assert.match(legend ?? '', /Actual.*Target trajectory.*Forecast \(10%\).*Forecast.*Forecast \(90%\)/s);
      assert.ok((await page.locator('#chart canvas').boundingBox())?.width > 300, 'chart fills its box');

      assert.deepEqual(
        await page
          .locator('#scorecard .pc-perspective')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
        ['Financial', 'Customer', 'Learning & growth'],
      );

      // Data in an attribute, in a child script (Vietnamese, dark) and on the page.
      assert.equal(await text(page, '#progress-attr .pc-card-title'), 'Discovery calls this week');
      assert.equal(await text(page, '#goal-vi .pc-goal-title'), 'Doanh thu quý 4 đạt 1,5 tỷ ₫');
      assert.equal(
        await page.locator('#goal-vi [role="progressbar"]').getAttribute('aria-label'),
        'Tiến độ: Doanh thu quý 4 đạt 1,5 tỷ ₫',
      );
      assert.equal(await page.locator('#goal-vi .pc-root').getAttribute('lang'), 'vi');
      assert.equal(
        await page.locator('#goal-vi .pc-goal-card').evaluate((e) => getComputedStyle(e).backgroundColor),
        'rgb(27, 32, 41)',
      );
      assert.equal(
        await page.locator('#goal .pc-goal-card').evaluate((e) => getComputedStyle(e).backgroundColor),
        'rgb(255, 255, 255)',
      );
      assert.equal(await text(page, '#goal-page .pc-goal-title'), 'Product demos booked');
      assert.equal(await page.locator('#goal-page [role="progressbar"]').getAttribute('aria-valuenow'), '0');

      // The host page's --pc-accent (set on an ancestor) reaches inside the shadow root.
      assert.equal(
        await page.locator('#goal-themed .pc-spark').evaluate((e) => getComputedStyle(e).color),
        'rgb(181, 23, 158)',
      );
      assert.equal(
        await page.locator('#goal .pc-spark').evaluate((e) => getComputedStyle(e).color),
        'rgb(33, 86, 199)',
      );
      assert.equal(await text(page, '#lead-badge .pc-tier'), 'A');

      // Problems: a message in the widget's own box, never a blank one.
      assert.equal(await state(page, 'broken'), 'error');
      assert.match(
        await text(page, '#broken [role="alert"]'),
        /^Pacer widget: the snapshot is not valid JSON \(.+\)$/,
      );
      assert.equal(
        await text(page, '#unknown [role="alert"]'),
        "Pacer widget: no goal with id 'nope' in the snapshot",
      );
      assert.equal(
        await text(page, '#missing-file [role="alert"]'),
        'Pacer widget: could not load the snapshot from no-such-snapshot.json (HTTP 404)',
      );
      for (const id of ['broken', 'unknown', 'missing-file']) {
        assert.ok((await page.locator(`#${id}`).boundingBox())?.height > 20, `#${id} is not an empty box`);
      }
      await saveScreenshot(page, 'widgets-example');

      assert.deepEqual(pageErrors, [], 'uncaught errors');
      assert.deepEqual(
        requests.filter((u) => !isLocalUrl(u)),
        [],
        'requests that left the machine',
      );
      assert.ok(
        requests.some((u) => UPLOT_CHUNK.test(u)),
        'the chart loaded the uPlot chunk',
      );
      assert.equal(
        requests.filter((u) => u.endsWith('/snapshot.json')).length,
        1,
        'snapshot.json fetched once for all widgets',
      );
    } finally {
      await page.close();
    }
  });

  it('fits a narrow phone screen without sideways scrolling', async () => {
    const page = await open(`${server.url}/example.html`, { width: 360, height: 740 });
    try {
      await settle(page);
      await page.locator('#chart canvas').first().waitFor({ timeout: 10_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
      assert.ok((await page.locator('#chart canvas').boundingBox())?.width <= 330);
    } finally {
      await page.close();
    }
  });

  it('does not download uPlot on a page without a chart', async () => {
    const before = requests.length;
    const page = await open(`${server.url}/no-chart.html`);
    try {
      await settle(page);
      assert.equal(await state(page, 'goal'), 'ready');
      assert.equal(await text(page, '#goal .pc-goal-title'), 'Qualified leads <from ads> & referrals');
      await page.waitForTimeout(300);
      const mine = requests.slice(before);
      assert.ok(mine.some((u) => u.endsWith('/pacer-widgets.js')));
      assert.deepEqual(
        mine.filter((u) => UPLOT_CHUNK.test(u)),
        [],
      );
    } finally {
      await page.close();
    }
  });

  it('the exported self-contained HTML works from file:// with every network request blocked', async () => {
    const helper = path.join(dir, 'export-node.mjs');
    await bundle(helper, "export { snapshotToHtml } from './lib/snapshot/snapshot-html.ts';", 'node');
    const { snapshotToHtml } = await import(helper);
    const snapshot = JSON.parse(readFileSync(path.join(FIXTURES, 'snapshot.json'), 'utf8'));
    const inlineBundle = readFileSync(path.join(WIDGETS_DIR, 'pacer-widgets.inline.js'), 'utf8');
    const file = path.join(dir, 'offline', 'pacer-goals.html');
    cpSync(path.join(FIXTURES, 'snapshot.json'), path.join(dir, 'offline', 'unused.json'));
    writeFileSync(file, snapshotToHtml(snapshot, inlineBundle));

    const context = await browser.newContext();
    const seen = [];
    await context.route('**/*', (route) => {
      seen.push(route.request().url());
      return route.request().url().startsWith('file:') ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`offline: ${error.message}`));
    try {
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await settle(page);
      assert.equal(await page.locator('pacer-goal').count(), 4);
      // Four goals read two and two, not three and the fourth alone (lib/snapshot/card-rows.ts).
      const tops = await page
        .locator('.goal')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      assert.deepEqual(
        tops.map((t) => tops.filter((u) => u === t).length),
        [2, 2, 2, 2],
      );
      assert.equal(await text(page, 'pacer-goal[goal-id="g-nps"] .pc-goal-title'), 'Customer NPS ≥ 50');
      await page.locator('pacer-kpi-chart canvas').first().waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('pacer-scorecard .pc-perspective').count(), 3);
      assert.equal(await text(page, 'h1'), 'Q4 sales goals');
      assert.deepEqual(
        seen.filter((u) => !u.startsWith('file:')),
        [],
        'requests from the offline file',
      );
      assert.deepEqual(seen.length, 1, 'only the HTML file itself was loaded');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  it('exports a goal card as SVG and as a PNG at 2×', async () => {
    const entry = path.join(dir, 'export-browser.js');
    await bundle(
      entry,
      "export { goalCardSvg } from './lib/snapshot/goal-card-svg.ts'; export { svgToPngBlob } from './components/widgets/export-png.ts';",
      'browser',
    );
    writeFileSync(
      path.join(dir, 'export.html'),
      '<!doctype html><meta charset="utf-8"><script type="module">import * as m from "./export-browser.js"; window.pacerExport = m;</script>',
    );
    const page = await open(`${server.url}/export.html`);
    try {
      await page.waitForFunction(() => 'pacerExport' in window);
      const snapshot = JSON.parse(readFileSync(path.join(FIXTURES, 'snapshot.json'), 'utf8'));
      const result = await page.evaluate(
        async (goal) => {
          const { goalCardSvg, svgToPngBlob } = /** @type {any} */ (window).pacerExport;
          const svg = goalCardSvg(goal, 'en');
          const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
          const blob = await svgToPngBlob(svg, 2);
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d');
          ctx.drawImage(bitmap, 0, 0);
          // A pixel inside the card's white body, and one of the status strip on the left edge.
          const body = [...ctx.getImageData(600, 40, 1, 1).data];
          const strip = [...ctx.getImageData(4, 100, 1, 1).data];
          return {
            xmlError: parsed.querySelector('parsererror')?.textContent ?? null,
            svgHeight: Number(parsed.documentElement.getAttribute('height')),
            type: blob.type,
            width: bitmap.width,
            height: bitmap.height,
            body,
            strip,
          };
        },
        { ...snapshot.goals[1], title: 'Leads <b>&</b> "referrals"' },
      );
      assert.equal(result.xmlError, null);
      assert.equal(result.type, 'image/png');
      assert.equal(result.width, 960);
      assert.equal(result.height, result.svgHeight * 2);
      assert.deepEqual(result.body, [255, 255, 255, 255]);
      assert.deepEqual(result.strip.slice(0, 3), [0x1a, 0x7f, 0x37], 'on-track green strip');
    } finally {
      await page.close();
    }
  });
});
