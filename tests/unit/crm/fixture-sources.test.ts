/**
 * Every fixture page of a built-in CRM says where its markup comes from: a comment right after the
 * doctype lists, per selector family, the public source it mirrors (owner/repo path (yyyy-mm-dd)) or
 * "unverified". A fixture written from a guess must say so, so nobody mistakes it for the live site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTORS as HUBSPOT } from '../../../lib/crm/hubspot';
import { SELECTORS as PIPEDRIVE } from '../../../lib/crm/pipedrive';
import { SELECTORS as SALESFORCE } from '../../../lib/crm/salesforce';
import { SELECTORS as ZOHO } from '../../../lib/crm/zoho';
import { FIXTURES_DIR, fixtureFiles } from './load-fixture';

const FAMILIES: Record<string, readonly string[]> = {
  hubspot: Object.keys(HUBSPOT),
  salesforce: Object.keys(SALESFORCE),
  pipedrive: Object.keys(PIPEDRIVE),
  zoho: Object.keys(ZOHO),
};

/** A cited source: "owner/repo path/to/file (2026-09-03)", an optional note in parentheses after it. */
const SOURCE = /^[\w.-]+\/[\w.-]+ \S.* \(\d{4}-\d{2}-\d{2}\)(?: \(.+\))?$/;
const UNVERIFIED = /^unverified(?: \(.+\))?$/;

interface SourcesHeader {
  families: Map<string, string[]>;
}

/** The families and their sources, or an error saying what is wrong with the header. */
function parseSourcesHeader(html: string): SourcesHeader | { error: string } {
  const match = /^<!DOCTYPE html>\s*<!-- Sources, per selector family[^\n]*\n([\s\S]*?)-->/i.exec(html);
  if (!match) return { error: 'no "Sources, per selector family" comment right after the doctype' };
  const families = new Map<string, string[]>();
  for (const raw of match[1]!.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const entry = /^(\w+): (.+)$/.exec(line);
    if (!entry) return { error: `not "family: source": ${line}` };
    const sources = entry[2]!.split('; ');
    const bad = sources.find((s) => !SOURCE.test(s) && !UNVERIFIED.test(s));
    if (bad) return { error: `${entry[1]}: neither a dated source nor "unverified": ${bad}` };
    families.set(entry[1]!, sources);
  }
  if (families.size === 0) return { error: 'the Sources comment lists no selector family' };
  return { families };
}

describe('fixture source headers', () => {
  const cases = Object.keys(FAMILIES).flatMap((crm) => fixtureFiles(crm).map((file) => [crm, file] as const));

  it.each(cases)('%s/%s names a source or "unverified" per selector family', (crm, file) => {
    const header = parseSourcesHeader(readFileSync(join(FIXTURES_DIR, crm, file), 'utf8'));
    if ('error' in header) throw new Error(`${crm}/${file}: ${header.error}`);
    for (const family of header.families.keys()) {
      // A family is one of the adapter's selector groups (or the URL rules): a typo cannot pass.
      expect([...FAMILIES[crm]!, 'url']).toContain(family);
    }
  });

  it.each([
    ['no header', '<!DOCTYPE html>\n<html></html>', /no "Sources/],
    [
      'an undated source',
      '<!DOCTYPE html>\n<!-- Sources, per selector family:\n  table: a/b c.js\n-->',
      /neither/,
    ],
    ['an empty list', '<!DOCTYPE html>\n<!-- Sources, per selector family:\n-->', /no selector family/],
    ['a loose line', '<!DOCTYPE html>\n<!-- Sources, per selector family:\n  just words\n-->', /not "family/],
  ])('rejects %s', (_, html, error) => {
    const header = parseSourcesHeader(html);
    expect('error' in header && header.error).toMatch(error);
  });

  it('accepts dated sources, notes and "unverified"', () => {
    const header = parseSourcesHeader(
      '<!DOCTYPE html>\n<!-- Sources, per selector family (dates…):\n  table: a/b src/x.js (2026-01-02); unverified (why)\n  row: a/b y.html (2025-01-01) (note)\n-->',
    );
    expect('families' in header && [...header.families.keys()]).toEqual(['table', 'row']);
  });
});
