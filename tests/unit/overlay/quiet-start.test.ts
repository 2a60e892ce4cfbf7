// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { isWxtStartedMessage, silenceStartedMessage } from '../../../entrypoints/crm.content/quiet-start';

describe('quiet start (the content script names no extension to the page)', () => {
  it("drops WXT's start message and passes every other message through unchanged", () => {
    const post = vi.fn();
    const target = { postMessage: post } as unknown as Window;
    silenceStartedMessage(target);
    target.postMessage({ type: 'abcdefgh:crm:wxt:content-script-started', contentScriptName: 'crm' }, '*');
    expect(post).not.toHaveBeenCalled();
    target.postMessage({ type: 'app:ready' }, '*');
    target.postMessage('plain text', 'https://crm.example');
    expect(post.mock.calls).toEqual([
      [{ type: 'app:ready' }, '*'],
      ['plain text', 'https://crm.example'],
    ]);
    expect(isWxtStartedMessage(null)).toBe(false);
    expect(isWxtStartedMessage({ type: 7 })).toBe(false);
  });
});
