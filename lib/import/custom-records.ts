import { hashRoute, pathIdentity } from '../crm/custom';
import { type CrmMapping, customCrmId } from '../crm/mapping';
import type { LeadObjectType } from './column-aliases';

/**
 * "Other CRM" imports: rows of a CSV from a CRM the user mapped by pointing become the same lead
 * records the custom adapter (lib/crm/custom.ts) reads off its pages. The page names a record by
 * its link (`/#/contacts/192/show`), an id attribute (`deal-1000`) or a picked id element
 * (`id:A-17`); an export has only the bare id (192). A record template — the page's identity with
 * `{id}` where the export's id goes — joins the two.
 */

export const ID_SLOT = '{id}';

export interface CustomRecordTarget {
  /** The mapped CRM's origin, e.g. http://127.0.0.1:5173 — the lead ids are `custom:<origin>:…`. */
  origin: string;
  /**
   * A record link with `{id}` (`http://127.0.0.1:5173/#/contacts/{id}/show`) when the pages name
   * records by their links, or the id attribute's value with `{id}` (`deal-{id}`, `id:{id}`).
   */
  template: string;
}

export type TemplateProblem = 'missing-slot' | 'other-origin' | 'not-a-url';

/** What is wrong with a template for this origin, or null when it can be used. */
export function templateProblem(target: CustomRecordTarget): TemplateProblem | null {
  const { template, origin } = target;
  if (!template.includes(ID_SLOT)) return 'missing-slot';
  if (!/^https?:\/\//i.test(template)) return null;
  let url: URL;
  try {
    url = new URL(template.replace(ID_SLOT, '1'));
  } catch {
    return 'not-a-url';
  }
  return url.origin === origin ? null : 'other-origin';
}

/** The external id and link of one exported record, the way the page reads the same record. */
export function customRecord(target: CustomRecordTarget, rawId: string): { externalId: string; url: string } {
  // Ids go into a link: encode what would change the route, keep what ids are usually made of.
  const id = encodeURIComponent(rawId.trim()).replace(/%3A/gi, ':').replace(/%40/g, '@');
  const filled = target.template.split(ID_SLOT).join(id);
  if (/^https?:\/\//i.test(filled)) {
    const url = new URL(filled);
    return {
      externalId: pathIdentity(url),
      url: `${url.origin}${url.pathname}${url.search}${hashRoute(url)}`,
    };
  }
  return { externalId: filled.slice(0, 200), url: `${target.origin}/` };
}

/** The CrmId imported rows are stored under. */
export const customTargetCrm = (target: Pick<CustomRecordTarget, 'origin'>) => customCrmId(target);

/**
 * A template from the leads Pacer already read on the mapped pages: their external ids with the
 * last run of digits replaced by `{id}`, the most common shape winning (`/#/contacts/192/show` and
 * `/#/contacts/205/show` → `<origin>/#/contacts/{id}/show`). Null when no two leads agree.
 */
export function inferTemplate(
  origin: string,
  leads: readonly { crm: string; objectType: string; externalId: string }[],
  objectType?: LeadObjectType,
): string | null {
  const crm = customCrmId({ origin });
  const counts = new Map<string, number>();
  for (const lead of leads) {
    if (lead.crm !== crm || (objectType && lead.objectType !== objectType)) continue;
    const shape = lead.externalId.replace(/\d+(?!.*\d)/, ID_SLOT);
    if (shape === lead.externalId) continue;
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best || best[1] < 2) return null;
  return best[0].startsWith('/') ? `${origin}${best[0]}` : best[0];
}

/**
 * A starting template from the mapping alone, before any page was read: the id attribute's value,
 * a picked id element's `id:` prefix, or a link under the mapping's route for the user to check.
 */
export function templateFromMapping(
  mapping: Pick<CrmMapping, 'origin' | 'idAttribute' | 'fields' | 'hashPrefix' | 'pathPrefix'>,
): string {
  if (mapping.fields.id) return `id:${ID_SLOT}`;
  if (mapping.idAttribute) return ID_SLOT;
  const route = mapping.hashPrefix
    ? `/${mapping.hashPrefix.replace(/\/+$/, '')}/${ID_SLOT}`
    : `${(mapping.pathPrefix ?? '').replace(/\/+$/, '')}/${ID_SLOT}`;
  return `${mapping.origin}${route}`;
}
