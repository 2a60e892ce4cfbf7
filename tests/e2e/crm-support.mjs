// Shared by the CRM e2e tests. Chromium has no way to answer an extension's permission prompt from a
// test (Playwright and the DevTools protocol cannot reach browser dialogs), so the profile is
// prepared as if the user had already granted the CRM hosts once: the grant is written into the
// profile's Preferences between a first and a second launch. The shipped manifest is untouched, and
// the options page still calls `permissions.request` on click — it resolves at once, as it does in
// Chrome for hosts granted before.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/browser.mjs';
import { makeProfileDir, removeProfileDir, startExtension } from './helpers.mjs';

export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'crm');
export const fixture = (relative) => readFileSync(path.join(FIXTURES, relative), 'utf8');

export const HUBSPOT = {
  list: 'https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/list',
  record: 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836533',
  broken: 'https://app.hubspot.com/contacts/20456789/objects/0-3/views/broken/list',
};

/** Launches Pacer with `origins` already granted; returns the fixture and a cleanup. */
export async function startWithGrantedHosts(origins) {
  const userDataDir = makeProfileDir();
  const first = await startExtension({ userDataDir });
  const id = first.extensionId;
  await first.close();
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const settings = prefs.extensions?.settings?.[id];
  if (!settings) throw new Error(`no extension settings for ${id} in ${file}`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= {};
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
  const ext = await startExtension({ userDataDir });
  return {
    ext,
    async close() {
      await ext.close();
      removeProfileDir(userDataDir);
    },
  };
}

/** Answers the CRM's real URLs with fixture pages (no network). `pages` maps a path prefix to a fixture. */
export async function routeCrm(context, origin, pages) {
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    const match = Object.entries(pages).find(([prefix]) => url.pathname.startsWith(prefix));
    if (!match) return route.fulfill({ status: 404, body: 'not in the fixtures', contentType: 'text/plain' });
    return route.fulfill({ body: fixture(match[1]), contentType: 'text/html; charset=utf-8' });
  });
}

