import type * as z from 'zod/mini';
import { ChannelSpend, CheckIn, Goal, Lead, Metric, ObservationBlock, Settings } from '../schema';

/** Which zod schema guards which store: every read and write goes through one of these. */
export const ENTITY_SCHEMAS = {
  metrics: Metric,
  goals: Goal,
  checkIns: CheckIn,
  leads: Lead,
  channelSpend: ChannelSpend,
} as const;
export type EntityStore = keyof typeof ENTITY_SCHEMAS;
export type EntityOf<S extends EntityStore> = z.infer<(typeof ENTITY_SCHEMAS)[S]>;
export const ENTITY_STORES = Object.keys(ENTITY_SCHEMAS) as EntityStore[];

export const RECORD_SCHEMAS = { ...ENTITY_SCHEMAS, obsBlocks: ObservationBlock, settings: Settings } as const;

// Error formatting lives with the schemas (no store schemas needed), so a content script can use it.
export {
  describeIssues,
  formatPath,
  issueMessage,
  parseOrThrow,
  ValidationError,
} from '../schema/issues';
