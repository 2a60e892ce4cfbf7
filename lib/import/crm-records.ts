import type { BuiltinCrm, LeadObjectType } from './column-aliases';

/**
 * CRM record identity for imported rows. A lead read from a CSV must get the same id as the same
 * record seen on the CRM's page (`${crm}:${objectType}:${externalId}`), so export ids are brought to
 * the form the CRM's URLs use.
 */

const SF_CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce reports export 15-character, case-sensitive ids; URLs and the API use the 18-character
 * form, whose last 3 characters encode which of the first 15 are upper case.
 */
export function salesforceId18(id: string): string {
  if (!/^[a-zA-Z0-9]{15}$/.test(id)) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SF_CHECKSUM[bits];
  }
  return id + suffix;
}

export function normalizeExternalId(crm: BuiltinCrm, raw: string): string {
  const id = raw.trim();
  switch (crm) {
    case 'salesforce':
      return salesforceId18(id);
    case 'zoho':
      // Zoho exports write ids as "zcrm_4876876000000123456"; its URLs carry the number alone.
      return id.replace(/^zcrm_/i, '');
    default:
      return id;
  }
}

export interface CrmLinkOptions {
  /** The account's own CRM address, e.g. https://acme.my.salesforce.com or https://crm.zoho.eu. */
  crmOrigin?: string;
  /** HubSpot record URLs contain the portal (account) id, which exports do not. */
  hubspotPortalId?: string;
}

const HUBSPOT_OBJECT: Partial<Record<LeadObjectType, string>> = {
  contact: '0-1',
  company: '0-2',
  deal: '0-3',
};
const SALESFORCE_OBJECT: Partial<Record<LeadObjectType, string>> = {
  lead: 'Lead',
  contact: 'Contact',
  account: 'Account',
  opportunity: 'Opportunity',
};
const PIPEDRIVE_PATH: Partial<Record<LeadObjectType, string>> = {
  deal: 'deal',
  person: 'person',
  company: 'organization',
  lead: 'leads/inbox',
};
const ZOHO_MODULE: Partial<Record<LeadObjectType, string>> = {
  lead: 'Leads',
  contact: 'Contacts',
  deal: 'Deals',
  account: 'Accounts',
};

/**
 * A link that opens the record. CSV exports carry no URL, so it is built from the id; where the CRM
 * needs an account-specific part that the export lacks, the link falls back to one that redirects
 * after login (Salesforce, Pipedrive) or to the CRM's home.
 */
export function crmRecordUrl(
  crm: BuiltinCrm,
  objectType: LeadObjectType,
  externalId: string,
  options: CrmLinkOptions = {},
): string {
  const id = encodeURIComponent(externalId);
  const origin = options.crmOrigin?.replace(/\/+$/, '');
  switch (crm) {
    case 'hubspot': {
      const object = HUBSPOT_OBJECT[objectType];
      if (options.hubspotPortalId && object) {
        return `https://app.hubspot.com/contacts/${encodeURIComponent(options.hubspotPortalId)}/record/${object}/${id}`;
      }
      return 'https://app.hubspot.com/';
    }
    case 'salesforce': {
      const object = SALESFORCE_OBJECT[objectType];
      if (origin && object) return `${origin}/lightning/r/${object}/${id}/view`;
      return `https://login.salesforce.com/${id}`;
    }
    case 'pipedrive':
      return `${origin ?? 'https://app.pipedrive.com'}/${PIPEDRIVE_PATH[objectType] ?? 'deal'}/${id}`;
    case 'zoho':
      return `${origin ?? 'https://crm.zoho.com'}/crm/tab/${ZOHO_MODULE[objectType] ?? 'Leads'}/${id}`;
  }
}
