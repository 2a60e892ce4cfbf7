import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, vi } from 'vitest';

export const SNAPSHOT_TEXT = readFileSync(
  path.resolve(__dirname, '../../fixtures/widgets/snapshot.json'),
  'utf8',
);

/** Adds `<tag …attrs>` (with optional inner light-DOM children) to the body. */
export function mount(tag: string, attrs: Record<string, string> = {}, children: Node[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  document.body.append(el);
  return el;
}

export function jsonScript(text: string, id?: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  if (id) script.id = id;
  script.textContent = text;
  return script;
}

export function shadow(el: HTMLElement): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`${el.tagName} has no shadow root`);
  return root;
}

/** Waits until the widget has left the loading state; returns its state. */
export async function settled(el: HTMLElement, state: 'ready' | 'error' = 'ready'): Promise<ShadowRoot> {
  await vi.waitFor(() => expect(el.getAttribute('data-state')).toBe(state), { timeout: 2000, interval: 5 });
  return shadow(el);
}

export function errorText(el: HTMLElement): string {
  return shadow(el).querySelector('[data-testid="pacer-widget-error"]')?.textContent ?? '';
}
