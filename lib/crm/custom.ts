/**
 * The adapter for any other CRM, driven by a user's CrmMapping. Identity still never comes from
 * text: the record link's URL, an id attribute on the item, or on a record page the page URL.
 */
import { parseAmount } from './amount';
import { absoluteHref, displayedValue, present, queryFirst, safeQueryAll, shownByMarkup } from './dom';
import { type CrmMapping, customCrmId } from './mapping';
import type { CrmAdapter, ExtractResult, PageMatch } from './types';
import { toSighting } from './types';

function pathIdentity(url: URL): string {
  // A path without any digit ("/crm/lead") usually keeps the id in the query string (?id=42).
  const withQuery = /\d/.test(url.pathname) || !url.search ? url.pathname : url.pathname + url.search;
  return withQuery.slice(0, 200);
}

function linkOf(item: Element, selector: string | undefined): Element | null {
  const found = selector ? queryFirst(item, [selector]) : null;
  if (found) return found.closest('a[href]') ?? found.querySelector('a[href]') ?? null;
  if (item.matches('a[href]')) return item;
  return item.querySelector('a[href]');
}

export function createCustomAdapter(mapping: CrmMapping): CrmAdapter {
  const origin = new URL(mapping.origin);
  const field = (item: Element, key: keyof CrmMapping['fields']): string | undefined => {
    const selector = mapping.fields[key];
    return selector ? present(displayedValue(queryFirst(item, [selector]))) : undefined;
  };

  function extract(item: Element, page: PageMatch, url: URL): ExtractResult {
    let externalId: string | null = null;
    let recordUrl = url.href;
    if (page.kind === 'record') {
      externalId = pathIdentity(url);
      recordUrl = `${url.origin}${url.pathname}${url.search}`;
    } else {
      const link = absoluteHref(linkOf(item, mapping.fields.link)?.getAttribute('href'), url);
      const attr = mapping.idAttribute ? item.getAttribute(mapping.idAttribute)?.trim() : undefined;
      if (attr) externalId = attr.slice(0, 200);
      else if (link && link.origin === url.origin) externalId = pathIdentity(link);
      if (link) recordUrl = link.href;
    }
    if (!externalId) return { ok: false, reason: 'no record link or id attribute on this item' };
    const money = field(item, 'amount');
    return toSighting(
      { crm: customCrmId(mapping), objectType: page.objectType, externalId, url: recordUrl },
      {
        name: field(item, 'name') ?? '',
        stage: field(item, 'stage'),
        amountText: money,
        owner: field(item, 'owner'),
        channel: field(item, 'channel'),
        email: field(item, 'email'),
        company: field(item, 'company'),
        segment: field(item, 'segment'),
      },
      (t) => parseAmount(t),
    );
  }

  const matchesHost = (url: URL) => url.origin === origin.origin;

  return {
    id: customCrmId(mapping),
    label: mapping.label ?? origin.hostname,
    // Match patterns carry no port: the pattern covers the host, matchesHost checks the exact origin.
    hostPatterns: [`${origin.protocol}//${origin.hostname}/*`],
    matchesHost,
    matchPage(url) {
      if (!matchesHost(url)) return null;
      if (mapping.pathPrefix && !url.pathname.startsWith(mapping.pathPrefix)) return null;
      return {
        kind: mapping.kind,
        objectType: mapping.objectType,
        crmObject: mapping.objectType,
        ...(mapping.kind === 'record' ? { recordId: pathIdentity(url) } : {}),
      };
    },
    findItems(root, page) {
      const items = shownByMarkup(safeQueryAll(root, mapping.item));
      return page.kind === 'record' ? items.slice(0, 1) : items;
    },
    extract,
    badgeAnchor: (item) => queryFirst(item, [mapping.fields.name]),
    checkHealth: (root) =>
      safeQueryAll(root, mapping.item).length > 0 ? { ok: true } : { ok: false, missing: ['item'] },
  };
}
