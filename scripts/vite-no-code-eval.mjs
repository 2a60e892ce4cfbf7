// Team sync's PouchDB (background only) carries `scopeEval` in pouchdb-utils: `Function(...)` over a
// string, used only for filters and views given as source text (a design document's `filters`). Pacer
// never passes those — its push filter is a plain function — and an extension must not evaluate code
// strings (MV3's CSP forbids it; Mozilla's add-on linter flags it). This plugin replaces the call with
// a throw, so the shipped background has no Function constructor and a future use fails loudly.

const CALL = 'return Function.apply(null, keys).apply(null, values);';
const POUCH_UTILS = /[\\/]node_modules[\\/]pouchdb-utils[\\/]lib[\\/]index[^\\/]*\.js$/;
const THROW = 'throw new Error("Pacer evaluates no code strings: PouchDB filters must be functions");';

/** Typed in vite-no-code-eval.d.mts. */
export function noCodeEval() {
  return {
    name: 'pacer-no-code-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!POUCH_UTILS.test(id.split('?')[0] ?? '')) return null;
      // pouchdb-utils changed: fail the build rather than ship an unchecked Function constructor.
      if (!code.includes(CALL))
        this.error(`expected scopeEval's Function call in ${id}: update ${import.meta.url}`);
      return { code: code.replace(CALL, THROW), map: null };
    },
  };
}
