/**
 * `crm/health` reports from content scripts. A page that stopped matching becomes a record in the
 * health log the options page lists ("Pacer can't read this page"); a page that matches again removes
 * its record. Kept in extension storage, newest first, at most 50.
 */
import { addHealthRecord, HEALTH_KEY, parseHealth } from '../overlay/stored';

export interface StorageLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface HealthReport {
  crm: string;
  url: string;
  pageKind: string;
  matched: boolean;
}

export async function recordHealth(storage: StorageLike, report: HealthReport, now: number): Promise<void> {
  const list = parseHealth((await storage.get(HEALTH_KEY))[HEALTH_KEY]);
  const next = report.matched
    ? list.filter((r) => !(r.crm === report.crm && r.url === report.url && r.pageKind === report.pageKind))
    : addHealthRecord(list, { crm: report.crm, url: report.url, pageKind: report.pageKind, at: now });
  if (next.length !== list.length || !report.matched) await storage.set({ [HEALTH_KEY]: next });
}
