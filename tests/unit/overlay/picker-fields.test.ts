// @vitest-environment happy-dom
// The picker's later fields (close date, fields the user names) and marking stages won or lost, from
// the clicks to the mapping, the sightings it reads and the KPIs that count only open stages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomAdapter } from '../../../lib/crm/custom';
import { CrmMapping } from '../../../lib/crm/mapping';
import { readPage } from '../../../lib/crm/read-page';
import { deriveLeadKpis } from '../../../lib/overlay/kpi-series';
import { gapShare } from '../../../lib/overlay/overlay-context';
import {
  addCustomField,
  askField,
  buildMapping,
  chooseField,
  chooseItem,
  currentField,
  initialPicker,
  markOutcome,
  previewMapping,
  undoPick,
} from '../../../lib/overlay/picker-session';
import { leadOutcome, markedOutcome, markStage, stageOutcomes } from '../../../lib/overlay/stages';
import type { Lead } from '../../../lib/schema';
import { lead, NOW } from './leads-fixture';

const URL_BOARD = new URL('https://crm.example.vn/#/deals');
const STAGES = ['Lead', 'Proposal', 'Signed', 'Dropped'];
const $ = (selector: string) => document.querySelector(selector)!;

function board(): string {
  const cards = (i: number) =>
    [0, 1]
      .map((j) => {
        const id = 100 + i * 2 + j;
        return `<div class="card" data-drag-id="deal-${id}"><h3>Deal ${id}</h3>
          <span class="amount">$${id},000</span><span class="prio" title="Priority">${j ? 'High' : 'Low'}</span>
          <time class="close">Mar ${i + 10}, 2027</time></div>`;
      })
      .join('');
  return `<main>${STAGES.map(
    (stage, i) => `<section class="col"><h2>${stage}</h2><div class="list">${cards(i)}</div></section>`,
  ).join('')}</main>`;
}

