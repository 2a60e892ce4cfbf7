// The values list in real Chromium: a value logged, found again in "Your KPIs" → Values, a bad edit
// refused with nothing lost, a real edit (value and day) that the goal's figure follows, then deleted
// from the goal detail's Values and brought back with Undo.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertNoExternalRequests, assertNoPageErrors, saveScreenshot, withExtension } from './helpers.mjs';

/**
 * Puts a teammate's value beside each of yours in `metricId`'s stored blocks, as a team pull stores
 * them (a team document id, lib/team/whose-values.ts), a minute later. Written straight into the
 * blocks the list reads (the rollups are not the list's concern); returns how many of each there are.
 */
async function seedTeammatesValues(page, metricId) {
  return page.evaluate(
    (metric) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('obsBlocks', 'readwrite');
          const store = tx.objectStore('obsBlocks');
          const counts = { yours: 0, theirs: 0 };
          const req = store.getAll();
          req.onsuccess = () => {
            for (const block of req.result) {
              if (block.metricId !== metric) continue;
              const added = block.points.map((p, i) => ({
                id: `obs:${metric}:an:p${counts.yours + i}`,
                t: p.t + 60_000,
                v: p.v,
                s: 'manual',
              }));
              counts.yours += block.points.length;
              counts.theirs += added.length;
              store.put({ ...block, points: [...block.points, ...added] });
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    metricId,
  );
}

const day = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Waits until the first goal card's progress text matches `re`, and returns it. */
async function progressMatching(page, re) {
  await page.waitForFunction(
    (source) =>
      new RegExp(source).test(
        document.querySelector('.pc-widget-goals [data-testid="goal-progress-text"]')?.textContent ?? '',
      ),
    re.source,
    { timeout: 10_000 },
  );
  return (
    await page.locator('.pc-widget-goals [data-testid="goal-progress-text"]').first().textContent()
  )?.trim();
}

it('lists a KPI’s values, fixes one, deletes it and undoes the delete', { timeout: 150_000 }, () =>
  withExtension(
    async (ext) => {
      const page = ext.page;
      await page.goto(ext.extUrl('newtab.html'), { waitUntil: 'load' });
      const cards = page.locator('.pc-widget-goals [data-testid="goal-card"]');

      // A goal on a new KPI: 100 deals over the next months.
      await page.getByTestId('first-run-create').click();
      await page.getByTestId('goal-new-metric').click();
      await page.locator('#metric-name').fill('Deals won');
      await page.getByTestId('metric-save').click();
      await page.locator('#goal-title').fill('Win 100 deals');
      await page.locator('#goal-goalType').selectOption('total');
      await page.locator('#goal-target').fill('100');
      await page.locator('#goal-start').fill(day(-30));
      await page.locator('#goal-deadline').fill(day(120));
      await page.getByTestId('goal-save').click();
      await cards.first().waitFor();

      // Log 40 for today from the goal detail.
      await cards.first().locator('.pc-card-title').click();
      await page.getByTestId('log-values').click();
      await page.getByTestId('editor-entry').waitFor();
      await page.locator('#entry-value').fill('40');
      await page.getByTestId('entry-save').click();
      await page.getByTestId('editor-entry').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape'); // closes the goal detail
      await page.getByTestId('goal-detail').waitFor({ state: 'detached' });
      assert.match(await progressMatching(page, /\b40\b/), /\b40\b/);

      // "Your KPIs" → Values: the one value, typed by hand, today.
      const kpis = page.getByTestId('kpi-list');
      await kpis.locator('summary').click();
      await kpis
        .getByTestId('kpi-row')
        .filter({ hasText: 'Deals won' })
        .getByTestId('kpi-values-open')
        .click();
      const dialog = page.getByTestId('editor-values');
      await dialog.waitFor();
      assert.equal(await dialog.locator('#editor-title').textContent(), 'Values of Deals won');
      const rows = dialog.getByTestId('value-row');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      const cells = async () => (await rows.first().locator('td').allTextContents()).slice(0, 4);
      const [todayWords, amount, source] = await cells();
      assert.match(todayWords, /^\w{3}, \w{3} \d{1,2}, \d{4}$/, `day in words, got "${todayWords}"`);
      assert.equal(amount, '40');
      assert.equal(source, 'Typed in');
      assert.equal(await dialog.getByTestId('values-count').textContent(), 'The newest value');

      // A bad value is refused on its field; nothing changes.
      await rows.first().getByTestId('value-edit-open').click();
      const form = dialog.getByTestId('value-edit');
      await form.locator('#value-edit-value').fill('4O');
      await form.getByTestId('value-edit-save').click();
      await dialog.getByTestId('error-value-edit-value').waitFor();
      assert.match(await dialog.getByTestId('error-value-edit-value').textContent(), /understand|number/i);
      // A future day is refused too, with its own message.
      await form.locator('#value-edit-value').fill('25');
      await form.locator('#value-edit-day').fill(day(2));
      await form.getByTestId('value-edit-save').click();
      await dialog.getByTestId('error-value-edit-day').waitFor();
      assert.match(await progressMatching(page, /\b40\b/), /\b40\b/, 'nothing saved');

      // The real fix: 25, three days ago, with a note. The row moves to its day; the goal follows.
      await form.locator('#value-edit-day').fill(day(-3));
      await form.locator('#value-edit-note').fill('counted twice');
      await form.getByTestId('value-edit-save').click();
      await form.waitFor({ state: 'detached' });
      const toast = page.getByTestId('toast');
      await toast.getByText(/^Value 25 moved to /).waitFor();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="value-amount"]')?.textContent === '25',
      );
      const [movedWords, , , note] = await cells();
      assert.notEqual(movedWords, todayWords, 'the value moved to its new day');
      assert.equal(note, 'counted twice');
      await saveScreenshot(page, 'kpi-values-edited');
      await dialog.locator('.pc-dialog-head button').click(); // close
      await dialog.waitFor({ state: 'detached' });
      const edited = await progressMatching(page, /\b25\b/);
      assert.doesNotMatch(edited ?? '', /\b40\b/, `the dashboard shows the fixed value, got "${edited}"`);

      // Delete from the goal detail's Values, then Undo: the value and the goal's figure come back.
      await cards.first().locator('.pc-card-title').click();
      await page.getByTestId('goal-values').click();
      await dialog.waitFor();
      await rows.first().waitFor();
      await rows.first().getByTestId('value-delete').click();
      await toast.getByText(/^Value of .+ deleted \(25\)$/).waitFor();
      await dialog.getByTestId('values-count').getByText('No values logged yet.').waitFor();
      assert.equal(await rows.count(), 0);
      await page.waitForFunction(
        () =>
          !/\b25\b/.test(
            document.querySelector('.pc-widget-goals [data-testid="goal-progress-text"]')?.textContent ?? '',
          ),
      );
      await page.getByTestId('undo').click();
      await rows.first().waitFor();
      assert.equal(await rows.first().getByTestId('value-amount').textContent(), '25');
      await page.keyboard.press('Escape'); // the values list
      await dialog.waitFor({ state: 'detached' });
      await page.keyboard.press('Escape'); // the goal detail
      await page.getByTestId('goal-detail').waitFor({ state: 'detached' });
      await progressMatching(page, /\b25\b/);

      assertNoPageErrors(ext);
      assertNoExternalRequests(ext);
    },
    { name: 'kpi-values' },
  ),
);

