import { afterEach, describe, expect, it } from 'vitest';
import { isOwnElement, removeAllBadges, renderLeadBadge } from '../../../components/overlay/badge-host';

describe('lead badge host', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('draws one badge per anchor in a shadow root, updates it in place and removes it', () => {
    const cell = document.createElement('td');
    cell.textContent = 'Deal <b>name</b>';
    document.body.append(cell);
    renderLeadBadge(cell, { tier: 'A', share: '18% of Q3 gap', title: '<img src=x onerror=alert(1)>' });
    renderLeadBadge(cell, { tier: 'B', days: '3d', title: 'Tier B' });
    const hosts = cell.querySelectorAll('pacer-lead-badge');
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(isOwnElement(host)).toBe(true);
    expect(cell.firstElementChild).toBe(host);
    const badge = host.shadowRoot?.querySelector('[data-testid="pacer-badge"]');
    expect(badge?.textContent).toBe('B3d');
    expect(badge?.getAttribute('title')).toBe('Tier B');
    expect(cell.textContent).toBe('Deal <b>name</b>');
    removeAllBadges(document);
    expect(cell.querySelectorAll('pacer-lead-badge')).toHaveLength(0);
  });

  it('keeps page text as text (a title is never parsed as HTML)', () => {
    const cell = document.createElement('div');
    document.body.append(cell);
    renderLeadBadge(cell, { tier: 'C', title: '<img src=x>' });
    const root = cell.querySelector('pacer-lead-badge')?.shadowRoot;
    expect(root?.querySelector('img')).toBeNull();
    expect(root?.querySelector('[title]')?.getAttribute('title')).toBe('<img src=x>');
  });
});
