// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// uPlot needs a real canvas; the widget test only checks what the chart element hands to it.
type UplotOpts = {
  series: { label?: string }[];
  fmtDate?: (tpl: string) => (d: Date) => string;
  legend?: { show?: boolean; live?: boolean };
  axes: { scale?: string; values?: (u: unknown, vals: number[]) => string[] }[];
};
const uplot = vi.hoisted(() => ({ created: [] as { opts: UplotOpts; data: unknown[] }[] }));
vi.mock('uplot', () => ({
  default: class {
    static fmtDate(tpl: string, names?: { MMM: string[] }) {
      return (d: Date) => `${tpl}|${names?.MMM[d.getUTCMonth()] ?? 'default'}`;
    }
    constructor(opts: UplotOpts, data: unknown[], el: HTMLElement) {
      uplot.created.push({ opts, data });
      el.append(document.createElement('canvas'));
    }
    setData() {}
    setSize() {}
    destroy() {}
  },
}));

import '../../../components/widgets/elements/index';
import { clearSnapshotCaches } from '../../../components/widgets/elements/snapshot-source';
import { errorText, jsonScript, mount, SNAPSHOT_TEXT, settled, shadow } from './helpers';

beforeEach(() => {
  clearSnapshotCaches();
  uplot.created.length = 0;
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.unstubAllGlobals();
});

