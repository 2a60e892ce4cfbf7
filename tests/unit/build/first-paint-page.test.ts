import { describe, expect, it } from 'vitest';
import { deferModuleAndInlineCss } from '../../../scripts/vite-first-paint-page';

// What Vite 8 writes for the popup before the plugin runs (entrypoints/popup/index.html, built).
const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Pacer</title>
    <script type="module" crossorigin src="/chunks/popup-etQG7qbz.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/common-CSMcDUp7.js">
    <link rel="modulepreload" crossorigin href="/chunks/quick-log-B5Yba3AG.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-B7uG6C_y.css">
  </head>
  <body>
    <div id="app"></div>
    <script src="/popup-shell.js"></script>
  </body>
</html>`;

const css = (href: string) => (href === '/assets/popup-B7uG6C_y.css' ? ':root{--pc-bg:#fff}' : undefined);

describe('first-paint page build step', () => {
  it('inlines the stylesheet, drops the module and its preloads, and names the module in a meta', () => {
    const out = deferModuleAndInlineCss(BUILT, 'popup', css);
    expect(out).not.toMatch(/type="module"|modulepreload|rel="stylesheet"/);
    expect(out).toContain('<style>:root{--pc-bg:#fff}</style>');
    expect(out).toContain('<meta name="pacer-deferred-module" content="/chunks/popup-etQG7qbz.js">');
    expect(out.indexOf('pacer-deferred-module')).toBeLessThan(out.indexOf('</head>'));
    // The classic shell script and the rest of the page are untouched.
    expect(out).toContain('<script src="/popup-shell.js"></script>');
    expect(out).toContain('<div id="app"></div>');
  });

  it('fails the build when there is no module, or more than one, to defer', () => {
    const none = BUILT.replace(/<script type="module"[^\n]*\n/, '');
    expect(() => deferModuleAndInlineCss(none, 'popup', css)).toThrow(
      /expected one <script type="module">.*found 0/,
    );
    const two = BUILT.replace('</head>', '<script type="module" src="/chunks/x.js"></script></head>');
    expect(() => deferModuleAndInlineCss(two, 'popup', css)).toThrow(/found 2/);
  });

  it('fails the build for a stylesheet it cannot inline as it is', () => {
    expect(() => deferModuleAndInlineCss(BUILT, 'popup', () => undefined)).toThrow(/not in the bundle/);
    expect(() => deferModuleAndInlineCss(BUILT, 'popup', () => 'a{}</style><script>')).toThrow(/<\/style/);
    expect(() => deferModuleAndInlineCss(BUILT, 'popup', () => 'a{background:url(./x.png)}')).toThrow(
      /url\(\)/,
    );
    // data: URLs do not depend on where the CSS lives.
    expect(
      deferModuleAndInlineCss(BUILT, 'popup', () => 'a{background:url(data:image/png;base64,AA)}'),
    ).toContain('url(data:image/png');
  });
});
