/**
 * Folding for type-ahead: people type "doanh thu" for "Doanh thu", "doanh thu" without accents for
 * "Doanh thu", and "dt" rarely. Vietnamese marks are stripped (NFD, then combining marks removed; đ
 * has no decomposition so it is mapped by hand), case is dropped, runs of spaces become one.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How well `query` matches `text` (both already folded): 4 exact, 3 prefix, 2 a word starts with
 * it, 1 substring, 0.5 initials or in-order letters ("gp" → "gross profit"), 0 no match.
 */
export function matchScore(text: string, query: string): number {
  if (query === '') return 0;
  if (text === query) return 4;
  if (text.startsWith(query)) return 3;
  if (text.split(' ').some((w) => w.startsWith(query))) return 2;
  if (text.includes(query)) return 1;
  return isSubsequence(query.replace(/ /g, ''), text) ? 0.5 : 0;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) {
    if (ch === needle[i]) i++;
    if (i === needle.length) return true;
  }
  return needle.length === 0;
}
