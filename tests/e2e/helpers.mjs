// Fixtures for e2e tests under node:test: a real Chromium with the built extension loaded.
// Two shapes:
//   - `withExtension(fn)` inside one test: its own browser and temp profile, closed afterwards.
//   - `useExtension()` at the top of a file: one browser for the whole file (before/after hooks).
// Both record page errors and any request that would leave the machine, and screenshot every open page
// into test-results/ when the test body throws.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { isLocalUrl, launchWithExtension, REPO_ROOT } from '../../scripts/browser.mjs';

export const RESULTS_DIR = path.resolve(
  process.env.PACER_TEST_RESULTS || path.join(REPO_ROOT, 'test-results'),
);

/**
 * @typedef {object} ExtensionFixture
 * @property {import('playwright-core').BrowserContext} context
 * @property {string} extensionId
 * @property {import('playwright-core').Page} page  a blank page to start from
 * @property {import('playwright-core').Worker} serviceWorker
 * @property {(file: string) => string} extUrl  'popup.html' → chrome-extension://<id>/popup.html
 * @property {string[]} pageErrors  uncaught errors thrown in any page of the context
 * @property {string[]} consoleErrors  console.error lines of any page (not a failure by themselves)
 * @property {string[]} externalRequests  URLs of requests that would leave the machine
 * @property {string} userDataDir
 * @property {() => Promise<void>} close
 */

/** A profile folder that outlives one browser: pass it as `userDataDir` to test persistence across restarts. */
export function makeProfileDir() {
  return mkdtempSync(path.join(tmpdir(), 'pacer-e2e-profile-'));
}

export function removeProfileDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

function safeName(name) {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'page';
}

/**
 * Saves a full-page PNG into test-results/ and returns its path.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function saveScreenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${safeName(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens one of the extension's pages in a new tab and waits for it to load.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @param {string} file  e.g. 'popup.html' or 'options.html?example=1'
 */
export async function openExtensionPage(context, extensionId, file) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file.replace(/^\//, '')}`, { waitUntil: 'load' });
  return page;
}

/**
 * Launches the browser and wires the error and network recorders.
 * @param {{ userDataDir?: string, headless?: boolean }} [options]
 * @returns {Promise<ExtensionFixture>}
 */
export async function startExtension(options = {}) {
  const launched = await launchWithExtension({
    userDataDir: options.userDataDir,
    // PACER_HEADED=1 (with a display or xvfb-run) watches the tests run.
    headless: options.headless ?? !process.env.PACER_HEADED,
  });
  const { context, extensionId, serviceWorker, userDataDir, close } = launched;
  const pageErrors = [];
  const consoleErrors = [];
  const externalRequests = [];

  const watchPage = (page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  // Service-worker and page requests alike arrive here; Pacer is local-first, so nothing may leave.
  context.on('request', (request) => {
    if (!isLocalUrl(request.url())) externalRequests.push(request.url());
  });

  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    extensionId,
    page,
    serviceWorker,
    extUrl: (file) => `chrome-extension://${extensionId}/${file.replace(/^\//, '')}`,
    pageErrors,
    consoleErrors,
    externalRequests,
    userDataDir,
    close,
  };
}

async function screenshotAll(fixture, label) {
  const pages = fixture.context.pages();
  for (const [i, page] of pages.entries()) {
    try {
      const file = await saveScreenshot(page, `failure-${label}-${i}`);
      console.error(`  screenshot of ${page.url()} → ${path.relative(REPO_ROOT, file)}`);
    } catch {
      // A crashed or closed page cannot be captured; the test's own error says more.
    }
  }
}

/**
 * Runs `fn` with a fresh browser and profile; closes the browser even when `fn` throws.
 * @template T
 * @param {(fixture: ExtensionFixture) => Promise<T>} fn
 * @param {{ userDataDir?: string, headless?: boolean, name?: string }} [options]
 * @returns {Promise<T>}
 */
export async function withExtension(fn, options = {}) {
  const fixture = await startExtension(options);
  try {
    return await fn(fixture);
  } catch (error) {
    await screenshotAll(fixture, safeName(options.name ?? 'withExtension'));
    throw error;
  } finally {
    await fixture.close();
  }
}

/**
 * One browser for the whole test file, started in `before` and closed in `after`.
 * Read the fixture's fields inside tests (they are filled in once `before` has run).
 * @param {{ userDataDir?: string, headless?: boolean }} [options]
 * @returns {ExtensionFixture}
 */
export function useExtension(options = {}) {
  /** @type {ExtensionFixture} */
  const fixture = /** @type {any} */ ({});
  before(async () => {
    Object.assign(fixture, await startExtension(options));
  });
  after(async () => {
    await fixture.close?.();
  });
  return fixture;
}

/** Fails with the list of page errors, if any. */
export function assertNoPageErrors(fixture) {
  assert.deepEqual(fixture.pageErrors, [], 'uncaught errors in extension pages');
}

/** Fails with the URLs of requests that left the machine, if any. */
export function assertNoExternalRequests(fixture) {
  assert.deepEqual(fixture.externalRequests, [], 'requests that left the machine');
}

/**
 * Waits until `selector` has visible text, and returns it.
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
export async function waitForText(page, selector, timeout = 10_000) {
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0,
    selector,
    { timeout },
  );
  return (await page.locator(selector).first().textContent())?.trim() ?? '';
}
