/**
 * The browser's permission for a team server's origin, asked for in the click that needs it (joining,
 * or an admin's set-up): browsers show the prompt only during the user's gesture, so this must be the
 * click handler's first await.
 */
import { browser } from '#imports';
import { normalizeServerUrl } from '../../lib/team/session';

/** The pattern the manifest's optional host permissions cover for this server (any port). */
export function originPattern(serverUrl: string): { origin: string; pattern: string } {
  const url = new URL(normalizeServerUrl(serverUrl));
  return { origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}

/** Asks for the server's origin; resolves to null when granted, else the problem in words. */
export async function requestServerAccess(
  serverUrl: string,
  words: { denied: (origin: string) => string; failed: (origin: string, error: string) => string },
): Promise<string | null> {
  let target: { origin: string; pattern: string };
  try {
    target = originPattern(serverUrl);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  try {
    const granted = await browser.permissions.request({ origins: [target.pattern] });
    return granted ? null : words.denied(target.origin);
  } catch (err) {
    return words.failed(target.origin, err instanceof Error ? err.message : String(err));
  }
}
