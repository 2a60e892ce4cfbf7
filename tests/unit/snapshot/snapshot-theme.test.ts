// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotToHtml, themeAtExport } from '../../../lib/snapshot/snapshot-html';
import { themeTokenCss } from '../../../lib/snapshot/widget-css';
import { exampleSnapshot } from './fixtures';

/**
 * A founder exported the offline snapshot from Pacer in dark mode and a colleague opened it in light:
 * it followed the colleague's OS. The file is drawn in the theme the user saw when exporting, on any
 * machine, and is light on paper.
 */
const bundle = 'customElements.define("x-y",class extends HTMLElement{})';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const themeCss = readFileSync(path.resolve(__dirname, '../../../components/shared/theme.css'), 'utf8');

describe('the theme a snapshot is exported in', () => {
  it('is the setting, or for "system" the OS’s at export time (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
        fc.boolean(),
        (s, dark) => {
          const theme = themeAtExport(s, dark);
          expect(theme).toBe(s === 'system' ? (dark ? 'dark' : 'light') : s);
        },
      ),
    );
  });
});

describe('snapshotToHtml in a theme', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`draws the page and every widget ${theme}, whatever the viewer's OS prefers`, () => {
      const html = snapshotToHtml(exampleSnapshot(), bundle, { theme });
      const doc = parse(html);
      expect(doc.documentElement.dataset.theme).toBe(theme);
      expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe(theme);
      const widgets = [...doc.querySelectorAll('pacer-goal, pacer-kpi-chart, pacer-scorecard')];
      expect(widgets.length).toBe(6);
      for (const w of widgets) expect(w.getAttribute('theme')).toBe(theme);
      const css = doc.querySelector('style')?.textContent ?? '';
      // No rule follows the viewer's preference any more.
      expect(css).not.toContain('prefers-color-scheme');
      expect(css).toContain(
        theme === 'dark' ? 'body{background:#12151b;color:#e8ebf0}' : 'body{background:#f6f7f9',
      );
      // Paper is light, whichever it is.
      expect(css).toContain('@media print{:root{color-scheme:light}body{background:#fff;color:#1b1f27');
    });
  }

  it('is light when no theme is given, never the viewer’s', () => {
    const doc = parse(snapshotToHtml(exampleSnapshot(), bundle));
    expect(doc.documentElement.dataset.theme).toBe('light');
    expect(doc.querySelector('pacer-goal')?.getAttribute('theme')).toBe('light');
  });
});

describe('the widgets on paper', () => {
  it('switch every widget to the light tokens and invert a canvas drawn dark', () => {
    const lines = themeTokenCss(themeCss).split('\n');
    const print = lines.find((l) => l.startsWith('@media print{'));
    expect(print).toContain(":host,:host([theme]),:host(:not([theme='light'])){");
    expect(print).toContain('--pcd-bg:#f6f7f9;');
    expect(print).toContain('--pcd-text:#1b1f27;');
    expect(print).not.toContain('#12151b');
    expect(print).toContain(":host([theme='dark']) canvas{filter:invert(1) hue-rotate(180deg)}");
    // A widget with no theme under a dark OS drew its chart dark too.
    expect(lines).toContain(
      "@media print and (prefers-color-scheme: dark){:host(:not([theme='light'])) canvas{filter:invert(1) hue-rotate(180deg)}}",
    );
    // On screen, nothing changed: light, dark by attribute, dark by preference unless light.
    expect(lines[0]).toMatch(/^:host\{/);
    expect(lines[1]).toMatch(/^:host\(\[theme='dark'\]\)\{/);
    expect(lines[2]).toMatch(/^@media \(prefers-color-scheme: dark\)/);
  });
});
