/**
 * The widgets' stylesheets, built once per page and shared by every shadow root through
 * `adoptedStyleSheets` (a hundred widgets parse the CSS once). Browsers without constructable
 * stylesheets get a `<style>` element with the same text.
 */

import { badgeSheet, themeTokenCss, withTokenFallbacks } from '../../../lib/snapshot/widget-css';
import themeCss from '../../shared/theme.css?inline';
import widgetsCss from '../widgets.css?inline';
import elementsCss from './elements.css?inline';

const sheets = new Map<string, CSSStyleSheet | string>();

function sheetFor(cssText: string): CSSStyleSheet | string {
  let sheet = sheets.get(cssText);
  if (sheet === undefined) {
    try {
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(cssText);
      sheet = constructed;
    } catch {
      sheet = cssText;
    }
    sheets.set(cssText, sheet);
  }
  return sheet;
}

let baseCss: string | null = null;
/** Theme defaults, then the shared component styles, then the host and state styles. */
export function widgetBaseCss(): string {
  baseCss ??= [themeTokenCss(themeCss), withTokenFallbacks(widgetsCss), withTokenFallbacks(elementsCss)].join(
    '\n',
  );
  return baseCss;
}

/** Adds stylesheets to a shadow root; `extra` is transformed like the base (e.g. uPlot's legend CSS). */
export function adoptStyles(root: ShadowRoot, ...extra: string[]): void {
  adoptStyleTexts(root, [widgetBaseCss(), ...extra.map(withTokenFallbacks)]);
}

let badgeCss: string | null = null;
/**
 * Theme defaults and the pill rules only (lib/snapshot/widget-css.ts badgeSheet), for the CRM
 * overlay's lead badges: dozens of them restyle on every re-render of a CRM table, and each element
 * costs in proportion to the rules in scope.
 */
export function badgeBaseCss(): string {
  badgeCss ??= badgeSheet(themeCss, widgetsCss);
  return badgeCss;
}

/** Adds stylesheets, as given, to a shadow root (each text parsed once per page, then shared). */
export function adoptStyleTexts(root: ShadowRoot, texts: readonly string[]): void {
  const constructed: CSSStyleSheet[] = [];
  for (const text of texts) {
    const sheet = sheetFor(text);
    if (typeof sheet === 'string') {
      // Before the widget's content and after earlier sheets, so the cascade keeps the same order.
      const style = document.createElement('style');
      style.textContent = sheet;
      root.insertBefore(style, root.querySelector('.pc-root'));
    } else {
      constructed.push(sheet);
    }
  }
  if (constructed.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...constructed];
}

/**
 * A theme token's value as the host element sees it: the page's `--pc-x` when set, else the widget
 * default. For canvas colours, which cannot read `var()`.
 */
export function tokenValue(host: Element, name: string, fallback: string): string {
  const style = getComputedStyle(host);
  return (
    style.getPropertyValue(`--pc-${name}`).trim() ||
    style.getPropertyValue(`--pcd-${name}`).trim() ||
    fallback
  );
}
