// `npm run build:widgets` (also the second half of `npm run build`): the embeddable widgets as a
// standalone ES-module library, with no extension API in it.
//   .output/widgets/pacer-widgets.js         the entry: load it with <script type="module" src=…>
//   .output/widgets/chunks/*.js              uPlot and its CSS, imported only when a <pacer-kpi-chart> renders
//   .output/widgets/pacer-widgets.inline.js  the same in one file (uPlot included), for the exported
//                                            self-contained HTML, which cannot load a second file
// Prints the gzip sizes and fails when the entry is over its 40 KB gzip budget (issue 7).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { noInnerHtml } from './vite-no-inner-html.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, '.output', 'widgets');
const ENTRY = path.join(ROOT, 'components', 'widgets', 'elements', 'index.ts');
const ENTRY_FILE = 'pacer-widgets.js';
const INLINE_FILE = 'pacer-widgets.inline.js';
const BUDGET_BYTES = 40 * 1024;

/**
 * Widgets style their shadow roots from `?inline` CSS strings. A plain `import 'x.css'` (kpi-chart.tsx
 * loads uPlot's CSS that way for the extension pages) would only produce a page-level stylesheet, which
 * cannot reach inside a shadow root, so in this build it is an empty module.
 */
const plainCssIsEmpty = {
  name: 'pacer-widgets:plain-css-is-empty',
  enforce: 'pre',
  resolveId(id) {
    // The virtual id must not end in .css, or Vite's CSS pipeline would take it back.
    return /\.css$/.test(id) ? '\0pacer-empty-css' : null;
  },
  load(id) {
    return id === '\0pacer-empty-css' ? 'export default "";' : null;
  },
};

function config({ fileName, emptyOutDir, codeSplitting }) {
  return {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    plugins: [plainCssIsEmpty, noInnerHtml()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // A library build keeps process.env.NODE_ENV as written; the page has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'es2022',
      outDir: OUT_DIR,
      emptyOutDir,
      minify: true,
      sourcemap: false,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => fileName },
      rolldownOptions: {
        output: {
          codeSplitting,
          chunkFileNames: 'chunks/[name]-[hash].js',
          minify: true,
        },
      },
    },
  };
}

function gzipKb(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  await build(config({ fileName: ENTRY_FILE, emptyOutDir: true, codeSplitting: true }));
  await build(config({ fileName: INLINE_FILE, emptyOutDir: false, codeSplitting: false }));

  const rows = [[ENTRY_FILE, gzipKb(path.join(OUT_DIR, ENTRY_FILE))]];
  const chunksDir = path.join(OUT_DIR, 'chunks');
  for (const name of readdirSync(chunksDir).sort()) {
    if (statSync(path.join(chunksDir, name)).isFile())
      rows.push([`chunks/${name}`, gzipKb(path.join(chunksDir, name))]);
  }
  rows.push([INLINE_FILE, gzipKb(path.join(OUT_DIR, INLINE_FILE))]);

  console.log(`\nPacer widgets → ${path.relative(ROOT, OUT_DIR)}/`);
  const width = Math.max(...rows.map(([n]) => n.length));
  for (const [name, size] of rows) {
    console.log(`  ${name.padEnd(width)}  ${kb(size.raw).padStart(9)}  gzip ${kb(size.gzip).padStart(8)}`);
  }
  const entry = rows[0][1];
  const uplot = rows.find(([n]) => /chunks\/uPlot/i.test(n));
  console.log(
    `  entry gzip ${kb(entry.gzip)} of ${kb(BUDGET_BYTES)} budget; uPlot chunk gzip ${uplot ? kb(uplot[1].gzip) : '(missing!)'}`,
  );
  if (!uplot) {
    console.error('build-widgets: no uPlot chunk was emitted: is uPlot imported statically somewhere?');
    process.exit(1);
  }
  if (entry.gzip > BUDGET_BYTES) {
    console.error(
      `build-widgets: ${ENTRY_FILE} is ${kb(entry.gzip)} gzip, over the ${kb(BUDGET_BYTES)} budget.`,
    );
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
