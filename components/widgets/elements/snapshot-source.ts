/**
 * Where a widget's snapshot comes from, first match wins:
 *   1. its `snapshot` attribute (JSON text),
 *   2. a child `<script type="application/json">`,
 *   3. its `src` attribute: a snapshot file the host page serves (same origin unless `allow-cross-origin`),
 *   4. the page's `<script type="application/json" id="pacer-snapshot">`, shared by every widget.
 * Results are cached by text and by URL, so ten widgets on one snapshot parse (and fetch) it once.
 */

import type { Snapshot } from '../../../lib/app/goal-view';
import { parseSnapshot, type SnapshotResult } from '../../../lib/snapshot/parse-snapshot';
import type { WidgetMessageKey } from '../../../lib/snapshot/widget-messages';

export type Loaded =
  | { ok: true; snapshot: Snapshot }
  | { ok: false; key: WidgetMessageKey; params?: Record<string, string> };

export const PAGE_SNAPSHOT_ID = 'pacer-snapshot';

const parsed = new Map<string, SnapshotResult>();
const MAX_PARSED = 16;

function fromText(text: string): Loaded {
  let result = parsed.get(text);
  if (!result) {
    result = parseSnapshot(text);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, result);
  }
  if (result.ok) return result;
  return {
    ok: false,
    key: result.reason === 'json' ? 'error.invalidJson' : 'error.invalidSnapshot',
    params: { detail: result.detail },
  };
}

function childScript(host: Element): HTMLScriptElement | null {
  for (const child of host.children) {
    if (child instanceof HTMLScriptElement && child.type.trim().toLowerCase() === 'application/json')
      return child;
  }
  return null;
}

function pageScript(host: Element): HTMLElement | null {
  const root = host.getRootNode();
  const inRoot = root instanceof ShadowRoot ? root.getElementById(PAGE_SNAPSHOT_ID) : null;
  return inRoot ?? host.ownerDocument.getElementById(PAGE_SNAPSHOT_ID);
}

/** The snapshot given in the page itself (cases 1, 2 and 4), or null when the widget must fetch `src`. */
export function inlineSnapshot(host: Element): Loaded | null {
  const attribute = host.getAttribute('snapshot');
  if (attribute !== null) return fromText(attribute);
  const script = childScript(host);
  if (script) return fromText(script.textContent ?? '');
  if (host.hasAttribute('src')) return null;
  const page = pageScript(host);
  if (page) return fromText(page.textContent ?? '');
  return { ok: false, key: 'error.missing' };
}

const fetched = new Map<string, Promise<Loaded>>();

/**
 * Loads `src` with the host page's own fetch. Only the page's own origin by default: a widget should
 * not make a page talk to a third party unless its author said so in the markup.
 */
export function srcSnapshot(host: Element, fetchImpl: typeof fetch = fetch): Promise<Loaded> {
  const src = host.getAttribute('src') ?? '';
  let url: URL;
  try {
    url = new URL(src, host.ownerDocument.baseURI);
  } catch {
    return Promise.resolve({ ok: false, key: 'error.fetch', params: { url: src, detail: 'invalid URL' } });
  }
  const here = new URL(host.ownerDocument.baseURI);
  if (url.origin !== here.origin && !host.hasAttribute('allow-cross-origin')) {
    return Promise.resolve({ ok: false, key: 'error.crossOrigin', params: { url: url.href } });
  }
  const key = url.href;
  let pending = fetched.get(key);
  if (!pending) {
    pending = fetchImpl(key, { credentials: 'same-origin' })
      .then(async (response): Promise<Loaded> => {
        if (!response.ok)
          return { ok: false, key: 'error.fetch', params: { url: src, detail: `HTTP ${response.status}` } };
        return fromText(await response.text());
      })
      .catch(
        (error: unknown): Loaded => ({
          ok: false,
          key: 'error.fetch',
          params: { url: src, detail: error instanceof Error ? error.message : String(error) },
        }),
      )
      .then((loaded) => {
        // A failure is not remembered: the next render (e.g. after the file is fixed) tries again.
        if (!loaded.ok) fetched.delete(key);
        return loaded;
      });
    fetched.set(key, pending);
  }
  return pending;
}

/** Tests load the same URL with different mocked responses. */
export function clearSnapshotCaches(): void {
  parsed.clear();
  fetched.clear();
}
