// Pacer renders no HTML strings: page text is data (README, Permissions), and Biome forbids
// `dangerouslySetInnerHTML` in our code. Preact still carries the one `innerHTML` write that serves that
// prop, and Mozilla's add-on linter flags it in every bundle that holds Preact (popup shell, widgets,
// the common chunk, the CRM content script). This plugin replaces that write with a throw, so the
// shipped code has no `innerHTML` assignment and a future use of the prop fails loudly instead of
// injecting markup. Used by wxt.config.ts and scripts/build-widgets.mjs.

/** Preact's `dom.innerHTML = newHtml.__html`, as minified in preact/dist/preact.mjs. */
const WRITE = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
const THROW =
  '(()=>{throw new Error("Pacer renders no HTML strings: dangerouslySetInnerHTML is disabled")})()';

/** Typed in vite-no-inner-html.d.mts (WXT and the widgets build each bring their own Vite). */
export function noInnerHtml() {
  return {
    name: 'pacer-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? '')) return null;
      const writes = code.match(WRITE)?.length ?? 0;
      // Preact's build changed: fail the build rather than ship an unchecked innerHTML write.
      if (writes !== 1) {
        this.error(
          `expected one innerHTML write in ${id}, found ${writes}: update scripts/vite-no-inner-html.mjs`,
        );
      }
      return { code: code.replace(WRITE, THROW), map: null };
    },
  };
}