describe('data sources', () => {
  it('renders <pacer-goal> from a JSON attribute', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'g-revenue', snapshot: SNAPSHOT_TEXT });
    const root = await settled(el);
    expect(root.querySelector('.pc-goal-title')?.textContent).toBe('Q4 revenue 1.5B ₫');
    expect(root.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('52');
    expect(root.querySelector('[data-testid="goal-value"]')?.textContent).toBe('780M ₫');
    expect(root.querySelector('.pc-owner')?.textContent).toBe('Owner: Lan Nguyen');
    expect(root.querySelector('.pc-root')?.getAttribute('lang')).toBe('en');
  });

  it('renders from a child <script type="application/json">', async () => {
    const el = mount('pacer-progress', { 'goal-id': 'g-leads' }, [jsonScript(SNAPSHOT_TEXT)]);
    const root = await settled(el);
    expect(root.querySelector('.pc-card-title')?.textContent).toBe('Qualified leads <from ads> & referrals');
    expect(root.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('74');
    expect(root.querySelector('[data-testid="goal-progress-text"]')?.textContent).toBe('370 / 500 · 74%');
    // User text is text: the "<from ads>" in the title made no element.
    expect(root.querySelector('from')).toBeNull();
  });

  it('falls back to the page-level #pacer-snapshot, shared by every widget', async () => {
    document.body.append(jsonScript(SNAPSHOT_TEXT, 'pacer-snapshot'));
    const a = mount('pacer-badge', { 'goal-id': 'g-nps' });
    const b = mount('pacer-goal', { 'goal-id': 'g-training', compact: '' });
    expect((await settled(a)).querySelector('.pc-pill')?.textContent).toBe('■ Off track');
    expect((await settled(b)).querySelector('.pc-goal-card')?.classList.contains('pc-compact')).toBe(true);
  });

  it('loads `src` with the page fetch once for several widgets, showing "Loading…" meanwhile', async () => {
    let release: (r: Response) => void = () => {};
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (release = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    const a = mount('pacer-goal', { 'goal-id': 'g-revenue', src: 'snapshot.json' });
    const b = mount('pacer-sparkline', { 'goal-id': 'g-leads', src: './snapshot.json' });
    await vi.waitFor(() => expect(a.getAttribute('data-state')).toBe('loading'));
    expect(shadow(a).textContent).toBe('Loading…');
    expect(a.getAttribute('aria-busy')).toBe('true');
    release(new Response(SNAPSHOT_TEXT, { status: 200 }));
    expect((await settled(a)).querySelector('.pc-goal-title')?.textContent).toBe('Q4 revenue 1.5B ₫');
    expect((await settled(b)).querySelector('svg path')).not.toBeNull();
    expect(a.hasAttribute('aria-busy')).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual([
      new URL('snapshot.json', document.baseURI).href,
      { credentials: 'same-origin' },
    ]);
  });

  it('shows a clear message when `src` answers 404, and refuses other origins without fetching', async () => {
    const fetchMock = vi.fn(async () => new Response('nope', { status: 404 }));
    vi.stubGlobal('fetch', fetchMock);
    const missing = mount('pacer-goal', { 'goal-id': 'g-revenue', src: 'missing.json' });
    await settled(missing, 'error');
    expect(errorText(missing)).toBe('Pacer widget: could not load the snapshot from missing.json (HTTP 404)');
    const foreign = mount('pacer-goal', { 'goal-id': 'g-revenue', src: 'https://tracker.example/s.json' });
    await settled(foreign, 'error');
    expect(errorText(foreign)).toMatch(
      /^Pacer widget: the snapshot URL https:\/\/tracker\.example\/s\.json is on another site/,
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('prefers the attribute over a child script over src', async () => {
    const other = JSON.parse(SNAPSHOT_TEXT);
    other.goals[0].title = 'From the child';
    const el = mount('pacer-goal', { 'goal-id': 'g-revenue', src: 'never.json' }, [
      jsonScript(JSON.stringify(other)),
    ]);
    expect((await settled(el)).querySelector('.pc-goal-title')?.textContent).toBe('From the child');
    el.setAttribute('snapshot', SNAPSHOT_TEXT);
    await vi.waitFor(() =>
      expect(shadow(el).querySelector('.pc-goal-title')?.textContent).toBe('Q4 revenue 1.5B ₫'),
    );
  });
});

describe('problems are shown inside the widget', () => {
  it('bad JSON', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'g', snapshot: '{"format": pacer' });
    await settled(el, 'error');
    expect(errorText(el)).toMatch(/^Pacer widget: the snapshot is not valid JSON \(.+\)$/);
    expect(shadow(el).querySelector('[role="alert"]')).not.toBeNull();
  });

  it('bad JSON, in Vietnamese with locale="vi"', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'g', snapshot: '{', locale: 'vi' });
    await settled(el, 'error');
    expect(errorText(el)).toMatch(/^Tiện ích Pacer: bản chụp không phải JSON hợp lệ \(/);
  });

  it('valid JSON that is not a snapshot', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'g', snapshot: '{"format":"pacer-snapshot","version":2}' });
    await settled(el, 'error');
    expect(errorText(el)).toBe('Pacer widget: this is not a valid Pacer snapshot (version: expected 1)');
  });

  it('no snapshot at all (page language decides the message language)', async () => {
    document.documentElement.lang = 'vi-VN';
    const el = mount('pacer-scorecard');
    await settled(el, 'error');
    expect(errorText(el)).toMatch(/^Tiện ích Pacer: chưa có bản chụp\./);
  });

  it('an unknown goal id, then recovers when goal-id changes', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'nope', snapshot: SNAPSHOT_TEXT });
    await settled(el, 'error');
    expect(errorText(el)).toBe("Pacer widget: no goal with id 'nope' in the snapshot");
    el.setAttribute('goal-id', 'g-nps');
    const root = await settled(el);
    expect(root.querySelector('.pc-goal-title')?.textContent).toBe('Customer NPS ≥ 50');
  });

  it('no goal-id while the snapshot has several goals; no chart; no scorecard', async () => {
    const noId = mount('pacer-goal', { snapshot: SNAPSHOT_TEXT });
    const noChart = mount('pacer-kpi-chart', { 'goal-id': 'g-nps', snapshot: SNAPSHOT_TEXT });
    const snapshot = JSON.parse(SNAPSHOT_TEXT);
    delete snapshot.scorecard;
    const noCard = mount('pacer-scorecard', { snapshot: JSON.stringify(snapshot) });
    await Promise.all([settled(noId, 'error'), settled(noChart, 'error'), settled(noCard, 'error')]);
    expect(errorText(noId)).toBe(
      'Pacer widget: add a goal-id attribute naming one of the goals in the snapshot',
    );
    expect(errorText(noChart)).toBe("Pacer widget: the snapshot has no chart for goal 'g-nps'");
    expect(errorText(noCard)).toBe('Pacer widget: the snapshot has no scorecard');
  });
});

