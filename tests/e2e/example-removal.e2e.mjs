// "Remove example data" after the user built on the example (a reviewer's steps, in Vietnamese): 12 tỷ
// logged to the example's "Doanh thu" from the popup, a goal of their own on it. Remove had deleted
// the value with its KPI and left the goal on a KPI that no longer existed, in one click. Now it asks,
// saying what goes and what stays; the value, the goal and the KPI stay; Undo puts the example back.
// And the popup asks about "50 tỷ" typed with no segment (more than the example's whole year).
// Counts are read from IndexedDB. Screenshots: test-results/example-removal-*.png.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoPageErrors, openExtensionPage, saveScreenshot, withExtension } from './helpers.mjs';

/** What the user cares about, read from the database. */
const readDb = (page) =>
  page.evaluate(async () => {
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open('pacer');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (s) =>
      new Promise((res) => {
        const q = db.transaction(s).objectStore(s).getAll();
        q.onsuccess = () => res(q.result);
      });
    const blocks = await all('obsBlocks');
    const points = blocks.flatMap((b) => b.points.map((p) => ({ m: b.metricId, v: p.v, s: p.s })));
    const metrics = await all('metrics');
    const goals = await all('goals');
    db.close();
    return {
      metrics: metrics.length,
      exampleMetrics: metrics.filter((m) => m.example).length,
      revenue: metrics.find((m) => m.id === 'ex-revenue') ?? null,
      examplePoints: points.filter((p) => p.s === 'example').length,
      mine: points.filter((p) => p.s !== 'example'),
      myGoals: goals.filter((g) => !g.example).map((g) => ({ title: g.title, metricId: g.metricId })),
    };
  });