describe('picking a close date and a field of the user’s own', () => {
  beforeEach(() => {
    document.body.innerHTML = board();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const mapped = () => {
    let s = chooseItem(initialPicker('list', 'deal'), $('[data-drag-id="deal-104"] h3'));
    s = chooseField(s, $('[data-drag-id="deal-104"] h3'));
    s = chooseField(s, $('section:nth-child(3) h2')); // the stage, from the column heading
    s = chooseField(s, $('[data-drag-id="deal-104"] .amount'));
    return s;
  };

  it('reads the close date and a named field on every card, shown in the preview', () => {
    let s = mapped();
    s = askField(s, 'close');
    expect(currentField(s)).toBe('close');
    s = chooseField(s, $('[data-drag-id="deal-104"] .close'));
    s = addCustomField(s, '  Priority ');
    expect(s.pending).toBe('Priority');
    s = chooseField(s, $('[data-drag-id="deal-104"] .prio'));
    expect(s.pending).toBeNull();
    expect(s.custom).toEqual([{ name: 'Priority', selector: expect.any(String) }]);
    const built = buildMapping(s, URL_BOARD, 1);
    if (!built.ok) throw new Error(built.error);
    expect(built.mapping.fields.close).toBeDefined();
    const preview = previewMapping(built.mapping, document, URL_BOARD);
    expect(preview.count).toBe(8);
    expect(preview.stages).toEqual(STAGES);
    expect(preview.rows[0]).toMatchObject({
      name: 'Deal 100',
      stage: 'Lead',
      closeDate: Date.UTC(2027, 2, 10),
      custom: { Priority: 'Low' },
    });
    expect(preview.rows[1]?.custom).toEqual({ Priority: 'High' });
    // The mapping stores what was picked, and survives its own schema (export, import, storage).
    expect(CrmMapping.parse(JSON.parse(JSON.stringify(built.mapping)))).toEqual(built.mapping);
  });

  it('refuses an empty name, a built-in one and an eleventh; the same name re-points its field', () => {
    let s = mapped();
    expect(addCustomField(s, '   ').error).toBe('customName');
    expect(addCustomField(s, 'Stage').error).toBe('customTaken');
    expect(addCustomField(s, '__proto__').error).toBe('customName');
    for (let i = 0; i < 10; i++) {
      s = addCustomField(s, `Field ${i}`);
      s = chooseField(s, $('[data-drag-id="deal-104"] .prio'));
    }
    expect(s.custom).toHaveLength(10);
    expect(addCustomField(s, 'One more').error).toBe('customTooMany');
    s = addCustomField(s, 'field 3');
    expect(s.pending).toBe('Field 3');
    s = chooseField(s, $('[data-drag-id="deal-104"] .close'));
    expect(s.custom).toHaveLength(10);
    expect(s.custom[3]?.name).toBe('Field 3');
  });

  it('takes a named field’s click back with Undo, and refuses a click outside the card', () => {
    let s = addCustomField(mapped(), 'Priority');
    expect(chooseField(s, $('section:nth-child(1) h2')).error).toBe('notInItem');
    s = chooseField(s, $('[data-drag-id="deal-104"] .prio'));
    s = undoPick(s);
    expect(s.custom).toEqual([]);
    expect(s.pending).toBe('Priority');
    s = undoPick(s);
    expect(s.pending).toBeNull();
    expect(s.fields.amount).toBeDefined();
  });

  it('stores the stages the user marks, and reads each card’s outcome from them', () => {
    let s = markOutcome(mapped(), 'Signed', 'won');
    s = markOutcome(s, 'Dropped', 'lost');
    const built = buildMapping(s, URL_BOARD, 1);
    if (!built.ok) throw new Error(built.error);
    expect(built.mapping.stageOutcomes).toEqual({ won: ['Signed'], lost: ['Dropped'], open: [] });
    const read = readPage(createCustomAdapter(built.mapping), document, URL_BOARD);
    if (read.status !== 'ok') throw new Error(read.status);
    const outcomes = Object.fromEntries(read.sightings.map((x) => [x.stage, x.outcome]));
    expect(outcomes).toEqual({ Lead: 'open', Proposal: 'open', Signed: 'won', Dropped: 'lost' });
    // Without marks, nothing is claimed: the stage's name decides later.
    const plain = buildMapping(mapped(), URL_BOARD, 1);
    if (!plain.ok) throw new Error(plain.error);
    const unmarked = readPage(createCustomAdapter(plain.mapping), document, URL_BOARD);
    if (unmarked.status !== 'ok') throw new Error(unmarked.status);
    expect(unmarked.sightings.every((x) => x.outcome === undefined)).toBe(true);
  });
});

describe('stage outcomes', () => {
  it('follows the user’s marks first, then the stage’s name', () => {
    const marks = markStage(markStage(undefined, 'Signed', 'won'), 'won', 'open');
    expect(marks).toEqual({ won: ['Signed'], lost: [], open: ['won'] });
    expect(markedOutcome(' signed ', marks)).toBe('won');
    expect(markedOutcome('Won', marks)).toBe('open');
    expect(markedOutcome('Closed lost', marks)).toBe('lost'); // a stage seen after the marks were made
    expect(markedOutcome('Proposal', marks)).toBe('open');
    expect(markedOutcome('Signed', undefined)).toBeUndefined();
    expect(markStage(marks, 'SIGNED', 'lost')).toEqual({ won: [], lost: ['SIGNED'], open: ['won'] });
  });

  it('gives a lead its marked outcome, else its stage name’s', () => {
    expect(leadOutcome({ stage: 'Signed', outcome: 'won' })).toBe('won');
    expect(leadOutcome({ stage: 'Closed won' })).toBe('won');
    expect(leadOutcome({ stage: 'Signed' })).toBe('open');
    const of = stageOutcomes([{ stage: 'Signed', outcome: 'won' }, { stage: 'Proposal' }]);
    expect([of('Signed'), of('Proposal'), of('Closed lost'), of(undefined)]).toEqual([
      'won',
      'open',
      'lost',
      'open',
    ]);
  });
});

describe('open pipeline with marked stages', () => {
  const OPTS = { timeZone: 'UTC', currency: 'USD', now: NOW };
  const custom = (id: string, stage: string, amount: number, outcome?: Lead['outcome']) =>
    lead(id, {
      crm: 'custom:https://crm.example.vn',
      amount,
      currency: 'USD',
      history: [
        ['Lead', 5],
        [stage, 1],
      ],
      ...(outcome ? { outcome } : {}),
    });

  it('leaves won and lost cards out of open pipeline and counts a won one as won', () => {
    const leads = [
      custom('a', 'Proposal', 100, 'open'),
      custom('b', 'Signed', 1000, 'won'),
      custom('c', 'Dropped', 10_000, 'lost'),
    ];
    const { observations, metrics } = deriveLeadKpis(leads, OPTS);
    const value = (id: string) => observations.find((o) => o.id === id)?.value;
    expect(value('crm-pipeline-value:2026-11-23')).toBe(100);
    expect(value('crm-deals-won:2026-11-22:')).toBe(1);
    expect(value('crm-deals-won-value:2026-11-22:')).toBe(1000);
    const stages = metrics.map((m) => m.id).filter((id) => id.startsWith('crm-pipeline-value-'));
    expect(stages).toEqual(['crm-pipeline-value-lead', 'crm-pipeline-value-proposal']);
    // Unmarked, "Signed" and "Dropped" say nothing: all three would be open pipeline.
    const unmarked = deriveLeadKpis(
      leads.map(({ outcome: _, ...l }) => l),
      OPTS,
    ).observations.find((o) => o.id === 'crm-pipeline-value:2026-11-23');
    expect(unmarked?.value).toBe(11_100);
  });

  it('gives a marked-won deal no share of the revenue gap', () => {
    const gap = { goalId: 'g', gap: 10_000, currency: 'USD', label: 'Q4' };
    expect(gapShare({ amount: 1000, currency: 'USD', stage: 'Signed' }, gap, 'USD')).toBe(0.1);
    expect(
      gapShare({ amount: 1000, currency: 'USD', stage: 'Signed', outcome: 'won' }, gap, 'USD'),
    ).toBeNull();
  });
});
