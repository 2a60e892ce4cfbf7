// Time until the toolbar popup has painted its goals, against an extension page that paints one word
// (entrypoints/bench-blank). Budgets: median under 100 ms and ≤ 2× the blank page. The popup is timed
// in its usual state (the new tab has cached its goal summary) and, for information, without that
// cache (goals computed from IndexedDB by the engine). Needs a build: `npx wxt build` first.
// Runs alternate blank and popup, each in a fresh page; BENCH_RUNS sets how many (default 15).
import { launchWithExtension } from '../../scripts/browser.mjs';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const BUDGET_MS = 100;
const BUDGET_RATIO = 2;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Loads `file` in a new page and returns the mark's time since navigation start, in ms. */
async function timeTo(context, url, mark, before) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  if (before) await before(page);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
    timeout: 60_000,
  });
  const ms = await handle.jsonValue();
  await page.close();
  return ms;
}

/** @param {any} bench see scripts/bench.mjs */
export default async function popupBench(bench) {
  const { context, extensionId, close } = await launchWithExtension({
    viewport: { width: 1280, height: 800 },
  });
  const url = (file) => `chrome-extension://${extensionId}/${file}`;
  try {
    console.log('  loading example data…');
    const options = await context.newPage();
    await options.goto(url('options.html?example=1'));
    await options.waitForFunction(
      () => /\d/.test(document.querySelector('[data-testid="example-status"]')?.textContent ?? ''),
      null,
      { timeout: 180_000 },
    );
    // The new tab computes the dashboard once and caches the goal summary, as it does for every user.
    await options.goto(url('newtab.html'));
    await options
      .waitForFunction(() => localStorage.getItem('pacer:summary') !== null, null, { timeout: 60_000 })
      .catch(() => {
        console.log('  (the new tab wrote no summary cache: the warm figures equal the cold ones)');
      });
    await options.close();

    const blank = [];
    const warm = [];
    const cold = [];
    const dropCache = async (page) => {
      await page.goto(url('bench-blank.html'));
      await page.evaluate(() => localStorage.removeItem('pacer:summary'));
    };
    // One untimed round warms the browser's code caches for all pages alike.
    await timeTo(context, url('bench-blank.html'), 'pacer:blank-painted');
    await timeTo(context, url('popup.html'), 'pacer:popup-data');
    const summary = await (async () => {
      const p = await context.newPage();
      await p.goto(url('bench-blank.html'));
      const s = await p.evaluate(() => localStorage.getItem('pacer:summary'));
      await p.close();
      return s;
    })();
    for (let i = 0; i < RUNS; i++) {
      blank.push(await timeTo(context, url('bench-blank.html'), 'pacer:blank-painted'));
      warm.push(await timeTo(context, url('popup.html'), 'pacer:popup-data'));
    }
    for (let i = 0; i < Math.ceil(RUNS / 3); i++)
      cold.push(await timeTo(context, url('popup.html'), 'pacer:popup-data', dropCache));
    if (summary) {
      // Put the cache back as it was.
      const p = await context.newPage();
      await p.goto(url('bench-blank.html'));
      await p.evaluate((s) => localStorage.setItem('pacer:summary', s), summary);
      await p.close();
    }

    const mBlank = median(blank);
    const mWarm = median(warm);
    const mCold = median(cold);
    const row = (page, xs, m) => ({
      page,
      runs: xs.length,
      'median ms': Math.round(m),
      'min ms': Math.round(Math.min(...xs)),
      'max ms': Math.round(Math.max(...xs)),
      'vs blank': `${(m / mBlank).toFixed(2)}×`,
      // What the popup adds on top of opening any extension page on this machine right now.
      'over blank ms': Math.round(m - mBlank),
    });
    console.log('');
    bench.table([
      row('blank extension page', blank, mBlank),
      row('popup, goals painted (cached summary)', warm, mWarm),
      row('popup, goals painted (no cache, engine)', cold, mCold),
    ]);
    bench.budget(
      `popup painted with data: ${Math.round(mWarm)} ms (absolute, budget ${BUDGET_MS} ms)`,
      mWarm / BUDGET_MS,
      1,
    );
    bench.budget('popup painted with data vs blank page', mWarm / mBlank, BUDGET_RATIO);
    console.log(
      `  (information) without the cache: ${Math.round(mCold)} ms, ${(mCold / mBlank).toFixed(2)}× blank`,
    );
    bench.record({
      runs: RUNS,
      blankMs: mBlank,
      popupMs: mWarm,
      popupNoCacheMs: mCold,
      ratio: mWarm / mBlank,
      budgetMs: BUDGET_MS,
      budgetRatio: BUDGET_RATIO,
      hadSummaryCache: summary !== null,
    });
  } finally {
    await close();
  }
}
