// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settings } from '../../../components/app/session';
import { TeamSetupForm } from '../../../components/options/team-setup-form';
import { NOT_ADMIN } from '../../../lib/team/setup';

afterEach(() => {
  render(null, document.body);
  vitest.restoreAllMocks();
  fakeBrowser.reset();
});

const $ = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function type(id: string, value: string) {
  const input = $(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Fills the form, submits it and returns what it then says (the done line or the error). */
async function submit(team = 'sales'): Promise<string | null | undefined> {
  await act(async () => render(<TeamSetupForm />, document.body));
  await act(async () => {
    type('team-setup-server', 'https://couch.example.com');
    type('team-setup-team', team);
    type('team-setup-admin', 'admin');
    type('team-setup-password', 'secret');
  });
  await act(async () => {
    ($('team-setup-form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return ($('team-setup-done') ?? $('team-setup-error'))?.textContent;
}

describe('options › Team › set up a team database', () => {
  it('asks for the server in the click, then sends the set-up and says what was done', async () => {
    const request = vitest.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const send = vitest
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, data: { team: 'sales', created: false, signedOut: true } });
    expect(await submit()).toBe(
      '“sales” existed; its members and rules are updated. Its data is unchanged. Signing in as the admin ended this browser’s team session on that server: type your password under Team to sign in again.',
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://couch.example.com/*'] });
    expect(send).toHaveBeenCalledWith({
      type: 'team/setup',
      serverUrl: 'https://couch.example.com',
      team: 'sales',
      name: 'admin',
      password: 'secret',
    });
    expect(($('team-setup-password') as HTMLInputElement).value).toBe('');
  });

  it('names a bad team name before asking the browser or the server anything', async () => {
    const request = vitest.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await submit('Sales Team')).toMatch(/^“Sales Team” cannot be a team database name/);
    expect(request).not.toHaveBeenCalled();
  });

  it("says plainly, in the page's language, when the account is not a server admin", async () => {
    vitest.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    vitest.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: NOT_ADMIN });
    expect(await submit()).toBe(NOT_ADMIN);
    const before = settings.value;
    settings.value = { ...before, locale: 'vi' };
    try {
      expect(await submit()).toBe(
        'Tài khoản này không phải quản trị viên máy chủ; chỉ quản trị viên máy chủ mới tạo được cơ sở dữ liệu nhóm.',
      );
    } finally {
      settings.value = before;
    }
  });

  it('stops when the browser does not grant the server', async () => {
    vitest.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const send = vitest.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await submit()).toBe(
      'Pacer needs permission to reach https://couch.example.com to set up the team. Try again and allow it.',
    );
    expect(send).not.toHaveBeenCalled();
  });
});
