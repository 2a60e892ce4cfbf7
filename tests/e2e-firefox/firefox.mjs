// Pacer in a real Firefox (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi. No browser
// is downloaded: the executable is the machine's (scripts/browser.mjs findFirefox).
//
// What Firefox needs for this, and why:
// - The extension is installed as a temporary add-on through BiDi (`webExtension.install`, puppeteer's
//   `browser.installExtension`), from the built folder `.output/firefox-mv3`.
// - `extensions.webextensions.uuids` fixes the add-on's UUID, so its pages are at a known
//   moz-extension://<UUID>/ origin and its IndexedDB is found again after a restart (with
//   `keepUuidOnUninstall` / `keepStorageOnUninstall`: a temporary add-on is uninstalled at shutdown).
// - `extensions.webextOptionalPermissionPrompts: false` answers `permissions.request` with a grant and
//   no prompt: a test cannot reach the browser's permission panel. The options page still makes the
//   request on click, and the grant is real (permissions.contains says so, content scripts run).
// - `--remote-allow-system-access` lets BiDi navigate to and evaluate in moz-extension:// pages.
//   Firefox sends no load events for those pages, so navigation goes through `browsingContext.navigate`
//   without waiting, and the tests poll the page's DOM; nor does it report their console or uncaught
//   errors over BiDi, so those are read from the browser's output (`devtools.console.stdout.chrome`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFirefox, REPO_ROOT } from '../../scripts/browser.mjs';

export const ADDON_ID = 'pacer@pacer.local';
export const UUID = '5a7ce7e1-2f0d-4c4a-9a61-0e5d1f2b3c4d';
export const EXTENSION_DIR = path.resolve(
  process.env.PACER_FIREFOX_EXTENSION_DIR || path.join(REPO_ROOT, '.output', 'firefox-mv3'),
);
export const extUrl = (file) => `moz-extension://${UUID}/${file.replace(/^\//, '')}`;

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
  'extensions.webextensions.keepUuidOnUninstall': true,
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextOptionalPermissionPrompts': false,
  // Uncaught errors and console output of extension pages and the background, on the browser's stdout.
  'devtools.console.stdout.chrome': true,
  'devtools.console.stdout.content': true,
  'browser.dom.window.dump.enabled': true,
  // Nothing of Firefox's own leaves the machine while Pacer is tested.
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export function makeProfileDir() {
  return mkdtempSync(path.join(tmpdir(), 'pacer-firefox-'));
}

/**
 * Starts Firefox on `profileDir` with Pacer installed. Returns the browser, its first page and the
 * lines of its output that report an error in one of Pacer's pages or its background.
 */
export async function startFirefox(profileDir) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: !process.env.PACER_HEADED,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: PREFS,
    defaultViewport: { width: 1280, height: 800 },
  });
  const output = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk) => output.push(...String(chunk).split('\n')));
  }
  const id = await browser.installExtension(EXTENSION_DIR);
  if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  return {
    browser,
    page,
    output,
    /** Errors reported from Pacer's origin: uncaught exceptions and console.error. */
    pacerErrors: () =>
      output.filter(
        (line) =>
          line.includes(`moz-extension://${UUID}`) && /JavaScript error|console\.error|Error:/.test(line),
      ),
    close: () => browser.close().catch(() => {}),
  };
}

export function removeProfileDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Navigates `page` to one of Pacer's pages: BiDi's navigate, not waiting for a load event that never comes. */
export async function gotoExtensionPage(page, file) {
  const url = extUrl(file);
  await page.mainFrame().browsingContext.navigate(url, 'none');
  // Until the new document is in (the old one answers meanwhile), loaded, and Pacer's root is there.
  await until(
    page,
    (href) =>
      location.href === href && document.readyState === 'complete' && document.getElementById('app') !== null,
    { args: [url], message: `${file} loaded` },
  );
}

/**
 * Polls `fn` in the page until it returns a truthy value; returns that value. `fn` must return JSON-like
 * values, never a DOM node (a node does not come back over BiDi: the call fails, and would be retried).
 */
export async function until(page, fn, { args = [], timeout = 60_000, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastError;
  while (Date.now() < end) {
    try {
      const value = await page.evaluate(fn, ...args);
      if (value) return value;
    } catch (error) {
      // The page is between documents while it navigates: try again.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `timed out waiting for ${message}${lastError ? ` (last error: ${lastError.message})` : ''}`,
  );
}

/** Polls `fn` in Node (not in a page) until it returns a truthy value; returns that value. */
export async function eventually(fn, message, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const value = await fn();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${message}`);
}

/** Text of the first element matching `selector` once it has some. */
export function textOf(page, selector, options = {}) {
  return until(page, (sel) => document.querySelector(sel)?.textContent?.trim() || null, {
    args: [selector],
    message: `text in ${selector}`,
    ...options,
  });
}

export async function saveScreenshot(page, name) {
  const { mkdirSync } = await import('node:fs');
  const dir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `firefox-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
