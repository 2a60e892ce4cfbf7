/**
 * What a user can send when "Pacer can't read this page": for the page shown, which of the adapter's
 * selector families match and how many elements each selector finds, which reader is in use (the
 * adapter or the header-based fallback) and what the fallback recognised. Only selectors, counts,
 * column indexes and ids of Pacer's own making: no page text, no URL, nothing the user typed.
 */
import { deepQueryAll, safeQueryAll } from './dom';
import { findHeaderTables } from './table-reader';
import type { ReaderSource } from './table-reader-fallback';
import type { TableField } from './table-reader-headers';
import type { CrmAdapter, PageMatch, QueryRoot } from './types';

export const DIAGNOSTICS_FORMAT = 'pacer-crm-diagnostics/1';

export interface SelectorCount {
  selector: string;
  /** Elements matched (through open shadow roots), or null for a per-item template ("{prop}"). */
  count: number | null;
}

export interface FamilyReport {
  family: string;
  matched: boolean;
  selectors: SelectorCount[];
}

export interface PageDiagnostics {
  format: typeof DIAGNOSTICS_FORMAT;
  adapter: string;
  page: { kind: PageMatch['kind']; objectType: PageMatch['objectType']; crmObject: string };
  /** False where no public source confirms the page's markup yet (Zoho's kanban, Pipedrive persons). */
  verified: boolean;
  health: { ok: boolean; missing: string[] };
  reader: ReaderSource;
  /** Items the reader in use found on the page. */
  items: number;
  families: FamilyReport[];
  /** Tables the header-based reader recognises: their kind, rows and recognised columns. */
  headerTables: { kind: string; rows: number; columns: Partial<Record<TableField, number>> }[];
}

function countOf(root: QueryRoot, selector: string): number | null {
  if (/\{\w+\}/.test(selector)) return null;
  const light = safeQueryAll(root, selector).length;
  // Salesforce renders in shadow roots: look through them only when the light DOM has nothing.
  return light > 0 ? light : deepQueryAll(root, selector).length;
}

/** Fill the placeholders the page itself determines; the per-item ones stay templates. */
function forPage(selector: string, page: PageMatch): string {
  return selector.replace(/\{(type|object|module)\}/g, page.crmObject);
}

export function isVerified(adapter: CrmAdapter, page: PageMatch): boolean {
  const unverified = adapter.unverified ?? [];
  return !unverified.includes(page.kind) && !unverified.includes(`${page.kind}:${page.objectType}`);
}

export function diagnosePage(
  adapter: CrmAdapter,
  root: QueryRoot,
  page: PageMatch,
  reader: ReaderSource,
): PageDiagnostics {
  const families = Object.entries(adapter.selectors ?? {}).map(([family, selectors]) => {
    const counts = selectors.map((selector) => {
      const filled = forPage(selector, page);
      return { selector: filled, count: countOf(root, filled) };
    });
    return { family, matched: counts.some((c) => (c.count ?? 0) > 0), selectors: counts };
  });
  const health = adapter.checkHealth(root, page);
  return {
    format: DIAGNOSTICS_FORMAT,
    adapter: adapter.id,
    page: { kind: page.kind, objectType: page.objectType, crmObject: page.crmObject },
    verified: isVerified(adapter, page),
    health: { ok: health.ok, missing: health.ok ? [] : health.missing },
    reader,
    items: adapter.findItems(root, page).length,
    families,
    headerTables:
      page.kind === 'list'
        ? findHeaderTables(root, { isActive: adapter.isInActiveView }).map((t) => ({
            kind: t.kind,
            rows: t.rows.length,
            columns: { ...t.columns },
          }))
        : [],
  };
}

/** The JSON a user copies: stable key order, two-space indent. */
export function diagnosticsJson(diagnostics: PageDiagnostics): string {
  return JSON.stringify(diagnostics, null, 2);
}
