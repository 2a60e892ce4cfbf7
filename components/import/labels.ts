import type { MessageKey, Translator } from '../../lib/i18n/translate';
import {
  type BuiltinCrm,
  IMPORT_PROFILES,
  type ImportField,
  type ImportProfile,
  OTHER_CRM_PROFILE,
} from '../../lib/import/column-aliases';
import type { Delimiter } from '../../lib/import/sniff';

/** UI names for what the import library knows by id: fields, profiles (kinds of file), separators. */

export const CRM_NAMES: Record<BuiltinCrm, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
};

export const fieldLabel = (t: Translator, field: ImportField): string =>
  t(`csv.field.${field}` as MessageKey);

export function profileLabel(t: Translator, profile: ImportProfile): string {
  if (profile.id === OTHER_CRM_PROFILE.id) return t('crmdata.otherCrm');
  if (profile.crm && profile.objectType) {
    return t('csv.crmExport', {
      crm: CRM_NAMES[profile.crm],
      object: t(`csv.object.${profile.objectType}` as MessageKey),
    });
  }
  return t(`csv.kind.${profile.kind}` as MessageKey);
}

export const PROFILES: readonly ImportProfile[] = IMPORT_PROFILES;

export const DELIMITER_LABELS: Record<Delimiter, MessageKey> = {
  ',': 'csv.delimiter.comma',
  ';': 'csv.delimiter.semicolon',
  '\t': 'csv.delimiter.tab',
  '|': 'csv.delimiter.pipe',
};