/** Reads a store of Pacer's IndexedDB from an extension page. */
export async function readStore(page, store) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Polls `fn` until it returns a truthy value (extension state is reached through other pages). */
export async function eventually(fn, { timeout = 15_000, interval = 250, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message} (last: ${JSON.stringify(last)})`);
}

/**
 * The text in sight inside each `pacer-lead-badge` host, in document order: the parts a pill dropped to
 * fit (`.pc-dropped`, visually hidden for assistive tech) are left out. Badge shadow roots are closed,
 * so a page script (and `page.evaluate`) sees nothing in them; the DevTools protocol pierces them.
 * Only the badge layer's subtree is described (the benchmark polls this while it measures).
 */
export async function closedBadgeTexts(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'pacer-badge-layer',
    });
    if (!nodeId) return [];
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: -1, pierce: true });
    const dropped = (n) => {
      const at = (n.attributes ?? []).indexOf('class');
      return at % 2 === 0 && /(^|\s)pc-dropped(\s|$)/.test(n.attributes[at + 1]);
    };
    const textOf = (n) =>
      n.nodeType === 3
        ? n.nodeValue
        : dropped(n)
          ? ''
          : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
    return (node.children ?? [])
      .filter((n) => n.localName === 'pacer-lead-badge')
      .map((n) => (n.shadowRoots ?? []).map(textOf).join(''));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Node ids of the shadow roots in the page, closed ones included (Pacer's panel, picker, badges). */
function shadowRootIds(root) {
  const ids = [];
  const walk = (node) => {
    for (const shadow of node.shadowRoots ?? []) {
      ids.push(shadow.nodeId);
      walk(shadow);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return ids;
}

/**
 * The DevTools protocol answers "Could not find node with given id" for a node the page removed after
 * the document was described: that node holds nothing any more, so it reads as empty rather than failing
 * the test on a race with the page's own updates.
 */
async function goneIsEmpty(request, pick) {
  try {
    return pick(await request);
  } catch (error) {
    // DOM.querySelectorAll says "Could not find node…", DOM.resolveNode "No node with given id found".
    if (/Could not find node with given id|No node with given id found/.test(String(error)))
      return pick({ nodeIds: [], object: null });
    throw error;
  }
}

/** Every element matching `selector` inside a shadow root, closed or not, as Playwright element handles. */
async function queryClosed(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let found = 0;
    for (const nodeId of shadowRootIds(root)) {
      // A root removed since the document was described (the picker closing) has nothing to find.
      const nodeIds = await goneIsEmpty(
        cdp.send('DOM.querySelectorAll', { nodeId, selector }),
        (r) => r.nodeIds,
      );
      for (const id of nodeIds) {
        // The test (never the page) parks each node in a main-world list for page.evaluateHandle.
        const object = await goneIsEmpty(cdp.send('DOM.resolveNode', { nodeId: id }), (r) => r.object);
        if (!object) continue;
        await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: 'function () { (globalThis.__pacerE2eNodes ??= []).push(this); }',
        });
        found++;
      }
    }
    if (found === 0) return [];
    const list = await page.evaluateHandle(() => {
      const nodes = globalThis.__pacerE2eNodes ?? [];
      delete globalThis.__pacerE2eNodes;
      return nodes;
    });
    const handles = [...(await list.getProperties()).values()].map((h) => h.asElement()).filter(Boolean);
    await list.dispose();
    return handles;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Whether `text` matches `want`: a string it contains, or a RegExp. */
const textMatches = (text, want) => (want instanceof RegExp ? want.test(text) : text.includes(want));

/**
 * Waits for an element of Pacer's panel or picker. Their shadow roots are closed, so page scripts
 * cannot read them, and neither can Playwright's locators: the DevTools protocol can. `hasText`
 * (a string it contains, or a RegExp) keeps only an element whose text matches. The handle clicks,
 * types and reads like any other (`click`, `fill`, `selectOption`, `textContent`).
 */
export async function overlayElement(page, selector, { hasText, timeout = 15_000 } = {}) {
  return eventually(
    async () => {
      let found = null;
      for (const handle of await queryClosed(page, selector)) {
        if (!found && (hasText === undefined || textMatches((await handle.textContent()) ?? '', hasText)))
          found = handle;
        else await handle.dispose();
      }
      return found;
    },
    { timeout, message: `${selector}${hasText ? ` with "${hasText}"` : ''} in Pacer's overlay` },
  );
}

/** How many elements of Pacer's overlay (closed shadow roots included) match `selector` now. */
export async function overlayCount(page, selector) {
  const handles = await queryClosed(page, selector);
  await Promise.all(handles.map((h) => h.dispose()));
  return handles.length;
}

/** Waits until no element of Pacer's overlay matches `selector` (a picker closed, a notice gone). */
export async function overlayGone(page, selector, { timeout = 15_000 } = {}) {
  await eventually(async () => (await overlayCount(page, selector)) === 0, {
    timeout,
    message: `${selector} gone from Pacer's overlay`,
  });
}

/**
 * Every shadow root of the page, closed ones included, as a handle to a Map from host element to its
 * root, for a `page.evaluate` that measures inside them (`page.evaluate(([roots]) =>
 * roots.get(host)?.querySelector(...), [await closedShadowRoots(page)])`). Dispose it when done.
 */
