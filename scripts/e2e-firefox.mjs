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
try {
  console.log(`Firefox: ${findFirefox()}`);
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