describe('remove example data', () => {
  it('asks, keeps the value and goal the user made on the example, and undoes', async () => {
    await withExtension(async (fx) => {
      const options = await openExtensionPage(fx.context, fx.extensionId, 'options.html?example=1');
      await options.locator('select[name="locale"]').selectOption('vi');
      await options.waitForFunction(() => document.documentElement.lang === 'vi');
      await options.waitForFunction(
        () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
        null,
        { timeout: 120_000 },
      );
      const loaded = await readDb(options);
      // The status says what it counts.
      assert.match(
        (await options.getByTestId('example-status').textContent()) ?? '',
        /^Bạn đang xem dữ liệu mẫu \([\d.]+ giá trị mẫu\)\.$/,
      );

      // The popup: "50 tỷ" with no segment is asked about; 12 tỷ is logged.
      const popup = await openExtensionPage(fx.context, fx.extensionId, 'popup.html');
      await popup.setViewportSize({ width: 380, height: 700 });
      const pick = async () => {
        await popup.getByTestId('metric-input').fill('doanh thu');
        await popup.getByTestId('metric-option').first().waitFor();
        await popup.getByTestId('metric-input').press('Enter');
      };
      await pick();
      await popup.getByTestId('value-input').fill('50 tỷ');
      await popup.getByTestId('value-input').press('Enter');
      await popup.getByTestId('unusual').waitFor();
      assert.match(
        (await popup.getByTestId('unusual').textContent()) ?? '',
        /^50\.000\.000\.000\s₫ cao hơn nhiều so với cả một tháng Doanh thu gần đây, gộp mọi phân khúc \(từ .+ đến .+ mỗi tháng\)/,
      );
      assert.equal((await readDb(popup)).mine.length, 0, 'nothing saved before the answer');
      await popup.getByTestId('value-input').fill('12 tỷ');
      await popup.getByTestId('value-input').press('Enter');
      await popup.getByTestId('undo').waitFor();
      assert.deepEqual((await readDb(popup)).mine, [{ m: 'ex-revenue', v: 12e9, s: 'manual' }]);

      // A goal of the user's own on the example's KPI.
      const newtab = await openExtensionPage(fx.context, fx.extensionId, 'newtab.html');
      await newtab.getByTestId('new-goal').click();
      await newtab.locator('#goal-title').fill('Doanh thu tháng 12 của tôi');
      await newtab.locator('#goal-metricId').selectOption('ex-revenue');
      await newtab.locator('#goal-target').fill('5 tỷ');
      await newtab.locator('#goal-deadline').fill('31/12/2026');
      await newtab.getByTestId('goal-save').click();
      await newtab.waitForFunction(async () => true);
      await options.waitForTimeout(500);
      assert.deepEqual((await readDb(options)).myGoals, [
        { title: 'Doanh thu tháng 12 của tôi', metricId: 'ex-revenue' },
      ]);

      // Remove asks, in numbers, with what stays; Cancel removes nothing.
      await options.bringToFront();
      await options.getByTestId('remove-example').click();
      const ask = options.getByTestId('remove-example-confirm');
      await ask.waitFor();
      const askText = (await ask.textContent()) ?? '';
      const values = loaded.examplePoints.toLocaleString('vi-VN');
      assert.ok(askText.startsWith(`Xóa dữ liệu mẫu? Sẽ xóa: 23 KPI, ${values} giá trị mẫu,`), askText);
      assert.match(
        askText,
        /Giữ lại 1 KPI bạn đang dùng \(không kèm giá trị mẫu\): Doanh thu \(1 giá trị bạn đã ghi, 1 mục tiêu\)\./,
      );
      assert.equal(
        await options.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'remove-example-cancel',
      );
      await saveScreenshot(options, 'example-removal-question-vi');
      await options.getByTestId('remove-example-cancel').click();
      await ask.waitFor({ state: 'detached' });
      assert.equal((await readDb(options)).metrics, loaded.metrics, 'Cancel removes nothing');

      await options.getByTestId('remove-example').click();
      await options.getByTestId('remove-example-yes').click();
      await options.getByTestId('undo-remove-example').waitFor({ timeout: 60_000 });
      const status = (await options.getByTestId('example-status').textContent()) ?? '';
      assert.match(
        status,
        /Đã giữ lại 1 KPI bạn đang dùng: Doanh thu \(1 giá trị bạn đã ghi, 1 mục tiêu\)\./,
      );
      const after = await readDb(options);
      assert.equal(after.metrics, 1);
      assert.equal(after.exampleMetrics, 0);
      assert.equal(after.revenue?.id, 'ex-revenue');
      assert.equal(after.examplePoints, 0);
      assert.deepEqual(after.mine, [{ m: 'ex-revenue', v: 12e9, s: 'manual' }]);
      assert.deepEqual(after.myGoals, [{ title: 'Doanh thu tháng 12 của tôi', metricId: 'ex-revenue' }]);
      await saveScreenshot(options, 'example-removal-done-vi');

      // The user's goal reads their value, not "Chưa có dữ liệu".
      await newtab.bringToFront();
      await newtab.reload({ waitUntil: 'load' });
      const card = newtab.getByTestId('goal-card').filter({ hasText: 'Doanh thu tháng 12 của tôi' });
      await card.waitFor({ timeout: 30_000 });
      assert.match((await card.getByTestId('goal-value').first().textContent()) ?? '', /12/);
      await saveScreenshot(newtab, 'example-removal-newtab-vi');

      // Undo puts the example back, the user's value still there.
      await options.bringToFront();
      await options.getByTestId('undo-remove-example').click();
      await options.getByTestId('example-status').filter({ hasText: 'Đã khôi phục dữ liệu mẫu.' }).waitFor();
      await options.waitForFunction(
        () => !document.querySelector('[data-testid="remove-example"]')?.hasAttribute('disabled'),
        null,
        { timeout: 60_000 },
      );
      const back = await readDb(options);
      assert.equal(back.metrics, loaded.metrics);
      assert.equal(back.examplePoints, loaded.examplePoints);
      assert.deepEqual(back.mine, [{ m: 'ex-revenue', v: 12e9, s: 'manual' }]);
      assertNoPageErrors(fx);
    });
  });
});
