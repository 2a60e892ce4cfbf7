/**
 * The new tab's `#goal=ID` link: which goal's detail a URL opens (the popup, reminders and shared links
 * point into the dashboard this way), and the hash a detail writes when it opens. Taking the hash as a
 * string keeps it testable without a window.
 */
export function goalIdFromHash(hash: string): string | null {
  const m = /^#goal=(.+)$/.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null; // "#goal=%E0": a broken link opens nothing rather than throwing on every hash change
  }
}

export function goalHash(id: string | null): string {
  return id === null ? '' : `#goal=${encodeURIComponent(id)}`;
}