export async function closedShadowRoots(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const pairs = [];
    const walk = (node) => {
      for (const shadow of node.shadowRoots ?? []) {
        pairs.push([node.nodeId, shadow.nodeId]);
        walk(shadow);
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    for (const [hostId, rootId] of pairs) {
      // As in queryClosed: the test parks each root in a main-world map, taken back at once below.
      // A host the page (or Pacer: a badge recycled, the picker closed) removed since the document was
      // described has no root to measure any more.
      let host;
      let shadow;
      try {
        host = await cdp.send('DOM.resolveNode', { nodeId: hostId });
        shadow = await cdp.send('DOM.resolveNode', { nodeId: rootId });
      } catch (error) {
        if (/No node with given id|Could not find node with given id/.test(String(error))) continue;
        throw error;
      }
      await cdp.send('Runtime.callFunctionOn', {
        objectId: shadow.object.objectId,
        arguments: [{ objectId: host.object.objectId }],
        functionDeclaration:
          'function (host) { (globalThis.__pacerE2eRoots ??= new Map()).set(host, this); }',
      });
    }
    return await page.evaluateHandle(() => {
      const roots = globalThis.__pacerE2eRoots ?? new Map();
      delete globalThis.__pacerE2eRoots;
      return roots;
    });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Drawn badges on a CRM page (Pacer's badge layer), the most badges drawn over any one spot (2 would be
 * a duplicate left by a re-render), their texts, and how many sit over a row or card of the page.
 */
export async function badgeStats(
  page,
  itemSelector = 'tbody > tr, [data-test-id], [data-testid], li, article',
) {
  const texts = await closedBadgeTexts(page);
  return page.evaluate(
    ([selector, texts]) => {
      const hosts = [...document.querySelectorAll('pacer-lead-badge')]
        .map((h, i) => ({ h, text: texts[i] ?? '' }))
        .filter(
          ({ h, text }) =>
            !h.hasAttribute('data-spare') &&
            getComputedStyle(h).contentVisibility !== 'hidden' &&
            getComputedStyle(h).visibility !== 'hidden' &&
            text.trim() !== '',
        );
      const perSpot = new Map();
      let overItem = 0;
      for (const { h } of hosts) {
        const r = h.getBoundingClientRect();
        const spot = `${Math.round(r.left)},${Math.round(r.top)}`;
        perSpot.set(spot, (perSpot.get(spot) ?? 0) + 1);
        const under = document
          .elementsFromPoint(r.left + 2, r.top + r.height / 2)
          .find((el) => !el.localName.startsWith('pacer-'));
        if (under?.closest(selector)) overItem++;
      }
      return {
        count: hosts.length,
        maxPerAnchor: Math.max(0, ...perSpot.values()),
        overItem,
        texts: hosts.map(({ text }) => text),
      };
    },
    [itemSelector, texts],
  );
}

/** Writes records straight into a store of Pacer's IndexedDB (test setup: goals to measure against). */
export async function putRecords(page, store, records) {
  await page.evaluate(
    ([name, rows]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('pacer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const r of rows) tx.objectStore(name).put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve(null);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, records],
  );
}

const DAY = 86_400_000;

/** A revenue goal (the badges' "gap") and a goal on the CRM pipeline KPI (what the new tab shows). */
export function crmGoals(now = Date.now()) {
  const base = {
    frameworks: [],
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const metric = {
    id: 'e2e-revenue',
    name: 'Revenue',
    unit: { kind: 'currency', currency: 'VND' },
    direction: 'up',
    aggregation: 'sum',
    dimensions: [],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const goals = [
    {
      ...base,
      id: 'e2e-revenue-goal',
      kind: 'kpi_target',
      title: 'Quarter revenue',
      metricId: 'e2e-revenue',
      measure: 'cumulative',
      baseline: 0,
      target: 100_000_000,
      startAt: now - 30 * DAY,
      deadline: now + 60 * DAY,
      pinned: true,
    },
    {
      ...base,
      id: 'e2e-pipeline-goal',
      kind: 'kpi_target',
      title: 'Open pipeline',
      metricId: 'crm-pipeline-value',
      measure: 'latest',
      target: 50_000_000,
      startAt: now - 30 * DAY,
      deadline: now + 60 * DAY,
    },
  ];
  return { metrics: [metric], goals };
}
