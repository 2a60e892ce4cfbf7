/**
 * Turn "the user clicked this value inside this row" into selectors that survive the CRM's next
 * re-render and release: data-* hooks first (data-test, data-testid, data-zcqa, data-label…), then
 * ARIA, link patterns (a[href*="/deal/"]), custom element names and meaningful classes, and only
 * then position (:nth-child). Generated class names (css-1x2y3z, sc-abc123, _3kx9Q, hzXlDk) are
 * never used: they change with every build. Each candidate is checked against the sibling items,
 * so a hook that carries the record id ("cell-0-3-amount-2147") is generalised to a prefix.
 */
import { collapse, cssString, deepText, safeQueryAll } from './dom';

/** Attributes CRMs and test tooling put on stable hooks, most trusted first. */
const PREFERRED_ATTRIBUTES = [
  'data-test-id',
  'data-testid',
  'data-test',
  'data-test-key',
  'data-zcqa',
  'data-label',
  'data-field',
  'data-field-name',
  'data-field-key',
  'data-name',
  'data-key',
  'data-column',
  'data-col-key-value',
  'data-qa',
  'data-cy',
  'data-selenium-test',
  'data-target-selection-name',
  'field-label',
  'name',
  'itemprop',
];

/** data-* attributes that are framework noise or per-render state, never hooks. */
const IGNORED_ATTRIBUTE =
  /^data-(?:v-|reactid|react-|rbd-|rfd-|dnd-|radix-|headlessui-|aura-rendered|state|index|selected|focus|hover|active|dragging|placeholder|floating-ui)/;

/**
 * Values a framework generates per render or per visit: React's useId (`«r34»`, `:r1:`, `_r_5_`),
 * Headless UI / Radix ids (`headlessui-menu-button-3`, `radix-:r2:`), Vue's scoped ids.
 */
export function isGeneratedValue(value: string): boolean {
  return /[«»]|(?:^|[-_])?:r[0-9a-z]+:|^_r_[0-9a-z]+_$|^(?:headlessui|radix|rfd|rbd|mui|react-select|downshift)-/i.test(
    value,
  );
}

/** Classes that only say something is selected, hovered, open… */
const STATE_CLASS =
  /^(?:is-|has-|ng-|active$|selected$|hover|focus|open$|expanded|collapsed|visible|hidden$)/i;

/** True for class names that a CSS-in-JS tool or a minifier generated. */
export function isGeneratedClass(name: string): boolean {
  if (/^(?:css|sc|jss|svelte|emotion)-[a-zA-Z0-9-]{3,}$/.test(name) && /\d|[A-Z]/.test(name)) return true; // css-1x2y3z, sc-bdVaJa
  if (/^(?:jss|ember|makeStyles-\w+-)\d+$/.test(name)) return true;
  if (/^_[a-zA-Z0-9_-]{4,}$/.test(name)) return true; // _3kx9Q (minified CSS modules)
  if (/__[a-zA-Z0-9_-]{5}$/.test(name) && /\d|[A-Z]/.test(name.slice(-5))) return true; // Button_root__3kx9Q
  if (/__Styled|Styled[A-Z]/.test(name)) return true; // View__StyledView-dJETNi
  const suffix = /-([a-zA-Z0-9]{5,8})$/.exec(name)?.[1];
  if (suffix && /[A-Z]/.test(suffix.slice(1)) && /[a-z]/.test(suffix)) return true; // Card-dJETNi
  if (/^[a-zA-Z]{5,8}$/.test(name) && (name.slice(1).match(/[A-Z]/g) ?? []).length >= 2) return true; // hzXlDk
  if (/[a-z]\d+[a-z]|\d[a-z]+\d/i.test(name) && !/[-_]/.test(name) && name.length >= 5) return true; // x1n2onr6
  return false;
}

