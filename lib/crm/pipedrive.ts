/**
 * Pipedrive: the pipeline board (deal cards), and deal, lead, person and organization pages, on
 * <company>.pipedrive.com. Pipedrive is React with styled-components: class names are generated
 * and change with every release, so only `data-test*` hooks, links and structure are used.
 * It re-renders cards often (drag and drop, polling), which is why identity comes from
 * `data-test-deal-id` or the `/deal/<id>` link and never from the element itself.
 */
import { parseAmount } from './amount';
import {
  deepText,
  fill,
  isHiddenByMarkup,
  present,
  type QueryRoot,
  queryAllFirst,
  queryFirst,
  shownByMarkup,
} from './dom';
import { type CrmAdapter, type ObjectType, type PageMatch, toSighting } from './types';

const HOST = /^(?!www\.|developers\.|support\.|marketplace\.)[a-z0-9-]+\.pipedrive\.com$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const RECORD_PATHS: Record<string, ObjectType> = { deal: 'deal', person: 'person', organization: 'company' };

export const SELECTORS = {
  stage: ['[data-test="pipeline-stage"]', '[data-testid="pipeline-stage"]'],
  /** Any column-like ancestor whose hook mentions a stage (public Selenium code finds columns so). */
  anyStage: ['[data-test*="stage"]'],
  stageName: ['[data-test="stage-name"]', '[data-testid="stage-name"]', 'h2, h3, header'],
  card: ['[data-test="pipeline-deal-tile"]', '[data-testid="pipeline-deal-tile"]'],
  /** The tile's main link holds the deal label (when set), the title, then the description line. */
  cardLink: ['a[draggable="false"][href*="/deal/"]'],
  cardLabel: ['[data-test="deal-label"]'],
  cardValue: [
    '[data-test="pipeline-deal-value"]',
    'a[href*="/deal/"]:not([draggable]) > span:last-child', // TODO [2027-06-01]: Drop: tiles before the value hook
  ],
  cardOwner: ['[data-testid="avatar"][title]', '.cui5-avatar[title]'],
  dealLink: ['a[href*="/deal/"]'],
  recordRoot: [
    '[data-testid="detail-view"]',
    '[data-test="detail-view"]', // TODO [2027-06-01]: Drop: detail view before the data-testid migration
    '.detailView',
  ],
  /** Titles per record kind; the record is found from its title, the root being optional. */
  title: [
    '[data-testid="header-title"]',
    '[data-test="header-title"]', // TODO [2027-06-01]: Drop
  ],
  leadTitle: ['[data-testid="SidebarLeadTitle"]', '[data-testid="header-title"]'],
  /** Person pages have no title hook: the page title ("<name> - contact details") names the person. */
  personAnchor: ['.detailView .content .spacer', '[data-testid="header-title"]'],
  activeStage: [
    '[data-testid="pipeline-stage-bar"] [aria-current="step"]',
    '[data-test="stage-bar"] .active',
  ],
  status: ['[data-testid="deal-status"]'],
  owner: ['[data-testid="owner-name"]', '[data-test="owner-name"]'],
  /** Sidebar fields are keyed by the API field key: value, channel, email, org_id… */
  field: ['[data-test-key="{key}"] [data-test="field-value"]', '[data-test-key="{key}"]'],
} as const;

/** What Pipedrive appends to a person's name in the tab title. */
const PERSON_TITLE_SUFFIX = / - (?:contact details|person)$/i;

export function matchPipedrivePage(url: URL): PageMatch | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const [section, a, b] = url.pathname.split('/').filter(Boolean);
  if (section === 'pipeline') return { kind: 'board', objectType: 'deal', crmObject: 'deal' };
  const objectType = section ? RECORD_PATHS[section] : undefined;
  if (objectType && section && a && /^\d+$/.test(a)) {
    return { kind: 'record', objectType, crmObject: section, recordId: a };
  }
  // /leads/inbox/<uuid> opens the lead's detail view over the inbox.
  if (section === 'leads' && (a === 'inbox' || a === 'archived') && b && UUID.test(b)) {
    return { kind: 'record', objectType: 'lead', crmObject: 'lead', recordId: b.toLowerCase() };
  }
  return null;
}

function cardId(card: Element): string | null {
  const attr = card.getAttribute('data-test-deal-id')?.replace(/^forecast-/, '');
  if (attr && /^\d+$/.test(attr)) return attr;
  const href = queryFirst(card, SELECTORS.dealLink)?.getAttribute('href') ?? '';
  return /\/deal\/(\d+)/.exec(href)?.[1] ?? null;
}

function ownerOf(el: Element | null): string | undefined {
  return present(el?.getAttribute('title') ?? el?.getAttribute('aria-label') ?? deepText(el));
}

function field(root: Element, key: string): string | undefined {
  return present(deepText(queryFirst(root, fill(SELECTORS.field, { key }))));
}

/** The title and description lines of a tile: its main link's children, the deal label skipped. */
function cardLines(card: Element): Element[] {
  const link = queryFirst(card, SELECTORS.cardLink);
  if (!link) return [];
  const label = SELECTORS.cardLabel.join(', ');
  return Array.from(link.children).filter((child) => !child.matches(label) && !child.querySelector(label));
}

