// `npm run test:e2e:firefox [word]`: the Firefox e2e tests (tests/e2e-firefox/*.e2e.mjs, or those whose
// name contains `word`) against .output/firefox-mv3, with Node's test runner, one file at a time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BrowserNotFoundError, findFirefox, REPO_ROOT } from './browser.mjs';

const dir = path.join(REPO_ROOT, 'tests', 'e2e-firefox');
const word = process.argv[2] ?? '';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.mjs') && f.includes(word))
  .map((f) => path.join(dir, f));
if (files.length === 0) {
  console.error(`No Firefox e2e test file matches "${word}".`);
  process.exit(1);
}
/** The Firefox these tests were made with speaks the BiDi puppeteer-core 24 sends; ESR 140 does not all of it. */
const MIN_FIREFOX = 153;
try {
  const firefox = findFirefox();
  const version = spawnSync(firefox, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const major = Number(/Firefox (\d+)\./.exec(version)?.[1] ?? Number.NaN);
  console.log(`Firefox: ${firefox} (${version.trim() || 'version unknown'})`);
  if (major < MIN_FIREFOX) {
    console.error(
      `Firefox ${major} is too old for these tests: they need ${MIN_FIREFOX} or later (puppeteer-core's ` +
        'WebDriver BiDi, e.g. setting the viewport and opening tabs). On Debian: ' +
        '`sudo apt-get update && sudo apt-get install firefox-esr` (ESR 153 comes with the security updates).',
    );
    process.exit(1);
  }
} catch (error) {
  if (!(error instanceof BrowserNotFoundError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (!existsSync(path.join(REPO_ROOT, '.output', 'firefox-mv3', 'manifest.json'))) {
  console.error('No Firefox build in .output/firefox-mv3: run `npm run build:firefox` first.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-timeout=600000', ...files],
  { cwd: REPO_ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
