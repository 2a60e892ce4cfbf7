// `npm start`: build if needed, then open a real browser with Pacer loaded and its example data in.
// Uses its own profile in .pacer-profile/ so it never touches the user's everyday browser profile.
// `npm start -- --fresh` wipes that profile first.
// Once the new tab shows the example goals it prints one line starting with READY_LINE (CI waits for it,
// .ci/run); `npm start -- --close-when-ready` then closes the browser and exits (0), for CI and scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  BrowserNotFoundError,
  DEFAULT_EXTENSION_DIR,
  findChromium,
  launchWithExtension,
  REPO_ROOT,
} from './browser.mjs';

const PROFILE_DIR = path.join(REPO_ROOT, '.pacer-profile');
const READY_LINE = 'Pacer is ready:';
// The example data's first load computes months of rollups: slow on a busy 2-core machine.
const READY_TIMEOUT_MS = 180_000;
// What a build reads: if any of it is newer than the built manifest, the build is stale.
const SOURCES = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
  'tsconfig.json',
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIfStale() {
  const manifest = path.join(DEFAULT_EXTENSION_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(REPO_ROOT, s))));
  if (builtAt && builtAt >= sourcesAt) {
    console.log('Extension build is up to date (.output/chrome-mv3).');
    return;
  }
  console.log(builtAt ? 'Sources changed since the last build: rebuilding…' : 'No build yet: building…');
  // npm run build: the widgets bundle first (Share / embed ships it), then the extension.
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('\n`npm run build` failed; fix the errors above and run `npm start` again.');
    process.exit(result.status ?? 1);
  }
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function printManualLoad() {
  console.log(
    [
      '',
      'To load Pacer by hand in Chrome, Chromium or Edge:',
      '  1. open chrome://extensions',
      '  2. turn on "Developer mode"',
      `  3. "Load unpacked" and pick ${DEFAULT_EXTENSION_DIR}`,
      '  4. open a new tab; for example data, open Pacer\'s options page and add "?example=1" to its URL',
    ].join('\n'),
  );
}

/**
 * Waits until the new tab's dashboard (not only its cached first paint) shows goal cards, and returns
 * how many. The options page loads the example data meanwhile; the new tab follows through storage
 * change messages.
 */
async function waitForExampleGoals(page) {
  await page.waitForFunction(
    () =>
      document.querySelector('main[aria-busy="false"]') &&
      document.querySelectorAll('[data-testid="goal-card"]').length > 0,
    null,
    { timeout: READY_TIMEOUT_MS },
  );
  return page.locator('[data-testid="goal-card"]').count();
}

async function main() {
  buildIfStale();

  let executablePath;
  try {
    executablePath = findChromium();
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    console.error(`\n${error.message}`);
    console.error('\nThen run `npm start` again.');
    process.exit(1);
  }

  if (!hasDisplay()) {
    console.log(
      [
        '',
        'No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open here.',
        'The extension is built. Either:',
        '  - run it under a virtual display:  xvfb-run npm start   (Debian: sudo apt-get install xvfb)',
        '  - or run `npm start` on a desktop session.',
      ].join('\n'),
    );
    printManualLoad();
    return;
  }

  if (process.argv.includes('--fresh')) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    console.log('Removed the old .pacer-profile/.');
  }

  console.log(`Opening ${executablePath} with Pacer loaded (profile: .pacer-profile/)…`);
  let launched;
  try {
    launched = await launchWithExtension({
      extensionDir: DEFAULT_EXTENSION_DIR,
      userDataDir: PROFILE_DIR,
      headless: false,
      executablePath,
      viewport: null, // let the window size itself like a normal browser
      hideAutomationBar: true,
    });
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    printManualLoad();
    process.exit(1);
  }
  const { context, extensionId } = launched;

  // The options page loads the example data itself when ?example=1 is present and the DB has none yet.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html?example=1`);
  await options.waitForLoadState('load');

  const newtab = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
  await newtab
    .goto('chrome://newtab/')
    .catch(() => newtab.goto(`chrome-extension://${extensionId}/newtab.html`));
  await newtab.bringToFront();

  console.log(`Pacer is running (extension id ${extensionId}). Close the browser window to stop.`);
  const closeWhenReady = process.argv.includes('--close-when-ready');
  try {
    const goals = await waitForExampleGoals(newtab);
    console.log(`${READY_LINE} the new tab shows ${goals} goals from the example data.`);
  } catch (error) {
    console.error(`Pacer did not show the example goals: ${error instanceof Error ? error.message : error}`);
    if (closeWhenReady) {
      await context.close().catch(() => {});
      process.exit(1);
    }
  }
  if (closeWhenReady) {
    await context.close().catch(() => {});
    console.log('Browser closed (--close-when-ready).');
    return;
  }

  const closed = new Promise((resolve) => context.once('close', resolve));
  const stop = () => context.close().catch(() => {});
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await closed;
  console.log('Browser closed. Bye.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
