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
 */
export function themeTokenCss(themeCss: string): string {
  const css = themeCss.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = blocksAfter(css, /:host/).flatMap(tokensOf);
  // Quotes optional: the production build minifies theme.css to `:root[data-theme=dark]`.
  const dark = blocksAfter(css, /:root\[data-theme=['"]?dark['"]?\]/).flatMap(tokensOf);
  return [
    `:host{${declare(light)}color-scheme:light}`,
    `:host([theme='dark']){${declare(dark)}color-scheme:dark}`,
    `@media (prefers-color-scheme: dark){:host(:not([theme='light'])){${declare(dark)}color-scheme:dark}}`,
  ].join('\n');
}

/** `var(--pc-accent)` → `var(--pc-accent, var(--pcd-accent))`; a `var()` that has its own fallback is left as is. */
export function withTokenFallbacks(css: string): string {
  return css.replace(
    /var\(\s*--pc-([\w-]+)\s*\)/g,
    (_whole, name: string) => `var(--pc-${name}, var(--pcd-${name}))`,
  );
}
