// Smoke test of the built extension in real Chromium: it loads, owns the new tab, its pages render,
// its service worker runs, nothing throws and nothing leaves the machine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertNoExternalRequests,
  assertNoPageErrors,
  openExtensionPage,
  saveScreenshot,
  useExtension,
  waitForText,
} from './helpers.mjs';

describe('smoke: the built extension in Chromium', () => {
  const ext = useExtension();

  it('runs its service worker', async () => {
    assert.match(ext.extensionId, /^[a-p]{32}$/);
    const worker = ext.context.serviceWorkers().find((w) => w.url().startsWith(ext.extUrl('')));
    assert.ok(worker, 'service worker of the extension is listed');
    // The worker is reported as soon as it starts; it becomes "activated" a moment later.
    const state = await worker.evaluate(async () => {
      const scope = /** @type {any} */ (globalThis);
      for (let i = 0; i < 100 && scope.registration?.active?.state !== 'activated'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { id: scope.chrome?.runtime?.id, active: scope.registration?.active?.state };
    });
    assert.equal(state.id, ext.extensionId);
    assert.equal(state.active, 'activated');
  });

  it('replaces the new tab page', async () => {
    const page = await ext.context.newPage();
    await page.goto('chrome://newtab/', { waitUntil: 'load' });
    assert.ok(
      page.url().startsWith(ext.extUrl('newtab.html')),
      `new tab should be Pacer's page, got ${page.url()}`,
    );
    const text = await waitForText(page, '#app');
    assert.ok(text.length > 0, '#app has content');
    assert.match(await page.title(), /\S/, 'new tab has a title');
    await saveScreenshot(page, 'smoke-newtab');
    await page.close();
  });

  for (const file of ['popup.html', 'options.html']) {
    it(`renders ${file}`, async () => {
      const page = await openExtensionPage(ext.context, ext.extensionId, file);
      const text = await waitForText(page, '#app');
      assert.ok(text.length > 0, `#app of ${file} has content`);
      await saveScreenshot(page, `smoke-${file.replace('.html', '')}`);
      await page.close();
    });
  }

  it('threw no uncaught error in any page', () => {
    assertNoPageErrors(ext);
  });

  it('sent no request off the machine', () => {
    assertNoExternalRequests(ext);
  });
});
