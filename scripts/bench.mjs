// `npm run bench`: bundles tests/bench/pages/*.ts with esbuild, serves them on 127.0.0.1 and runs each
// tests/bench/*.bench.mjs in turn against real Chromium. A bench prints its own table of figures and
// ratios; a missed budget prints "OVER BUDGET" but does not fail the run (timings on a shared 2-core
// machine are noisy); a bench that throws does. `npm run bench -- storage` runs only matching benches.
//
// A bench file exports `default async function (bench)` where `bench` is:
//   openPage(name)          → a Playwright page with pages/<name>.ts loaded (once it has set
//                             globalThis.pacerBench = { ready: true, … }), console
//                             lines starting with "[bench] " echoed live
//   table(rows)             → prints an aligned table of objects
//   budget(label, ratio, max) → prints "ok" or "OVER BUDGET"; returns true when within budget
//   record(data)            → saved as bench-results/<bench>.json
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BrowserNotFoundError,
  findChromium,
  launchPlainChromium,
  REPO_ROOT,
  serveStatic,
} from './browser.mjs';

const BENCH_DIR = path.join(REPO_ROOT, 'tests', 'bench');
const PAGES_DIR = path.join(BENCH_DIR, 'pages');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

async function buildPages(outDir) {
  const esbuild = await import('esbuild');
  const entries = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.ts'));
  if (entries.length === 0) return [];
  await esbuild.build({
    entryPoints: entries.map((f) => path.join(PAGES_DIR, f)),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  });
  const names = entries.map((f) => f.replace(/\.ts$/, ''));
  for (const name of names) {
    writeFileSync(
      path.join(outDir, `${name}.html`),
      `<!doctype html><meta charset="utf-8"><title>${name}</title><script type="module" src="./${name}.js"></script>\n`,
    );
  }
  return names;
}

function printTable(rows) {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v) => (v === null || v === undefined ? '—' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values) =>
    values
      .map((v, i) =>
        typeof v === 'number' || /^[\d.,×%-]+$/.test(v) ? v.padStart(widths[i]) : v.padEnd(widths[i]),
      )
      .join('  ')
      .trimEnd();
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(columns.map((c) => cell(r[c]))));
}

async function main() {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const benches = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.mjs'))
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
    .sort();
  if (benches.length === 0) {
    console.error(`bench: no tests/bench/*.bench.mjs matched ${filters.join(', ') || '(all)'}`);
    process.exit(1);
  }
  try {
    findChromium();
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const outDir = mkdtempSync(path.join(tmpdir(), 'pacer-bench-pages-'));
  const server = { close: async () => {} };
  let crashed = 0;
  let over = 0;
  const t0 = performance.now();
  try {
    const pages = await buildPages(outDir);
    const served = await serveStatic(outDir);
    server.close = served.close;
    console.log(
      `bench: ${benches.length} bench(es); pages ${pages.join(', ') || '(none)'} served at ${served.url}`,
    );

    for (const file of benches) {
      const name = file.replace(/\.bench\.mjs$/, '');
      console.log(`\n=== ${name} ===`);
      const started = performance.now();
      const browser = await launchPlainChromium();
      const bench = {
        async openPage(pageName) {
          if (!pages.includes(pageName)) throw new Error(`no bench page tests/bench/pages/${pageName}.ts`);
          const page = await browser.context.newPage();
          page.on('console', (msg) => {
            const text = msg.text();
            if (text.startsWith('[bench] ')) console.log(`  ${text.slice(8)}`);
            else if (msg.type() === 'error') console.error(`  page error: ${text}`);
          });
          page.on('pageerror', (error) => console.error(`  uncaught in page: ${error.message}`));
          await page.goto(`${served.url}/${pageName}.html`, { waitUntil: 'load' });
          // Convention: a bench page assigns its API to globalThis.pacerBench, with ready: true.
          await page.waitForFunction(() => globalThis.pacerBench?.ready === true, null, { timeout: 30_000 });
          return page;
        },
        table: printTable,
        budget(label, ratio, max) {
          const ok = typeof ratio === 'number' && Number.isFinite(ratio) && ratio <= max;
          const shown = typeof ratio === 'number' && Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
          if (ok) console.log(`  ok           ${label}: ${shown} (budget ≤ ${max}×)`);
          else {
            over++;
            console.log(`  OVER BUDGET  ${label}: ${shown} (budget ≤ ${max}×)`);
          }
          return ok;
        },
        record(data) {
          mkdirSync(RESULTS_DIR, { recursive: true });
          writeFileSync(
            path.join(RESULTS_DIR, `${name}.json`),
            `${JSON.stringify({ bench: name, at: new Date().toISOString(), ...data }, null, 2)}\n`,
          );
        },
      };
      try {
        const mod = await import(pathToFileURL(path.join(BENCH_DIR, file)).href);
        await mod.default(bench);
        console.log(`=== ${name}: finished in ${((performance.now() - started) / 1000).toFixed(1)} s ===`);
      } catch (error) {
        crashed++;
        console.error(`=== ${name}: CRASHED ===\n${error instanceof Error ? error.stack : String(error)}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `\nbench: ${benches.length - crashed} finished, ${crashed} crashed, ${over} over budget, ${seconds} s`,
  );
  process.exit(crashed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
