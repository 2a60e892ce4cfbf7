import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../../lib/app/goal-view';
import { escapeXml, jsonForScript, scriptForInline } from '../../../lib/snapshot/escape';
import { goalCardSvg, wrapText } from '../../../lib/snapshot/goal-card-svg';
import { snapshotToHtml } from '../../../lib/snapshot/snapshot-html';
import { themeTokenCss, withTokenFallbacks } from '../../../lib/snapshot/widget-css';
import { exampleSnapshot, goalView } from './fixtures';

const HOSTILE = `</script><script>alert("x")</script><!-- & 'quotes' \u2028`;

function unescapeXml(s: string): string {
  return s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's\u0000\u0008</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
    expect(escapeXml('Doanh thu quý 4 ₫ 😀')).toBe('Doanh thu quý 4 ₫ 😀');
  });

  it('property: the output has no markup characters and printable text survives the round trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeXml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids.
        expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
        expect(escapeXml(unescapeXml(out))).toBe(out);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unescapeXml(escapeXml(s))).toBe(s);
      }),
    );
  });

  it('jsonForScript round-trips and never contains "<"', () => {
    const value = { title: HOSTILE };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('scriptForInline neutralises </script and <!-- without changing string values', () => {
    const source = 'const a = "</script>"; const b = `<!--`; const c = /<\\/SCRIPT/i;';
    const safe = scriptForInline(source);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    const run = new Function(`${safe}; return [a, b, String(c)];`) as () => string[];
    expect(run()).toEqual(['</script>', '<!--', '/<\\/SCRIPT/i']);
  });
});

describe('goalCardSvg', () => {
  it('is one well-formed SVG document with escaped text', () => {
    const goal = goalView({
      id: 'g1',
      title: `Leads <b>"A" & 'B'</b>\u0001`,
      owner: 'Lan & Co',
      progress: 0.5,
    });
    const svg = goalCardSvg(goal, 'en');
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Leads &lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;');
    expect(svg).toContain('Owner: Lan &amp; Co');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement.nodeName.toLowerCase()).toBe('svg');
    expect(doc.querySelector('title')?.textContent).toBe(`Leads <b>"A" & 'B'</b> — On track, 50 / 100, 50%`);
    // The bar is 440 px wide inside 20 px padding; half done is 220 px.
    expect(svg).toContain('<rect x="20" y="');
    expect(svg).toMatch(/<rect x="20" y="\d+" width="220" height="8"/);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('labels in the requested language and marks it', () => {
    const svg = goalCardSvg(goalView({ id: 'g', owner: 'Lan', progress: null, spark: [] }), 'vi');
    expect(svg).toContain('xml:lang="vi"');
    expect(svg).toContain('Người phụ trách: Lan');
    // No progress: only the track, no fill; no spark: no path.
    expect(svg.match(/height="8"/g)).toHaveLength(1);
    expect(svg).not.toContain('<path');
  });

  it('wraps long titles into two lines with an ellipsis', () => {
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(wrapText('short', 20, 2)).toEqual(['short']);
    expect(wrapText('Supercalifragilistic', 8, 2)).toEqual(['Superca…']);
  });
});

describe('snapshotToHtml', () => {
  const bundle = 'console.log("</script>");customElements.define("x-y",class extends HTMLElement{})';

  it('inlines the bundle and the snapshot and loads nothing from elsewhere', () => {
    const title = HOSTILE.trim();
    const snapshot = { ...exampleSnapshot(), title };
    const html = snapshotToHtml(snapshot, bundle, { timeZone: 'Asia/Ho_Chi_Minh' });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', 'module']);
    expect(scripts.every((s) => !s.hasAttribute('src'))).toBe(true);
    expect(Snapshot.parse(JSON.parse(scripts[0]?.textContent ?? ''))).toEqual(snapshot);
    expect(scripts[1]?.textContent).toContain('console.log("\\x3C/script>")');
    expect(doc.querySelector('title')?.textContent).toBe(title);
    expect(doc.querySelector('h1')?.textContent).toBe(title);
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toContain("default-src 'none'");
  });

  it('places one card per goal, a chart where the snapshot has one, and the scorecard', () => {
    const html = snapshotToHtml(exampleSnapshot(), bundle);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.querySelectorAll('pacer-goal')].map((e) => e.getAttribute('goal-id'))).toEqual([
      'g-revenue',
      'g-leads',
      'g-nps',
      'g-training',
    ]);
    expect([...doc.querySelectorAll('pacer-kpi-chart')].map((e) => e.getAttribute('goal-id'))).toEqual([
      'g-revenue',
    ]);
    expect(doc.querySelectorAll('pacer-scorecard')).toHaveLength(1);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('.meta')?.textContent).toBe('Snapshot of Nov 23, 2026, 9:30 AM');
  });

  it('writes Vietnamese page texts for a vi snapshot', () => {
    const html = snapshotToHtml({ ...exampleSnapshot(), locale: 'vi', title: undefined }, bundle);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('Mục tiêu Pacer');
    expect(doc.querySelector('.meta')?.textContent).toBe('Bản chụp ngày 09:30 23/11/2026');
  });
});

describe('widget CSS', () => {
  const themeCss = readFileSync(path.resolve(__dirname, '../../../components/shared/theme.css'), 'utf8');

  it('turns the theme tokens into --pcd-* defaults for light, dark and the system preference', () => {
    const css = themeTokenCss(themeCss);
    const [light, dark, system] = css.split('\n');
    expect(light).toMatch(/^:host\{.*--pcd-accent:#2156c7;.*--pcd-radius:10px;.*color-scheme:light\}$/);
    expect(dark).toMatch(/^:host\(\[theme='dark'\]\)\{.*--pcd-accent:#7aa2ff;.*color-scheme:dark\}$/);
    expect(system).toContain(":host(:not([theme='light'])){");
    expect(css).not.toMatch(/--pc-[a-z]/);
  });

  it('reads minified theme CSS too (no quotes, no last semicolon)', () => {
    const minified =
      ':root,:host{--lightningcss-light:initial;--pc-surface:#fff;--pc-font:system-ui, "Segoe UI"}' +
      ':root[data-theme=dark]{--pc-surface:#1b2029;--pc-focus:#9ec1ff}';
    const [light, dark] = themeTokenCss(minified).split('\n');
    expect(light).toBe(':host{--pcd-surface:#fff;--pcd-font:system-ui, "Segoe UI";color-scheme:light}');
    expect(dark).toBe(":host([theme='dark']){--pcd-surface:#1b2029;--pcd-focus:#9ec1ff;color-scheme:dark}");
  });

  it('gives every var(--pc-x) the default as fallback, leaving vars with their own fallback alone', () => {
    expect(
      withTokenFallbacks('a{color:var(--pc-text);border:1px solid var(--pc-status, var(--pc-border))}'),
    ).toBe(
      'a{color:var(--pc-text, var(--pcd-text));border:1px solid var(--pc-status, var(--pc-border, var(--pcd-border)))}',
    );
  });
});
