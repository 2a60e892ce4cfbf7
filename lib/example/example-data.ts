/**
 * The embedded example dataset: Sao Mai Trading (Công ty TNHH Thương mại Sao Mai), a small Vietnamese
 * trading company, with 18 months of KPIs ending in `now`'s month, a BHAG cascade, OKRs, scorecard
 * targets, check-ins, CRM deals and channel spend.
 *
 * Every record is marked as example data (`example: true`, or `source: 'example'` for observations) and
 * every id starts with `ex-`, so "Remove example data" deletes exactly these and never the user's own.
 * Deterministic: the same `now` always gives the same records.
 */
import type { ChannelSpend, CheckIn, Goal, Lead, Metric, Observation } from '../schema';
import { addMonths, monthStart, yearMonthOf } from './example-calendar';
import { buildExampleCheckIns } from './example-check-ins';
import { buildExampleLeads } from './example-crm';
import { buildExampleGoals } from './example-goals';
import { buildExampleMetrics } from './example-metrics';
import { buildExampleChannelSpend, buildExampleObservations } from './example-observations';
import { MONTHS_OF_DATA, simulate } from './example-simulation';
import { exampleOnLocalCalendar } from './example-zone';

export const EXAMPLE_ID_PREFIX = 'ex-';
export const EXAMPLE_COMPANY = { name: 'Sao Mai Trading', vi: 'Công ty TNHH Thương mại Sao Mai' } as const;

export interface ExampleData {
  metrics: Metric[];
  observations: Observation[];
  goals: Goal[];
  checkIns: CheckIn[];
  leads: Lead[];
  channelSpend: ChannelSpend[];
}

/**
 * `timeZone`: the user's (settings.timeZone), so deadlines end on their local Dec 31 (example-zone.ts);
 * the default UTC keeps the build independent of the host.
 */
export function buildExampleData(now: number, timeZone = 'UTC'): ExampleData {
  const time = Math.floor(now);
  const sim = simulate(time);
  // The dataset "was set up" when its history begins, so nothing claims to predate its own data.
  const createdAt = monthStart(addMonths(yearMonthOf(time), -(MONTHS_OF_DATA - 1)));
  const goals = buildExampleGoals(sim, time, createdAt);
  return exampleOnLocalCalendar(
    {
      metrics: buildExampleMetrics(createdAt, time),
      observations: buildExampleObservations(sim, time),
      goals,
      checkIns: buildExampleCheckIns(goals, sim, time),
      leads: buildExampleLeads(time),
      channelSpend: buildExampleChannelSpend(sim, time),
    },
    timeZone,
  );
}

/** True for any record id the example dataset owns. */
export function isExampleId(id: string): boolean {
  return id.startsWith(EXAMPLE_ID_PREFIX);
}