it('pages only your values, fifty at a time, among a teammate’s', { timeout: 150_000 }, () =>
  withExtension(
    async (ext) => {
      const page = ext.page;
      await page.goto(ext.extUrl('options.html?example=1'), { waitUntil: 'load' });
      await page.waitForFunction(
        () => /\d/.test(document.querySelector('[data-testid="example-status"]')?.textContent ?? ''),
        null,
        { timeout: 60_000 },
      );
      // The example's new customers (a key result's KPI): one of a teammate's after each of yours.
      const { yours, theirs } = await seedTeammatesValues(page, 'ex-new-customers');
      assert.ok(yours > 150 && theirs === yours, `seeded ${yours} of yours, ${theirs} of theirs`);

      await page.goto(ext.extUrl('newtab.html#goal=ex-kr-online-customers'), { waitUntil: 'load' });
      await page.getByTestId('goal-values').click();
      const dialog = page.getByTestId('editor-values');
      const rows = dialog.getByTestId('value-row');
      const count = dialog.getByTestId('values-count');
      const more = dialog.getByTestId('values-more');
      await rows.first().waitFor();
      // Every page full, counted as yours, until the last shows every one of yours and offers no more.
      for (let shown = 50; ; shown += 50) {
        const expected = Math.min(shown, yours);
        await count.getByText(`The newest ${expected} values`, { exact: true }).waitFor();
        assert.equal(await rows.count(), expected);
        assert.equal(await dialog.getByText('Typed in').count(), 0, 'none of the teammate’s values');
        if (expected === yours) break;
        await more.click();
      }
      assert.equal(await more.count(), 0, 'no older values offered past the last of yours');
      assertNoPageErrors(ext);
      assertNoExternalRequests(ext);
    },
    { name: 'kpi-values-team' },
  ),
);
