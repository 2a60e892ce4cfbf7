import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrmMapping } from '../../../lib/crm/mapping';
import { adapterForUrl, BUILT_IN_ADAPTERS, builtInHostPatterns } from '../../../lib/crm/registry';
import { CRM_IDS } from '../../../lib/schema/lead';
import { FIXTURES_DIR, fixtureFiles } from './load-fixture';

const MAPPING: CrmMapping = {
  version: 1,
  origin: 'https://crm.banhang.example',
  kind: 'list',
  objectType: 'lead',
  item: 'li',
  fields: { name: 'h3' },
  createdAt: 0,
};

describe('adapter registry', () => {
  it('has one adapter per built-in CrmId, in the schema order', () => {
    expect(BUILT_IN_ADAPTERS.map((a) => a.id)).toEqual([...CRM_IDS]);
  });

  // Adding a CRM touches its adapter, the registry, its fixtures and its test: this keeps that true.
  it.each([...BUILT_IN_ADAPTERS.map((a) => a.id as string), 'custom'])(
    '%s has a fixture folder with dated pages and a test file',
    (id) => {
      const files = fixtureFiles(id);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(file).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.html$/);
      expect(existsSync(join(__dirname, `${id}.test.ts`))).toBe(true);
      expect(existsSync(join(FIXTURES_DIR, id))).toBe(true);
    },
  );

  it('declares valid match patterns', () => {
    for (const pattern of builtInHostPatterns()) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    }
    expect(builtInHostPatterns()).toContain('https://*.hubspot.com/*');
    expect(builtInHostPatterns()).toContain('https://crm.zoho.eu/*');
  });

  it('lists every Salesforce host as an optional host permission, so enabling Salesforce can ask for it', () => {
    const config = readFileSync(join(__dirname, '../../../wxt.config.ts'), 'utf8');
    const salesforce = BUILT_IN_ADAPTERS.find((a) => a.id === 'salesforce')!;
    expect(salesforce.hostPatterns).toContain('https://*.lightning.force.mil/*');
    for (const pattern of salesforce.hostPatterns) expect(config).toContain(`'${pattern}'`);
  });

  it.each([
    ['https://app-eu1.hubspot.com/contacts/1/record/0-1/2', 'hubspot'],
    ['https://acme.lightning.sfcrmproducts.cn/lightning/page/home', 'salesforce'],
    ['https://acme.lightning.force.com/lightning/page/home', 'salesforce'],
    ['https://saigontech.pipedrive.com/settings', 'pipedrive'],
    ['https://crm.zoho.in/crm/org1/tab/Leads', 'zoho'],
    ['https://crm.banhang.example/anything', 'custom:https://crm.banhang.example'],
    ['https://example.com/', null],
  ])('adapterForUrl(%s) → %s', (href, expected) => {
    expect(adapterForUrl(new URL(href), [MAPPING])?.id ?? null).toBe(expected);
  });
});
