// Fault injection on a CRM page (issue 15, findings 4 and 5): the page turns hostile. Its content
// script is taken over (messages are forged from the content script's own world, through the DevTools
// protocol), its main-world scripts go looking for Pacer's numbers, and it dispatches WXT's
// "content script started" event to switch the overlay off. Every forged message must be refused with
// its reason and change nothing (exact counts before and after); nothing of Pacer's may be readable.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveStatic } from '../../scripts/browser.mjs';
import {
  closedBadgeTexts,
  crmGoals,
  eventually,
  FIXTURES,
  overlayElement,
  putRecords,
  readStore,
  startWithGrantedHosts,
} from './crm-support.mjs';
import { assertNoExternalRequests, openExtensionPage, saveScreenshot } from './helpers.mjs';

const PAGE = 'list-cards-2026-11-23.html';
const STARTED = ':wxt:content-script-started';

/** The content script's isolated world on `page`, found and driven through the DevTools protocol. */
async function contentScriptWorld(page, extensionId) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = await eventually(
    () => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin?.includes(extensionId)),
    { message: "the content script's world" },
  );
  const evaluate = async (expression) => {
    const r = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails)
      throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  return {
    evaluate,
    /** Sends `message` as the content script would; the background's reply. */
    send: (message) => evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`),
    close: () => cdp.detach(),
  };
}

describe('a hostile CRM page', () => {
  /** @type {Awaited<ReturnType<typeof startWithGrantedHosts>>} */
  let run;
  let server;
  let options;
  let crm;
  let world;
  let origin;
  const sighting = (externalId, over = {}) => ({
    crm: `custom:${origin}`,
    objectType: 'lead',
    externalId,
    url: `${origin}/leads/${externalId}`,
    name: 'Forged lead',
    amount: 5_000_000_000,
    currency: 'VND',
    ...over,
  });

  /** Everything a forged message could change, counted. */
  async function snapshot() {
    const blocks = await readStore(options, 'obsBlocks');
    return {
      leads: (await readStore(options, 'leads')).length,
      points: blocks.reduce((n, b) => n + b.points.length, 0),
      quarantine: (await readStore(options, 'quarantine')).length,
      storage: JSON.stringify(await run.ext.serviceWorker.evaluate(() => chrome.storage.local.get(null))),
    };
  }

  before(async () => {
    server = await serveStatic(path.join(FIXTURES, 'custom'));
    origin = server.url;
    run = await startWithGrantedHosts(['http://127.0.0.1/*']);
    options = await openExtensionPage(run.ext.context, run.ext.extensionId, 'options.html');
    const { metrics, goals } = crmGoals();
    await putRecords(options, 'metrics', metrics);
    await putRecords(options, 'goals', goals);
    await options.locator('[data-testid="crm-custom-origin"]').fill(`${origin}/leads`);
    await options.locator('[data-testid="crm-custom-add"]').click();
    await options.locator('[data-testid="crm-custom-origin-row"]', { hasText: origin }).waitFor();
    // The user's mapping of the board (what the picker saves), written by a trusted page.
    const mapping = {
      version: 1,
      origin,
      kind: 'board',
      objectType: 'lead',
      item: 'li[data-kind="lead-card"]',
      fields: { name: 'h3', stage: '.Value-dJETNi', amount: '[data-field="amount"] span', link: 'a' },
      createdAt: Date.now(),
    };
    await options.evaluate((m) => chrome.storage.local.set({ 'pacer:crm-mappings': [m] }), mapping);
    await eventually(
      () =>
        run.ext.serviceWorker
          .evaluate(() => chrome.scripting.getRegisteredContentScripts())
          .then((s) => s.length > 0),
      { message: 'a registered content script' },
    );

    crm = await run.ext.context.newPage();
    // The page's own script, from before anything else runs: it keeps every message posted to it
    // (WXT used to post its start message, which names the extension, to the page).
    await crm.addInitScript(() => {
      window.__heard = [];
      addEventListener('message', (e) => {
        try {
          window.__heard.push(JSON.stringify(e.data) ?? String(e.data));
        } catch {
          window.__heard.push(String(e.data));
        }
      });
    });
    await crm.goto(`${origin}/${PAGE}`, { waitUntil: 'load' });
    await overlayElement(crm, '[data-testid="pacer-panel"] [data-goal-id="e2e-revenue-goal"]');
    await eventually(() => closedBadgeTexts(crm).then((t) => t.some((x) => /%/.test(x))), {
      message: 'a badge with a gap share',
    });
    world = await contentScriptWorld(crm, run.ext.extensionId);
    // Let the overlay's own first writes (leads, "matched once") land before counting.
    await eventually(() => readStore(options, 'leads').then((l) => l.length >= 3), { message: 'leads' });
    await crm.waitForTimeout(1000);
  });
  after(async () => {
    await world?.close().catch(() => undefined);
    await run?.close();
    await server?.close();
  });

  it('the forging harness works: a genuine message from the content script is accepted', async () => {
    const [lead] = await readStore(options, 'leads');
    assert.ok(lead.id.startsWith(`custom:${origin}:`), lead.id);
    const reply = await world.send({ type: 'overlay/context', leadIds: [lead.id] });
    assert.equal(reply.ok, true, JSON.stringify(reply));
    assert.equal(reply.data.leads.length, 1);
  });

  it('refuses every forged message type with its reason and stores nothing', async () => {
    const pipedrive = { ...sighting('9'), crm: 'pipedrive', url: 'https://acme.pipedrive.com/deal/9' };
    const cases = [
      [
        { type: 'metric/log', metricId: 'e2e-revenue', value: 1e12, time: Date.now() },
        /metric\/log is not accepted/,
      ],
      [
        { type: 'metric/log', metricId: 'nope', value: 1, time: Date.now() + 1e12 },
        /metric\/log is not accepted/,
      ],
      [{ type: 'ping' }, /ping is not accepted from a web page's tab/],
      [
        { type: 'leads/sighted', sightings: [pipedrive] },
        /sightings\[0\]\.crm: "pipedrive" is not this page's CRM/,
      ],
      [
        { type: 'leads/sighted', sightings: [sighting('9', { url: 'https://evil.example/lead/9' })] },
        /sightings\[0\]\.url: https:\/\/evil\.example is not an address of custom:/,
      ],
      [
        { type: 'leads/sighted', sightings: [sighting('10')], contextFor: ['hubspot:deal:1'] },
        /contextFor: "hubspot:deal:1" is not a lead of custom:/,
      ],
      [
        { type: 'overlay/context', leadIds: ['hubspot:deal:1'] },
        /leadIds: "hubspot:deal:1" is not a lead of custom:/,
      ],
      [
        {
          type: 'crm/health',
          crm: `custom:${origin}`,
          url: 'https://evil.example/x',
          pageKind: 'list',
          matched: false,
        },
        /url: the report is not about http:\/\/127\.0\.0\.1/,
      ],
      [
        { type: 'crm/health', crm: 'hubspot', url: `${origin}/x`, pageKind: 'list', matched: false },
        /crm: "hubspot" is not this page's CRM/,
      ],
      [
        {
          type: 'overlay/save-mapping',
          mapping: {
            version: 1,
            origin: 'https://app.hubspot.com',
            kind: 'list',
            objectType: 'deal',
            item: 'tr',
            fields: { name: 'td' },
            createdAt: 1,
          },
        },
        /mapping\.origin: https:\/\/app\.hubspot\.com is not this page's origin/,
      ],
      [
        { type: 'overlay/remember-matched', key: 'hubspot|list|deal' },
        /key: "hubspot\|list\|deal" is not about custom:/,
      ],
      [
        { type: 'overlay/save-panel', state: { x: 'far', y: 0, collapsed: false } },
        /state\.x: expected number/,
      ],
      [{ type: 'drop/everything' }, /unknown type "drop\/everything"/],
    ];
    const before = await snapshot();
    for (const [message, error] of cases) {
      const reply = await world.send(message);
      assert.equal(reply.ok, false, `${JSON.stringify(message).slice(0, 120)} was accepted`);
      assert.match(reply.error, /^Message refused/);
      assert.match(reply.error, error);
    }
    await crm.waitForTimeout(500);
    assert.deepEqual(await snapshot(), before);
  });

  it('refuses an oversized message and a flood, storing exactly what was accepted', async () => {
    const before = await snapshot();
    const huge = { type: 'leads/sighted', sightings: [sighting('big', { name: 'x'.repeat(600 * 1024) })] };
    const reply = await world.send(huge);
    assert.equal(reply.ok, false);
    assert.match(reply.error, /over the 524288-byte limit/);
    assert.deepEqual(await snapshot(), before);

    // 400 distinct forged leads as fast as the content script can send them.
    const replies = await world.evaluate(`Promise.all(Array.from({ length: 400 }, (_, i) =>
      chrome.runtime.sendMessage(${JSON.stringify({ type: 'leads/sighted', sightings: [sighting('flood')] })
        .replace('"flood"', '"flood-" + i')
        .replace('"/leads/flood"', '"/leads/flood-" + i')})))`);
    const accepted = replies.filter((r) => r.ok).length;
    const refused = replies.filter((r) => !r.ok);
    assert.ok(accepted > 0 && accepted <= 130, `${accepted} accepted`);
    assert.ok(refused.length >= 270, `${refused.length} refused`);
    for (const r of refused)
      assert.match(r.error, /^Message refused: too many messages from this tab; try again in \d+ s\.$/);
    const after = await snapshot();
    assert.equal(after.leads, before.leads + accepted, 'exactly the accepted sightings were stored');
    assert.deepEqual({ ...after, leads: 0 }, { ...before, leads: 0 });
  });

  it('gives a main-world page script none of Pacer’s numbers', async () => {
    // The numbers are on screen (read through the DevTools protocol, as a user sees them)…
    const panel = await overlayElement(crm, '[data-testid="pacer-panel"]');
    const panelText = (await panel.textContent()) ?? '';
    assert.match(panelText, /Quarter revenue/);
    const shares = (await closedBadgeTexts(crm)).filter((t) => /%/.test(t));
    assert.ok(shares.length > 0, 'a badge shows a gap share');
    await saveScreenshot(crm, 'hostile-page-overlay');
    // …and the page looks for them everywhere it can.
    const found = await crm.evaluate(() => {
      const texts = [document.documentElement.innerText];
      const visit = (root) => {
        texts.push(root.textContent ?? '');
        for (const el of root.querySelectorAll('*')) {
          for (const a of el.attributes) texts.push(a.value);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      const selection = getSelection();
      selection?.selectAllChildren(document.body);
      texts.push(selection?.toString() ?? '');
      selection?.removeAllRanges();
      const hosts = [
        ...document.querySelectorAll('pacer-panel, pacer-picker, pacer-lead-badge, pacer-badge-layer'),
      ];
      return {
        hosts: hosts.length,
        openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
        text: texts.join('\n'),
        storage: typeof globalThis.chrome?.storage,
      };
    });
    assert.ok(found.hosts > 1, 'the overlay is on the page');
    assert.equal(found.openRoots, 0, 'no shadow root of Pacer is open to the page');
    assert.equal(found.storage, 'undefined');
    // A goal with no value yet reads "— / ₫100M · No data yet" (docs/figures.md): its target is the number to hide.
    assert.match(panelText, /₫100M/);
    assert.doesNotMatch(found.text, /Quarter revenue|behind by|₫100M|of target/);
    for (const share of shares) assert.ok(!found.text.includes(share.trim()), `the page read "${share}"`);
  });

  it('closes extension storage to the content script itself', async () => {
    const result = await world.evaluate(
      'chrome.storage.local.get(null).then((v) => ({ read: Object.keys(v).length }), (e) => ({ error: String(e) }))',
    );
    assert.ok(result.error, `the content script read storage: ${JSON.stringify(result)}`);
    const write = await world.evaluate(
      `chrome.storage.local.set({ 'pacer:crm-enabled': ['hubspot'] }).then(() => 'written', (e) => String(e))`,
    );
    assert.notEqual(write, 'written');
    const stored = await run.ext.serviceWorker.evaluate(() => chrome.storage.local.get('pacer:crm-enabled'));
    assert.deepEqual(stored['pacer:crm-enabled'], [`custom:${origin}`]);
  });

  it('cannot switch the overlay off with WXT’s content-script-started event', async () => {
    const heard = await crm.evaluate(() => window.__heard);
    // Nothing posted to the page names the extension or says Pacer started (quiet-start.ts).
    const id = run.ext.extensionId;
    assert.deepEqual(
      heard.filter((m) => m.includes(id) || m.includes(STARTED)),
      [],
      'no message to the page names the extension',
    );
    // A page that knows the id some other way still cannot stop the overlay with WXT's event.
    const forged = { type: `${id}:crm${STARTED}`, contentScriptName: 'crm' };
    const badgesBefore = (await closedBadgeTexts(crm)).filter((t) => t.trim() !== '').length;
    await crm.evaluate(({ type, contentScriptName }) => {
      for (const target of [document, window]) {
        target.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }));
      }
      window.postMessage({ type, contentScriptName, messageId: 'forged' }, '*');
    }, forged);
    await crm.waitForTimeout(1500);
    assert.equal(await crm.locator('pacer-panel').count(), 1, 'the panel is still there');
    await overlayElement(crm, '[data-testid="pacer-panel"] [data-goal-id="e2e-revenue-goal"]');
    assert.equal((await closedBadgeTexts(crm)).filter((t) => t.trim() !== '').length, badgesBefore);
    // Still alive, not just still drawn: the content script still talks to the background.
    const reply = await world.send({ type: 'overlay/context', leadIds: [] });
    assert.equal(reply.ok, true);
  });

  it('sent nothing off the machine', () => {
    assertNoExternalRequests(run.ext);
  });
});
