// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../../lib/app/goal-view';
import { escapeXml, jsonForScript, scriptForInline } from '../../../lib/snapshot/escape';
import { CARD_PALETTES, goalCardSvg, wrapText } from '../../../lib/snapshot/goal-card-svg';
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

  it('wraps text into lines without losing a word or a character', () => {
    expect(wrapText('one two three four five six', 9)).toEqual(['one two', 'three', 'four five', 'six']);
    expect(wrapText('short', 20)).toEqual(['short']);
    expect(wrapText('Supercalifragilistic', 8)).toEqual(['Supercal', 'ifragili', 'stic']);
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w))),
        fc.integer({ min: 1, max: 60 }),
        (words, max) => {
          const lines = wrapText(words.join(' '), max);
          for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(max);
          expect(lines.join('').replace(/\s/g, '')).toBe(words.join('').replace(/\s/g, ''));
        },
      ),
    );
  });

  it('never breaks a line at a no-break space: the ₫ sign stays with its amount (review 38)', () => {
    // Intl's Vietnamese amounts: "44,3 tỷ ₫" with U+00A0 inside; en compact "₫1.2B", a narrow one in "1 234".
    const values = '44,3\u00a0tỷ\u00a0₫ / 150\u00a0tỷ\u00a0₫';
    expect(wrapText(values, 16)).toEqual(['44,3\u00a0tỷ\u00a0₫ /', '150\u00a0tỷ\u00a0₫']);
    expect(wrapText('a\u202fb\u2007c d', 5)).toEqual(['a\u202fb\u2007c', 'd']);
    fc.assert(
      fc.property(
        fc.array(
          fc
            .array(fc.constantFrom('1', '₫', 'tỷ', '44,3', 'Nov'), { minLength: 1, maxLength: 3 })
            .map((w) => w.join('\u00a0')),
          { minLength: 1, maxLength: 8 },
        ),
        (amounts) => {
          const longest = Math.max(...amounts.map((a) => Array.from(a).length));
          // A line wide enough for the longest amount never cuts one: each is whole on one line.
          for (const line of wrapText(amounts.join(' '), longest)) {
            for (const piece of line.split(' ')) expect(amounts).toContain(piece);
          }
        },
      ),
    );
  });

  // The marketer's card (review 2): the figures that matter sat past the cut, and the reason was gone.
  const roas = goalView({
    id: 'roas',
    title: 'ROAS of 4 or more every month',
    owner: 'Marketing lead',
    status: 'off_track',
    statusLabel: 'Off track',
    reason: 'Nov: 3.57×, below the 4× floor',
    progress: 0.27,
    value: 'Nov: 3.57×',
    target: '4×',
    progressText: 'held 3 of 11 months',
    pace: '0.43× under the 4× floor',
    forecast: 'Below the line now · 32% chance this month ends at or above 4×',
    deadline: 'Dec 31, 2026 · 24 days left',
  });

  /** The text the image shows, one string per `<text>` element, unescaped. */
  function svgLines(svg: string): string[] {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  }

  it('carries every figure of the card and its reason, wrapped, never elided', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const locale of ['en', 'vi'] as const) {
        const lines = svgLines(goalCardSvg(roas, locale, { theme }));
        const all = lines.join(' ');
        expect(all).not.toContain('…');
        expect(all).toContain('Nov: 3.57× / 4×');
        expect(all).toContain('held 3 of 11 months');
        expect(all).toContain('Off track · Nov: 3.57×, below the 4× floor');
        expect(all).toContain('0.43× under the 4× floor');
        expect(all).toContain('Below the line now · 32% chance this month ends at or above 4×');
        expect(all).toContain('Dec 31, 2026 · 24 days left');
      }
    }
    const vi = goalView({
      id: 'vi',
      title: 'Giữ biên lợi nhuận gộp từ 30% trở lên trong suốt năm tài chính 2026',
      status: 'at_risk',
      statusLabel: 'Có rủi ro',
      reason: '01–07/12: 29,6%, dưới mức sàn 30%',
      value: '01–07/12: 29,6%',
      target: '30%',
      progressText: 'giữ được 5 trên 12 tháng',
      forecast: 'Đang dưới ngưỡng · 45% khả năng tháng này kết thúc ở mức 30% trở lên',
    });
    const all = svgLines(goalCardSvg(vi, 'vi', { theme: 'dark' })).join(' ');
    expect(all).not.toContain('…');
    for (const figure of [
      'giữ được 5 trên 12 tháng',
      'Có rủi ro · 01–07/12: 29,6%, dưới mức sàn 30%',
      '30% trở lên',
    ])
      expect(all).toContain(figure);
  });

  it('keeps each line inside the card by its width estimate, growing the card instead', () => {
    const long = goalView({
      ...roas,
      forecast: 'Forecast for Dec 31, 2026: ₫4.92B (80%: ₫4.73B – ₫5.07B) '.repeat(3),
    });
    const short = goalCardSvg(roas, 'en');
    const svg = goalCardSvg(long, 'en');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    for (const el of doc.querySelectorAll('text')) {
      if (el.getAttribute('text-anchor') === 'end' || el.querySelector('tspan')) continue;
      const size = Number(el.getAttribute('font-size'));
      const glyph = el.getAttribute('font-weight') ? 0.62 : 0.56;
      expect(
        Array.from(el.textContent ?? '').length * size * glyph,
        el.textContent ?? '',
      ).toBeLessThanOrEqual(440);
    }
    expect(svgLines(svg).filter((l) => l.includes('₫')).length).toBeGreaterThanOrEqual(3);
    expect(Number(doc.documentElement.getAttribute('height'))).toBeGreaterThan(
      Number(new DOMParser().parseFromString(short, 'image/svg+xml').documentElement.getAttribute('height')),
    );
  });

  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  function contrast(a: string, b: string): number {
    const lum = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  it('writes every text in a colour readable on the card, "No data yet" included, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const surface = CARD_PALETTES[theme].surface;
      for (const status of ['on_track', 'at_risk', 'off_track', 'done', 'no_data'] as const) {
        const svg = goalCardSvg(goalView({ ...roas, status, statusLabel: 'No data yet' }), 'en', { theme });
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        expect(doc.querySelector('svg > rect')?.getAttribute('fill')).toBe(surface);
        for (const el of doc.querySelectorAll('text, tspan')) {
          const fill = el.getAttribute('fill') ?? el.closest('text')?.getAttribute('fill');
          if (!fill) continue;
          expect(
            contrast(fill, surface),
            `${theme} ${status} "${el.textContent}" ${fill}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
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
    expect(doc.querySelector('.meta')?.textContent).toBe('Bản chụp lúc 09:30 ngày 23/11/2026');
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
