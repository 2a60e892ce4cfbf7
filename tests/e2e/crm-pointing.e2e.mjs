// Any CRM by pointing, on three small CRM apps of different families that no adapter knows
// (tests/fixtures/apps): a hash-routed contacts app with a record dialog, a drag-and-drop kanban
// board, a virtualised grid that recycles its rows. Each is mapped through the picker as a user
// would (clicks counted), then read: distinct leads, one badge per visible row covering no text,
// the page's own clicks and drags working afterwards, badges through dialogs and navigation, and
// the mapping still reading after a reload.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveStatic } from '../../scripts/browser.mjs';
import { buildFixtureApps } from '../fixtures/apps/build.mjs';
import { badgesOverItems } from './badge-cover.mjs';
import {
  closedShadowRoots,
  eventually,
  overlayElement,
  overlayGone,
  readStore,
  startWithGrantedHosts,
} from './crm-support.mjs';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  openExtensionPage,
  RESULTS_DIR,
  saveScreenshot,
} from './helpers.mjs';

async function leadsOf(options, origin) {
  const leads = await readStore(options, 'leads');
  return leads.filter((l) => l.crm === `custom:${origin}`);
}

describe('any CRM by pointing, on apps nobody mapped by hand', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  /** @type {Record<string, Awaited<ReturnType<typeof serveStatic>>>} */
  const servers = {};
  /** @type {import('playwright-core').Page} */
  let options;

  before(async () => {
    const dirs = await buildFixtureApps(path.join(RESULTS_DIR, 'fixture-apps'));
    for (const [app, dir] of Object.entries(dirs)) servers[app] = await serveStatic(dir);
    run = await startWithGrantedHosts(['http://127.0.0.1/*']);
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
    for (const server of Object.values(servers)) {
      await options.locator('[data-testid="crm-custom-origin"]').fill(server.url);
      await options.locator('[data-testid="crm-custom-add"]').click();
      await options.locator('[data-testid="crm-custom-origin-row"]', { hasText: server.url }).waitFor();
    }
  });
  after(async () => {
    await run?.close();
    for (const server of Object.values(servers)) await server.close();
  });

  /**
   * Opens the picker from the panel and clicks through `steps`, then runs the optional `extra` steps
   * (fields beyond the mapping's own, marking stages), and saves. Returns the clicks the mapping took
   * (panel button, steps, Save) and those the extras took, counted apart: typing a field's name is no
   * click, choosing in a select counts as one.
   */
  async function mapByPointing(page, name, steps, extra = async () => 0) {
    let clicks = 0;
    // A locator on the page, or an element handle inside Pacer's closed overlay.
    const click = async (target) => {
      await target.click();
      clicks++;
    };
    await click(await overlayElement(page, '[data-testid="panel-map"]'));
    await overlayElement(page, '[data-testid="picker-step"]', { hasText: 'row or card' });
    for (const step of steps) await click(typeof step === 'function' ? step() : step);
    await overlayElement(page, '[data-testid="picker-preview"]');
    const extraClicks = await extra();
    await saveScreenshot(page, `crm-pointing-${name}-picker`);
    await click(await overlayElement(page, '[data-testid="picker-save"]'));
    await overlayGone(page, '[data-testid="pacer-picker"]');
    return { clicks, extraClicks };
  }

  /** The picker's extras on a board card: its close date, its "Priority" chip, the closed stages marked. */
  async function boardExtras(page, card) {
    let clicks = 0;
    const click = async (target) => {
      await target.click();
      clicks++;
    };
    await click(await overlayElement(page, '[data-testid="picker-field-close"]'));
    await click(card.locator('.kb-close'));
    await (await overlayElement(page, '[data-testid="picker-custom-name"]')).fill('Priority');
    await click(await overlayElement(page, '[data-testid="picker-custom-add"]'));
    await click(card.locator('.kb-prio'));
    await overlayElement(page, '[data-testid="picker-custom-chip"]', { hasText: 'Priority' });
    for (const [stage, outcome] of [
      ['Signed', 'won'],
      ['Dropped', 'lost'],
    ]) {
      const select = await overlayElement(page, `[data-testid="picker-outcome"][data-stage="${stage}"]`);
      await select.selectOption(outcome);
      clicks++;
    }
    return clicks;
  }

  async function expectOneBadgePerRow(page, itemSelector, label) {
    let last = null;
    const result = await eventually(
      async () => {
        last = await badgesOverItems(page, itemSelector);
        return last.items.length > 0 && last.items.every((i) => i.badges === 1) && last;
      },
      { message: `one badge per visible ${label}` },
    ).catch(async (error) => {
      await saveScreenshot(page, `crm-pointing-failed-${label.replaceAll(' ', '-')}`);
      throw new Error(`${error.message}: ${JSON.stringify(last)}`);
    });
    if (result.stray || result.items.some((i) => i.covered))
      await saveScreenshot(page, `crm-pointing-failed-${label.replaceAll(' ', '-')}`);
    assert.deepEqual(
      result.items.filter((i) => i.covered).map((i) => `${i.text}: ${i.covered}`),
      [],
      `badges cover no ${label} text`,
    );
    assert.equal(result.stray, 0, `no badge outside a ${label}: ${result.strayAt.join(' ')}`);
    return result;
  }

  it('maps a hash-routed contacts list in five clicks; each row a distinct contact with its stage', async () => {
    const origin = servers.contacts.url;
    const page = await run.ext.context.newPage();
    await page.goto(`${origin}/#/contacts`, { waitUntil: 'load' });
    await overlayElement(page, '[data-testid="panel-notice-unmapped"]');
    const row = page.locator('li.c-row').nth(2);
    const { clicks } = await mapByPointing(page, 'contacts', [
      row.locator('.c-name'), // the row: a click on the name inside the link means the whole row
      row.locator('.c-name'),
      row.locator('.c-dot'), // the stage, shown only as a coloured dot with a tooltip
    ]);
    assert.ok(clicks <= 6, `a list mapped in ${clicks} clicks`);
    const visible = await expectOneBadgePerRow(page, 'li.c-row', 'contact row');
    const leads = await eventually(
      () => leadsOf(options, origin).then((l) => l.length >= visible.items.length && l),
      { message: 'contacts read' },
    );
    assert.equal(new Set(leads.map((l) => l.externalId)).size, leads.length, 'no two rows are one lead');
    const ann = leads.find((l) => l.externalId === '/#/contacts/192/show');
    assert.equal(ann?.objectType, 'contact');
    assert.equal(ann?.stage, 'Active');

    // The page is the user's again: its checkbox, its links, its dialog.
    const box = page.locator('li.c-row').first().locator('input[type="checkbox"]');
    await box.click();
    assert.equal(await box.isChecked(), true, 'the page gets its clicks back after Save');
    await page.locator('li.c-row').nth(1).locator('.c-name').click();
    await page.locator('[role="dialog"]').waitFor();
    assert.match(page.url(), /#\/contacts\/193\/show$/);
    await saveScreenshot(page, 'crm-pointing-contacts-dialog');
    const underDialog = await page.evaluate(() => {
      const dialog = document.querySelector('[role="dialog"]').getBoundingClientRect();
      const hit = document.elementFromPoint(dialog.right - 30, dialog.top + 40);
      return hit?.localName ?? '';
    });
    assert.notEqual(underDialog, 'pacer-lead-badge', 'no badge is drawn over the dialog');
    await page.locator('[data-testid="dialog-close"]').click();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    const again = await expectOneBadgePerRow(page, 'li.c-row', 'contact row');
    assert.equal(again.items.length, visible.items.length, 'the same rows, no duplicate badges');
    await saveScreenshot(page, 'crm-pointing-contacts-badges');

    // A reload (new React ids everywhere) still reads with the saved mapping.
    await page.reload({ waitUntil: 'load' });
    await expectOneBadgePerRow(page, 'li.c-row', 'contact row after reload');
    await page.close();
  });

  it('maps a kanban board by its cards, the stage from the column heading; drags still work', async () => {
    const origin = servers.board.url;
    // The board's deals are in dollars: the money KPIs count in the settings' currency.
    await options.locator('input[name="currency"]').fill('USD');
    await options.locator('input[name="currency"]').blur();
    const page = await run.ext.context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await overlayElement(page, '[data-testid="panel-notice-unmapped"]');
    const card = page.locator('[data-drag-id="deal-1007"]');
    const { clicks, extraClicks } = await mapByPointing(
      page,
      'board',
      [
        card.locator('h3'),
        card.locator('h3'),
        page.locator('section[aria-label="Qualified"] h2'),
        card.locator('.kb-amount'),
      ],
      () => boardExtras(page, card),
    );
    assert.ok(clicks <= 6, `a board mapped in ${clicks} clicks`);
    assert.ok(extraClicks <= 6, `close date, Priority and two stages marked in ${extraClicks} more`);
    await expectOneBadgePerRow(page, '[data-drag-id]', 'card');
    const leads = await eventually(() => leadsOf(options, origin).then((l) => l.length === 20 && l), {
      message: 'every card a lead',
    });
    const revamp = leads.find((l) => l.externalId === 'deal-1000');
    assert.equal(revamp?.stage, 'Lead');
    assert.equal(revamp?.amount, 52_600);
    assert.equal(revamp?.currency, 'USD');
    // The close date and the field the user named, read on every card.
    const pilot = leads.find((l) => l.externalId === 'deal-1021');
    assert.deepEqual(
      [pilot?.stage, pilot?.closeDate, pilot?.custom, pilot?.outcome],
      ['Signed', Date.UTC(2027, 3, 10), { Priority: 'High' }, 'won'],
    );
    assert.equal(leads.find((l) => l.externalId === 'deal-1028')?.outcome, 'lost');
    assert.equal(revamp?.outcome, 'open');
    assert.deepEqual(revamp?.custom, { Priority: 'High' });
    assert.equal(leads.filter((l) => l.closeDate !== undefined && l.custom?.Priority).length, 20);

    // Only open stages are open pipeline: the Signed and Dropped cards are left out of the total
    // ($3,139,400 of the board's $3,220,000) and of the by-stage pipeline; Signed cards count as won.
    const metrics = await eventually(
      () =>
        readStore(options, 'metrics').then(
          (m) => m.some((x) => x.id === 'crm-pipeline-value-proposal') && m.map((x) => x.id),
        ),
      { message: 'pipeline by stage' },
    );
    assert.deepEqual(
      metrics.filter((id) => /^crm-pipeline-value-(lead|qualified|proposal|signed|dropped)$/.test(id)).sort(),
      ['crm-pipeline-value-lead', 'crm-pipeline-value-proposal', 'crm-pipeline-value-qualified'],
    );
    await eventually(
      () =>
        readStore(options, 'obsBlocks').then((blocks) => {
          const points = (id) => blocks.filter((b) => b.metricId === id).flatMap((b) => b.points);
          const open = points('crm-pipeline-value').at(-1)?.v;
          const won = points('crm-deals-won').reduce((sum, p) => sum + p.v, 0);
          return open === 3_139_400 && won === 4;
        }),
      { message: 'open pipeline $3,139,400 and 4 deals won' },
    );
    await saveScreenshot(page, 'crm-pointing-board-badges');

    // Drag "deal-1007" (Qualified) to Proposal with the mouse, as a user does.
    const from = await card.boundingBox();
    const to = await page.locator('section[aria-label="Proposal"] .kb-list').boundingBox();
    assert.ok(from && to);
    await page.mouse.move(from.x + 20, from.y + 10);
    await page.mouse.down();
    await page.waitForTimeout(50);
    for (let i = 1; i <= 10; i++) {
      await page.waitForTimeout(30);
      await page.mouse.move(
        from.x + 20 + ((to.x - from.x) * i) / 10,
        from.y + 10 + ((to.y + 20 - from.y) * i) / 10,
      );
    }
    await page.waitForTimeout(50);
    await page.mouse.up();
    await page.locator('section[aria-label="Proposal"] [data-drag-id="deal-1007"]').waitFor();
    await eventually(
      () =>
        leadsOf(options, origin).then(
          (l) => l.find((x) => x.externalId === 'deal-1007')?.stage === 'Proposal',
        ),
      { message: 'the dragged card read in its new stage' },
    );
    await expectOneBadgePerRow(page, '[data-drag-id]', 'card after a drag');

    // A card's dialog hides the board; closing it gives the badges back, once each.
    await page.locator('[data-drag-id="deal-1014"] h3').click();
    await page.locator('[role="dialog"]').waitFor();
    await page.locator('[data-testid="dialog-close"]').click();
    await expectOneBadgePerRow(page, '[data-drag-id]', 'card after the dialog');
    await page.reload({ waitUntil: 'load' });
    await expectOneBadgePerRow(page, '[data-drag-id]', 'card after reload');

    // "Map this page" stays in the panel of a mapped page; the count covers every column; Cancel
    // gives the page back (dark theme, for the screenshot).
    await page.emulateMedia({ colorScheme: 'dark' });
    await (await overlayElement(page, '[data-testid="panel-map"]')).click();
    await page.locator('[data-drag-id="deal-1000"] h3').click();
    await overlayElement(page, '[data-testid="picker-similar"]', { hasText: '20 similar rows found' });
    await saveScreenshot(page, 'crm-pointing-board-picker-dark');
    await (await overlayElement(page, '[data-testid="picker-cancel"]')).click();
    await overlayGone(page, '[data-testid="pacer-picker"]');
    await page.locator('[data-drag-id="deal-1000"] h3').click();
    await page.locator('[role="dialog"]').waitFor();
    await page.locator('[data-testid="dialog-close"]').click();

    // The picker's later steps in Vietnamese, dark: a field of one's own and the stages to mark.
    await options.locator('select[name="locale"]').selectOption('vi');
    await page.reload({ waitUntil: 'load' });
    const again = page.locator('[data-drag-id="deal-1021"]');
    await (await overlayElement(page, '[data-testid="panel-map"]')).click();
    for (const target of [
      again.locator('h3'),
      again.locator('h3'),
      page.locator('section[aria-label="Signed"] h2'),
    ])
      await target.click();
    await (await overlayElement(page, '[data-testid="picker-custom-name"]')).fill('Mức ưu tiên');
    await (await overlayElement(page, '[data-testid="picker-custom-add"]')).click();
    await again.locator('.kb-prio').click();
    await overlayElement(page, '[data-testid="picker-outcomes"]', { hasText: 'thắng' });
    await saveScreenshot(page, 'crm-pointing-board-picker-dark-vi');
    await (await overlayElement(page, '[data-testid="picker-cancel"]')).click();
    await overlayGone(page, '[data-testid="pacer-picker"]');
    await options.locator('select[name="locale"]').selectOption('en');
    await page.close();
  });

  it('on the board, the gap between cards outlines no column and the picker never covers the outlined card', async () => {
    const page = await run.ext.context.newPage();
    await page.goto(`${servers.board.url}/`, { waitUntil: 'load' });
    await (await overlayElement(page, '[data-testid="panel-map"]')).click();
    await overlayElement(page, '[data-testid="picker-step"]', { hasText: 'row or card' });
    /** The box of the outline under the pointer (Pacer's closed overlay, reached through CDP). */
    const candidate = async () => (await overlayElement(page, '.pc-highlight.pc-candidate')).boundingBox();
    const column = await page.locator('section[aria-label="Qualified"]').boundingBox();
    const cards = page.locator('section[aria-label="Qualified"] [data-drag-id]');
    const first = await cards.nth(0).boundingBox();
    const second = await cards.nth(1).boundingBox();
    assert.ok(column && first && second);
    const gap = { x: first.x + first.width / 2, y: (first.y + first.height + second.y) / 2 };
    assert.equal(
      await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.className, gap),
      'kb-list',
      'the point between the cards is over the column’s own list',
    );
    // From the first card to the second, through the gap: the outline is always one card, never the
    // column (before, it flashed the whole column in between).
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    const heights = [];
    for (let i = 1; i <= 8; i++) {
      const y =
        first.y + first.height / 2 + ((second.y + second.height / 2 - first.y - first.height / 2) * i) / 8;
      await page.mouse.move(gap.x, y);
      heights.push(Math.round((await candidate()).height));
    }
    // The outline's 2 px border is drawn outside the card's box.
    const tallest = Math.max(first.height, second.height) + 6;
    assert.ok(
      heights.every((h) => h <= tallest),
      `outlines ${heights.join(', ')} px high, a card ≤ ${tallest}, the column ${column.height}`,
    );
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.move(gap.x, gap.y, { steps: 3 });
    const kept = await candidate();
    assert.ok(
      Math.abs(kept.y - first.y) < 4 && Math.abs(kept.height - first.height) <= 6,
      `in the gap the first card stays outlined (${JSON.stringify(kept)} vs ${JSON.stringify(first)})`,
    );
    await saveScreenshot(page, 'crm-pointing-board-gap');
    // A click in the gap takes nothing and says why.
    await page.mouse.click(gap.x, gap.y);
    await overlayElement(page, '[data-testid="picker-error"]', { hasText: 'space between rows or cards' });
    await overlayElement(page, '[data-testid="picker-step"]', { hasText: 'row or card' });

    // The picker moved over the first column's cards with the arrow keys on its grip; then the
    // pointer rests on a card half under it: the picker goes elsewhere and covers none of it.
    // Over the page's heading nothing is outlined: the picker has nothing to keep clear yet.
    const title = await page.locator('header.top h1').boundingBox();
    await page.mouse.move(title.x + 10, title.y + title.height / 2);
    await overlayGone(page, '.pc-highlight.pc-candidate');
    const grip = await overlayElement(page, '[data-testid="picker-move"]');
    await grip.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    const pickerEl = await overlayElement(page, '[data-testid="pacer-picker"][data-corner="top-left"]');
    const picker = await pickerEl.boundingBox();
    const overlap = (a, b) =>
      Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
      Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
    const inside = (p, b) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
    let target = null;
    for (const card of await page.locator('[data-drag-id]').all()) {
      const box = await card.boundingBox();
      if (!box || overlap(box, picker) === 0) continue;
      const points = [
        { x: box.x + box.width - 8, y: box.y + box.height - 8 },
        { x: box.x + 8, y: box.y + box.height - 8 },
        { x: box.x + box.width - 8, y: box.y + 8 },
      ];
      const point = points.find((p) => !inside(p, picker));
      if (point) {
        target = { box, point };
        break;
      }
    }
    assert.ok(target, 'a card lies half under the picker in its new corner');
    await page.mouse.move(target.point.x, target.point.y, { steps: 2 });
    await eventually(
      async () => {
        const now = await (await overlayElement(page, '[data-testid="pacer-picker"]')).boundingBox();
        const outlined = await candidate();
        return (
          overlap(now, target.box) === 0 &&
          overlap(now, outlined) === 0 &&
          Math.abs(outlined.y - target.box.y) < 4 &&
          now
        );
      },
      { message: 'the picker out of the outlined card’s way' },
    );
    await saveScreenshot(page, 'crm-pointing-board-picker-moved');
    // Folded into a handle, it still says what to click and the page is still picked from.
    await (await overlayElement(page, '[data-testid="picker-toggle"]')).click();
    const handle = await (await overlayElement(page, '[data-testid="pacer-picker"]')).boundingBox();
    assert.ok(handle.height < 60 && handle.width <= 330, `a handle of ${handle.width} × ${handle.height} px`);
    await page.locator('[data-drag-id="deal-1000"] h3').click();
    await (await overlayElement(page, '[data-testid="picker-toggle"]')).click();
    await overlayElement(page, '[data-testid="picker-similar"]', { hasText: '20 similar rows found' });
    await (await overlayElement(page, '[data-testid="picker-cancel"]')).click();
    await overlayGone(page, '[data-testid="pacer-picker"]');
    // The corner and the fold the user chose are remembered for the site, with the panel's place.
    const stored = await run.ext.serviceWorker.evaluate(() =>
      chrome.storage.local.get('pacer:overlay-panel'),
    );
    assert.deepEqual(stored['pacer:overlay-panel']?.[servers.board.url]?.picker, {
      corner: 'top-left',
      collapsed: false,
    });
    await page.close();
  });

  it('maps a virtualised grid whose rows are recycled, and follows sorting and scrolling', async () => {
    const origin = servers.table.url;
    const page = await run.ext.context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await overlayElement(page, '[data-testid="panel-notice-unmapped"]');
    const row = page.locator('.vrow').nth(3);
    const { clicks } = await mapByPointing(page, 'table', [
      row.locator('.cell-owner'),
      row.locator('.cell-name a'),
      row.locator('.cell-stage'),
      row.locator('.cell-amount'),
    ]);
    assert.ok(clicks <= 6, `a grid mapped in ${clicks} clicks`);
    const ROWS = '.vrow:not([hidden])';
    await expectOneBadgePerRow(page, ROWS, 'grid row');
    await page.locator('[data-col="amount"] button').click();
    assert.equal(await page.locator('[data-col="amount"]').getAttribute('aria-sort'), 'ascending');
    await page.locator('[data-testid="scroller"]').evaluate((el) => {
      el.scrollTop = 6000;
    });
    await expectOneBadgePerRow(page, ROWS, 'grid row after sorting and scrolling');
    // A row half scrolled under the header keeps its badge out of the header.
    await page.locator('[data-testid="scroller"]').evaluate((el) => {
      el.scrollTop += 17;
    });
    await eventually(
      async () => {
        const roots = await closedShadowRoots(page);
        try {
          return await page.evaluate(
            ([roots]) => {
              const head = document.querySelector('.head').getBoundingClientRect();
              const pills = [...document.querySelectorAll('pacer-lead-badge:not([data-spare])')]
                .filter((h) => getComputedStyle(h).contentVisibility !== 'hidden')
                .map((h) => roots.get(h)?.querySelector('.pc-root > *')?.getBoundingClientRect());
              // Measured pills, not an empty list passing by default: the roots were reached.
              return (
                pills.some(Boolean) &&
                pills.every((p) => !p || p.bottom <= head.bottom + 1 || p.top >= head.bottom - 1)
              );
            },
            [roots],
          );
        } finally {
          await roots.dispose();
        }
      },
      { message: 'no badge over the grid header' },
    );
    const leads = await leadsOf(options, origin);
    assert.equal(new Set(leads.map((l) => l.externalId)).size, leads.length);
    assert.ok(leads.length >= 20, `recycled rows read as other deals (${leads.length})`);
    await saveScreenshot(page, 'crm-pointing-table-badges');
    await page.close();
  });

  it('keeps one mapping per app, and threw nothing into any page', async () => {
    const stored = await run.ext.serviceWorker.evaluate(() => chrome.storage.local.get('pacer:crm-mappings'));
    const mappings = stored['pacer:crm-mappings'];
    assert.equal(mappings.length, 3);
    assert.equal(new Set(mappings.map((m) => m.origin)).size, 3);
    assert.equal(mappings.find((m) => m.origin === servers.contacts.url)?.hashPrefix, '#/contacts');
    assert.ok(
      mappings.find((m) => m.origin === servers.board.url)?.stageColumn,
      'the board reads its column headings',
    );
    assert.deepEqual(mappings.find((m) => m.origin === servers.board.url)?.stageOutcomes, {
      won: ['Signed'],
      lost: ['Dropped'],
      open: [],
    });
    // The options page shows the board's own field and its marks, and can change them.
    await options.reload();
    const board = options.locator('[data-testid="crm-mapping"]', { hasText: 'Fields of your own: Priority' });
    await board.locator('[data-testid="crm-mapping-outcomes"] summary', { hasText: '(2)' }).click();
    await board.locator('[data-testid="crm-mapping-outcome"]', { hasText: 'Dropped' }).waitFor();
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.locator('select[name="theme"]').selectOption('dark');
    await board.scrollIntoViewIfNeeded();
    await saveScreenshot(options, 'crm-pointing-options-outcomes-dark');
    await options.locator('select[name="theme"]').selectOption('light');
    await options.emulateMedia({ colorScheme: 'light' });
    assertNoPageErrors(run.ext);
    assertNoExternalRequests(run.ext);
  });
});
