import { leadOutcome } from '../overlay/stages';
import type { Lead } from '../schema';

/**
 * Fewer deals than this in one currency get no tier, on the badges and in the Pareto panel: the one
 * USD deal beside 48 VND ones was tier "A" for being alone in its currency, which says nothing of its
 * value, and of two deals one is always "A". Three is the fewest that can fill the A, B and C tiers.
 */
export const MIN_DEALS_FOR_TIERS = 3;

/**
 * The deals Pareto tiers rank, on the CRM badges and in the dashboard's Pareto panel alike (one rule,
 * so a badge's "A" and the panel's row agree):
 *
 * - not deleted, with an amount above 0;
 * - not lost: a lost deal is no value to the business, and had been ranked "A" beside open ones;
 * - the user's own deals only once there are any: the example data's 70 made-up deals had set the
 *   tiers of the first real HubSpot deals read. Before that, the example deals (for the example
 *   dashboard).
 */
export function rankedDeals<L extends Lead>(leads: readonly L[]): L[] {
  const valued = leads.filter(
    (l) => l.deletedAt === null && l.amount !== undefined && l.amount > 0 && leadOutcome(l) !== 'lost',
  );
  const own = valued.filter((l) => !l.example);
  return own.length > 0 ? own : valued;
}
