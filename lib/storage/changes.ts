/**
 * Change notifications: every extension page (new tab, popup, options) and the background service
 * worker share an origin, so a BroadcastChannel reaches them all; listeners in the writing context are
 * called directly (a BroadcastChannel does not echo to its sender). Content scripts live on other
 * origins and hear about changes through runtime messages from the background instead.
 */
export interface ChangeEvent {
  stores: string[];
  ids?: string[];
  /** Which context wrote, so a surface can ignore its own echo where it wants to. */
  origin?: string;
}

type Listener = (e: ChangeEvent) => void;
const CHANNEL = 'pacer:changes';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function ensureChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (msg: MessageEvent) => {
    const data = msg.data as Partial<ChangeEvent> | null;
    if (!data || !Array.isArray(data.stores) || !data.stores.every((s) => typeof s === 'string')) return;
    const event: ChangeEvent = { stores: data.stores };
    if (Array.isArray(data.ids)) event.ids = data.ids.filter((x): x is string => typeof x === 'string');
    if (typeof data.origin === 'string') event.origin = data.origin;
    for (const l of listeners) l(event);
  };
  return channel;
}

export function notifyChange(event: ChangeEvent): void {
  for (const l of listeners) l(event);
  ensureChannel()?.postMessage(event);
}

export function onChange(listener: Listener): () => void {
  ensureChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
