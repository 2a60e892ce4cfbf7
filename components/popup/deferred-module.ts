import { DEFERRED_MODULE_META } from './shell-markers';

/**
 * Starts the popup's module (quick log, storage, engine: entrypoints/popup/main.ts), which the build took
 * out of popup.html (scripts/vite-first-paint-page.ts), so nothing competes with the shell's first frame.
 * With a painted shell it waits for that frame (or 100 ms, for a frame that never comes in a hidden
 * page); without one, there is nothing to wait for. In `wxt dev` the page loads its module itself.
 */
export function startDeferredModule(
  doc: Document,
  afterFirstFrame: boolean,
  load: (src: string) => void = (src) => appendModuleScript(doc, src),
): void {
  const src = doc.querySelector<HTMLMetaElement>(`meta[name="${DEFERRED_MODULE_META}"]`)?.content;
  if (!src) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load(src);
  };
  if (afterFirstFrame && doc.visibilityState === 'visible') {
    requestAnimationFrame(() => setTimeout(start, 0));
    setTimeout(start, 100);
  } else start();
}

function appendModuleScript(doc: Document, src: string): void {
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = src;
  doc.head.append(script);
}
