import { describe, expect, it } from 'vitest';
import { applyBadge } from '../../../lib/background/badge';
import {
  createLogSelectionMenu,
  LOG_SELECTION_MENU,
  pathForSelection,
} from '../../../lib/background/context-menu';
import {
  handleNotificationClick,
  type KeyValueStore,
  type NotificationsApi,
  showOnce,
} from '../../../lib/background/notifications';
import { enter, type OmniboxDeps, suggest } from '../../../lib/background/omnibox';
import { notifyNewAlerts, runCheckInReminder } from '../../../lib/background/reminders';
import { createTranslator } from '../../../lib/i18n/translate';
import { CHECK_IN_ALARM, notificationId } from '../../../lib/popup/reminder-schedule';
import { defaultSettings } from '../../../lib/schema';
import { goalView, metric, VND } from './fixtures';

const en = createTranslator('en');

function fakes() {
  const data = new Map<string, unknown>();
  const store: KeyValueStore = {
    get: async (k) => data.get(k),
    set: async (k, v) => {
      data.set(k, structuredClone(v));
    },
  };
  const shown: { id: string; message: string }[] = [];
  const notifications: NotificationsApi = {
    create: async (id, o) => {
      shown.push({ id, message: o.message });
      return id;
    },
    clear: async () => true,
  };
  const alarms: { name: string; when?: number }[] = [];
  const alarmsApi = {
    create: (name: string, info: { when?: number }) => {
      alarms.push({ name, when: info.when });
    },
    clear: async () => true,
  };
  return { store, shown, notifications, alarms, alarmsApi };
}

describe('applyBadge', () => {
  it('sets text, colour and tooltip from goal statuses, ignoring milestones', async () => {
    const calls: Record<string, unknown> = {};
    const api = {
      setBadgeText: async (d: { text: string }) => {
        calls.text = d.text;
      },
      setBadgeBackgroundColor: async (d: { color: string }) => {
        calls.color = d.color;
      },
      setTitle: async (d: { title: string }) => {
        calls.title = d.title;
      },
    };
    await applyBadge(
      api,
      [
        goalView('a', { status: 'off_track' }),
        goalView('m', { status: 'off_track', kind: 'milestone' }),
        goalView('b'),
      ],
      en,
    );
    expect(calls).toEqual({ text: '1', color: '#b3261e', title: 'Pacer — 1 off track, 1 on track' });
  });
});

describe('notifications', () => {
  it('shows a key once, even across calls', async () => {
    const f = fakes();
    const n = { key: 'alert:a', target: { kind: 'goal' as const, goalId: 'g1' }, title: 'T', message: 'M' };
    expect(await showOnce(f.notifications, f.store, [n, n], 1)).toEqual(['alert:a']);
    expect(await showOnce(f.notifications, f.store, [n], 2)).toEqual([]);
    expect(f.shown).toHaveLength(1);
  });

  it('opens the goal in the new tab, and the popup page in a tab when openPopup fails', async () => {
    const opened: string[] = [];
    const deps = {
      clear: async () => true,
      openPopup: async () => {
        throw new Error('no window');
      },
      openTab: async (p: string) => void opened.push(p),
    };
    expect(
      await handleNotificationClick(notificationId('alert:a', { kind: 'goal', goalId: 'g1' }), deps),
    ).toBe('newtab.html#goal=g1');
    expect(
      await handleNotificationClick(notificationId('check-in:x', { kind: 'popup', view: 'check-in' }), deps),
    ).toBe('popup.html#check-in');
    expect(opened).toEqual(['newtab.html#goal=g1', 'popup.html#check-in']);
    expect(await handleNotificationClick('other-extension', deps)).toBeNull();
    const viaPopup = await handleNotificationClick(notificationId('k', { kind: 'popup', view: 'home' }), {
      ...deps,
      openPopup: async () => {},
    });
    expect(viaPopup).toBe('popup');
  });
});

