// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchPipedrivePage, pipedrive } from '../../../lib/crm/pipedrive';
import { readPage } from '../../../lib/crm/read-page';
import type { PageMatch } from '../../../lib/crm/types';
import { loadFixture } from './load-fixture';

const BOARD = 'https://saigontech.pipedrive.com/pipeline/1/user/everyone';
const LEAD_ID = '8f14e45f-ceea-467a-9575-5d1c2b8a9e01';

describe('matchPipedrivePage', () => {
  it.each<[string, Partial<PageMatch> | null]>([
    [BOARD, { kind: 'board', objectType: 'deal' }],
    ['https://saigontech.pipedrive.com/pipeline', { kind: 'board', objectType: 'deal' }],
    ['https://saigontech.pipedrive.com/deal/1061', { kind: 'record', objectType: 'deal', recordId: '1061' }],
    [
      'https://saigontech.pipedrive.com/person/877',
      { kind: 'record', objectType: 'person', recordId: '877' },
    ],
    [
      'https://saigontech.pipedrive.com/organization/311',
      { kind: 'record', objectType: 'company', recordId: '311' },
    ],
    [
      `https://saigontech.pipedrive.com/leads/inbox/${LEAD_ID}`,
      { kind: 'record', objectType: 'lead', recordId: LEAD_ID },
    ],
    [`https://saigontech.pipedrive.com/leads/inbox/${LEAD_ID.toUpperCase()}`, { recordId: LEAD_ID }],
    ['https://saigontech.pipedrive.com/leads/inbox', null],
    ['https://saigontech.pipedrive.com/deal/abc', null],
    ['https://saigontech.pipedrive.com/settings/personal', null],
    ['https://www.pipedrive.com/deal/1061', null],
    ['https://pipedrive.com.evil.example/deal/1061', null],
  ])('%s', (href, expected) => {
    const page = matchPipedrivePage(new URL(href));
    if (expected === null) expect(page).toBeNull();
    else expect(page).toMatchObject(expected);
  });
});

