import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The new tab paints its cached goal cards before its lazy app chunk loads, within 50 KB of gzipped
 * JS (`npm run bench`). Whatever entrypoints/newtab/main.tsx imports statically is in that budget; the
 * full string tables alone (~42 KB gzip) are over it. This walks the static imports (not `import type`,
 * not `import()`) of our own files from the entry, so a stray import fails here, not only in the bench.
 */
const ROOT = path.resolve(__dirname, '../../..');
const ENTRY = 'entrypoints/newtab/main.tsx';
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, spec = ''] of source.matchAll(STATIC_IMPORT)) {
      const next = resolveLocal(file, spec);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('new tab first paint', () => {
  const graph = staticGraph(ENTRY);

  it('reaches the shell and its cards', () => {
    expect(graph).toContain('components/newtab/shell.tsx');
    expect(graph).toContain('components/widgets/goal-card.tsx');
    expect(graph).toContain('lib/i18n/messages-shell.ts');
  });

  it.each([
    'lib/i18n/translate.ts',
    'lib/i18n/messages-en.ts',
    'lib/i18n/messages-vi.ts',
    'components/newtab/app.tsx',
  ])('does not load %s before painting', (file) => {
    expect(graph).not.toContain(file);
  });
});