describe('reminders', () => {
  const settings = defaultSettings({ timeZone: 'Asia/Ho_Chi_Minh' }); // Friday 16:00, quiet 21 → 8
  const fri17 = Date.UTC(2026, 10, 20, 10, 0);
  const fri22 = Date.UTC(2026, 10, 20, 15, 0);

  it('notifies a due check-in once and sets the next alarm', async () => {
    const f = fakes();
    const deps = { alarms: f.alarmsApi, notifications: f.notifications, store: f.store, t: en };
    expect(await runCheckInReminder(deps, settings, fri17, null, 3)).toBe('notified');
    expect(f.shown[0]?.message).toBe('3 goals are waiting for their check-in');
    expect(f.alarms.at(-1)).toEqual({ name: CHECK_IN_ALARM, when: Date.UTC(2026, 10, 27, 9, 0) });
    expect(await runCheckInReminder(deps, settings, fri17 + 60_000, null, 3)).toBe('scheduled');
    expect(f.shown).toHaveLength(1);
  });

  it('does not remind again when a settings change moves the same unanswered check-in to another day', async () => {
    const f = fakes();
    const deps = { alarms: f.alarmsApi, notifications: f.notifications, store: f.store, t: en };
    expect(await runCheckInReminder(deps, settings, fri17, null, 2)).toBe('notified');
    // The user moves the reminder to Thursday: the latest occurrence is now yesterday, a new key.
    const thursday = { ...settings, checkIn: { ...settings.checkIn, weekday: 4 } };
    expect(await runCheckInReminder(deps, thursday, fri17 + 60_000, null, 2)).toBe('scheduled');
    expect(f.shown).toHaveLength(1);
    // A check-in saved after the reminder, then the next week's occurrence: reminded again.
    const nextThu17 = fri17 + 6 * 86_400_000;
    expect(await runCheckInReminder(deps, thursday, nextThu17, fri17 + 120_000, 2)).toBe('notified');
    expect(f.shown).toHaveLength(2);
  });

  it('defers a check-in in quiet hours to 08:00 and skips one already done', async () => {
    const f = fakes();
    const deps = { alarms: f.alarmsApi, notifications: f.notifications, store: f.store, t: en };
    expect(await runCheckInReminder(deps, settings, fri22, null, 1)).toBe('deferred');
    expect(f.alarms.at(-1)).toEqual({ name: CHECK_IN_ALARM, when: Date.UTC(2026, 10, 21, 1, 0) });
    expect(await runCheckInReminder(deps, settings, fri17, fri17 - 1000, 1)).toBe('scheduled');
    expect(f.shown).toHaveLength(0);
  });

  it('notifies new alerts outside quiet hours only, never example data, never twice', async () => {
    const f = fakes();
    const deps = { notifications: f.notifications, store: f.store, t: en };
    const alerts = [
      { id: 'a1', severity: 'critical' as const, message: 'Revenue off pace', goalId: 'g1' },
      { id: 'a2', severity: 'warning' as const, message: 'Example', goalId: 'ex-goal' },
    ];
    expect(await notifyNewAlerts(deps, alerts, settings, fri22)).toEqual([]);
    expect(await notifyNewAlerts(deps, alerts, settings, fri17)).toEqual(['alert:a1']);
    expect(await notifyNewAlerts(deps, alerts, settings, fri17 + 1)).toEqual([]);
    expect(f.shown.map((s) => s.id)).toEqual([notificationId('alert:a1', { kind: 'goal', goalId: 'g1' })]);
  });
});