function read(file: string, href: string) {
  const result = readPage(pipedrive, loadFixture(`pipedrive/${file}`), new URL(href));
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('pipedrive board', () => {
  it('reads every visible card with its column as stage, skipping the hidden column', () => {
    const { sightings, failures } = read('board-2026-11-23.html', BOARD);
    expect(failures).toEqual([]);
    expect(sightings).toEqual([
      {
        crm: 'pipedrive',
        objectType: 'deal',
        externalId: '1042',
        url: 'https://saigontech.pipedrive.com/deal/1042',
        name: 'Spa Thảo Mộc – gói marketing',
        company: 'Spa Thảo Mộc',
        stage: 'Qualified',
        amount: 12_500_000,
        currency: 'VND',
        owner: 'Nguyễn Văn An',
      },
      {
        crm: 'pipedrive',
        objectType: 'deal',
        externalId: '1057',
        url: 'https://saigontech.pipedrive.com/deal/1057',
        name: 'Greenleaf Cafe deal',
        company: 'Oliver Smith',
        stage: 'Qualified',
        amount: 1_200,
        currency: 'USD',
        owner: 'Emma Wilson',
      },
      {
        crm: 'pipedrive',
        objectType: 'deal',
        externalId: '1061',
        url: 'https://saigontech.pipedrive.com/deal/1061',
        name: 'Nha khoa Sài Gòn Smile',
        company: 'Nha khoa Sài Gòn Smile',
        stage: 'Contact Made',
        amount: 85_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
      },
      {
        crm: 'pipedrive',
        objectType: 'deal',
        externalId: '1078',
        url: 'https://saigontech.pipedrive.com/deal/1078',
        name: 'Logistics Bến Thành – annual',
        company: 'Bến Thành Logistics JSC',
        stage: 'Negotiations Started',
        amount: 1_200_000_000,
        currency: 'VND',
        owner: 'Nguyễn Văn An',
      },
    ]);
  });

  it('reads the same deals after Pipedrive re-renders the board with fresh nodes', () => {
    const doc = loadFixture('pipedrive/board-2026-11-23.html');
    const url = new URL(BOARD);
    const page = pipedrive.matchPage(url)!;
    const before = pipedrive.findItems(doc, page).map((card) => pipedrive.extract(card, page, url));
    // A re-render replaces every node (and any badge Pacer injected) with new ones.
    const board = doc.querySelector('[data-test="pipeline-board"]')!;
    const injected = doc.createElement('span');
    injected.className = 'pacer-badge';
    board.querySelector('[data-test="pipeline-deal-tile"]')!.append(injected);
    board.replaceWith(board.cloneNode(true));
    const cards = pipedrive.findItems(doc, page);
    expect(cards.every((card) => !board.contains(card))).toBe(true);
    expect(cards.map((card) => pipedrive.extract(card, page, url))).toEqual(before);
  });

  it('anchors the badge on the card title', () => {
    const page = pipedrive.matchPage(new URL(BOARD))!;
    const [card] = pipedrive.findItems(loadFixture('pipedrive/board-2026-11-23.html'), page);
    expect(pipedrive.badgeAnchor(card!, page)?.textContent).toBe('Spa Thảo Mộc – gói marketing');
  });
});

describe('pipedrive record pages', () => {
  it('reads a deal: the stage is the current step of the stage bar', () => {
    const { sightings } = read(
      'deal-2026-11-23.html',
      'https://saigontech.pipedrive.com/deal/1061?tab=notes',
    );
    expect(sightings).toEqual([
      {
        crm: 'pipedrive',
        objectType: 'deal',
        externalId: '1061',
        url: 'https://saigontech.pipedrive.com/deal/1061',
        name: 'Nha khoa Sài Gòn Smile',
        company: 'Nha khoa Sài Gòn Smile',
        stage: 'Proposal Made',
        amount: 85_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
        channel: 'Facebook Ads',
      },
    ]);
  });

  it('reads a person', () => {
    const { sightings } = read('person-2026-11-23.html', 'https://saigontech.pipedrive.com/person/877');
    expect(sightings).toEqual([
      {
        crm: 'pipedrive',
        objectType: 'person',
        externalId: '877',
        url: 'https://saigontech.pipedrive.com/person/877',
        name: 'Võ Thị Mai',
        company: 'Nha khoa Sài Gòn Smile',
        email: 'mai.vo@saigonsmile.vn',
        owner: 'Nguyễn Văn An',
      },
    ]);
  });

  it('reads a lead by its UUID, with a euro value in German format', () => {
    const { sightings } = read(
      'lead-2026-11-23.html',
      `https://saigontech.pipedrive.com/leads/inbox/${LEAD_ID}`,
    );
    expect(sightings).toEqual([
      {
        crm: 'pipedrive',
        objectType: 'lead',
        externalId: LEAD_ID,
        url: `https://saigontech.pipedrive.com/leads/inbox/${LEAD_ID}`,
        name: 'Greenleaf Cafe – second location',
        company: 'Greenleaf Cafe Ltd',
        amount: 1234.56,
        currency: 'EUR',
        owner: 'Emma Wilson',
        channel: 'Web forms',
      },
    ]);
  });

  it('is unreadable when a record URL shows a page without the record title', () => {
    const doc = loadFixture('pipedrive/board-2026-11-23.html');
    expect(readPage(pipedrive, doc, new URL('https://saigontech.pipedrive.com/deal/1'))).toMatchObject({
      status: 'unreadable',
      missing: ['title'],
    });
  });
});

describe('pipedrive markup seen in public code', () => {
  it('skips the deal label in a tile, reads the value hook, and the stage from a *stage* ancestor', () => {
    const { sightings, failures } = read(
      'board-labelled-2026-12-06.html',
      'https://saigontech.pipedrive.com/pipeline',
    );
    expect(failures).toEqual([]);
    expect(
      sightings.map((s) => [s.externalId, s.name, s.company, s.stage, s.amount, s.currency, s.owner]),
    ).toEqual([
      [
        '1042',
        'Spa Thảo Mộc – gói marketing',
        'Spa Thảo Mộc',
        'Qualified',
        12_500_000,
        'VND',
        'Nguyễn Văn An',
      ],
      ['1057', 'Greenleaf Cafe deal', 'Oliver Smith', 'Qualified', 1200, 'USD', 'Emma Wilson'],
      [
        '1061',
        'Nha khoa Sài Gòn Smile',
        'Nha khoa Sài Gòn Smile',
        'Contact Made',
        85_000_000,
        'VND',
        'Trần Thị Bình',
      ],
    ]);
    const page = pipedrive.matchPage(new URL('https://saigontech.pipedrive.com/pipeline'))!;
    const [tile] = pipedrive.findItems(loadFixture('pipedrive/board-labelled-2026-12-06.html'), page);
    expect(pipedrive.badgeAnchor(tile!, page)?.textContent).toBe('Spa Thảo Mộc – gói marketing');
  });

  it('reads a lead titled SidebarLeadTitle with no detail-view root, found from its title', () => {
    const href = `https://saigontech.pipedrive.com/leads/inbox/${LEAD_ID}`;
    const { sightings } = read('lead-sidebar-title-2026-12-06.html', href);
    expect(sightings).toEqual(read('lead-2026-11-23.html', href).sightings);
  });

  it('reads a person page by its tab title, without " - contact details"', () => {
    const { sightings } = read(
      'person-contact-details-2026-12-06.html',
      'https://saigontech.pipedrive.com/person/877',
    );
    expect(sightings).toEqual([
      {
        crm: 'pipedrive',
        objectType: 'person',
        externalId: '877',
        url: 'https://saigontech.pipedrive.com/person/877',
        name: 'Võ Thị Mai',
        email: 'mai.vo@caphe.vn',
      },
    ]);
  });
});
