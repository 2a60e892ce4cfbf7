/**
 * What a CRM stage name means for Pacer's KPIs. CRMs let every team rename stages, so these are
 * patterns over the names people actually use (English, Vietnamese, German, French), plus HubSpot's
 * internal ids. A stage that matches nothing is simply "open".
 */

import type { StageOutcomes } from '../crm/mapping';

const WON = /closed ?won|\bwon\b|closedwon|đã chốt|chốt thành công|thành công|gewonnen|gagné/i;
const LOST = /closed ?lost|\blost\b|closedlost|thất bại|không chốt|verloren|perdu/i;
const MQL = /marketing ?qualified|\bmql\b|marketingqualifiedlead/i;

export function isWonStage(stage: string | undefined): boolean {
  return stage !== undefined && WON.test(stage);
}

export function isLostStage(stage: string | undefined): boolean {
  return stage !== undefined && !WON.test(stage) && LOST.test(stage);
}

export function isClosedStage(stage: string | undefined): boolean {
  return isWonStage(stage) || isLostStage(stage);
}

export type StageOutcome = 'open' | 'won' | 'lost';

/** What a stage's name says, for CRMs whose stages the user did not mark. */
export function outcomeByName(stage: string | undefined): StageOutcome {
  return isWonStage(stage) ? 'won' : isLostStage(stage) ? 'lost' : 'open';
}

const sameStage = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A stage's outcome as the user marked it in a mapping (the user's word over any name pattern), else
 * as its name says — a stage that first shows up after the mapping was made ("Closed won") is not
 * taken for open. Undefined without marks: the lead then carries no outcome of its own.
 */
export function markedOutcome(
  stage: string | undefined,
  marks: StageOutcomes | undefined,
): StageOutcome | undefined {
  if (!marks) return undefined;
  if (stage === undefined) return 'open';
  for (const outcome of ['won', 'lost', 'open'] as const)
    if (marks[outcome].some((m) => sameStage(m, stage))) return outcome;
  return outcomeByName(stage);
}

/** Takes the user's mark off `stage`: its name decides again. */
export function unmarkStage(marks: StageOutcomes, stage: string): StageOutcomes {
  const without = (list: readonly string[]) => list.filter((m) => !sameStage(m, stage));
  return { won: without(marks.won), lost: without(marks.lost), open: without(marks.open) };
}

/** Marks `stage` as `outcome`, taking it off the other lists. */
export function markStage(
  marks: StageOutcomes | undefined,
  stage: string,
  outcome: StageOutcome,
): StageOutcomes {
  const without = (list: readonly string[] = []) => list.filter((m) => !sameStage(m, stage));
  const next = { won: without(marks?.won), lost: without(marks?.lost), open: without(marks?.open) };
  next[outcome].push(stage);
  return next;
}

/** A lead's outcome: as its stage was marked when read (Lead.outcome), else by the stage's name. */
export function leadOutcome(lead: { stage?: string; outcome?: StageOutcome }): StageOutcome {
  return lead.outcome ?? outcomeByName(lead.stage);
}

/**
 * Stage names' outcomes across leads, for the stage lists of the KPIs (pipeline by stage, won dates
 * in stage histories): a stage some lead was read in with a marked outcome has that outcome, others
 * go by their names. Only open stages count as open pipeline.
 */
export function stageOutcomes(
  leads: readonly { stage?: string; outcome?: StageOutcome }[],
): (stage: string | undefined) => StageOutcome {
  const marked = new Map<string, StageOutcome>();
  for (const lead of leads)
    if (lead.outcome && lead.stage !== undefined) marked.set(lead.stage, lead.outcome);
  return (stage) => (stage === undefined ? 'open' : (marked.get(stage) ?? outcomeByName(stage)));
}

export function isMqlStage(stage: string | undefined): boolean {
  return stage !== undefined && MQL.test(stage);
}

/** A stable, id-safe slug of a stage name ("Contract sent" → "contract-sent", "Đã chốt" → "da-chot"). */
export function stageSlug(stage: string): string {
  const slug = stage
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'stage';
}
