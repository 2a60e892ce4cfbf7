// Shared real-browser helpers for `npm start`, the e2e tests and the benches.
// We drive the Chromium (or Chrome) already on the machine through playwright-core and never download a
// browser build: CI machines reach only package registries, so `.ci/run` installs Debian's `chromium`.
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_EXTENSION_DIR = path.join(REPO_ROOT, '.output', 'chrome-mv3');

/** Where e2e tests and benches may override the build they load (e.g. a zip unpacked elsewhere). */
export function extensionDirFromEnv() {
  return path.resolve(process.env.PACER_EXTENSION_DIR || DEFAULT_EXTENSION_DIR);
}

const CANDIDATES = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    `${process.env.PROGRAMFILES || 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] || 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env.LOCALAPPDATA || ''}\\Chromium\\Application\\chrome.exe`,
  ],
};

export class BrowserNotFoundError extends Error {}

/**
 * Path of a Chromium-family browser: $CHROMIUM_PATH first, then the usual install locations
 * (Chromium before Chrome: branded Chrome 137+ ignores --load-extension).
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const tried = CANDIDATES[process.platform] ?? CANDIDATES.linux;
  const found = tried.find((p) => existsSync(p));
  if (found) return found;
  throw new BrowserNotFoundError(
    [
      'No Chromium or Chrome browser found. Looked in:',
      ...tried.map((p) => `  ${p}`),
      'Install one of them:',
      '  Debian/Ubuntu: sudo apt-get install chromium   (Ubuntu may call it chromium-browser)',
      '  or install Google Chrome, or set CHROMIUM_PATH=/path/to/chrome',
    ].join('\n'),
  );
}

const FIREFOX_CANDIDATES = {
  linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox'],
  darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
  win32: [`${process.env.PROGRAMFILES || 'C:\\Program Files'}\\Mozilla Firefox\\firefox.exe`],
};

/** Path of Firefox (ESR or release, 140+): $FIREFOX_PATH first, then the usual install locations. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const tried = FIREFOX_CANDIDATES[process.platform] ?? FIREFOX_CANDIDATES.linux;
  const found = tried.find((p) => existsSync(p));
  if (found) return found;
  throw new BrowserNotFoundError(
    [
      'No Firefox found. Looked in:',
      ...tried.map((p) => `  ${p}`),
      'Install it (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH=/path/to/firefox',
    ].join('\n'),
  );
}

/** Google Chrome (branded) dropped --load-extension in 137; only a flag can bring it back, and not for long. */
function isBrandedChrome(executablePath) {
  return /google[- ]chrome/i.test(executablePath);
}

/**
 * Chromium refuses to load an extension whose manifest names a default_locale without the matching
 * _locales folder, and says so only in its own UI. Check the things we can see, so a broken build fails
 * with a sentence instead of a 15 s wait for a service worker that never comes.
 */
export function checkExtensionDir(extensionDir) {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(
      `No built extension at ${extensionDir} (manifest.json missing). Run \`npm run build\` first.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const locale = manifest.default_locale;
  if (locale && !existsSync(path.join(extensionDir, '_locales', locale, 'messages.json'))) {
    throw new Error(
      `${manifestPath} names default_locale "${locale}" but _locales/${locale}/messages.json is missing: ` +
        'Chromium will refuse to load it. Add public/_locales/<locale>/messages.json and rebuild.',
    );
  }
  return manifest;
}

/** Arguments that keep the test browser quiet: no sign-in, sync, component updates or QUIC probes. */
const QUIET_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=MediaRouter,OptimizationHints,Translate',
];

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Launches Chromium with the unpacked extension on a persistent profile.
 * Headless uses `--headless=new` explicitly: the old headless mode (the default of Chromium < 132)
 * cannot load extensions, so we never leave the choice to the browser's version.
 * No colour scheme is emulated unless `colorScheme` asks for one: Playwright's default emulation of
 * "light" also forces the browser's own popups (a date field's calendar, a select's list) light, even
 * on a page whose `color-scheme` is dark, which no user's browser does: a dark-theme screenshot had
 * shown a white calendar that users never see. The browser's own preference stays (light, headless).
 * @param {{ extensionDir?: string, userDataDir?: string, headless?: boolean, executablePath?: string,
 *   extraArgs?: string[], viewport?: {width:number,height:number}|null, timeoutMs?: number,
 *   hideAutomationBar?: boolean, colorScheme?: 'light'|'dark'|'no-preference'|null }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string,
 *   serviceWorker: import('playwright-core').Worker, userDataDir: string, close: () => Promise<void> }>}
 */
export async function launchWithExtension(options = {}) {
  const { chromium } = await import('playwright-core');
  const extensionDir = path.resolve(options.extensionDir ?? extensionDirFromEnv());
  checkExtensionDir(extensionDir);
  const headless = options.headless ?? true;
  const executablePath = options.executablePath ?? findChromium();
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'pacer-profile-'));

  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...QUIET_ARGS,
    ...(options.extraArgs ?? []),
  ];
  // Root cannot use the sandbox (CI and containers); a headed browser for a normal user keeps it.
  if (headless || isRoot()) args.push('--no-sandbox');
  if (headless) args.push('--headless=new', '--hide-scrollbars', '--mute-audio');
  if (isBrandedChrome(executablePath)) args.push('--disable-features=DisableLoadExtensionCommandLineSwitch');

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false, // see above: the mode is chosen by --headless=new in args
    args,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    colorScheme: options.colorScheme ?? null,
    ignoreDefaultArgs: options.hideAutomationBar ? ['--enable-automation'] : undefined,
  });

  const close = async () => {
    await context.close().catch(() => {});
    if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  try {
    let serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    serviceWorker ??= await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: options.timeoutMs ?? 15_000,
    });
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (error) {
    await close();
    const hint = isBrandedChrome(executablePath)
      ? ' Google Chrome 137+ ignores --load-extension: install Chromium or set CHROMIUM_PATH to it.'
      : ' Open chrome://extensions in a normal browser and load the folder by hand to see its error.';
    throw new Error(
      `The extension at ${extensionDir} did not start its service worker in ${executablePath}.${hint}\n` +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a folder on 127.0.0.1 at a random free port (never on other interfaces).
 * @param {string} rootDir
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function serveStatic(rootDir) {
  const root = path.resolve(rootDir);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = path.join(root, pathname);
    // Refuse anything that climbs out of the served folder.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

/** True when a request stays on this machine: extension pages, browser internals, or the loopback server. */
export function isLocalUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['chrome-extension:', 'chrome:', 'about:', 'data:', 'blob:', 'devtools:'].includes(parsed.protocol)) {
    return true;
  }
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

/**
 * Chromium without the extension, on a throwaway disk profile (so IndexedDB lives on disk as it would for
 * a user; an incognito context keeps it in memory). Used by the benches to run bundled lib code in a page.
 * @param {{ headless?: boolean, executablePath?: string }} [options]
 */
export async function launchPlainChromium(options = {}) {
  const { chromium } = await import('playwright-core');
  const headless = options.headless ?? true;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'pacer-bench-profile-'));
  const args = [...QUIET_ARGS];
  if (headless || isRoot()) args.push('--no-sandbox');
  if (headless) args.push('--headless=new', '--hide-scrollbars', '--mute-audio');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? findChromium(),
    headless: false, // the mode is chosen by --headless=new, as in launchWithExtension
    args,
    viewport: { width: 1280, height: 800 },
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}
