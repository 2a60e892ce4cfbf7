import type { Lead } from '../../../lib/schema';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 10, 23, 12);

/** A stored lead with sensible defaults; `history` is [stage, days ago] pairs, oldest first. */
export function lead(id: string, fields: Partial<Lead> & { history?: [string, number][] } = {}): Lead {
  const { history = [], ...rest } = fields;
  const stageHistory = history.map(([stage, daysAgo]) => ({ stage, at: NOW - daysAgo * DAY }));
  return {
    id: `hubspot:deal:${id}`,
    crm: 'hubspot',
    objectType: 'deal',
    externalId: id,
    url: `https://app.hubspot.com/contacts/1/record/0-3/${id}`,
    name: `Deal ${id}`,
    firstSeen: NOW - 10 * DAY,
    lastSeen: NOW,
    stageHistory,
    ...(stageHistory.length ? { stage: stageHistory[stageHistory.length - 1]!.stage } : {}),
    deletedAt: null,
    ...rest,
  };
}
