/**
 * The overlay on one CRM tab: decides from the URL, the enabled CRMs and the mappings whether Pacer
 * reads this page, runs the scanner, keeps the floating panel and the picker, and watches health.
 * `start(url)` is called again on every single-page navigation; `stop()` tears everything down.
 * Extension APIs come in through `OverlayEnv`, so this runs (and is tested) without `browser.*`.
 */
import { render } from 'preact';
import type { GoalView } from '../../lib/app/goal-view';
import { diagnosePage } from '../../lib/crm/diagnostics';
import type { CrmMapping } from '../../lib/crm/mapping';
import { withHeaderFallback } from '../../lib/crm/table-reader-fallback';
import type { PageMatch } from '../../lib/crm/types';
import { decideHealth, HEALTH_GRACE_MS, healthKey } from '../../lib/overlay/health';
import type { GoalOption, MeasuredGoal, OverlayContext } from '../../lib/overlay/overlay-context';
import { DEFAULT_PANEL, panelKey } from '../../lib/overlay/panel-position';
import { type Scanner, type ScannerTimers, startScanner } from '../../lib/overlay/scanner';
import { siteState } from '../../lib/overlay/site';
import { type PanelState, type PickerPlace, pageAddress } from '../../lib/overlay/stored';
import type { Locale } from '../../lib/schema/common';
import type { LeadSighting } from '../../lib/schema/lead';
import { applyTheme, createBadgeLayer, isOwnElement, type ThemeSetting } from './badge-layer';
import { FloatingPanel, type FloatingPanelProps, type PanelNotice } from './floating-panel';
import { Picker } from './picker';

export interface OverlayStore {
  enabled: string[];
  mappings: CrmMapping[];
  panels: Record<string, PanelState>;
  matched: Record<string, true>;
}

export interface MountedUi {
  remove(): void;
}

export interface OverlayEnv {
  readStore(): Promise<OverlayStore>;
  saveMapping(mapping: CrmMapping): Promise<void>;
  savePanel(key: string, state: PanelState): Promise<void>;
  rememberMatched(key: string): Promise<void>;
  /**
   * Stores sightings; with `contextFor`, answers with those leads' badge context (else null).
   * `goalId`: the goal the user picked on this site for the shares (PanelState.goalId).
   */
  send(sightings: LeadSighting[], contextFor?: string[], goalId?: string): Promise<OverlayContext | null>;
  context(leadIds: string[], goalId?: string): Promise<OverlayContext | null>;
  reportHealth(report: { crm: string; url: string; pageKind: string; matched: boolean }): Promise<unknown>;
  /** Mounts a shadow-root UI (createShadowRootUi in the content script); `paint` renders into it. */
  mountUi(
    name: 'pacer-panel' | 'pacer-picker',
    paint: (container: HTMLElement, host: HTMLElement) => void,
  ): Promise<MountedUi>;
  timers: ScannerTimers;
  locale(): Locale;
  onError(error: unknown): void;
}

export interface OverlayController {
  start(url: URL): Promise<void>;
  stop(): void;
}

