// Pacer's overlay on a web page (the panel and the picker) lives in closed shadow roots, which no page
// script can enter; Chromium's tests reach them through CDP (tests/e2e/crm-support.mjs). In Firefox,
// WebDriver BiDi serialises a node's shadow root, closed ones too, when asked with
// `includeShadowTree: 'all'`; the root comes back as a shared reference that later calls take as an
// argument. Clicks are then real pointer input at the element's centre (puppeteer's mouse over BiDi).

/** Runs `fn(root, ...args)` in `page` for each of Pacer's overlay roots; the first non-null result, as JSON. */
async function inOverlay(ff, page, fn, ...args) {
  const context = page.mainFrame()._id;
  const connection = ff.browser.connection;
  const hosts = await connection.send('script.callFunction', {
    functionDeclaration: '() => [...document.querySelectorAll("pacer-panel, pacer-picker")]',
    awaitPromise: false,
    target: { context },
    serializationOptions: { maxDomDepth: 0, maxObjectDepth: 1, includeShadowTree: 'all' },
    resultOwnership: 'none',
  });
  const roots = (hosts.result.result?.value ?? [])
    .map((host) => host.value?.shadowRoot?.sharedId)
    .filter(Boolean);
  for (const sharedId of roots) {
    const call = await connection.send('script.callFunction', {
      functionDeclaration: `(root, ...args) => { const value = (${fn})(root, ...args); return value == null ? null : JSON.stringify(value); }`,
      awaitPromise: false,
      target: { context },
      arguments: [{ sharedId }, ...args.map((value) => ({ type: 'string', value: String(value) }))],
      resultOwnership: 'none',
    });
    const result = call.result;
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'overlay call failed');
    if (result.result?.type === 'string') return JSON.parse(result.result.value);
  }
  return null;
}

/** Polls until an element of the overlay matches `selector` (and contains `hasText`); its text and centre. */
export async function overlayElement(ff, page, selector, { hasText = '', timeout = 20_000 } = {}) {
  const end = Date.now() + timeout;
  let last = null;
  while (Date.now() < end) {
    const found = await inOverlay(
      ff,
      page,
      (root, sel, text) => {
        const el = [...root.querySelectorAll(sel)].find((e) => (e.textContent ?? '').includes(text));
        if (!el) return null;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = el.getBoundingClientRect();
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, cells apart, as a user reads the preview
        return { text: el.innerText ?? el.textContent ?? '', x: r.x + r.width / 2, y: r.y + r.height / 2 };
      },
      selector,
      hasText,
    ).catch(() => null);
    // Only where it stays put: the panel slides in, and a click measured mid-way lands beside it.
    if (found && last && Math.abs(found.x - last.x) < 1 && Math.abs(found.y - last.y) < 1) return found;
    last = found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `timed out waiting for ${selector}${hasText ? ` with "${hasText}"` : ''} in Pacer's overlay`,
  );
}

/** Clicks an overlay element as a user would: the pointer at its centre. */
export async function clickOverlay(ff, page, selector, options) {
  const { x, y } = await overlayElement(ff, page, selector, options);
  await page.mouse.click(x, y);
}

/** Chooses `value` in an overlay select, as choosing with the keyboard or mouse does (input and change). */
export async function selectInOverlay(ff, page, selector, value) {
  await overlayElement(ff, page, selector);
  const done = await inOverlay(
    ff,
    page,
    (root, sel, v) => {
      const select = root.querySelector(sel);
      if (!select) return null;
      select.value = v;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return select.value === v;
    },
    selector,
    value,
  );
  if (!done) throw new Error(`could not choose ${value} in ${selector}`);
}

/** Waits until no overlay element matches `selector`. */
export async function overlayGone(ff, page, selector, { timeout = 20_000 } = {}) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const there = await inOverlay(ff, page, (root, sel) => (root.querySelector(sel) ? true : null), selector);
    if (!there) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${selector} still in Pacer's overlay`);
}
