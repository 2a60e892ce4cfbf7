/**
 * Who may ask the background what (issue 15, finding 4). Extension pages (new tab, popup, options,
 * import) are Pacer itself and keep the full API. A message from a tab comes from the CRM content
 * script, which runs inside a web page: if that page finds a way into the content script it must still
 * not reach anything beyond the page's own CRM. So a tab may only send the CRM overlay's messages, only
 * from an origin the user enabled, and only about that CRM: its own leads, with addresses on its own
 * hosts, its own mappings and health records. `metric/log` and anything else is refused with the reason.
 */
import { BUILT_IN_ADAPTERS } from '../crm/registry';
import type { Message } from '../messages/protocol';

/** The parts of `runtime.MessageSender` the policy reads (Firefox has no `origin`). */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/** This extension: its id and its pages' origin (`chrome-extension://<id>`, `moz-extension://<uuid>`). */
export interface SelfIdentity {
  id: string;
  origin: string;
}

export type Caller =
  | { kind: 'extension' }
  /** A content script in a tab, on `origin`, which is the enabled CRM `crm`. */
  | { kind: 'tab'; tabId: number; origin: string; crm: string };

export type Verdict<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the CRM overlay sends; nothing else is accepted from a tab. */
export const TAB_MESSAGE_TYPES: ReadonlySet<Message['type']> = new Set([
  'leads/sighted',
  'overlay/context',
  'crm/health',
  'overlay/store',
  'overlay/save-mapping',
  'overlay/save-panel',
  'overlay/remember-matched',
]);

const refuse = (error: string): { ok: false; error: string } => ({
  ok: false,
  error: `Message refused: ${error}`,
});

const originOf = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/** The enabled CRM an origin belongs to: a built-in adapter's host, or a mapped custom origin. */
export function crmForOrigin(origin: string, enabled: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const builtIn = BUILT_IN_ADAPTERS.find((a) => a.matchesHost(url));
  if (builtIn) return enabled.includes(builtIn.id) ? builtIn.id : null;
  const custom = `custom:${url.origin}`;
  return enabled.includes(custom) ? custom : null;
}

/** Whether `address` is on a host of `crm` (any of a built-in CRM's hosts; a custom CRM's origin). */
export function isCrmAddress(crm: string, address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const builtIn = BUILT_IN_ADAPTERS.find((a) => a.id === crm);
  if (builtIn) return builtIn.matchesHost(url);
  return crm === `custom:${url.origin}`;
}

/** Sorts a sender into Pacer's own pages or a CRM tab; anything else is refused. */
export function identifySender(
  sender: MessageSender,
  self: SelfIdentity,
  enabled: readonly string[],
): Verdict<Caller> {
  if (sender.id !== self.id) return refuse('it does not come from Pacer.');
  const urlOrigin = originOf(sender.url);
  // Chrome gives the frame's origin; Firefox only its URL. When both are given they must agree.
  const origin = sender.origin ?? urlOrigin;
  if (!origin || origin === 'null') return refuse('the sender has no origin.');
  if (sender.origin && urlOrigin && urlOrigin !== sender.origin) {
    return refuse(`the sender's address (${urlOrigin}) and origin (${sender.origin}) differ.`);
  }
  if (origin === self.origin) return { ok: true, value: { kind: 'extension' } };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return refuse('it comes from no tab and no Pacer page.');
  const crm = crmForOrigin(origin, enabled);
  if (!crm) return refuse(`${origin} is not a CRM enabled in Pacer.`);
  return { ok: true, value: { kind: 'tab', tabId, origin, crm } };
}

/** Lead ids are `crm:objectType:externalId`: a tab asks only about its own CRM's leads. */
function foreignLead(crm: string, ids: readonly string[] | undefined): string | undefined {
  return ids?.find((id) => !id.startsWith(`${crm}:`));
}

/** Whether a CRM tab may send this (already parsed) message; the reason when not. */
export function authorizeTabMessage(
  message: Message,
  caller: Extract<Caller, { kind: 'tab' }>,
): Verdict<Message> {
  const { crm, origin } = caller;
  if (!TAB_MESSAGE_TYPES.has(message.type)) {
    return refuse(`${message.type} is not accepted from a web page's tab.`);
  }
  switch (message.type) {
    case 'leads/sighted': {
      for (const [i, s] of message.sightings.entries()) {
        if (s.crm !== crm) return refuse(`sightings[${i}].crm: "${s.crm}" is not this page's CRM (${crm}).`);
        if (!isCrmAddress(crm, s.url)) {
          return refuse(`sightings[${i}].url: ${originOf(s.url) ?? s.url} is not an address of ${crm}.`);
        }
      }
      const other = foreignLead(crm, message.contextFor);
      if (other !== undefined) return refuse(`contextFor: "${other}" is not a lead of ${crm}.`);
      break;
    }
    case 'overlay/context': {
      const other = foreignLead(crm, message.leadIds);
      if (other !== undefined) return refuse(`leadIds: "${other}" is not a lead of ${crm}.`);
      break;
    }
    case 'crm/health':
      if (message.crm !== crm) return refuse(`crm: "${message.crm}" is not this page's CRM (${crm}).`);
      if (originOf(message.url) !== origin) return refuse(`url: the report is not about ${origin}.`);
      break;
    case 'overlay/save-mapping':
      if (message.mapping.origin !== origin) {
        return refuse(`mapping.origin: ${message.mapping.origin} is not this page's origin (${origin}).`);
      }
      break;
    case 'overlay/remember-matched':
      if (!message.key.startsWith(`${crm}|`)) return refuse(`key: "${message.key}" is not about ${crm}.`);
      break;
  }
  return { ok: true, value: message };
}