/** The stage column around a card: its own hook, else any ancestor whose hook mentions a stage. */
function stageOf(card: Element): string | undefined {
  const column =
    card.closest(SELECTORS.stage.join(', ')) ??
    closestOutside(card, SELECTORS.anyStage.join(', '), SELECTORS.card.join(', '));
  return column ? present(deepText(queryFirst(column, SELECTORS.stageName))) : undefined;
}

/** `closest` from the card's parent: the card's own data-test ("pipeline-deal-tile") is no stage. */
function closestOutside(card: Element, selector: string, self: string): Element | null {
  const found = card.parentElement?.closest(selector) ?? null;
  return found && !found.matches(self) ? found : null;
}

function extractCard(card: Element, page: PageMatch, url: URL) {
  const id = cardId(card);
  if (!id) return { ok: false as const, reason: 'card has no deal id' };
  const [title, description] = cardLines(card);
  return toSighting(
    { crm: 'pipedrive', objectType: page.objectType, externalId: id, url: `${url.origin}/deal/${id}` },
    {
      name: present(deepText(title)) ?? '',
      // The description line is the organization, or the person when there is none.
      company: present(deepText(description)),
      stage: stageOf(card),
      amountText: present(deepText(queryFirst(card, SELECTORS.cardValue))),
      owner: ownerOf(queryFirst(card, SELECTORS.cardOwner)),
    },
    (t) => parseAmount(t),
  );
}

function titleSelectors(page: PageMatch) {
  if (page.objectType === 'lead') return SELECTORS.leadTitle;
  if (page.objectType === 'person') return SELECTORS.personAnchor;
  return SELECTORS.title;
}

/** The record's name: its title element, or for a person the tab title without Pipedrive's suffix. */
function recordName(root: Element, page: PageMatch): string | undefined {
  if (page.objectType === 'person') {
    const title = root.ownerDocument.title;
    if (PERSON_TITLE_SUFFIX.test(title)) return present(title.replace(PERSON_TITLE_SUFFIX, ''));
  }
  return present(deepText(queryFirst(root, titleSelectors(page))));
}

/**
 * The record: found from its title, the detail-view root around it when there is one, else the
 * page's main region (the root's hook is unverified, the title hooks are not).
 */
function findRecord(root: QueryRoot, page: PageMatch): Element | null {
  const title = queryFirst(root, titleSelectors(page));
  const record = title
    ? (title.closest(SELECTORS.recordRoot.join(', ')) ??
      title.closest('main, [role="main"], #froot') ??
      title.ownerDocument.body)
    : queryFirst(root, SELECTORS.recordRoot);
  return record && !isHiddenByMarkup(record) ? record : null;
}

function extractRecord(root: Element, page: PageMatch, url: URL) {
  if (!page.recordId) return { ok: false as const, reason: 'no record id in the URL' };
  const path =
    page.objectType === 'lead' ? `leads/inbox/${page.recordId}` : `${page.crmObject}/${page.recordId}`;
  const stage = queryFirst(root, SELECTORS.activeStage);
  const email = field(root, 'email');
  return toSighting(
    {
      crm: 'pipedrive',
      objectType: page.objectType,
      externalId: page.recordId,
      url: `${url.origin}/${path}`,
    },
    {
      name: recordName(root, page) ?? '',
      company: field(root, 'org_id'),
      email: email && /@/.test(email) ? email : undefined,
      stage: present(stage?.getAttribute('title') ?? deepText(stage)),
      status: present(deepText(queryFirst(root, SELECTORS.status))),
      amountText: field(root, 'value'),
      owner: present(deepText(queryFirst(root, SELECTORS.owner))) ?? field(root, 'owner_id'),
      channel: field(root, 'channel'),
    },
    (t) => parseAmount(t),
  );
}

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  hostPatterns: ['https://*.pipedrive.com/*'],
  matchesHost: (url) => url.protocol === 'https:' && HOST.test(url.hostname),
  matchPage: matchPipedrivePage,
  selectors: SELECTORS,
  // Person pages are read from what public code anchors on; no live capture confirms them yet.
  unverified: ['record:person'],
  findItems(root: QueryRoot, page: PageMatch): Element[] {
    if (page.kind === 'record') {
      const record = findRecord(root, page);
      return record ? [record] : [];
    }
    return shownByMarkup(queryAllFirst(root, SELECTORS.card)).filter((card) => cardId(card) !== null);
  },
  extract(item, page, url) {
    return page.kind === 'record' ? extractRecord(item, page, url) : extractCard(item, page, url);
  },
  badgeAnchor(item, page) {
    return page.kind === 'record' ? queryFirst(item, titleSelectors(page)) : (cardLines(item)[0] ?? null);
  },
  checkHealth(root, page) {
    if (page.kind === 'record')
      return findRecord(root, page) ? { ok: true } : { ok: false, missing: ['title'] };
    return queryFirst(root, SELECTORS.stage) || queryFirst(root, SELECTORS.card)
      ? { ok: true }
      : { ok: false, missing: ['stage'] };
  },
};
