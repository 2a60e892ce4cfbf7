/**
 * "Pacer can't read this page": when an adapter's page-level selectors stop matching on a kind of page
 * where they used to match, the overlay shows a discreet notice and the background records it. A page
 * that never matched (a settings screen the URL rules let through) stays quiet: there is nothing to
 * re-map, and a first render that is still loading must not raise an alarm (see HEALTH_GRACE_MS).
 */
import type { PageMatch } from '../crm/types';

/** How long a page may take to render its table or board before "can't read" is decided. */
export const HEALTH_GRACE_MS = 4000;

export function healthKey(crm: string, page: Pick<PageMatch, 'kind' | 'crmObject'>): string {
  return `${crm}|${page.kind}|${page.crmObject}`.slice(0, 400);
}

export interface HealthDecision {
  /** Show the "can't read" notice with its re-map button. */
  notice: boolean;
  /** Send a `crm/health` report (only on a change, never once per scan). */
  report: boolean;
  /** Remember that this kind of page matched (so a later failure is "stopped matching"). */
  remember: boolean;
}

export function decideHealth(matchedBefore: boolean, matchedNow: boolean): HealthDecision {
  if (matchedNow) return { notice: false, report: !matchedBefore, remember: !matchedBefore };
  return { notice: matchedBefore, report: matchedBefore, remember: false };
}
