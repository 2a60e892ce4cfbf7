import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

const UNIT_DIR = 'tests/unit';

/**
 * What a test file does that another file in the same worker could see or undo: mocking or spying on
 * a module (a mock cannot replace a module another file already loaded), stubbing globals or timers,
 * a database, the browser's storage or the page language. Such a file runs isolated, with fresh
 * modules; every other file is pure logic and shares its worker's modules with the next file, which
 * cut the unit run from about 210 s to about 155 s on a 2-core machine. A test helper the file imports
 * from tests/ (a shared fixture that opens a database, say) counts as the file's own text.
 */
const SHARED_STATE =
  /vi\.(mock|doMock|spyOn|stubGlobal|stubEnv|useFakeTimers)\b|indexedDB|openDB|lib\/storage|storage\/helpers|setLocale|locale\.value|happy-dom|fakeBrowser|localStorage|browser\./;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return /\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Whether `file`, or a test helper it imports (relative paths under tests/, followed), holds shared state. */
function touchesSharedState(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (SHARED_STATE.test(text)) return true;
  for (const [, spec = ''] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const base = path.posix.join(path.posix.dirname(file), spec);
    if (!base.startsWith('tests/')) continue;
    const helper = ['', '.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    if (helper && /\.tsx?$/.test(helper) && touchesSharedState(helper, seen)) return true;
  }
  return false;
}

const isolated = testFiles(UNIT_DIR).filter((file) => touchesSharedState(file));

export default defineConfig({
  plugins: [WxtVitest()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    // Most tests are pure logic and run in Node; a test file that renders or reads the DOM says
    // `// @vitest-environment happy-dom` in its first line. Creating a DOM for every file took a third
    // of the unit run's time.
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'isolated', include: isolated, isolate: true } },
      {
        extends: true,
        test: {
          name: 'shared',
          include: [`${UNIT_DIR}/**/*.test.{ts,tsx}`],
          exclude: isolated,
          isolate: false,
        },
      },
    ],
  },
});
