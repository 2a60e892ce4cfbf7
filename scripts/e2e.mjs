// `npm run test:e2e`: every tests/e2e/*.e2e.mjs under Node's own test runner, one file at a time
// (each file launches its own Chromium; two at once on a 2-core CI machine only makes both flaky).
// Files are listed here rather than by passing the folder: Node 20 searches a folder only for
// *.test.mjs-style names, Node 22 not at all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  BrowserNotFoundError,
  checkExtensionDir,
  extensionDirFromEnv,
  findChromium,
  REPO_ROOT,
} from './browser.mjs';

const E2E_DIR = path.join(REPO_ROOT, 'tests', 'e2e');
const RESULTS_DIR = path.resolve(process.env.PACER_TEST_RESULTS || path.join(REPO_ROOT, 'test-results'));

function fail(message) {
  console.error(`test:e2e: ${message}`);
  process.exit(1);
}

const extensionDir = extensionDirFromEnv();
try {
  checkExtensionDir(extensionDir);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

let chromiumPath;
try {
  chromiumPath = findChromium();
} catch (error) {
  if (error instanceof BrowserNotFoundError) fail(error.message);
  throw error;
}

// Optional filter: `npm run test:e2e -- smoke` runs only files whose name contains "smoke".
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(E2E_DIR)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => filters.length === 0 || filters.some((word) => f.includes(word)))
  .sort()
  .map((f) => path.join('tests', 'e2e', f));
if (files.length === 0) fail(`no tests/e2e/*.e2e.mjs file matched ${filters.join(', ') || '(all)'}`);

mkdirSync(RESULTS_DIR, { recursive: true });
console.log(
  `e2e: ${files.length} file(s), extension ${path.relative(REPO_ROOT, extensionDir) || '.'}, browser ${chromiumPath}`,
);

const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-timeout=180000', ...files],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PACER_EXTENSION_DIR: extensionDir,
      CHROMIUM_PATH: chromiumPath,
      PACER_TEST_RESULTS: RESULTS_DIR,
    },
  },
);
if (result.error) fail(result.error.message);
process.exit(result.status ?? 1);
