/**
 * Fixture loading for the CRM adapter tests. happy-dom's DOMParser does not attach declarative
 * shadow roots (`<template shadowrootmode="open">`), so this does what the browser's parser does:
 * attach each one to its parent, move the template's content in, and recurse into the new root.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(__dirname, '../../fixtures/crm');

export function attachDeclarativeShadowRoots(root: Document | ShadowRoot | DocumentFragment): void {
  for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append((template as HTMLTemplateElement).content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** Load `tests/fixtures/crm/<relativePath>` into a fresh Document. */
export function loadFixture(relativePath: string): Document {
  return parseHtml(readFileSync(join(FIXTURES_DIR, relativePath), 'utf8'));
}

export function fixtureFiles(crm: string): string[] {
  return readdirSync(join(FIXTURES_DIR, crm)).filter((f) => f.endsWith('.html'));
}
