// Where a badge goes when its anchor has no room to spare: HubSpot's deals list read by its column
// headers (issue 17's fallback, the adapter's hooks renamed away), whose name cell is as wide as the
// deal's name and its "Preview" button. Each pill must sit clear of every word and control of its row,
// measured by bounding boxes, in light/en and dark/vi. Then the list the HubSpot adapter reads, with a
// revenue goal: its USD deal's "no rate" pill, longer in Vietnamese, lay over the row's Preview button.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { badgesOverItems } from './badge-cover.mjs';
import {
  closedBadgeTexts,
  closedShadowRoots,
  crmGoals,
  eventually,
  HUBSPOT,
  overlayElement,
  putRecords,
  routeCrm,
  startWithGrantedHosts,
} from './crm-support.mjs';
import { assertNoPageErrors, openExtensionPage, saveScreenshot } from './helpers.mjs';

const RENAMED = 'https://app.hubspot.com/contacts/20456789/objects/0-3/views/renamed/list';
const ROWS = 'tbody > tr';

/** Pills cut off by their host's box (the host hides its overflow): their text and both boxes. */
async function clippedPills(page) {
  const roots = await closedShadowRoots(page);
  try {
    return await page.evaluate(
      ([roots]) => {
        const out = [];
        for (const [host, root] of roots) {
          const pill = root.querySelector('.pc-badge');
          if (!pill || host.hasAttribute('data-spare')) continue;
          const h = host.getBoundingClientRect();
          const p = pill.getBoundingClientRect();
          if (p.width > 0 && (p.left < h.left - 0.5 || p.right > h.right + 0.5))
            out.push(
              `${pill.textContent}: pill ${Math.round(p.left)}–${Math.round(p.right)} in ${Math.round(h.left)}–${Math.round(h.right)}`,
            );
        }
        return out;
      },
      [roots],
    );
  } finally {
    await roots.dispose();
  }
}

/** Every shown pill: its words, its tooltip and its accessible label (null when it has none). */
async function shownPills(page) {
  const roots = await closedShadowRoots(page);
  try {
    return await page.evaluate(
      ([roots]) =>
        [...roots]
          .filter(
            ([host]) =>
              !host.hasAttribute('data-spare') && getComputedStyle(host).contentVisibility !== 'hidden',
          )
          .map(([, root]) => root.querySelector('.pc-badge'))
          .filter((pill) => pill?.textContent)
          .map((pill) => ({
            text: pill.textContent,
            title: pill.getAttribute('title'),
            label: pill.getAttribute('aria-label'),
          })),
      [roots],
    );
  } finally {
    await roots.dispose();
  }
}

async function expectClearBadges(page, label) {
  let last = null;
  const result = await eventually(
    async () => {
      last = await badgesOverItems(page, ROWS);
      // The two skeleton rows still loading (no text) have no badge.
      const deals = last.items.filter((i) => i.text);
      return deals.length === 4 && deals.every((i) => i.badges === 1) && last;
    },
    { message: `one badge per deal row (${label})` },
  ).catch((error) => {
    throw new Error(`${error.message}: ${JSON.stringify(last)}`);
  });
  await saveScreenshot(page, `crm-badge-room-${label}`);
  assert.deepEqual(
    result.items.filter((i) => i.covered).map((i) => `${i.text}: ${i.covered}`),
    [],
    `no badge covers a deal's name, its Preview button or another cell (${label})`,
  );
  assert.equal(result.stray, 0, `no badge outside a row: ${result.strayAt.join(' ')}`);
}

describe('badges on a list read by its column headers', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  /** @type {import('playwright-core').Page} */
  let options;

  before(async () => {
    run = await startWithGrantedHosts(['https://*.hubspot.com/*']);
    await routeCrm(run.ext.context, 'https://app.hubspot.com', {
      '/contacts/20456789/objects/0-3/views/renamed': 'hubspot/list-renamed-2026-12-06.html',
    });
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
    await options.locator('[data-testid="crm-toggle-hubspot"]').click();
    await options.locator('[data-testid="crm-hubspot"]', { hasText: 'Enabled' }).waitFor();
  });
  after(async () => {
    await run?.close();
  });

  it('puts each badge clear of the name’s end and the Preview button', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(RENAMED, { waitUntil: 'load' });
    await overlayElement(page, '[data-testid="panel-notice-fallback"]');
    await expectClearBadges(page, 'light-en');
    // A narrower window: the table's cells squeeze, the badges still find room.
    await page.setViewportSize({ width: 900, height: 700 });
    await expectClearBadges(page, 'narrow');
    await page.setViewportSize({ width: 1280, height: 720 });

    await options.locator('select[name="locale"]').selectOption('vi');
    await options.locator('select[name="theme"]').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'load' });
    await overlayElement(page, '[data-testid="panel-notice-fallback"]', { hasText: 'tiêu đề cột' });
    await expectClearBadges(page, 'dark-vi');
    await page.close();
    assertNoPageErrors(run.ext);
  });
});

