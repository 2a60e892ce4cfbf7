/**
 * DOM helpers shared by the CRM adapters. Pure functions over a parsed DOM: no extension APIs, no
 * globals such as `location`, so they run unchanged in a content script and under happy-dom.
 */

export type QueryRoot = Document | DocumentFragment | ShadowRoot | Element;

/** A selector list kept as data: newest variant first, dated fallbacks after it. */
export type Selectors = readonly string[];

/** `querySelectorAll` that treats an invalid selector (a CRM redesign, a bad user mapping) as "no match". */
export function safeQueryAll(root: QueryRoot, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** `querySelector` that treats an invalid selector as "no match" (stops at the first hit: cheap per row). */
function safeQuery(root: QueryRoot, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The first element matched by the first selector that matches anything, tried newest first. */
export function queryFirst(root: QueryRoot, selectors: Selectors): Element | null {
  for (const selector of selectors) {
    const found = safeQuery(root, selector);
    if (found) return found;
  }
  return null;
}

/** All elements of the first selector that matches anything: variants are alternatives, never merged. */
export function queryAllFirst(root: QueryRoot, selectors: Selectors): Element[] {
  for (const selector of selectors) {
    const found = safeQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Every element under `root` matching `selector`, descending into open shadow roots (Salesforce
 * Lightning renders with native shadow DOM). Selectors never cross a shadow boundary, as in the
 * browser: each shadow tree is matched on its own. Results come in tree order, a host's shadow tree
 * right after the host.
 */
export function deepQueryAll(root: QueryRoot, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (scope: QueryRoot): void => {
    for (const el of safeQueryAll(scope, '*')) {
      if (safeMatches(el, selector)) out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element) {
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** `queryFirst` through open shadow roots. */
export function deepQueryFirst(root: QueryRoot, selectors: Selectors): Element | null {
  for (const selector of selectors) {
    const found = deepQueryAll(root, selector)[0];
    if (found) return found;
  }
  return null;
}

/** `queryAllFirst` through open shadow roots. */
export function deepQueryAllFirst(root: QueryRoot, selectors: Selectors): Element[] {
  for (const selector of selectors) {
    const found = deepQueryAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

/** The parent element, stepping out of a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** `closest` that also climbs out of shadow roots. */
export function closestDeep(el: Element, selector: string): Element | null {
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (safeMatches(node, selector)) return node;
  }
  return null;
}

/** Elements whose text nobody sees; checked by hand because `matches` per node is slow on big tables. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const SKIPPED_CLASS = /(?:^|\s)(?:slds-assistive-text|assistiveText)(?:\s|$)/;

function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden')) return true;
  const className = el.getAttribute('class');
  // Most class lists hold neither name: a substring test spares the regex on every node.
  return className?.includes('ssistive') === true && SKIPPED_CLASS.test(className);
}

/**
 * The text a user reads in `el`, whitespace collapsed. Descends into open shadow roots and follows
 * `<slot>` projection, because `textContent` on a Lightning host misses everything in its shadow.
 * Screen-reader-only helpers (.slds-assistive-text) and hidden elements are left out.
 */
export function deepText(el: Element | null | undefined): string {
  if (!el) return '';
  return collapse(collectText(el, false));
}

/**
 * Every element `isSkipped` or the slot branch of collectText looks at, and more: class selectors
 * match case-insensitively in quirks mode, and `script` also matches SVG's. One native query per text
 * read tells whether any element below needs those checks; when none does, the walk skips them.
 */
const MAYBE_SPECIAL = 'script,style,template,noscript,slot,[hidden],.slds-assistive-text,.assistiveText';

/**
 * Runs for every cell of every row read (50 rows × 10 cells per CRM re-render): sibling pointers and
 * one string, not NodeLists and an array of parts. `plain`: nothing below this light-DOM subtree is
 * skipped or a slot (see MAYBE_SPECIAL), which spares four DOM reads per element; a shadow root is
 * walked with every check again.
 */
function collectText(node: Node, plain: boolean): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType === 1) {
    const el = node as Element;
    if (!plain) {
      if (isSkipped(el)) return '';
      if (el.tagName === 'SLOT') return slotText(el);
    }
    const shadow = el.shadowRoot;
    // Checked once, at the top of a light-DOM subtree: the query does not look into shadow roots.
    const plainBelow = shadow ? false : plain || el.querySelector(MAYBE_SPECIAL) === null;
    // Elements are separated by a space so "Name" + "Owner" never reads as "NameOwner".
    let text = ' ';
    for (let child = (shadow ?? el).firstChild; child; child = child.nextSibling) {
      text += collectText(child, plainBelow);
    }
    return `${text} `;
  }
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += collectText(child, false);
  return text;
}

function slotText(slot: Element): string {
  const root = slot.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const name = slot.getAttribute('name');
  const assigned = host
    ? Array.from(host.childNodes).filter((child) =>
        name
          ? child instanceof Element && child.getAttribute('slot') === name
          : !(child instanceof Element && child.hasAttribute('slot')),
      )
    : [];
  // An empty slot shows its fallback content.
  let text = '';
  for (const child of assigned.length > 0 ? assigned : Array.from(slot.childNodes))
    text += collectText(child, false);
  return text;
}

export function collapse(text: string): string {
  const trimmed = text.trim();
  // Most cell texts have only single spaces inside once trimmed: no replace needed (this runs for
  // every value of every row read, twice).
  return /[^\S ]| {2}/.test(trimmed) ? trimmed.replace(/[\s\u00a0\u202f]+/g, ' ') : trimmed;
}

/** The value a form control or a text element shows: HubSpot renders read-only `<input>`s. */
export function displayedValue(el: Element | null | undefined): string {
  if (!el) return '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return collapse(el.value || el.getAttribute('value') || '');
  }
  return deepText(el);
}

/**
 * True when `el` or an ancestor (across shadow boundaries) is hidden by markup: the `hidden`
 * attribute, `aria-hidden="true"`, or an inline `display: none`. Computed styles are not consulted:
 * they are expensive on a 2,000-row table and meaningless under happy-dom.
 */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (hiddenItself(node)) return true;
  }
  return false;
}

/** One native match rules out almost every element; the exact tests run on the few it lets through. */
const MAYBE_HIDDEN = '[hidden],[aria-hidden="true"],[style*="display" i]';

function hiddenItself(node: Element): boolean {
  if (!node.matches(MAYBE_HIDDEN)) return false;
  if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
  return /display\s*:\s*none/i.test(node.getAttribute('style') ?? '');
}

/**
 * The items not hidden by markup (as `isHiddenByMarkup`), each ancestor looked at once: the 2,000 rows
 * of a table share their body, table and page, so a row costs one check of its own.
 */
export function shownByMarkup(items: readonly Element[]): Element[] {
  const shown = new Set<Element>();
  const hidden = new Set<Element>();
  const isHidden = (el: Element): boolean => {
    const path: Element[] = [];
    let result = false;
    for (let node: Element | null = el; node; node = composedParent(node)) {
      if (shown.has(node)) break;
      if (hidden.has(node)) {
        result = true;
        break;
      }
      path.push(node);
      if (hiddenItself(node)) {
        result = true;
        break;
      }
    }
    for (const node of path) (result ? hidden : shown).add(node);
    return result;
  };
  return items.filter((el) => !isHidden(el));
}

/** Escape a string for use inside a double-quoted CSS attribute value. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

/** An absolute http(s) URL for an `href`, resolved against the page URL; null for anything else. */
export function absoluteHref(href: string | null | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** CRMs print "--" or "—" in empty cells; those are "no value", not text. */
const PLACEHOLDERS = new Set(['', '-', '--', '—', '–', 'N/A', 'n/a']);

/** The text, or undefined when it is empty or a placeholder. */
export function present(text: string | null | undefined): string | undefined {
  const value = collapse(text ?? '');
  return PLACEHOLDERS.has(value) ? undefined : value;
}

/** Filled templates per template list (the adapters' selector arrays are constants), by their values. */
const filled = new WeakMap<Selectors, Map<string, string[]>>();

/**
 * Fill `{name}` placeholders in selector templates kept as data. Memoised by the template list itself
 * and the values: the adapters fill the same few templates several times for every row read.
 */
export function fill(selectors: Selectors, values: Record<string, string>): string[] {
  let byValues = filled.get(selectors);
  if (!byValues) {
    byValues = new Map();
    filled.set(selectors, byValues);
  }
  let key = '';
  for (const name in values) key += `${name}\u0000${values[name]}\u0001`;
  let out = byValues.get(key);
  if (!out) {
    out = selectors.map((s) => s.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`));
    if (byValues.size > 500) byValues.clear();
    byValues.set(key, out);
  }
  return out;
}
