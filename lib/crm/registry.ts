/**
 * Every CRM adapter Pacer ships. Adding a CRM touches its adapter file, this list, its fixture
 * pages (tests/fixtures/crm/<id>/) and its test; registry.test.ts checks the last two exist.
 */
import { createCustomAdapter } from './custom';
import { hubspot } from './hubspot';
import type { CrmMapping } from './mapping';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';
import { zoho } from './zoho';

export const BUILT_IN_ADAPTERS: readonly CrmAdapter[] = [hubspot, salesforce, pipedrive, zoho];

/**
 * The adapter for a page's host: a built-in one first, else the user's mapping for that origin.
 * Whether the page itself is readable is the adapter's `matchPage`.
 */
export function adapterForUrl(url: URL, mappings: readonly CrmMapping[] = []): CrmAdapter | null {
  const builtIn = BUILT_IN_ADAPTERS.find((adapter) => adapter.matchesHost(url));
  if (builtIn) return builtIn;
  const mapping = mappings.find((m) => m.origin === url.origin);
  return mapping ? createCustomAdapter(mapping) : null;
}

/** Match patterns of the built-in CRMs, for optional_host_permissions and content script matches. */
export function builtInHostPatterns(): string[] {
  return BUILT_IN_ADAPTERS.flatMap((adapter) => adapter.hostPatterns);
}