describe('badges on the list HubSpot’s adapter reads, with a revenue goal', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  /** @type {import('playwright-core').Page} */
  let options;

  before(async () => {
    run = await startWithGrantedHosts(['https://*.hubspot.com/*']);
    await routeCrm(run.ext.context, 'https://app.hubspot.com', {
      '/contacts/20456789/objects/0-3/': 'hubspot/list-deals-2026-11-23.html',
    });
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
    await options.locator('[data-testid="crm-section"]').waitFor();
  });
  after(async () => {
    await run?.close();
  });

  it('keeps a long Vietnamese pill off the Preview button of the list HubSpot’s adapter reads', async () => {
    // A revenue goal: the VND deal gets a share of its gap, the USD deal says it has no rate.
    const { metrics, goals } = crmGoals();
    await putRecords(options, 'metrics', metrics);
    await putRecords(options, 'goals', goals);
    // Two won VND deals read on an earlier visit (with the page's VND deals, enough to tier), and the
    // page's POS deal first read 12 days ago in its stage: a tier, a share and "≥12 days", the widest
    // pill (203 px in Vietnamese, wider than a badge's usual 150 px box).
    const seen = Date.now() - 12 * 86_400_000;
    const deal = (externalId, name, stage, amount) => ({
      id: `hubspot:deal:${externalId}`,
      crm: 'hubspot',
      objectType: 'deal',
      externalId,
      url: `https://app.hubspot.com/contacts/20456789/record/0-3/${externalId}`,
      name,
      stage,
      amount,
      currency: 'VND',
      firstSeen: seen,
      lastSeen: seen,
      stageHistory: [{ stage, at: seen }],
      deletedAt: null,
    });
    await putRecords(options, 'leads', [
      deal('31000000001', 'Earlier deal 1', 'Closed won', 5_000_000),
      deal('31000000002', 'Earlier deal 2', 'Closed won', 10_000_000),
      deal('21474836481', 'Hợp đồng phần mềm POS – Cà Phê Sài Gòn', 'Appointment scheduled', 12_500_000),
    ]);
    await options.locator('[data-testid="crm-toggle-hubspot"]').click();
    await options.locator('[data-testid="crm-hubspot"]', { hasText: 'Enabled' }).waitFor();
    const page = await run.ext.context.newPage();
    for (const [locale, theme, noRate, share, days] of [
      ['en', 'light', 'USD: no rate', '13% of Q4 gap', '≥12d'],
      ['vi', 'dark', 'USD: thiếu tỷ giá', '13% khoảng thiếu Q4', '≥12 ngày'],
      ['en', 'dark', 'USD: no rate', '13% of Q4 gap', '≥12d'],
      ['vi', 'light', 'USD: thiếu tỷ giá', '13% khoảng thiếu Q4', '≥12 ngày'],
    ]) {
      await options.locator('select[name="locale"]').selectOption(locale);
      await options.locator('select[name="theme"]').selectOption(theme);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.goto(HUBSPOT.list, { waitUntil: 'load' });
      await overlayElement(page, '[data-testid="pacer-panel"] [data-goal-id="e2e-revenue-goal"]');
      await eventually(
        async () => {
          const texts = await closedBadgeTexts(page);
          return (
            texts.some((t) => t.includes(noRate)) &&
            texts.some((t) => /^[ABC]13%/.test(t) && t.endsWith(days)) &&
            texts
          );
        },
        { message: `"${noRate}" and a tier, a 13% share and "${days}" on the badges (${locale})` },
      );
      assert.deepEqual(await clippedPills(page), [], `every pill whole in its box (${locale})`);
      await expectClearBadges(page, `adapter-1366-${theme}-${locale}`);
      // Narrower: no room past the row's words for the whole 203 px pill. It drops its days (and more
      // if need be) rather than being cut mid-word, never goes over the row's words nor past the
      // window's right edge, and its tooltip and accessible label name every part it dropped.
      await page.setViewportSize({ width: 1100, height: 860 });
      await expectClearBadges(page, `adapter-1100-${theme}-${locale}`);
      assert.deepEqual(await clippedPills(page), [], `every pill whole in its box at 1100 px (${locale})`);
      const pills = await shownPills(page);
      // The POS deal's pill: the only one whose tooltip speaks of 13% of the gap.
      const deal = pills.filter((p) => p.title?.includes('13%'));
      assert.equal(deal.length, 1, `one pill of the POS deal: ${JSON.stringify(pills)}`);
      const [pos] = deal;
      assert.match(pos.text, /^[ABC]/, `the POS deal's pill keeps its tier (${locale}): ${pos.text}`);
      const whole = pos.text === `${pos.text.slice(0, 1)}${share}${days}`;
      // 203 px in Vietnamese: no room for the whole pill at 1100 px. The English one (170 px) fits.
      if (locale === 'vi') assert.ok(!whole, `no room for the whole pill at 1100 px: ${pos.text}`);
      if (!whole)
        for (const part of [pos.text.slice(0, 1), share, days])
          for (const [what, value] of [
            ['tooltip', pos.title],
            ['accessible label', pos.label],
          ])
            assert.ok(
              value?.includes(part),
              `"${part}" in the ${what} of "${pos.text}" (${locale}): ${value}`,
            );
      for (const p of pills)
        if (!p.label)
          assert.ok(!p.title?.includes(' — '), `a whole pill keeps its usual tooltip: ${p.title}`);
      const past = await page.evaluate(() =>
        [...document.querySelectorAll('pacer-lead-badge:not([data-spare])')]
          .filter((h) => getComputedStyle(h).contentVisibility !== 'hidden')
          .map((h) => h.getBoundingClientRect())
          .filter((r) => r.right > document.documentElement.clientWidth)
          .map((r) => `${Math.round(r.left)}–${Math.round(r.right)}`),
      );
      assert.deepEqual(past, [], `no badge past the window's right edge (${locale})`);
    }
    await page.close();
    assertNoPageErrors(run.ext);
  });
});
