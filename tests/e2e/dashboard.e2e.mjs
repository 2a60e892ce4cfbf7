// The new-tab dashboard and the options page in real Chromium: example data loads through the UI,
// survives a reload and a browser restart, language and theme switch, the page passes axe-core, and
// screenshots of both themes are saved to test-results/.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../scripts/browser.mjs';
import { eventually, readStore } from './crm-support.mjs';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  makeProfileDir,
  openExtensionPage,
  removeProfileDir,
  saveScreenshot,
  withExtension,
} from './helpers.mjs';

const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

async function openNewTab(context) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('chrome://newtab/', { waitUntil: 'load' });
  return page;
}

async function loadExampleThroughOptions(fx) {
  const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
  await options.getByTestId('load-example').click();
  await options.getByTestId('remove-example').waitFor({ state: 'visible' });
  await options.waitForFunction(
    () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
    null,
    {
      timeout: 60_000,
    },
  );
  return options;
}

const AXE_SOURCE = readFileSync(AXE, 'utf8');

/** The number of goal cards once it has stopped changing for a second (live updates have landed). */
async function settledCardCount(page) {
  let last = -1;
  let stableSince = Date.now();
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    const n = await page.getByTestId('goal-card').count();
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 1000) return n;
    await page.waitForTimeout(100);
  }
  return last;
}

async function axeViolations(page, selector = 'body') {
  // Extension pages forbid inline scripts (CSP), so axe goes in through DevTools evaluation instead.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = /** @type {any} */ (globalThis).axe;
    const result = await axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
  }, selector);
}

