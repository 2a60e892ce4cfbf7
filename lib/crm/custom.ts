/**
 * The adapter for any other CRM, driven by a user's CrmMapping. Identity still never comes from
 * text the CRM shows as content: the record link's URL (hash route included), an id attribute on
 * the item, an element the user picked as the id, or on a record page the page URL.
 */

import { markedOutcome } from '../overlay/stages';
import { parseAmount } from './amount';
import { parseCrmDate } from './date';
import {
  absoluteHref,
  collapse,
  displayedValue,
  present,
  queryFirst,
  safeQueryAll,
  shownByMarkup,
} from './dom';
import { type CrmMapping, customCrmId } from './mapping';
import type { CrmAdapter, ExtractResult, PageMatch } from './types';
import { toSighting } from './types';

/** The route in a URL's hash (`#/contacts/192/show`, `#!/deal/7`), or '' for an in-page anchor. */
export function hashRoute(url: URL): string {
  return /^#!?\//.test(url.hash) ? url.hash : '';
}

/**
 * A record's identity from its URL. Single-page apps with hash routes keep the record in the hash:
 * every `/#/contacts/192/show` has the path `/`, so without the hash all rows would be one lead.
 */
export function pathIdentity(url: URL): string {
  const route = hashRoute(url);
  if (route) return `${url.pathname}${route}`.slice(0, 200);
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

/** A value shown only as a tooltip or label: a status dot, an icon chip. */
const LABEL_ATTRIBUTES = ['title', 'aria-label', 'data-tooltip', 'data-title', 'data-original-title'];

/** The text a field shows, or for an element with no text (a coloured dot) its tooltip or label. */
export function fieldText(el: Element | null): string | undefined {
  if (!el) return undefined;
  const shown = present(displayedValue(el));
  if (shown) return shown;
  for (const attr of LABEL_ATTRIBUTES) {
    const value = present(collapse(el.getAttribute(attr) ?? ''));
    if (value) return value.slice(0, 200);
  }
  // The label may sit on a child (an <svg><title>, an <i title>), or be named by aria-labelledby.
  const labelled = el.querySelector('[title], [aria-label]');
  if (labelled) return fieldText(labelled);
  const by = el.getAttribute('aria-labelledby');
  const named = by ? el.ownerDocument.getElementById(by.split(/\s+/)[0] ?? '') : null;
  return named ? present(displayedValue(named)) : undefined;
}

export function createCustomAdapter(mapping: CrmMapping): CrmAdapter {
  const origin = new URL(mapping.origin);
  const field = (item: Element, key: keyof CrmMapping['fields']): string | undefined => {
    const selector = mapping.fields[key];
    return selector ? fieldText(queryFirst(item, [selector])) : undefined;
  };
  const column = mapping.stageColumn;
  const stageOf = (item: Element): string | undefined => {
    const own = field(item, 'stage');
    if (own || !column) return own;
    const col = item.parentElement?.closest(column.column);
    return col ? fieldText(queryFirst(col, [column.heading])) : undefined;
  };

  /** The named fields' values on a row; fields the row does not show are left out. */
  const customValues = (item: Element): Record<string, string> | undefined => {
    const entries = (mapping.custom ?? []).flatMap(({ name, selector }) => {
      const value = fieldText(queryFirst(item, [selector]));
      return value ? [[name, value] as const] : [];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };

  function extract(item: Element, page: PageMatch, url: URL): ExtractResult {
    let externalId: string | null = null;
    let recordUrl = url.href;
    if (page.kind === 'record') {
      externalId = pathIdentity(url);
      recordUrl = `${url.origin}${url.pathname}${url.search}${hashRoute(url)}`;
    } else {
      const link = absoluteHref(linkOf(item, mapping.fields.link)?.getAttribute('href'), url);
      const picked = field(item, 'id');
      const attr = mapping.idAttribute ? item.getAttribute(mapping.idAttribute)?.trim() : undefined;
      if (picked) externalId = `id:${picked}`.slice(0, 200);
      else if (attr) externalId = attr.slice(0, 200);
      else if (link && link.origin === url.origin) externalId = pathIdentity(link);
      if (link) recordUrl = link.href;
    }
    if (!externalId) return { ok: false, reason: 'no record link or id attribute on this item' };
    const created = field(item, 'created');
    const close = field(item, 'close');
    const stage = stageOf(item);
    return toSighting(
      { crm: customCrmId(mapping), objectType: page.objectType, externalId, url: recordUrl },
      {
        name: field(item, 'name') ?? '',
        stage,
        amountText: field(item, 'amount'),
        owner: field(item, 'owner'),
        channel: field(item, 'channel'),
        email: field(item, 'email'),
        company: field(item, 'company'),
        segment: field(item, 'segment'),
        status: field(item, 'status'),
        createdDate: created ? parseCrmDate(created) : undefined,
      },
      (t) => {
        // A symbol or code in the text wins; a bare number is in the mapping's currency, if it names one.
        const money = parseAmount(t);
        return money && !money.currency && mapping.defaultCurrency
          ? { ...money, currency: mapping.defaultCurrency }
          : money;
      },
      {
        closeDate: close ? parseCrmDate(close) : undefined,
        outcome: markedOutcome(stage, mapping.stageOutcomes),
        custom: customValues(item),
      },
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
      if (mapping.hashPrefix && !hashRoute(url).startsWith(mapping.hashPrefix)) return null;
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
