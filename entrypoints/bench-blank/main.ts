// The yardstick for `npm run bench` (tests/bench/popup.bench.mjs): an extension page that paints one
// word. The popup's time to paint its goals is reported as a ratio against this page's time to paint.
document.getElementById('app')!.textContent = 'Pacer';
requestAnimationFrame(() => performance.mark('pacer:blank-painted'));
