import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeSheet, rulesFor } from '../../../lib/snapshot/widget-css';

describe('rulesFor: a small sheet for elements that need only a few classes', () => {
  const css = `/* pills */ @charset "utf-8";
.pc-badge { display: inline-flex; }
.pc-badge-title { max-width: 24ch; }
.pc-tier, .pc-tier .x { padding: 0 4px; }
.pc-tier, .pc-card { color: red; }
@container (max-width: 280px) { .pc-badge { display: none; } }
.pc-goal-badge .pc-badge { border: 0; }`;

  it('keeps rules whose every selector starts with one of the classes, as written or minified', () => {
    const picked = rulesFor(css, ['.pc-badge', '.pc-tier']);
    expect(picked).toBe('.pc-badge{ display: inline-flex; }\n.pc-tier, .pc-tier .x{ padding: 0 4px; }');
    const minified = '.pc-card{color:red}.pc-badge{gap:4px}.pc-tier{padding:0 4px}';
    expect(rulesFor(minified, ['.pc-badge'])).toBe('.pc-badge{gap:4px}');
  });

  it('leaves out at-rule blocks, look-alike classes and mixed selector lists', () => {
    const picked = rulesFor(css, ['.pc-badge', '.pc-tier']);
    expect(picked).not.toMatch(/@container|@charset|pc-badge-title|pc-card|pc-goal-badge/);
  });
});

describe('the lead badge sheet', () => {
  it('has the theme tokens and the pill rules, and no size container or other widgets', () => {
    // The real stylesheets (vitest hands `?inline` CSS imports over as empty strings).
    const read = (file: string) => readFileSync(path.join(process.cwd(), 'components', file), 'utf8');
    const sheet = badgeSheet(read('shared/theme.css'), read('widgets/widgets.css'));
    expect(sheet).toContain('--pcd-accent');
    expect(sheet).toMatch(/\.pc-badge\s*\{/);
    expect(sheet).toMatch(/\.pc-tier\s*\{/);
    expect(sheet).toContain('var(--pc-accent, var(--pcd-accent))');
    expect(sheet).not.toMatch(/container-type|pc-goal-card|pc-scorecard|pc-badge-title/);
  });

  it('hides a part a pill dropped from sight only, and gives a screen reader a separator to read', () => {
    const read = (file: string) => readFileSync(path.join(process.cwd(), 'components', file), 'utf8');
    const sheet = badgeSheet(read('shared/theme.css'), read('widgets/widgets.css'));
    // Out of sight, still in the accessibility tree: clipped to a pixel, not display:none.
    const dropped = /\.pc-badge > \.pc-dropped\s*\{([^}]*)\}/.exec(sheet)?.[1] ?? '';
    expect(dropped).toMatch(/position:\s*absolute/);
    expect(dropped).toMatch(/clip:\s*rect\(0 0 0 0\)/);
    expect(dropped).not.toMatch(/display:\s*none|visibility:\s*hidden/);
    // Nothing to see, ", " to read: between the tier and the share, and before the days.
    for (const part of ['share', 'days'])
      expect(sheet).toMatch(
        new RegExp(`\\.pc-badge > span \\+ \\.pc-${part}::before\\s*\\{\\s*content: "" / ", ";`),
      );
  });
});
