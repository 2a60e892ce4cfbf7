// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmSection } from '../../../components/options/crm-section';

afterEach(() => {
  render(null, document.body);
  vitest.restoreAllMocks();
  fakeBrowser.reset();
});

/** Clicks HubSpot's "Enable" and returns the options page's message once the click has settled. */
async function enableHubSpot(): Promise<string | null | undefined> {
  await act(async () => render(<CrmSection />, document.body));
  const button = document.querySelector<HTMLButtonElement>('[data-testid="crm-toggle-hubspot"]');
  expect(button).not.toBeNull();
  await act(async () => {
    button!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return document.querySelector('[data-testid="crm-message"]')?.textContent;
}

describe('options › CRM: permission requests', () => {
  it('shows the error when the browser cannot make the request (issue 20: it was swallowed)', async () => {
    vitest
      .spyOn(fakeBrowser.permissions, 'request')
      .mockRejectedValue(new Error('https://*.hubspot.com/* must be listed in the manifest'));
    expect(await enableHubSpot()).toBe(
      'The browser could not ask for access to HubSpot: https://*.hubspot.com/* must be listed in the manifest',
    );
  });

  it('says the browser did not grant access when the user says no', async () => {
    vitest.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await enableHubSpot()).toBe('The browser did not grant access to HubSpot.');
  });
});
