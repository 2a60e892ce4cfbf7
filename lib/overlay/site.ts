/**
 * Which adapter reads a page, and whether Pacer is enabled there at all. A built-in CRM needs its id in
 * the enabled list; any other origin needs `custom:<origin>` there, and then the user's mapping whose
 * path prefix fits the page best (a CRM often has a list mapping and a record mapping).
 */
import { createCustomAdapter, hashRoute } from '../crm/custom';
import { safeQueryAll } from '../crm/dom';
import { type CrmMapping, customCrmId } from '../crm/mapping';
import { BUILT_IN_ADAPTERS } from '../crm/registry';
import type { CrmAdapter } from '../crm/types';

export type SiteState =
  | { status: 'disabled' }
  | { status: 'unmapped'; crm: string; origin: string }
  | { status: 'ready'; crm: string; adapter: CrmAdapter; mapping?: CrmMapping };

/** The mappings whose URL pattern (origin, path prefix, hash-route prefix) fits the page, best first. */
export function mappingsFor(url: URL, mappings: readonly CrmMapping[]): CrmMapping[] {
  const route = hashRoute(url);
  const specificity = (m: CrmMapping) => (m.pathPrefix ?? '').length + (m.hashPrefix ?? '').length;
  return mappings
    .filter(
      (m) =>
        m.origin === url.origin &&
        url.pathname.startsWith(m.pathPrefix ?? '') &&
        route.startsWith(m.hashPrefix ?? ''),
    )
    .sort((a, b) => specificity(b) - specificity(a) || b.createdAt - a.createdAt);
}

/**
 * The mapping for this page: of those whose URL pattern fits, the first whose items are on the page
 * (a list and a board may share one address), else the most specific pattern.
 */
export function mappingFor(url: URL, mappings: readonly CrmMapping[], root?: Document): CrmMapping | null {
  const fitting = mappingsFor(url, mappings);
  if (root && fitting.length > 1) {
    const present = fitting.find((m) => safeQueryAll(root, m.item).length > 0);
    if (present) return present;
  }
  return fitting[0] ?? null;
}

export function siteState(
  url: URL,
  enabled: readonly string[],
  mappings: readonly CrmMapping[],
  root?: Document,
): SiteState {
  const builtIn = BUILT_IN_ADAPTERS.find((a) => a.matchesHost(url));
  if (builtIn) {
    if (!enabled.includes(builtIn.id)) return { status: 'disabled' };
    // A user's re-map (made after "Pacer can't read this page") overrides the built-in adapter there.
    const override = mappingFor(url, mappings, root);
    return override
      ? { status: 'ready', crm: builtIn.id, adapter: createCustomAdapter(override), mapping: override }
      : { status: 'ready', crm: builtIn.id, adapter: builtIn };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { status: 'disabled' };
  const crm = customCrmId({ origin: url.origin });
  if (!enabled.includes(crm)) return { status: 'disabled' };
  const mapping = mappingFor(url, mappings, root);
  if (!mapping) return { status: 'unmapped', crm, origin: url.origin };
  return { status: 'ready', crm, adapter: createCustomAdapter(mapping), mapping };
}

/** Match patterns for a CRM id: a built-in adapter's hosts, or the custom origin's host (any port). */
export function hostPatternsFor(crm: string): string[] {
  const builtIn = BUILT_IN_ADAPTERS.find((a) => a.id === crm);
  if (builtIn) return [...builtIn.hostPatterns];
  const origin = /^custom:(https?:\/\/[^/\s]+)$/.exec(crm)?.[1];
  if (!origin) return [];
  try {
    const url = new URL(origin);
    return [`${url.protocol}//${url.hostname}/*`];
  } catch {
    return [];
  }
}

/** Normalises what a user typed ("crm.example.vn/leads", "https://crm.example.vn/") to an origin. */
export function originFromInput(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 500) return null;
  // Another scheme ("ftp://…") is refused, not read as a host called "ftp".
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
