// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closestDeep,
  collapse,
  deepQueryAll,
  deepQueryFirst,
  deepText,
  isHiddenByMarkup,
  present,
  queryAllFirst,
  queryFirst,
  shownByMarkup,
} from '../../../lib/crm/dom';
import { parseHtml } from './load-fixture';

const doc = parseHtml(`<!DOCTYPE html><html><body>
  <div id="outer">
    <x-host id="host"><template shadowrootmode="open">
      <span class="in">A <slot name="title"></slot> <slot></slot> <slot name="empty">fallback</slot></span>
      <x-inner><template shadowrootmode="open"><b class="deep">deep</b></template></x-inner>
      <span class="slds-assistive-text">hidden helper</span>
    </template><i slot="title">Title</i> light</x-host>
    <p class="v2">new</p><p class="v1">old</p>
  </div>
  <section hidden><p id="hidden-p">x</p></section>
  <div aria-hidden="true"><p id="aria-p">x</p></div>
  <div style="display: none"><p id="none-p">x</p></div>
</body></html>`);

describe('queryFirst / queryAllFirst', () => {
  it('uses the first selector that matches, newest first, and skips invalid ones', () => {
    expect(queryFirst(doc, ['p.v3', 'p[[invalid', 'p.v2', 'p.v1'])?.textContent).toBe('new');
    expect(queryAllFirst(doc, ['p.nope', 'p.v1, p.v2']).map((p) => p.className)).toEqual(['v2', 'v1']);
    expect(queryFirst(doc, ['p.nope'])).toBeNull();
  });
});

describe('deep queries', () => {
  it('finds elements inside nested open shadow roots, which plain queries cannot', () => {
    expect(doc.querySelector('.deep')).toBeNull();
    expect(deepQueryAll(doc, '.deep').map((el) => el.textContent)).toEqual(['deep']);
    expect(deepQueryFirst(doc, ['.missing', 'span.in'])?.tagName).toBe('SPAN');
  });

  it('climbs out of shadow roots with closestDeep', () => {
    const deep = deepQueryAll(doc, '.deep')[0]!;
    expect(closestDeep(deep, '#outer')?.id).toBe('outer');
  });

  it('reads shadow text with slot projection, fallback content, and no assistive text', () => {
    expect(deepText(doc.getElementById('host'))).toBe('A Title light fallback deep');
  });
});

describe('deepText in plain light-DOM subtrees', () => {
  // deepText skips its per-element checks below an element whose subtree has nothing to skip
  // (issue 17's read budget): these cells mix plain parts with ones that still need every check.
  const cells = parseHtml(`<!DOCTYPE html><table><tr>
    <td id="plain"><div><a><span>Nguyễn</span><span>An</span></a><button>Preview</button></div></td>
    <td id="mixed"><span>Deal <b>A</b></span><span><i>x</i><span class="assistiveText">sort</span></span><em hidden>gone</em></td>
    <td id="shadow-below"><span><x-host id="inner"></x-host> after</span></td>
    <td id="script"><span>ok<script>var a = 1;</script></span><style>td{}</style></td>
  </tr></table>`);
  const inner = cells.getElementById('inner')!.attachShadow({ mode: 'open' });
  inner.innerHTML = '<b>shadow</b><span class="slds-assistive-text">helper</span><slot>fallback</slot>';

  it.each([
    ['plain', 'Nguyễn An Preview'],
    ['mixed', 'Deal A x'],
    ['shadow-below', 'shadow fallback after'],
    ['script', 'ok'],
  ])('reads %s as a user sees it', (id, text) => {
    expect(deepText(cells.getElementById(id))).toBe(text);
  });
});

describe('isHiddenByMarkup', () => {
  it.each([
    ['hidden-p', true],
    ['aria-p', true],
    ['none-p', true],
    ['outer', false],
  ])('%s → %s', (id, expected) => {
    expect(isHiddenByMarkup(doc.getElementById(id)!)).toBe(expected);
  });
});

describe('shownByMarkup', () => {
  /** Random trees of divs, some hidden by one of the three markups (or a near miss that is not). */
  const marks = [
    '',
    'hidden',
    'aria-hidden="true"',
    'aria-hidden="false"',
    'style="display :NONE"',
    'style="display: block"',
  ];
  type Tree = { mark: number; children: Tree[] };
  const mark = fc.nat({ max: marks.length - 1 });
  const treeOf = (depth: number): fc.Arbitrary<Tree> =>
    depth === 0
      ? fc.record({ mark, children: fc.constant([]) })
      : fc.record({ mark, children: fc.array(treeOf(depth - 1), { maxLength: 3 }) });
  const tree = treeOf(4);
  const html = (t: Tree): string => `<div ${marks[t.mark]}>${t.children.map(html).join('')}</div>`;

  it('keeps exactly the elements isHiddenByMarkup lets through, in order', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const root = parseHtml(`<!DOCTYPE html><html><body>${html(t)}</body></html>`);
        const all: Element[] = [...root.querySelectorAll('div')];
        const indices = (els: Element[]) => els.map((el) => all.indexOf(el));
        expect(indices(shownByMarkup(all))).toEqual(indices(all.filter((el) => !isHiddenByMarkup(el))));
      }),
      { numRuns: 200 },
    );
  });
});

describe('present', () => {
  it.each([
    ['  Nguyễn   Văn An ', 'Nguyễn Văn An'],
    ['--', undefined],
    ['—', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(present(text)).toBe(expected);
  });
});

describe('collapse', () => {
  it('collapses every run of whitespace to one space and trims, like the plain regex it replaces', () => {
    const reference = (t: string) => t.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    const unit = fc.constantFrom(
      'a',
      'b',
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u202f',
      '\u2003',
      '\u3000',
      '\ufeff',
      'đ',
    );
    fc.assert(
      fc.property(fc.string({ unit }), (text) => collapse(text) === reference(text)),
      { numRuns: 5000 },
    );
    expect(collapse('  Contract\u00a0 sent \n')).toBe('Contract sent');
  });
});
