/**
 * Turning the extension's stylesheets into ones that behave inside a widget's shadow root.
 *
 * The problem: a host page themes widgets by setting `--pc-accent` (etc.) on any ancestor, and custom
 * properties inherit into shadow DOM, but only when the widget does not declare them itself. Declaring
 * defaults on `:host` would hide the page's values. So the defaults live under a private prefix
 * (`--pcd-*`, declared on `:host`) and every `var(--pc-x)` becomes `var(--pc-x, var(--pcd-x))`: the
 * page's value when it set one, the theme's default when it did not.
 */

/** A `--pc-*` declaration; the last one of a minified block has no `;`. */
const TOKEN = /(--pc-[\w-]+)\s*:\s*([^;{}]+)(?:;|$)/g;

function tokensOf(block: string): [string, string][] {
  return [...block.matchAll(TOKEN)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]);
}

function blocksAfter(css: string, selector: RegExp): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(new RegExp(`${selector.source}\\s*\\{([^{}]*)\\}`, 'g'))) out.push(m[1] ?? '');
  return out;
}

function declare(tokens: readonly [string, string][]): string {
  return tokens.map(([name, value]) => `--pcd-${name.slice(5)}:${value};`).join('');
}

/**
 * Reads the light tokens (the `:root, :host` block) and the dark ones (`:root[data-theme='dark']`)
 * from theme.css, as written or as minified, and declares them as `--pcd-*` defaults: light, dark with `theme="dark"`, and dark
 * under a dark system preference unless `theme="light"`.
 *
 * On paper every widget is light: printers leave out backgrounds, and a dark widget's light text on
 * white paper is unreadable. A chart's canvas keeps the colours it was drawn with (canvas cannot read
 * CSS variables), so one drawn dark is inverted back to a light one, hues kept, for print.
 */
const PRINT_INVERT = (host: string) => `${host} canvas{filter:invert(1) hue-rotate(180deg)}`;

export function themeTokenCss(themeCss: string): string {
  const css = themeCss.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = blocksAfter(css, /:host/).flatMap(tokensOf);
  // Quotes optional: the production build minifies theme.css to `:root[data-theme=dark]`.
  const dark = blocksAfter(css, /:root\[data-theme=['"]?dark['"]?\]/).flatMap(tokensOf);
  return [
    `:host{${declare(light)}color-scheme:light}`,
    `:host([theme='dark']){${declare(dark)}color-scheme:dark}`,
    `@media (prefers-color-scheme: dark){:host(:not([theme='light'])){${declare(dark)}color-scheme:dark}}`,
    `@media print{:host,:host([theme]),:host(:not([theme='light'])){${declare(light)}color-scheme:light}${PRINT_INVERT(":host([theme='dark'])")}}`,
    `@media print and (prefers-color-scheme: dark){${PRINT_INVERT(":host(:not([theme='light']))")}}`,
  ].join('\n');
}

/** `var(--pc-accent)` → `var(--pc-accent, var(--pcd-accent))`; a `var()` that has its own fallback is left as is. */
export function withTokenFallbacks(css: string): string {
  return css.replace(
    /var\(\s*--pc-([\w-]+)\s*\)/g,
    (_whole, name: string) => `var(--pc-${name}, var(--pcd-${name}))`,
  );
}

/**
 * The top-level rules of `css` whose every selector begins with one of `classes` (`.pc-badge`, or
 * `.pc-badge .x`; not `.pc-badge-title`): a small sheet for an element that needs only those rules.
 * At-rules and their blocks are left out. Works on the stylesheet as written and as minified.
 */
export function rulesFor(css: string, classes: readonly string[]): string {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  const starts = classes.map((c) => new RegExp(`^${c.replace(/[.]/g, '\\.')}(?![\\w-])`));
  let start = 0;
  for (let i = flat.indexOf('{'); i !== -1; i = flat.indexOf('{', start)) {
    // Statements such as `@charset "x";` end at a semicolon and are not part of the selector.
    const selector = (flat.slice(start, i).split(';').pop() ?? '').trim();
    const end = closingBrace(flat, i);
    const wanted =
      !selector.startsWith('@') && selector.split(',').every((s) => starts.some((re) => re.test(s.trim())));
    if (wanted) out.push(`${selector}${flat.slice(i, end + 1)}`);
    start = end + 1;
  }
  return out.join('\n');
}

function closingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  return css.length - 1;
}

/**
 * The lead badge's sheet from theme.css and widgets.css: theme defaults and the pill rules only. No
 * elements.css: its host is a size container, which would make every badge interleave style and layout.
 */
export function badgeSheet(themeCss: string, widgetsCss: string): string {
  return [themeTokenCss(themeCss), rulesFor(withTokenFallbacks(widgetsCss), ['.pc-badge', '.pc-tier'])].join(
    '\n',
  );
}
