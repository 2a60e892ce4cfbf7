/**
 * Escaping for the export formats. Goal titles, owners and labels are user text and end up inside SVG,
 * HTML attributes and inline scripts: each context has its own rule, so each has its own function.
 */

/** Characters XML 1.0 forbids outright; one of them makes the whole SVG unreadable. */
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or attribute value for XML (SVG). Also safe in HTML text and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** HTML uses the same five entities except &apos;, which HTML 4 readers may not know. */
export function escapeHtml(text: string): string {
  return escapeXml(text).replaceAll('&apos;', '&#39;');
}

/**
 * JSON for `<script type="application/json">`: `<` becomes `\u003c` so no `</script>` or `<!--` inside a
 * string can end or confuse the element; U+2028/2029 are escaped for older JS parsers reading it back.
 * JSON.parse gives back exactly the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * JavaScript source for an inline `<script>`. A literal `</script` or `<!--` would end or derail the
 * element; `\x3C` means `<` inside the strings, template literals and regular expressions where a
 * minified bundle could contain them, so the code runs unchanged.
 */
export function scriptForInline(source: string): string {
  return source.replace(/<(\/script|!--)/gi, '\\x3C$1');
}
