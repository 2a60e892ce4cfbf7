import type { WxtViteConfig } from 'wxt';
import { DEFERRED_MODULE_META } from '../components/popup/shell-markers';

/**
 * Build-only Vite plugin for pages whose first frame must cost one fetch (the toolbar popup): a page
 * opens in ~70 ms here, and every extra resource on the critical path (measured: module script +
 * modulepreloads ~10 ms, stylesheet link ~5 ms) eats into the popup's 100 ms budget.
 *
 * In the named pages' built HTML it
 * - inlines the stylesheets Vite linked (the MV3 CSP restricts scripts, not styles);
 * - takes out the entry `<script type="module">` and its `modulepreload` links, and names the module in
 *   `<meta name="pacer-deferred-module">` instead: the page's classic shell script starts it after the
 *   first frame (components/popup/deferred-module.ts).
 * Anything it does not recognise fails the build, so a Vite change cannot silently ship a page that
 * never loads its module. `wxt dev` keeps the page as written.
 */
/** A plugin as WXT's own Vite takes it (WXT bundles a different Vite from the one vitest uses). */
type Plugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

export function firstPaintPage(htmlFiles: readonly string[]): Plugin {
  // Paths relative to the project root, as Vite sees the page: 'entrypoints/popup/index.html'.
  const seen = new Set<string>();
  return {
    name: 'pacer:first-paint-page',
    apply: 'build',
    buildEnd() {
      seen.clear();
    },
    writeBundle(_options, bundle) {
      // WXT runs one build per script and one for all HTML pages; only the latter is checked.
      if (!Object.keys(bundle).some((f) => f.endsWith('.html'))) return;
      const missing = htmlFiles.filter((f) => !seen.has(f));
      if (missing.length) this.error(`first-paint pages not built: ${missing.join(', ')}`);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const file = ctx.path.replace(/^\//, '');
        if (!htmlFiles.includes(file)) return html;
        seen.add(file);
        return deferModuleAndInlineCss(html, file, (href) => {
          const asset = ctx.bundle?.[href.replace(/^\//, '')];
          if (asset?.type !== 'asset') return undefined;
          return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        });
      },
    },
  };
}

const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>\s*/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g;
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g;

/** The transformation itself, on a string, so it can be tested without a build. */
export function deferModuleAndInlineCss(
  html: string,
  file: string,
  readCss: (href: string) => string | undefined,
): string {
  const modules = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]);
  if (modules.length !== 1) {
    throw new Error(`${file}: expected one <script type="module"> to defer, found ${modules.length}`);
  }
  let out = html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  out = out.replace(STYLESHEET, (_tag, href: string) => {
    const css = readCss(href);
    if (css === undefined) throw new Error(`${file}: stylesheet ${href} is not in the bundle`);
    if (/<\/style/i.test(css)) throw new Error(`${file}: ${href} contains "</style" and cannot be inlined`);
    if (/url\(\s*['"]?(?!data:|#)/i.test(css)) {
      throw new Error(`${file}: ${href} refers to files by url(); inlining would move their base`);
    }
    return `<style>${css}</style>`;
  });
  const meta = `<meta name="${DEFERRED_MODULE_META}" content="${modules[0]}">`;
  if (!out.includes('</head>')) throw new Error(`${file}: no </head> to put the module's name in`);
  return out.replace('</head>', `  ${meta}\n  </head>`);
}