export function createOverlayController(env: OverlayEnv, doc: Document): OverlayController {
  let generation = 0;
  let scanner: Scanner | null = null;
  let panel: MountedUi | null = null;
  let picker: MountedUi | null = null;
  /** The picker's render root: unmounting it is what removes its capturing window listeners. */
  let pickerContainer: HTMLElement | null = null;
  let panelContainer: HTMLElement | null = null;
  let healthTimer: number | null = null;
  const badges = createBadgeLayer(doc);
  const view = {
    url: null as URL | null,
    locale: env.locale(),
    goal: null as GoalView | null,
    measured: null as MeasuredGoal | null,
    options: [] as GoalOption[],
    readCount: 0,
    notice: null as PanelNotice,
    /** The header-based reader reads this list (the adapter read nothing). */
    fallback: false,
    health: undefined as FloatingPanelProps['health'],
    panel: DEFAULT_PANEL,
  };

  // The panel repaints at most once a frame: a CRM re-render updates the read count and the context
  // within the same few milliseconds, and each paint diffs the whole panel.
  let paintFrame: number | null = null;
  const paint = () => {
    if (paintFrame !== null || !panelContainer) return;
    paintFrame = requestAnimationFrame(() => {
      paintFrame = null;
      paintNow();
    });
  };
  const paintNow = () => {
    if (!panelContainer) return;
    render(
      <FloatingPanel
        locale={view.locale}
        goal={view.goal}
        readCount={view.readCount}
        notice={view.notice ?? (view.fallback ? 'fallback' : null)}
        health={view.health}
        state={view.panel}
        onChange={(state, done) => {
          // The picker's place is the picker's: a panel drawn before it changed must not take it back.
          view.panel = { ...state, picker: view.panel.picker };
          paint();
          if (done && view.url) env.savePanel(panelKey(view.url), state).catch(env.onError);
        }}
        onMap={() => void openPicker().catch(env.onError)}
        measured={view.measured}
        options={view.options}
        onPickGoal={pickGoal}
      />,
      panelContainer,
    );
  };

  /** The goal and language last painted: every badge reply carries them, nearly always unchanged. */
  let contextKey = '';
  let theme: ThemeSetting = 'system';
  let panelHost: HTMLElement | null = null;
  let pickerHost: HTMLElement | null = null;
  const onContext = (context: OverlayContext) => {
    if (context.theme && context.theme !== theme) {
      // Pacer's own theme setting: the CSS follows `theme` on each host, else the system's scheme.
      theme = context.theme;
      for (const host of [panelHost, pickerHost]) if (host) applyTheme(host, theme);
      badges.setTheme(theme);
    }
    const key = JSON.stringify([context.locale, context.goal, context.measured, context.options]);
    if (key === contextKey) return;
    contextKey = key;
    view.locale = context.locale;
    view.goal = context.goal;
    view.measured = context.measured ?? null;
    view.options = context.options ?? [];
    paint();
  };

  /** The goal the badges measure against on this site: kept with the panel's place, then every badge asked again. */
  const pickGoal = (goalId: string | undefined) => {
    const { goalId: _old, ...rest } = view.panel;
    view.panel = goalId ? { ...rest, goalId } : rest;
    const mine = generation;
    if (view.url) env.savePanel(panelKey(view.url), view.panel).catch(env.onError);
    env.context([], view.panel.goalId).then((c) => mine === generation && c && onContext(c), env.onError);
    scanner?.refresh();
  };
  /** What the scanner sends and asks carries this site's pick. */
  const send: OverlayEnv['send'] = (sightings, contextFor) =>
    env.send(sightings, contextFor, view.panel.goalId);
  const context: OverlayEnv['context'] = (leadIds) => env.context(leadIds, view.panel.goalId);

  async function openPicker(): Promise<void> {
    const url = view.url;
    if (picker || !url) return;
    const mine = generation;
    const close = closePicker;
    picker = await env.mountUi('pacer-picker', (container, host) => {
      pickerContainer = container;
      pickerHost = host;
      applyTheme(host, theme);
      const onSave = (mapping: CrmMapping) => {
        close();
        // The storage change restarts the overlay with the new mapping (see the content script).
        env.saveMapping(mapping).catch(env.onError);
      };
      // Where the user put the picker on this site, kept with the panel's own place (per origin).
      const onPlace = (place: PickerPlace) => {
        view.panel = { ...view.panel, picker: place };
        env.savePanel(panelKey(url), view.panel).catch(env.onError);
      };
      render(
        <Picker
          locale={view.locale}
          doc={doc}
          url={url}
          host={host}
          place={view.panel.picker}
          onPlace={onPlace}
          onSave={onSave}
          onCancel={close}
        />,
        container,
      );
    });
    if (mine !== generation) close();
  }

  /**
   * Unmounts the picker's Preact tree before its shadow host goes: removing the host alone would keep
   * the tree alive, and with it the listeners that swallow every click and key on the page.
   */
  function closePicker(): void {
    if (pickerContainer) render(null, pickerContainer);
    pickerContainer = null;
    pickerHost = null;
    picker?.remove();
    picker = null;
  }

  function watchHealth(crm: string, page: PageMatch, matchedBefore: boolean, url: URL) {
    let known = matchedBefore;
    let graceOver = false;
    let failing = false;
    return (matched: boolean) => {
      if (matched && healthTimer !== null) {
        env.timers.clearTimeout(healthTimer);
        healthTimer = null;
      }
      if (!matched && !graceOver) {
        // A page may still be rendering its table: decide only after a grace period, then rescan.
        healthTimer ??= env.timers.setTimeout(() => {
          healthTimer = null;
          graceOver = true;
          scanner?.rescan();
        }, HEALTH_GRACE_MS);
        return;
      }
      const decision = decideHealth(known, matched);
      const key = healthKey(crm, page);
      if (decision.remember) {
        known = true;
        env.rememberMatched(key).catch(env.onError);
      }
      // One report per change of state, never one per rescan.
      if (decision.report && (matched || !failing)) {
        env.reportHealth({ crm, url: pageAddress(url), pageKind: page.kind, matched }).catch(env.onError);
      }
      failing = !matched && known;
      graceOver = graceOver && !matched;
      const notice: PanelNotice = decision.notice ? 'cant-read' : null;
      if (notice !== view.notice) {
        view.notice = notice;
        paint();
      }
    };
  }

  function stop(): void {
    generation++;
    scanner?.stop();
    scanner = null;
    if (healthTimer !== null) env.timers.clearTimeout(healthTimer);
    healthTimer = null;
    closePicker();
    if (paintFrame !== null) cancelAnimationFrame(paintFrame);
    paintFrame = null;
    contextKey = '';
    if (panelContainer) render(null, panelContainer);
    panel?.remove();
    panel = null;
    panelContainer = null;
    panelHost = null;
    badges.clear();
    view.notice = null;
    view.fallback = false;
    view.health = undefined;
    view.readCount = 0;
    view.measured = null;
    view.options = [];
  }

  async function start(url: URL): Promise<void> {
    stop();
    const mine = generation;
    const store = await env.readStore();
    if (mine !== generation) return;
    const site = siteState(url, store.enabled, store.mappings, doc);
    if (site.status === 'disabled') return;
    const page = site.status === 'ready' ? site.adapter.matchPage(url) : null;
    if (site.status === 'ready' && !page) return;
    view.url = url;
    view.panel = store.panels[panelKey(url)] ?? DEFAULT_PANEL;
    view.notice = site.status === 'unmapped' ? 'unmapped' : null;
    panel = await env.mountUi('pacer-panel', (container, host) => {
      panelContainer = container;
      panelHost = host;
      applyTheme(host, theme);
      paint();
    });
    if (mine !== generation) {
      panel.remove();
      return;
    }
    context([]).then((c) => mine === generation && c && onContext(c), env.onError);
    if (site.status !== 'ready' || !page) return;
    // Built-in adapters get the header-based reader behind them; a user's own mapping does not.
    const reader = site.mapping ? null : withHeaderFallback(site.adapter, url);
    const adapter = reader ?? site.adapter;
    view.health = reader
      ? { crmLabel: site.adapter.label, diagnose: () => diagnosePage(adapter, doc, page, reader.source()) }
      : undefined;
    const health = watchHealth(site.crm, page, store.matched[healthKey(site.crm, page)] === true, url);
    // In the same task as the panel's host: the page is laid out for both at once (see attach).
    badges.attach();
    scanner = startScanner({
      adapter,
      page,
      url,
      doc,
      send,
      context,
      badges: { render: badges.render, forget: badges.forget, place: badges.place, isOwn: isOwnElement },
      timers: env.timers,
      onError: env.onError,
      onStructure(matched) {
        health(matched);
        const fallback = reader?.source() === 'headers';
        if (fallback !== view.fallback) {
          view.fallback = fallback;
          paint();
        }
      },
      onRead(count) {
        if (count === view.readCount) return;
        view.readCount = count;
        paint();
      },
      onContext,
    });
  }

  return { start, stop };
}