describe('omnibox and context menu', () => {
  const METRICS = [metric('rev', 'Revenue', { unit: VND }), metric('leads', 'Leads')];
  const make = () => {
    const log: string[] = [];
    const deps: OmniboxDeps = {
      metrics: async () => METRICS,
      recent: async () => [],
      t: async () => en,
      save: async (m, v) => void log.push(`save ${m.id} ${v}`),
      openPath: async (p) => void log.push(`open ${p}`),
      confirm: async (msg) => void log.push(`confirm ${msg}`),
    };
    return { deps, log };
  };

  it('suggests “Log ₫12,000,000 to Revenue” with escaped markup', async () => {
    const { deps } = make();
    const r = await suggest('rev 12tr', deps);
    expect(r.suggestions[0]).toEqual({
      content: 'Revenue 12tr',
      description: 'Log ₫12,000,000 to <match>Revenue</match>',
    });
    // The default line says what Enter does with the text as typed; the help shows for no text.
    expect(r.defaultDescription).toBe('Log ₫12,000,000 to <match>Revenue</match>');
    expect((await suggest('', deps)).defaultDescription).toContain('&lt;KPI&gt;');
  });

  // Issue 19, item 6: the address bar announced "Log ₫1,200 to Revenue" for "rev 1.200" while Enter
  // opened the popup to ask, and "Log ₫1 to Revenue" for a typed 1.2. Same inputs through both paths.
  it.each([
    ['rev 12tr', 'saved', /^Log ₫12,000,000 to <match>Revenue<\/match>$/],
    ['rev 1.200', 'opened', /Does “1\.200” mean 1\.2 or 1200\?.*Enter opens Pacer to choose/],
    ['rev 1.5', 'opened', /₫1\.5\? Amounts in VND have no decimals\. Enter opens Pacer to choose/],
    ['leads -3', 'opened', /-3\? This KPI counts things, and counts are not negative\. Enter opens/],
    ['leads 2.5', 'opened', /2\.5\? This KPI counts things, and counts are whole numbers/],
    ['leads 1,500', 'saved', /^Log 1,500 to <match>Leads<\/match>$/],
    ['leads abc', 'opened', /Enter opens Pacer to finish: “abc” is not a number/],
    ['zzz 5', 'opened', /no KPI matches “zzz”/],
    ['leads', 'opened', /Log to <match>Leads<\/match>: type a value/],
  ])('“%s”: the suggestion and Enter agree (%s)', async (text, outcome, line) => {
    const { deps, log } = make();
    const r = await suggest(text, deps);
    expect(r.defaultDescription).toMatch(line);
    expect(await enter(text, 'currentTab', deps, 5)).toBe(outcome);
    // A line that promises "Log …" is exactly what Enter saves; any other line opens the popup.
    expect(r.defaultDescription.startsWith('Log ') && !r.defaultDescription.includes('type a value')).toBe(
      outcome === 'saved',
    );
    if (outcome === 'saved')
      expect(log[1]).toBe(
        `confirm ${r.defaultDescription.replace(/<\/?match>/g, '').replace(/^Log (.*) to (.*)$/, 'Saved $1 to $2.')}`,
      );
    // Each row, picked, is entered with its own text: its line and Enter agree too.
    for (const row of r.suggestions) {
      const rowLog = make();
      const done = await enter(row.content, 'currentTab', rowLog.deps, 5);
      expect(done === 'saved').toBe(
        row.description.startsWith('Log ') && !row.description.includes('type a value'),
      );
    }
  });

  it('saves a clear entry and opens the popup for an unclear one', async () => {
    const { deps, log } = make();
    expect(await enter('revenue 12tr', 'currentTab', deps, 5)).toBe('saved');
    expect(await enter('leads abc', 'currentTab', deps, 5)).toBe('opened');
    expect(log).toEqual([
      'save rev 12000000',
      'confirm Saved ₫12,000,000 to Revenue.',
      'open popup.html?metric=leads&value=abc',
    ]);
  });

  it('creates one selection menu and prefills the popup with the selected number', async () => {
    const made: unknown[] = [];
    await createLogSelectionMenu(
      { create: (p) => made.push(p), removeAll: async () => void made.splice(0) },
      en,
    );
    expect(made).toEqual([
      { id: LOG_SELECTION_MENU, title: 'Log selected number to a KPI…', contexts: ['selection'] },
    ]);
    expect(pathForSelection(LOG_SELECTION_MENU, 'Total $1,500 due', en)).toBe(
      'popup.html?value=%241%2C500&from=selection',
    );
    expect(pathForSelection(LOG_SELECTION_MENU, 'nothing', en)).toBeNull();
    expect(pathForSelection('other', '5', en)).toBeNull();
  });
});