describe('new-tab dashboard', () => {
  it('shows the first-run choice on an empty profile', async () => {
    await withExtension(async (fx) => {
      const page = await openNewTab(fx.context);
      await page.getByTestId('first-run-example').waitFor();
      assert.ok(await page.getByTestId('first-run-create').isVisible());
      // Every way in from the first screen: a template, an import, Settings.
      assert.ok(await page.getByTestId('first-run-templates').isVisible());
      assert.equal(await page.getByTestId('first-run-import').getAttribute('href'), '/import.html');
      assert.equal(await page.getByTestId('first-run-settings').getAttribute('href'), '/options.html');
      const importUrl = await page.getByTestId('first-run-import').evaluate((a) => a.href);
      assert.equal(importUrl, `chrome-extension://${fx.extensionId}/import.html`);
      assert.deepEqual(await axeViolations(page), []);

      // The language is chosen right there, applied at once, and is the options page's setting.
      const vi = page.getByTestId('first-run-lang-vi');
      assert.equal(await vi.getAttribute('aria-pressed'), 'false');
      await vi.click();
      await page.waitForFunction(() => document.documentElement.lang === 'vi');
      assert.equal(await vi.getAttribute('aria-pressed'), 'true');
      assert.equal((await page.getByTestId('first-run-example').textContent())?.trim(), 'Tải dữ liệu mẫu');
      assert.equal((await page.getByTestId('first-run-templates').textContent())?.trim(), 'Bắt đầu từ mẫu');
      assert.equal((await page.getByTestId('first-run-import').textContent())?.trim(), 'Nhập bảng tính');
      assert.deepEqual(await axeViolations(page), []);
      const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html');
      assert.equal(await options.locator('select[name="locale"]').inputValue(), 'vi');
      await options.close();
      await page.getByTestId('first-run-lang-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.getByText('Load example data').waitFor();

      // Templates straight from first run; closed without adding, the dashboard says what comes next.
      await page.getByTestId('first-run-templates').click();
      await page.getByTestId('editor-templates').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('editor-templates').waitFor({ state: 'detached' });
      await page.getByTestId('no-goals').getByText('No goals yet').waitFor();
      await page.getByTestId('scorecard-empty').waitFor();
      assertNoPageErrors(fx);
    });
  });

  it('loads example data, keeps it across reload and restart, switches language and theme', async () => {
    const profile = makeProfileDir();
    try {
      await withExtension(
        async (fx) => {
          const options = await loadExampleThroughOptions(fx);
          const page = await openNewTab(fx.context);
          // Counted once the engine's dashboard replaced the first paint from the cached summary.
          await page.locator('main[aria-busy="false"]').waitFor({ timeout: 30_000 });
          await page.getByTestId('goal-card').first().waitFor({ timeout: 30_000 });
          const cards = await settledCardCount(page);
          assert.ok(cards >= 18, `expected the example goals, saw ${cards} cards`);
          // A pinned goal is shown once, under "Pinned goals", not again under "Goals".
          const ids = await page
            .getByTestId('goal-card')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-goal-id')));
          assert.equal(new Set(ids).size, ids.length, `a goal card shown twice: ${ids.join(' ')}`);
          assert.ok((await page.locator('[data-widget="focus"] [data-testid="goal-card"]').count()) >= 1);
          // Every progress bar is an accessible progressbar with a value.
          const bars = await page
            .locator('[role="progressbar"]')
            .evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-valuenow'))));
          assert.ok(bars.length >= cards && bars.every((v) => v >= 0 && v <= 100), `${bars.length} bars`);
          assert.ok((await page.getByTestId('goal-forecast').count()) > 0, 'some goals show a forecast');
          await saveScreenshot(page, 'dashboard-light-en');
          assert.deepEqual(await axeViolations(page, 'main'), []);
          // In a narrow window a long alert wraps beside its icon, never below it on a line of its own.
          const size = page.viewportSize();
          await page.setViewportSize({ width: 800, height: 900 });
          const iconOffsets = await page.evaluate(() =>
            [...document.querySelectorAll('[data-testid="alerts"] li')].map((li) => {
              const text = li.querySelector('button');
              return text
                ? text.getBoundingClientRect().top - li.firstElementChild.getBoundingClientRect().top
                : 0;
            }),
          );
          assert.ok(iconOffsets.length > 0 && iconOffsets.every((d) => Math.abs(d) < 2), `${iconOffsets}`);
          if (size) await page.setViewportSize(size);

          await page.reload({ waitUntil: 'load' });
          await page.locator('main[aria-busy="false"]').waitFor({ timeout: 30_000 });
          await page.getByTestId('goal-card').first().waitFor();
          assert.equal(await settledCardCount(page), cards, 'same cards after reload');

          // Vietnamese + dark, from the options page; the open new tab follows without a reload.
          await options.locator('select[name="locale"]').selectOption('vi');
          await options.locator('select[name="theme"]').selectOption('dark');
          await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
          await page.waitForFunction(() => document.documentElement.lang === 'vi');
          await page.getByText('Mục tiêu', { exact: false }).first().waitFor();
          const text = await page.locator('main').textContent();
          assert.match(text, /tỷ|₫/, 'Vietnamese money formatting');
          await saveScreenshot(page, 'dashboard-dark-vi');
          assert.deepEqual(await axeViolations(page, 'main'), []);
          assertNoPageErrors(fx);
          assertNoExternalRequests(fx);
        },
        { userDataDir: profile },
      );
      // A new browser on the same profile: the data and the settings are still there.
      await withExtension(
        async (fx) => {
          const page = await openNewTab(fx.context);
          await page.getByTestId('goal-card').first().waitFor({ timeout: 30_000 });
          assert.ok((await page.getByTestId('goal-card').count()) >= 18);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
        },
        { userDataDir: profile },
      );
    } finally {
      removeProfileDir(profile);
    }
  });

  it('marks an overdue milestone done from its detail, with Undo, and reopens it', async () => {
    await withExtension(async (fx) => {
      const options = await loadExampleThroughOptions(fx);
      await options.close();
      const page = await openNewTab(fx.context);
      const overdue = page.locator('[data-widget="milestones"] li[data-state="overdue"]').first();
      await overdue.waitFor({ timeout: 30_000 });
      const title = (await overdue.locator('button.pc-ms-title').textContent())?.trim() ?? '';
      const alerts = page.locator('[data-widget="alerts"]');
      const more = alerts.getByRole('button', { name: /^Show all/ });
      if (await more.count()) await more.click();
      const alertFor = alerts.getByText(`“${title}” was due`);
      await alertFor.waitFor({ timeout: 15_000 });
      await overdue.locator('button.pc-ms-title').click();
      const dialog = page.getByTestId('goal-detail');
      await dialog.getByTestId('toggle-done').click();
      // Done: the timeline and the alerts say so, and the button offers to reopen it.
      await page
        .locator('[data-widget="milestones"] li[data-state="done"]')
        .filter({ hasText: title })
        .waitFor({ timeout: 15_000 });
      await dialog.getByTestId('toggle-done').filter({ hasText: 'Reopen' }).waitFor();
      await alertFor.waitFor({ state: 'detached', timeout: 15_000 });
      // Undo in the toast puts it back as it was.
      await page.getByRole('button', { name: 'Undo' }).click();
      await page
        .locator('[data-widget="milestones"] li[data-state="overdue"]')
        .filter({ hasText: title })
        .waitFor({ timeout: 15_000 });
      assertNoPageErrors(fx);
    });
  });

  it('asks before a goal takes its sub-goals to the trash, and gives them back from Recently deleted', async () => {
    await withExtension(async (fx) => {
      await (await loadExampleThroughOptions(fx)).close();
      const page = await openNewTab(fx.context);
      const bhag = page
        .locator('[data-widget="focus"] [data-testid="goal-card"]', {
          hasText: 'Reach 150 billion VND annual revenue',
        })
        .first();
      await bhag.waitFor({ timeout: 30_000 });
      const milestones = page.locator('[data-widget="milestones"] .pc-milestone');
      await milestones.first().waitFor();
      const before = await milestones.count();
      const detail = page.getByTestId('goal-detail');
      await bhag.locator('.pc-card-title').click();
      await detail.getByTestId('delete-goal').click();

      // The question names how many go with it; Cancel has the focus and deletes nothing.
      const ask = page.getByRole('alertdialog');
      await ask.waitFor();
      const question = (await ask.getByRole('heading').textContent()) ?? '';
      const m =
        /^Delete “Reach 150 billion VND annual revenue by the end of \d{4}” and its (\d+) milestones\?$/.exec(
          question,
        );
      assert.ok(m, question);
      const subGoals = Number(m[1]);
      assert.ok(subGoals > 1, question);
      assert.equal(
        await ask.getByTestId('goal-delete-all').textContent(),
        `Delete it and its ${subGoals} milestones`,
      );
      assert.match(await ask.textContent(), /Its \d+ milestones stay, as goals of their own\./);
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel');
      assert.deepEqual(await axeViolations(page, '[data-testid="goal-delete-confirm"]'), []);
      await page.keyboard.press('Escape');
      await ask.waitFor({ state: 'detached' });
      await detail.waitFor();

      // Delete all: the toast says how many went, the timeline loses them.
      await detail.getByTestId('delete-goal').click();
      await ask.getByTestId('goal-delete-all').click();
      await detail.waitFor({ state: 'detached' });
      await page
        .getByTestId('toast')
        .getByText(
          new RegExp(
            `^“Reach 150 billion VND annual revenue by the end of \\d{4}” and ${subGoals} milestones deleted$`,
          ),
        )
        .waitFor();
      await bhag.waitFor({ state: 'detached' });

      // Long after the toast: "Recently deleted" restores the goal with its sub-goals.
      const trash = page.getByTestId('trash-list');
      await trash.locator('summary').click();
      const row = trash.getByTestId('trash-item');
      assert.equal(await row.count(), 1);
      assert.match(await row.textContent(), new RegExp(`Reach 150 billion VND.*${subGoals} milestones`));
      await row.getByRole('button', { name: /^Restore “Reach 150 billion VND/ }).click();
      await page
        .getByTestId('toast')
        .getByText(new RegExp(`and ${subGoals} milestones restored$`))
        .waitFor();
      await bhag.waitFor({ timeout: 15_000 });
      await trash.waitFor({ state: 'detached' });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-widget="milestones"] .pc-milestone').length === n,
        before,
        { timeout: 15_000 },
      );

      // Delete only the BHAG: its years move up; restored from the trash, they go back under it.
      const years = async () =>
        (await readStore(page, 'goals')).filter(
          (g) => g.deletedAt === null && g.id.startsWith('ex-goal-year-'),
        );
      assert.ok((await years()).every((g) => g.parentId === 'ex-goal-bhag'));
      await bhag.locator('.pc-card-title').click();
      await detail.getByTestId('delete-goal').click();
      assert.match(await ask.textContent(), /The \d+ milestones under them stay under them\./);
      await ask.getByTestId('goal-delete-only').click();
      await bhag.waitFor({ state: 'detached' });
      await eventually(async () => (await years()).every((g) => g.parentId === undefined), {
        message: 'the years moved up',
      });
      await trash.locator('summary').click();
      assert.match(await row.textContent(), /moved up, back under it on restore/);
      await row.getByRole('button', { name: /^Restore “Reach 150 billion VND/ }).click();
      await bhag.waitFor({ timeout: 15_000 });
      await eventually(async () => (await years()).every((g) => g.parentId === 'ex-goal-bhag'), {
        message: 'the years back under the BHAG',
      });
      assertNoPageErrors(fx);
    });
  });

  it('restores a sub-goal with its deleted parent, and an undone creation leaves nothing in the trash', async () => {
    await withExtension(async (fx) => {
      await (await loadExampleThroughOptions(fx)).close();
      const page = await openNewTab(fx.context);
      await page
        .locator('[data-widget="focus"] [data-testid="goal-card"]')
        .first()
        .waitFor({ timeout: 30_000 });
      const goals = () => readStore(page, 'goals');
      const state = async () =>
        Object.fromEntries((await goals()).map((g) => [g.id, [g.parentId ?? null, g.deletedAt]]));
      const all = await goals();
      // A quarter of the plan's first year, and its year.
      const quarter = all.find((g) => /^ex-goal-q-\d{4}-q2$/.test(g.id));
      const year = all.find((g) => g.id === quarter.parentId);
      assert.ok(quarter && year, 'the example has a quarter under a year');

      const detail = page.getByTestId('goal-detail');
      const deleteGoal = async (id) => {
        await page.evaluate((goal) => {
          location.hash = `#goal=${encodeURIComponent(goal)}`;
        }, id);
        await detail.getByTestId('delete-goal').click();
        // Every goal asks first: with its sub-goals ("Delete all"), or alone ("Delete").
        const ask = page.locator('[data-testid="goal-delete-all"], [data-testid="goal-delete-one"]');
        await ask.first().waitFor();
        await ask.first().click();
        await detail.waitFor({ state: 'detached' });
        await eventually(async () => (await goals()).find((g) => g.id === id)?.deletedAt, {
          message: `${id} in the trash`,
        });
      };
      // The quarter on its own first, then the year with everything under it.
      await deleteGoal(quarter.id);
      await deleteGoal(year.id);
      const before = await state();
      const yearDelete = Object.entries(before).filter(([, [, at]]) => at === before[year.id][1]);

      const trash = page.getByTestId('trash-list');
      await trash.locator('summary').click();
      const row = trash.locator(`[data-testid="trash-item"][data-id="${quarter.id}"]`);
      const total =
        yearDelete.length + Object.values(before).filter(([, at]) => at === before[quarter.id][1]).length;
      // Said before the click: the year comes back with it, and how many goals in all.
      assert.equal(
        (await row.getByTestId('trash-parent').textContent()).trim(),
        `Under “${year.title}”, also deleted: restoring this brings it back too (${total} goals in all).`,
      );
      const restore = row.getByTestId('trash-restore');
      assert.equal((await restore.textContent()).trim(), `Restore with “${year.title}”`);
      // Named by what it shows, described by its row: the goal, and what comes back with it.
      assert.equal(
        await restore.evaluate(
          (b) => document.getElementById(b.getAttribute('aria-describedby'))?.textContent,
        ),
        `${quarter.title}Under “${year.title}”, also deleted: restoring this brings it back too (${total} goals in all).`,
      );
      assert.deepEqual(await axeViolations(page, '[data-testid="trash-list"]'), []);
      await restore.click();
      await page
        .getByTestId('toast')
        .getByText(`“${quarter.title}” restored with “${year.title}”, ${total} goals in all`)
        .waitFor();
      // The tree is back whole: the quarter under its year, the year's own sub-goals with it.
      const restored = await eventually(async () => {
        const now = await state();
        return now[quarter.id][1] === null && now[year.id][1] === null && now;
      });
      assert.equal(restored[quarter.id][0], year.id);
      for (const [id] of yearDelete) assert.equal(restored[id][1], null, `${id} restored with the year`);

      // Undo: both back in the trash, each under its own delete, the two rows as they were.
      await page.getByTestId('toast').getByTestId('undo').click();
      await eventually(async () => JSON.stringify(await state()) === JSON.stringify(before), {
        message: 'the restore undone',
      });
      await trash.waitFor();
      if ((await trash.getAttribute('open')) === null) await trash.locator('summary').click();
      await eventually(async () => (await trash.getByTestId('trash-item').count()) === 2, {
        message: 'two rows',
      });
      await trash.getByRole('button', { name: `Restore “${year.title}”`, exact: true }).click();
      await row
        .getByTestId('trash-restore')
        .filter({ hasText: /^Restore$/ })
        .waitFor();
      await row.getByTestId('trash-restore').click();
      await trash.waitFor({ state: 'detached' });

      // An OKR set from the templates, undone: gone for good, not in Recently deleted.
      const count = (await goals()).length;
      await page.getByTestId('templates').click();
      await page.getByTestId('template-okr-set').click();
      await page.getByTestId('okr-set-save').click();
      const toast = page.getByTestId('toast');
      await toast.getByText(/^OKRs “.+” created$/).waitFor();
      assert.equal((await goals()).length, count + 4);
      await toast.getByTestId('undo').click();
      await eventually(async () => (await goals()).length === count, { message: 'the OKR set removed' });

      // A cascade, undone: its milestones gone for good, the goal as it was.
      const kr = (await goals()).find((g) => g.id === 'ex-kr-online-customers');
      await page.evaluate(() => {
        location.hash = '#goal=ex-kr-online-customers';
      });
      await detail.getByRole('button', { name: 'Break into milestones' }).click();
      const wizard = page.getByTestId('cascade-wizard');
      const create = wizard.getByTestId('cascade-create');
      // Create waits while the periods under way are checked ("Checking…").
      const toMake = async () => {
        await page.waitForFunction(() =>
          /^Create \d+ milestones?$/.test(
            document.querySelector('[data-testid="cascade-create"]')?.textContent?.trim() ?? '',
          ),
        );
        return Number(/^Create (\d+) milestones?$/.exec((await create.textContent()).trim())?.[1]);
      };
      // 97 of 180 customers with 24 days left: every period under way would start off track, so the
      // wizard leaves them out until asked; ticked, they are made (and undone) like any other.
      if ((await toMake()) === 0) await wizard.getByTestId('cascade-include-off-track').check();
      const made = await toMake();
      assert.ok(made > 0, await create.textContent());
      await create.click();
      await toast.getByText(new RegExp(`^${made} milestones? created`)).waitFor();
      assert.equal((await goals()).length, count + made);
      await toast.getByTestId('undo').click();
      await eventually(async () => (await goals()).length === count, { message: 'the cascade removed' });
      const after = (await goals()).find((g) => g.id === kr.id);
      assert.deepEqual({ ...after, updatedAt: kr.updatedAt }, kr);
      assert.equal(await trash.count(), 0, 'nothing in Recently deleted');
      assertNoPageErrors(fx);
    });
  });

  it('opens a goal from a #goal= link into the open tab, and closes it with Back', async () => {
    await withExtension(async (fx) => {
      await (await loadExampleThroughOptions(fx)).close();
      const page = await openNewTab(fx.context);
      const card = page.locator('[data-widget="focus"] [data-goal-id]').first();
      await card.waitFor({ timeout: 30_000 });
      const id = await card.getAttribute('data-goal-id');
      const detail = page.getByTestId('goal-detail');
      const hash = () => page.evaluate(() => location.hash);

      // A link into this tab (the popup, a reminder, a shared link) opens the detail…
      await page.evaluate((goal) => {
        location.hash = `#goal=${encodeURIComponent(goal)}`;
      }, id);
      await detail.waitFor({ timeout: 5_000 });
      // …and a hash without a goal closes it.
      await page.evaluate(() => {
        location.hash = '';
      });
      await detail.waitFor({ state: 'detached', timeout: 5_000 });

      // Opening a detail by hand adds a history entry: Back closes it, Forward opens it again.
      await card.locator('.pc-card-title').click();
      await detail.waitFor();
      assert.equal(await hash(), `#goal=${encodeURIComponent(id)}`);
      await page.goBack();
      await detail.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await hash(), '');
      await page.goForward();
      await detail.waitFor({ timeout: 5_000 });
      // Closed by hand (Escape, ✕) the hash goes too, and the detail stays closed.
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await page.waitForFunction(() => location.hash === '');
      await card.locator('.pc-card-title').click();
      await detail.waitFor();
      await detail.getByRole('button', { name: 'Close' }).click();
      await detail.waitFor({ state: 'detached' });
      await page.waitForFunction(() => location.hash === '');
      await page.waitForTimeout(300);
      assert.equal(await detail.count(), 0);
      // A link to a goal that is not there (deleted since) says so in words, not as an error.
      await page.evaluate(() => {
        location.hash = '#goal=does-not-exist';
      });
      await detail
        .getByText(/^This goal is not here: it may have been deleted\./)
        .waitFor({ timeout: 5_000 });
      assert.doesNotMatch((await detail.textContent()) ?? '', /Error/);
      assertNoPageErrors(fx);
    });
  });

  it('opens a goal with its chart and check-ins, and removes the example data in one click', async () => {
    await withExtension(async (fx) => {
      const options = await loadExampleThroughOptions(fx);
      const page = await openNewTab(fx.context);
      await page.getByTestId('goal-card').first().waitFor({ timeout: 30_000 });
      await page.locator('[data-widget="okr"] button.pc-link').nth(1).click();
      const dialog = page.getByTestId('goal-detail');
      await dialog.waitFor();
      await dialog.locator('canvas').first().waitFor({ timeout: 15_000 });
      assert.deepEqual(await axeViolations(page, '[data-testid="goal-detail"]'), []);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // The example objective: its description, and the key results its score is the mean of.
      await page.evaluate(() => {
        location.hash = '#goal=ex-okr-online';
      });
      const krs = dialog.getByTestId('detail-key-results');
      await krs.waitFor({ timeout: 15_000 });
      assert.match(
        (await dialog.getByTestId('goal-description').textContent()) ?? '',
        /^Description: Q[1-4] \d{4}: online buyers order without calling a salesperson\.$/,
      );
      const scores = await krs
        .getByTestId('detail-kr-score')
        .evaluateAll((es) => es.map((e) => Number(e.textContent?.replace('score ', ''))));
      assert.equal(scores.length, 4);
      const value = Number(await dialog.getByTestId('goal-value').textContent());
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      assert.ok(Math.abs(mean - value) <= 0.0051, `${value} is the mean of ${scores}`);
      assert.match(
        (await dialog.getByTestId('goal-progress-text').textContent()) ?? '',
        /^OKR score so far · 0\.7 by the end is a good result$/,
      );
      // Measured by its key results, it is not called "measurable" as if it had a target of its own.
      assert.equal(
        (await dialog.getByTestId('smart-ok').textContent())?.trim(),
        'This objective is specific and time-bound, and its 4 key results measure it.',
      );
      assert.deepEqual(await axeViolations(page, '[data-testid="goal-detail"]'), []);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await options.bringToFront();
      await options.getByTestId('remove-example').click();
      // Remove asks first (what goes, what of the user's stays): nothing of theirs here.
      await options.getByTestId('remove-example-yes').click();
      await options.getByTestId('load-example').waitFor({ state: 'visible' });
      await options.waitForFunction(
        () => !document.querySelector('[data-testid="load-example"]')?.hasAttribute('disabled'),
      );
      await page.bringToFront();
      await page.getByTestId('first-run-example').waitFor({ timeout: 15_000 });
      assertNoPageErrors(fx);
    });
  });
});
