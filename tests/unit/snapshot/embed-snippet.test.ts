// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../lib/i18n/translate';
import { embedSnippet, WIDGETS_SCRIPT_FILE } from '../../../lib/snapshot/embed-snippet';

// Share / embed → How to embed: the code must be what the widgets read (components/widgets/elements).
describe('embed snippet', () => {
  it('loads the widgets script as a module and names each ticked goal and the snapshot file', () => {
    expect(embedSnippet(['g-revenue', 'g-leads'], 'pacer-snapshot-2026-12-07.json')).toBe(
      [
        '<script type="module" src="pacer-widgets.js"></script>',
        '<pacer-goal goal-id="g-revenue" src="pacer-snapshot-2026-12-07.json"></pacer-goal>',
        '<pacer-goal goal-id="g-leads" src="pacer-snapshot-2026-12-07.json"></pacer-goal>',
      ].join('\n'),
    );
    expect(WIDGETS_SCRIPT_FILE).toBe('pacer-widgets.js');
  });

  it('escapes what it quotes, so a goal id cannot break out of its attribute', () => {
    const code = embedSnippet(['a"b<c'], 'x&y.json');
    expect(code).toContain('goal-id="a&quot;b&lt;c"');
    expect(code).toContain('src="x&amp;y.json"');
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const el = doc.querySelector('pacer-goal');
    expect(el?.getAttribute('goal-id')).toBe('a"b<c');
    expect(el?.getAttribute('src')).toBe('x&y.json');
  });

  it('the steps are in English and Vietnamese, naming the script file', () => {
    expect(createTranslator('en')('share.embed.step1', { script: WIDGETS_SCRIPT_FILE })).toContain(
      'pacer-widgets.js',
    );
    expect(createTranslator('vi')('share.embed.step1', { script: WIDGETS_SCRIPT_FILE })).toBe(
      'Tải JSON ảnh chụp và script widget (pacer-widgets.js).',
    );
  });
});
