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
  stageName: ['[data-test="stage-name"]', '[data-testid="stage-name"]'],
  card: ['[data-test="pipeline-deal-tile"]', '[data-testid="pipeline-deal-tile"]'],
  // The tile's title, description and value have no hooks (styled-components): use its two links.
  cardTitle: ['a[draggable="false"][href*="/deal/"] > :first-child'],
  cardDescription: ['a[draggable="false"][href*="/deal/"] > :nth-child(2)'],
  cardValue: ['a[href*="/deal/"]:not([draggable]) > span:last-child'],
  cardOwner: ['[data-testid="avatar"][title]', '.cui5-avatar[title]'],
  dealLink: ['a[href*="/deal/"]'],
  recordRoot: [
    '[data-testid="detail-view"]',
    '[data-test="detail-view"]', // TODO [2027-06-01]: Drop: detail view before the data-testid migration
  ],
  title: [
    '[data-testid="header-title"]',
    '[data-test="header-title"]', // TODO [2027-06-01]: Drop
  ],
  activeStage: [
    '[data-testid="pipeline-stage-bar"] [aria-current="step"]',
    '[data-test="stage-bar"] .active',
  ],
  status: ['[data-testid="deal-status"]'],
  owner: ['[data-testid="owner-name"]', '[data-test="owner-name"]'],
  /** Sidebar fields are keyed by the API field key: value, channel, email, org_id… */
  field: ['[data-test-key="{key}"] [data-test="field-value"]', '[data-test-key="{key}"]'],
} as const;

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

function extractCard(card: Element, page: PageMatch, url: URL) {
  const id = cardId(card);
  if (!id) return { ok: false as const, reason: 'card has no deal id' };
  const column = card.closest(SELECTORS.stage.join(', '));
  return toSighting(
    { crm: 'pipedrive', objectType: page.objectType, externalId: id, url: `${url.origin}/deal/${id}` },
    {
      name: present(deepText(queryFirst(card, SELECTORS.cardTitle))) ?? '',
      // The description line is the organization, or the person when there is none.
      company: present(deepText(queryFirst(card, SELECTORS.cardDescription))),
      stage: column ? present(deepText(queryFirst(column, SELECTORS.stageName))) : undefined,
      amountText: present(deepText(queryFirst(card, SELECTORS.cardValue))),
      owner: ownerOf(queryFirst(card, SELECTORS.cardOwner)),
    },
    (t) => parseAmount(t),
  );
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
      name: present(deepText(queryFirst(root, SELECTORS.title))) ?? '',
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
  findItems(root: QueryRoot, page: PageMatch): Element[] {
    if (page.kind === 'record') {
      const record = queryFirst(root, SELECTORS.recordRoot);
      return record && !isHiddenByMarkup(record) ? [record] : [];
    }
    return shownByMarkup(queryAllFirst(root, SELECTORS.card)).filter((card) => cardId(card) !== null);
  },
  extract(item, page, url) {
    return page.kind === 'record' ? extractRecord(item, page, url) : extractCard(item, page, url);
  },
  badgeAnchor(item, page) {
    return page.kind === 'record' ? queryFirst(item, SELECTORS.title) : queryFirst(item, SELECTORS.cardTitle);
  },
  checkHealth(root, page) {
    const group = page.kind === 'record' ? 'recordRoot' : 'stage';
    return queryFirst(root, SELECTORS[group]) ? { ok: true } : { ok: false, missing: [group] };
  },
};
