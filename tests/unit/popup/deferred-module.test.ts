// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDeferredModule } from '../../../components/popup/deferred-module';

// The loader is recorded, not run: happy-dom cannot fetch a module (the e2e test sees the real one).
let started: string[] = [];
const load = (src: string) => started.push(src);

function withMeta(src: string) {
  const meta = document.createElement('meta');
  meta.name = 'pacer-deferred-module';
  meta.content = src;
  document.head.append(meta);
}

afterEach(() => {
  document.head.replaceChildren();
  started = [];
  vi.useRealTimers();
});

describe('the popup module, started by the shell', () => {
  it('starts at once when the shell painted nothing', () => {
    withMeta('/chunks/popup-abc.js');
    startDeferredModule(document, false, load);
    expect(started).toEqual(['/chunks/popup-abc.js']);
  });

  it('waits for the first frame after a painted shell, and starts only once', () => {
    vi.useFakeTimers();
    withMeta('/chunks/popup-abc.js');
    startDeferredModule(document, true, load);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(150); // the frame and the fallback timeout both fire
    expect(started).toEqual(['/chunks/popup-abc.js']);
  });

  it('does nothing in a page that loads its module itself (wxt dev)', () => {
    startDeferredModule(document, false, load);
    expect(started).toEqual([]);
  });
});
