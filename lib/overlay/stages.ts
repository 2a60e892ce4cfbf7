/**
 * What a CRM stage name means for Pacer's KPIs. CRMs let every team rename stages, so these are
 * patterns over the names people actually use (English, Vietnamese, German, French), plus HubSpot's
 * internal ids. A stage that matches nothing is simply "open".
 */

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
