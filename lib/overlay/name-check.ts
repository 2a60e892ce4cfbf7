/**
 * Whether the text picked as a record's name reads like an amount, a date or a bare number:
 * "$52.6K", "₫1,2 tỷ", "450 tr", "2026-11-20", "#342". A mapping saved with the amount as the name
 * read every deal as "$52.6K", and the picker had accepted the click without a word. The picker warns
 * (never refuses: some CRMs do name records by number).
 */
const AMOUNT =
  /^[\s$€£¥₫đ#]*[-+]?\d[\d.,\s]*(k|m|b|bn|tr|tỷ|ty|triệu|trieu|nghìn|ngàn|usd|vnd|đ|₫|%)?[\s$€£¥₫đ]*$/iu;
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

export function nameLooksLikeNumber(text: string | null | undefined): boolean {
  const t = (text ?? '').trim();
  if (t === '') return false;
  return AMOUNT.test(t) || DATE.test(t);
}
