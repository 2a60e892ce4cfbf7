import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { noInnerHtml } from '../../../scripts/vite-no-inner-html.mjs';

const PREACT_ID = '/repo/node_modules/preact/dist/preact.mjs';
const preactSource = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

type Transform = (this: { error(message: string): never }, code: string, id: string) => unknown;
const transform = noInnerHtml().transform as Transform;
const context = {
  error(message: string): never {
    throw new Error(message);
  },
};

describe('build: no innerHTML write in shipped code', () => {
  it("replaces the installed Preact's innerHTML write with a throw", () => {
    expect(preactSource).toMatch(/\.innerHTML=\w+\.__html/);
    const result = transform.call(context, preactSource, PREACT_ID) as { code: string };
    expect(result.code).not.toMatch(/\.innerHTML\s*=/);
    expect(result.code).toContain('dangerouslySetInnerHTML is disabled');
    // Reading innerHTML (Preact compares before writing) stays: it injects nothing.
    expect(result.code).toContain('.innerHTML');
  });

  it('fails the build when Preact no longer has exactly one such write', () => {
    expect(() => transform.call(context, 'export const x = 1;', PREACT_ID)).toThrow(/found 0/);
    const twice = 'a.innerHTML=b.__html;c.innerHTML=d.__html;';
    expect(() => transform.call(context, twice, PREACT_ID)).toThrow(/found 2/);
  });

  it('leaves every other module alone', () => {
    expect(transform.call(context, 'el.innerHTML=x.__html', '/repo/lib/x.ts')).toBeNull();
  });
});