describe('each widget', () => {
  it('<pacer-kpi-chart> hands the chart data and localized series to uPlot', async () => {
    const el = mount('pacer-kpi-chart', { 'goal-id': 'g-revenue', snapshot: SNAPSHOT_TEXT, locale: 'vi' });
    const root = await settled(el);
    expect(root.querySelector('figcaption')?.textContent).toBe('Q4 revenue 1.5B ₫');
    expect(root.querySelector('.pc-chart')?.getAttribute('aria-label')).toBe(
      'Biểu đồ Q4 revenue 1.5B ₫: thực tế so với mục tiêu và dự báo',
    );
    await vi.waitFor(() => expect(uplot.created).toHaveLength(1));
    const { opts, data } = uplot.created[0]!;
    // A snapshot from before charts carried their type and unit (this fixture): "Thực tế", compact numbers.
    expect(opts.series.map((s) => s.label)).toEqual([
      undefined,
      'Thực tế',
      'Lộ trình mục tiêu',
      'Dự báo (10%)',
      'Dự báo',
      'Dự báo (90%)',
    ]);
    expect(data).toHaveLength(6);
    expect((data[0] as number[]).length).toBe(92);
    // The time axis names months in Vietnamese, not uPlot's English "Nov".
    expect(opts.fmtDate?.('{MMM}')(new Date(Date.UTC(2026, 10, 15)))).toBe('{MMM}|Th11');
    expect(root.querySelector('canvas')).not.toBeNull();
    // A static legend: the series' names, no "—" read-outs waiting for a hover.
    expect(opts.legend?.live).toBe(false);
  });

  it('<pacer-kpi-chart> draws a keep goal as the app does: its threshold, its unit, no absent forecast', async () => {
    const snapshot = JSON.parse(SNAPSHOT_TEXT);
    const chart = snapshot.charts[0];
    const n = chart.xs.length;
    snapshot.charts[0] = {
      ...chart,
      type: 'keep',
      unit: { kind: 'ratio' },
      actual: chart.xs.map((_: number, i: number) => 3.2 + (i % 5) / 10),
      target: chart.xs.map(() => 4),
      low: new Array(n).fill(null),
      mid: new Array(n).fill(null),
      high: new Array(n).fill(null),
    };
    delete snapshot.charts[0].unitLabel;
    for (const locale of ['en', 'vi'] as const) {
      uplot.created.length = 0;
      clearSnapshotCaches();
      const el = mount('pacer-kpi-chart', {
        'goal-id': 'g-revenue',
        snapshot: JSON.stringify(snapshot),
        locale,
      });
      await settled(el);
      await vi.waitFor(() => expect(uplot.created).toHaveLength(1));
      const { opts, data } = uplot.created[0]!;
      expect(opts.series.slice(1).map((s) => s.label)).toEqual(
        locale === 'en' ? ['Value per month', 'Threshold to keep'] : ['Giá trị từng tháng', 'Ngưỡng cần giữ'],
      );
      expect(data).toHaveLength(3);
      const y = opts.axes.find((a) => a.scale === 'y');
      expect(y?.values?.(null, [3.5, 4])).toEqual(locale === 'en' ? ['3.5×', '4×'] : ['3,5×', '4×']);
      el.remove();
    }
  });

  it('<pacer-sparkline> draws the line, split at gaps, at the requested size', async () => {
    const el = mount('pacer-sparkline', {
      'goal-id': 'g-revenue',
      snapshot: SNAPSHOT_TEXT,
      width: '200',
      height: '40',
    });
    const root = await settled(el);
    const svg = root.querySelector('svg');
    expect(svg?.getAttribute('width')).toBe('200');
    expect(svg?.getAttribute('aria-label')).toBe('Trend: Q4 revenue 1.5B ₫');
    expect(root.querySelectorAll('path')).toHaveLength(2);
    const flat = mount('pacer-sparkline', { 'goal-id': 'g-training', snapshot: SNAPSHOT_TEXT });
    expect((await settled(flat)).textContent).toBe('Trend: Sales team certified — No data');
  });

  it('<pacer-scorecard> lists perspectives with status words', async () => {
    const el = mount('pacer-scorecard', { snapshot: SNAPSHOT_TEXT });
    const root = await settled(el);
    const sections = [...root.querySelectorAll('.pc-perspective')];
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Financial',
      'Customer',
      'Learning & growth',
    ]);
    expect(sections[1]?.querySelector('h3')?.textContent).toBe('Customer ■ Off track');
    expect([...(sections[1]?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Qualified leads <from ads> & referrals ● On track · 74%',
      'Customer NPS ≥ 50 ■ Off track · 30%',
    ]);
  });

  it('<pacer-scorecard> says how many goals of a perspective were not shared, in en and vi', async () => {
    const snapshot = JSON.parse(SNAPSHOT_TEXT);
    snapshot.scorecard[0].notShared = 3;
    snapshot.scorecard[1] = { ...snapshot.scorecard[1], goalIds: [], status: 'no_data', notShared: 1 };
    const en = await settled(mount('pacer-scorecard', { snapshot: JSON.stringify(snapshot) }));
    const notes = (root: ShadowRoot) =>
      [...root.querySelectorAll('[data-testid="scorecard-not-shared"]')].map((li) => li.textContent);
    expect(notes(en)).toEqual(['3 goals not shared', '1 goal not shared']);
    // Nothing of Customer shared: no status to give, only the count.
    expect(en.querySelectorAll('.pc-perspective')[1]?.querySelector('h3')?.textContent).toBe('Customer ');
    const vi = await settled(
      mount('pacer-scorecard', { snapshot: JSON.stringify({ ...snapshot, locale: 'vi' }) }),
    );
    expect(notes(vi)).toEqual(['3 mục tiêu không được chia sẻ', '1 mục tiêu không được chia sẻ']);
  });

  it('<pacer-badge> shows a goal, or the CRM lead badge from attributes alone', async () => {
    const goal = mount('pacer-badge', { 'goal-id': 'g-leads', snapshot: SNAPSHOT_TEXT, 'no-title': '' });
    expect((await settled(goal)).querySelector('[data-testid="pacer-goal-badge"]')?.textContent).toBe(
      '● On track74%',
    );
    const lead = mount('pacer-badge', { tier: 'A', share: '12%', days: '5d', label: 'Lead score' });
    const root = await settled(lead);
    expect(root.querySelector('[data-testid="pacer-badge"]')?.getAttribute('title')).toBe('Lead score');
    expect(root.querySelector('.pc-tier')?.textContent).toBe('A');
  });

  it('a snapshot with one goal needs no goal-id', async () => {
    const snapshot = JSON.parse(SNAPSHOT_TEXT);
    snapshot.goals = snapshot.goals.slice(1, 2);
    const el = mount('pacer-goal', { snapshot: JSON.stringify(snapshot) });
    expect((await settled(el)).querySelector('.pc-goal-title')?.textContent).toBe(
      'Qualified leads <from ads> & referrals',
    );
  });
});

describe('styles', () => {
  it('every shadow root adopts the same constructed stylesheet', async () => {
    const a = mount('pacer-goal', { 'goal-id': 'g-revenue', snapshot: SNAPSHOT_TEXT });
    const b = mount('pacer-progress', { 'goal-id': 'g-leads', snapshot: SNAPSHOT_TEXT });
    await Promise.all([settled(a), settled(b)]);
    const [sheetA] = shadow(a).adoptedStyleSheets;
    const [sheetB] = shadow(b).adoptedStyleSheets;
    expect(sheetA).toBeDefined();
    expect(sheetA).toBe(sheetB);
  });

  it('unmounts the component when the element leaves the page', async () => {
    const el = mount('pacer-goal', { 'goal-id': 'g-revenue', snapshot: SNAPSHOT_TEXT });
    await settled(el);
    el.remove();
    expect(shadow(el).querySelector('.pc-goal-card')).toBeNull();
  });
});
