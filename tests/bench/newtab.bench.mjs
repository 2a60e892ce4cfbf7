// Time from navigation start to the first goal card painted on the new tab, with 50 goals over 20
// metrics and 500,000 stored observations, against an extension page that paints one word
// (entrypoints/bench-blank). Budget ≤ 2.0×. Also reports the gzip size of the JS and CSS the new tab
// loads before its first paint (budget ≤ 50 KB of JS). Needs a build: `npx wxt build` first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EXTENSION_DIR, launchWithExtension } from '../../scripts/browser.mjs';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const OBSERVATIONS = Number(process.env.BENCH_NEWTAB_OBS) || 500_000;
const METRICS = 20;
const GOALS = 50;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Gzip bytes of the scripts and stylesheets newtab.html loads before anything is painted. */
function firstPaintBytes() {
  const dir = DEFAULT_EXTENSION_DIR;
  const html = readFileSync(path.join(dir, 'newtab.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gzipSync(readFileSync(path.join(dir, ref.replace(/^\//, '')))).length;
    if (ref.endsWith('.css')) css += size;
    else js += size;
  }
  return { js, css, files: refs.length };
}

async function timeTo(context, url, mark) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
    timeout: 120_000,
  });
  const ms = await handle.jsonValue();
  await page.close();
  return ms;
}

/** Writes metrics, goals and observation blocks straight into Pacer's database, in its stored shapes. */
async function seed(page, { observations, metrics, goals }) {
  return page.evaluate(
    async ({ observations, metrics, goals }) => {
      const DAY = 86_400_000;
      const now = Date.now();
      const start = Math.floor((now - 500 * DAY) / DAY) * DAY;
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('pacer');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const put = (store, rows) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      const metricRows = Array.from({ length: metrics }, (_, i) => ({
        id: `bench-m${i}`,
        name: `Bench KPI ${i}`,
        unit: { kind: 'currency', currency: 'VND' },
        direction: 'up',
        aggregation: 'sum',
        dimensions: ['channel'],
        source: 'manual',
        archived: false,
        deletedAt: null,
        createdAt: start,
        updatedAt: start,
      }));
      await put('metrics', metricRows);
      const goalRows = Array.from({ length: goals }, (_, i) => ({
        id: `bench-g${i}`,
        kind: 'kpi_target',
        title: `Bench goal ${i}`,
        frameworks: ['smart'],
        metricId: `bench-m${i % metrics}`,
        baseline: 0,
        target: 3e11,
        startAt: now - 200 * DAY,
        deadline: now + 165 * DAY,
        owner: 'Bench',
        weight: 1,
        pinned: i < 4,
        archived: false,
        deletedAt: null,
        createdAt: start,
        updatedAt: start,
      }));
      await put('goals', goalRows);
      const perMetric = Math.ceil(observations / metrics);
      const channels = ['facebook', 'google', 'zalo'];
      let blocks = [];
      let written = 0;
      for (let m = 0; m < metrics; m++) {
        const byKey = new Map();
        for (let k = 0; k < perMetric && written < observations; k++, written++) {
          const t = start + Math.floor((k / perMetric) * 500 * DAY);
          const ch = channels[k % 3];
          const day = t - (t % DAY);
          const key = `${ch}|${day}`;
          let b = byKey.get(key);
          if (!b) {
            b = { metricId: `bench-m${m}`, dimKey: `channel=${ch}`, day, dims: { channel: ch }, points: [] };
            byKey.set(key, b);
          }
          b.points.push({ id: `b${m}-${k}`, t, v: 1e6 + ((k * 7919) % 5e5), s: 'import' });
        }
        blocks.push(...byKey.values());
        // One transaction of ~1,000 records at a time: a much larger one can crash the renderer.
        while (blocks.length >= 1000) await put('obsBlocks', blocks.splice(0, 1000));
      }
      if (blocks.length) await put('obsBlocks', blocks);
      blocks = [];
      await put('meta', [{ key: 'rollupsStale', value: true }]);
      db.close();
      return written;
    },
    { observations, metrics, goals },
  );
}

/** @param {any} bench see scripts/bench.mjs */
export default async function newtabBench(bench) {
  const { context, extensionId, close } = await launchWithExtension({
    viewport: { width: 1366, height: 900 },
  });
  const url = (file) => `chrome-extension://${extensionId}/${file}`;
  try {
    // Opening the options page creates the database at its current version.
    const setup = await context.newPage();
    await setup.goto(url('options.html'));
    await setup.locator('select[name="locale"]').waitFor({ timeout: 60_000 });
    console.log(
      `  seeding ${OBSERVATIONS.toLocaleString('en')} observations, ${GOALS} goals, ${METRICS} metrics…`,
    );
    const written = await seed(setup, { observations: OBSERVATIONS, metrics: METRICS, goals: GOALS });
    // First open: rollups are built and the summary cache written, as after any first start.
    const t0 = Date.now();
    await setup.goto(url('newtab.html'));
    await setup.waitForFunction(() => localStorage.getItem('pacer:summary') !== null, null, {
      timeout: 300_000,
    });
    console.log(
      `  first open (rollups rebuilt from ${written.toLocaleString('en')} observations): ${Date.now() - t0} ms`,
    );
    await setup.close();

    await timeTo(context, url('bench-blank.html'), 'pacer:blank-painted');
    await timeTo(context, url('newtab.html'), 'pacer:first-card');
    const blank = [];
    const newtab = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await timeTo(context, url('bench-blank.html'), 'pacer:blank-painted'));
      newtab.push(await timeTo(context, url('newtab.html'), 'pacer:first-card'));
    }
    const mb = median(blank);
    const mn = median(newtab);
    const size = firstPaintBytes();
    bench.table([
      {
        page: 'blank extension page (one word)',
        'median ms': Math.round(mb),
        'min ms': Math.round(Math.min(...blank)),
      },
      {
        page: `new tab, first goal card (${GOALS} goals, ${written.toLocaleString('en')} obs)`,
        'median ms': Math.round(mn),
        'min ms': Math.round(Math.min(...newtab)),
      },
    ]);
    console.log(
      `  loaded before first paint: ${(size.js / 1024).toFixed(1)} KB JS + ${(size.css / 1024).toFixed(1)} KB CSS gzip (${size.files} files)`,
    );
    bench.budget('new tab first goal card vs blank page', mn / mb, 2.0);
    bench.budget('JS before first paint (gzip KB / 50 KB)', size.js / 1024 / 50, 1);
    bench.record({
      runs: RUNS,
      observations: written,
      goals: GOALS,
      blankMs: mb,
      newtabMs: mn,
      ratio: mn / mb,
      firstPaint: size,
    });
  } finally {
    await close();
  }
}
