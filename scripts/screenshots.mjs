// `npm run screenshots`: the store listing's screenshots, 1280×800, in English and Vietnamese, from the
// example data, in the machine's Chromium with the built extension (`npm run build` first). Written to
// docs/store/<locale>-<n>-<what>.png. Not part of `npm test`: look at them before uploading.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, REPO_ROOT } from './browser.mjs';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'store');
const SIZE = { width: 1280, height: 800 };

async function setAppearance(options, locale, theme) {
  await options.locator('select[name="locale"]').selectOption(locale);
  await options.locator('select[name="theme"]').selectOption(theme);
}

/** The new tab once the engine's dashboard (not the cached first paint) is drawn and settled. */
async function openDashboard(context, extensionId, locale, theme) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/newtab.html`, { waitUntil: 'load' });
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('goal-card').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    ([l, t]) => document.documentElement.lang === l && document.documentElement.dataset.theme === t,
    [locale, theme],
  );
  await page.waitForTimeout(1000); // charts and live updates land
  return page;
}

/** The toolbar popup as the user sees it: its page in a 380 px panel over the new tab, top right. */
async function showPopupOver(page, extensionId, typed) {
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.id = 'pacer-store-popup';
    Object.assign(frame.style, {
      position: 'fixed',
      top: '8px',
      right: '16px',
      width: '380px',
      height: '780px',
      border: '1px solid rgba(0,0,0,.2)',
      borderRadius: '8px',
      boxShadow: '0 8px 32px rgba(0,0,0,.35)',
      background: 'Canvas',
      zIndex: '2147483647',
    });
    document.body.append(frame);
  }, `chrome-extension://${extensionId}/popup.html`);
  const frame = page.frameLocator('#pacer-store-popup');
  await frame.locator('[data-testid="metric-input"]').waitFor({ timeout: 30_000 });
  await frame.locator('[data-testid="metric-input"]').fill(typed);
  await frame.locator('[data-testid="metric-option"]').first().waitFor();
  await page.waitForTimeout(500);
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const launched = await launchWithExtension({ viewport: SIZE });
  const { context, extensionId, close } = launched;
  const written = [];
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html?example=1`, { waitUntil: 'load' });
    await options.waitForFunction(
      () => /\d/.test(document.querySelector('[data-testid="example-status"]')?.textContent ?? ''),
      null,
      { timeout: 180_000 },
    );
    const shot = async (page, locale, n, what) => {
      const file = path.join(OUT_DIR, `${locale}-${n}-${what}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, ...SIZE } });
      written.push(path.relative(REPO_ROOT, file));
    };
    for (const locale of ['en', 'vi']) {
      await setAppearance(options, locale, 'light');
      let page = await openDashboard(context, extensionId, locale, 'light');
      await shot(page, locale, 1, 'dashboard');
      await showPopupOver(page, extensionId, locale === 'vi' ? 'doanh' : 'reven');
      await shot(page, locale, 2, 'popup');
      await page.close();

      await setAppearance(options, locale, 'dark');
      page = await openDashboard(context, extensionId, locale, 'dark');
      await shot(page, locale, 3, 'dashboard-dark');
      await page.close();

      await setAppearance(options, locale, 'light');
      page = await openDashboard(context, extensionId, locale, 'light');
      // The revenue BHAG (third pinned goal): its chart with the trajectory and the forecast band.
      await page.locator('[data-testid="goal-card"] button.pc-link').nth(2).click();
      await page.getByTestId('goal-detail').locator('canvas').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(800);
      await shot(page, locale, 4, 'goal-detail');
      await page.close();
    }
    await setAppearance(options, 'en', 'light');
  } finally {
    await close();
  }
  console.log(`Wrote ${written.length} screenshots (1280×800):\n${written.map((f) => `  ${f}`).join('\n')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
