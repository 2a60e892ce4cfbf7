/**
 * WXT's ContentScriptContext, when it starts, posts `<extension id>:<entrypoint>:wxt:content-script-started`
 * to the page with `window.postMessage` (wxt/utils/content-script-context, `stopOldScripts`), so any
 * script on the CRM page learned that Pacer is installed and its extension id. Older copies of the
 * content script listen for the CustomEvent WXT dispatches on `document` alongside it, never for the
 * message, so dropping the message loses nothing (started-guard.ts explains that event).
 *
 * A module's imports run before WXT's wrapper creates the context, so this file only has to be
 * imported by the entrypoint. The content script's `window` is its own wrapper of the page's window
 * (Chrome's isolated world, Firefox's Xray): the page's postMessage is untouched.
 */
const STARTED_SUFFIX = ':wxt:content-script-started';

export function isWxtStartedMessage(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.endsWith(STARTED_SUFFIX);
}

export function silenceStartedMessage(target: Pick<Window, 'postMessage'>): void {
  const post = target.postMessage.bind(target) as (...args: unknown[]) => void;
  target.postMessage = ((message: unknown, ...rest: unknown[]) => {
    if (isWxtStartedMessage(message)) return;
    post(message, ...rest);
  }) as Window['postMessage'];
}

silenceStartedMessage(window);
