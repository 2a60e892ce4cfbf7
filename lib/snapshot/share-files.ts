/**
 * File names for the "Share / embed" downloads. Goal titles are user text in any language: a name
 * must survive every file system and e-mail client, so it is cut down to ASCII letters, digits and
 * dashes, with a fallback when nothing is left (a title in Vietnamese keeps its letters without
 * diacritics; one in Chinese falls back to the goal's id).
 */

export type ShareFileKind = 'json' | 'html' | 'svg' | 'png';

/** Longest slug kept, so "name + date + extension" stays well under every file system's limit. */
const MAX_SLUG = 60;

/** "Doanh thu quý 4 đạt 1,5 tỷ ₫" → "doanh-thu-quy-4-dat-1-5-ty"; "" when no letter or digit survives. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // đ/Đ have no decomposition: map them by hand, or Vietnamese titles lose a letter.
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_SLUG)
      .replace(/-+$/, '')
  );
}

/** YYYY-MM-DD in UTC: a date in the name sorts the files; the time zone does not matter for that. */
function day(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : 'undated';
}

/**
 * `pacer-<title or "snapshot">-<date>.json|html` for the whole snapshot, `pacer-goal-<title or id>.svg|png`
 * for one goal card.
 */
export function shareFileName(
  kind: ShareFileKind,
  opts: { generatedAt: number; title?: string; goal?: { id: string; title: string } },
): string {
  if (opts.goal) {
    const slug = fileSlug(opts.goal.title) || fileSlug(opts.goal.id) || 'card';
    return `pacer-goal-${slug}.${kind}`;
  }
  const slug = fileSlug(opts.title ?? '') || 'snapshot';
  return `pacer-${slug}-${day(opts.generatedAt)}.${kind}`;
}
