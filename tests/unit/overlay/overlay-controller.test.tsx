// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOverlayController,
  type OverlayController,
  type OverlayEnv,
} from '../../../components/overlay/overlay-controller';

const URL_LIST = new URL('https://crm.example/#/contacts');

function fakeEnv(): OverlayEnv {
  return {
    readStore: async () => ({
      enabled: ['custom:https://crm.example'],
      mappings: [],
      panels: {},
      matched: {},
    }),
    saveMapping: vi.fn(async () => {}),
    savePanel: async () => {},
    rememberMatched: async () => {},
    send: async () => null,
    context: async () => null,
    reportHealth: async () => null,
    // As WXT's createShadowRootUi does: a host with the UI, removed by `remove()`, and nothing else.
    async mountUi(name, paint) {
      const host = document.createElement(name);
      const container = document.createElement('div');
      host.append(container);
      document.body.append(host);
      paint(container, host);
      return { remove: () => host.remove() };
    },
    timers: {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id),
      requestAnimationFrame: (fn) => requestAnimationFrame(fn),
      cancelAnimationFrame: (id) => cancelAnimationFrame(id),
    },
    locale: () => 'en',
    onError: (e) => {
      throw e;
    },
  };
}

/** After the panel's next paint (a frame) and the mount that follows it, however slow the machine. */
const frame = () =>
  new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20))));
const $ = (selector: string) => document.querySelector(selector) as HTMLElement | null;

/** Clicks the page's button and says whether the page heard it. */
function pageHearsClick(): boolean {
  let heard = false;
  const button = $('#page-button')!;
  const listener = () => {
    heard = true;
  };
  button.addEventListener('click', listener);
  button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  button.removeEventListener('click', listener);
  return heard;
}

describe('overlay controller: the picker gives the page back', () => {
  let overlay: OverlayController;
  beforeEach(async () => {
    document.body.innerHTML =
      '<ul><li><a href="#/contacts/1/show">Ann</a><span>ann@x.vn</span><i>A</i></li>' +
      '<li><a href="#/contacts/2/show">Bo</a><span>bo@x.vn</span><i>B</i></li></ul><button id="page-button">Go</button>';
    overlay = createOverlayController(fakeEnv(), document);
    await overlay.start(URL_LIST);
    await frame();
  });
  afterEach(() => {
    overlay.stop();
    document.body.replaceChildren();
  });

  async function openPicker() {
    $('[data-testid="panel-map"]')!.click();
    await frame();
    expect($('[data-testid="pacer-picker"]')).not.toBeNull();
    expect(pageHearsClick()).toBe(false);
  }

  it('after Cancel the page hears its clicks and keys again', async () => {
    await openPicker();
    $('[data-testid="picker-cancel"]')!.click();
    await frame();
    expect($('[data-testid="pacer-picker"]')).toBeNull();
    expect(pageHearsClick()).toBe(true);
  });

  it('after Escape, and after a navigation, the page hears its clicks', async () => {
    await openPicker();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await frame();
    expect(pageHearsClick()).toBe(true);
    await openPicker();
    await overlay.start(new URL('https://crm.example/#/deals'));
    await frame();
    expect($('[data-testid="pacer-picker"]')).toBeNull();
    expect(pageHearsClick()).toBe(true);
  });
});