function stableClasses(el: Element): string[] {
  return Array.from(el.classList).filter(
    (c) => !isGeneratedClass(c) && !STATE_CLASS.test(c) && /^[a-zA-Z][\w-]*$/.test(c),
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Where a record id sits in a value: a UUID, a Salesforce-style id, or a run of 3+ digits. */
function findIdToken(value: string): { index: number; length: number } | null {
  const found: { index: number; length: number }[] = [];
  const uuid = UUID.exec(value);
  if (uuid) found.push({ index: uuid.index, length: uuid[0].length });
  for (const m of value.matchAll(/[a-zA-Z0-9]{15,18}/g)) {
    const token = m[0];
    if (
      (token.length === 15 || token.length === 18) &&
      (token.match(/\d/g) ?? []).length >= 3 &&
      /[a-zA-Z]/.test(token)
    ) {
      found.push({ index: m.index, length: token.length });
    }
  }
  const digits = /\d{3,}/.exec(value);
  if (digits) found.push({ index: digits.index, length: digits[0].length });
  found.sort((x, y) => x.index - y.index);
  return found[0] ?? null;
}

function isIdLike(value: string): boolean {
  const token = findIdToken(value);
  return token !== null && token.index === 0 && token.length === value.length;
}

function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

/** Selectors for one attribute: exact value, a prefix when the value ends in an id, or presence. */
function attributeCandidates(tag: string, name: string, value: string): string[] {
  const out: string[] = [];
  if (!value || value.length > 200 || isGeneratedValue(value)) return out;
  if (isIdLike(value)) return [`${tag}[${name}]`];
  const id = findIdToken(value);
  if (id && id.index > 0) {
    const prefix = value.slice(0, id.index);
    if (prefix.length >= 3) out.push(`${tag}[${name}^=${cssString(prefix)}]`);
  } else {
    out.push(`${tag}[${name}=${cssString(value)}]`);
  }
  return out;
}

/** `a[href*="/record/0-3/"]`: the path segments right before the last id in a link. */
function linkCandidate(el: Element): string | null {
  if (tagOf(el) !== 'a') return null;
  const href = el.getAttribute('href');
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://x.invalid').pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean);
  let last = -1;
  segments.forEach((s, i) => {
    if (isIdLike(s)) last = i;
  });
  if (last <= 0) return null;
  const before: string[] = [];
  for (let i = last - 1; i >= 0 && before.length < 2; i--) {
    const seg = segments[i]!;
    if (isIdLike(seg)) break;
    before.unshift(seg);
  }
  return before.length > 0 ? `a[href*=${cssString(`/${before.join('/')}/`)}]` : null;
}

/** Candidate selectors for one element, most robust first; none of them positional. */
function nodeCandidates(el: Element): string[] {
  const tag = tagOf(el);
  const out: string[] = [];
  for (const name of PREFERRED_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value !== null) out.push(...attributeCandidates(tag, name, value));
  }
  for (const attr of Array.from(el.attributes)) {
    if (!attr.name.startsWith('data-') || PREFERRED_ATTRIBUTES.includes(attr.name)) continue;
    if (IGNORED_ATTRIBUTE.test(attr.name)) continue;
    out.push(...attributeCandidates(tag, attr.name, attr.value));
  }
  const role = el.getAttribute('role');
  const label = el.getAttribute('aria-label');
  if (label && label.length <= 100 && !isGeneratedValue(label)) {
    out.push(
      role
        ? `${tag}[role=${cssString(role)}][aria-label=${cssString(label)}]`
        : `${tag}[aria-label=${cssString(label)}]`,
    );
  }
  if (role) out.push(`${tag}[role=${cssString(role)}]`);
  const link = linkCandidate(el);
  if (link) out.push(link);
  const scheme = tag === 'a' ? /^(mailto|tel):/i.exec(el.getAttribute('href') ?? '')?.[1] : undefined;
  if (scheme) out.push(`a[href^=${cssString(`${scheme.toLowerCase()}:`)}]`);
  if (tag.includes('-')) out.push(tag);
  for (const c of stableClasses(el)) out.push(`${tag}.${c}`);
  return out;
}

function positional(el: Element): string {
  const parent = el.parentElement;
  const index = parent ? Array.from(parent.children).indexOf(el) + 1 : 1;
  return `${tagOf(el)}:nth-child(${index})`;
}

function scopeOf(el: Element): Document | ShadowRoot {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root : el.ownerDocument;
}

/**
 * A selector matching `item` and every item like it (its sibling rows or cards), or null.
 * "Like it" means same tag and the same data-* attribute names: a header row or a skeleton row
 * without hooks is not a peer.
 */
export function deriveItemSelector(item: Element): string | null {
  const scope = scopeOf(item);
  const signature = (el: Element) =>
    `${tagOf(el)}|${Array.from(el.attributes)
      .map((a) => a.name)
      .filter((n) => n.startsWith('data-') || n === 'role')
      .sort()
      .join(',')}`;
  const peers = item.parentElement
    ? Array.from(item.parentElement.children).filter((el) => el !== item && signature(el) === signature(item))
    : [];
  const accept = (selector: string): boolean => {
    const matches = safeQueryAll(scope, selector);
    if (!matches.includes(item)) return false;
    if (peers.some((p) => !matches.includes(p))) return false;
    if (peers.length > 0 && matches.length < 2) return false;
    // Items never nest: a selector that also matches the row's cells is too broad.
    return !matches.some((m) => m !== item && (m.contains(item) || item.contains(m)));
  };
  const own = nodeCandidates(item).filter((c) => !/\[aria-label=/.test(c));
  for (const candidate of own) if (accept(candidate)) return candidate;
  // Anchor on the nearest ancestor with a hook: `table[data-test-id="…"] > tbody > tr`.
  let path = tagOf(item);
  for (let node = item.parentElement, depth = 0; node && depth < 6; node = node.parentElement, depth++) {
    for (const anchor of nodeCandidates(node)) {
      const candidate = `${anchor} > ${path}`;
      if (accept(candidate)) return candidate;
    }
    path = `${tagOf(node)} > ${path}`;
  }
  // No hook anywhere (every class generated, as on a styled-components board): the chain of tags
  // from the nearest ancestor that singles the items out, e.g. `main > section`.
  let chain = tagOf(item);
  for (let node = item.parentElement, depth = 0; node && depth < 8; node = node.parentElement, depth++) {
    chain = `${tagOf(node)} > ${chain}`;
    if (accept(chain)) return chain;
  }
  return null;
}

export interface DeriveFieldOptions {
  /** Other items of the same kind, to check the selector finds the field in them too. */
  siblings?: readonly Element[];
}

/**
 * A selector, relative to `item`, for the field the user clicked (or the nearest element around it
 * that holds the same text). Null when `clicked` is not inside `item`.
 */
export function deriveFieldSelector(
  target: Element,
  item: Element,
  options: DeriveFieldOptions = {},
): string | null {
  // A click inside a component's shadow root is retargeted to its host, as events are: selectors
  // cannot cross the boundary, and reading the host's text (deepText) still finds the value.
  let clicked: Element = target;
  while (!item.contains(clicked)) {
    const root = clicked.getRootNode();
    if (!(root instanceof ShadowRoot)) return null;
    clicked = root.host;
  }
  if (clicked === item) return null;
  let siblings = options.siblings;
  if (!siblings) {
    const itemSelector = deriveItemSelector(item);
    siblings = itemSelector ? safeQueryAll(scopeOf(item), itemSelector).filter((el) => el !== item) : [];
  }
  const others = siblings.slice(0, 25);
  const good = (selector: string, expected: Element): boolean => {
    const here = safeQueryAll(item, selector);
    if (here.length !== 1 || here[0] !== expected) return false;
    if (others.length === 0) return true;
    const found = others.filter((s) => safeQueryAll(s, selector).length === 1).length;
    return found * 2 >= others.length;
  };
  const text = collapse(deepText(clicked));

  for (const candidate of nodeCandidates(clicked)) if (good(candidate, clicked)) return candidate;

  // Walk up: an ancestor with a hook that holds the same text is the field itself (the cell).
  const chain: Element[] = [];
  for (let node = clicked.parentElement; node && node !== item; node = node.parentElement) chain.push(node);
  for (const [i, ancestor] of chain.entries()) {
    for (const anchor of nodeCandidates(ancestor)) {
      if (!good(anchor, ancestor)) continue;
      if (collapse(deepText(ancestor)) === text) return anchor;
      for (const inner of nodeCandidates(clicked)) {
        const combined = `${anchor} ${inner}`;
        if (good(combined, clicked)) return combined;
      }
      const steps = [clicked, ...chain.slice(0, i)].reverse().map(positional);
      const structural = `${anchor} > ${steps.join(' > ')}`;
      if (good(structural, clicked)) return structural;
    }
  }

  // Last resort: position from the item itself.
  const steps = [clicked, ...chain].reverse().map(positional);
  return `:scope > ${steps.join(' > ')}`;
}
