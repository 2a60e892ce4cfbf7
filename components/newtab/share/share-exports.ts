/**
 * The four "Share / embed" downloads (issue 7, item 3). Every one starts from `buildSnapshot` with the
 * ticked ids, so the rule "only ticked goals leave" lives in one tested pure function; this file only
 * adds what needs the browser: the database (charts), the bundled widgets file, canvas and downloads.
 */
import { browser } from '#imports';
import { computeGoalCharts } from '../../../lib/app/goal-detail-data';
import type { GoalView, PerspectiveView } from '../../../lib/app/goal-view';
import type { Settings } from '../../../lib/schema';
import {
  buildSnapshot,
  goalCardSvg,
  snapshotToHtml,
  snapshotToJson,
  themeAtExport,
} from '../../../lib/snapshot';
import { WIDGETS_SCRIPT_FILE } from '../../../lib/snapshot/embed-snippet';
import type { CardTheme } from '../../../lib/snapshot/goal-card-svg';
import { chartsForShare } from '../../../lib/snapshot/share-charts';
import { shareFileName } from '../../../lib/snapshot/share-files';
import { getDb } from '../../app/session';
import { downloadBlob, downloadText } from '../../shared/download';
import { svgToPngBlob } from '../../widgets/export-png';

export interface ShareInput {
  goals: readonly GoalView[];
  scorecard: readonly PerspectiveView[];
  selectedIds: readonly string[];
  title: string;
  settings: Settings;
}

/** Thrown when the extension was built without the widgets bundle (`wxt dev` without `build:widgets`). */
export class MissingWidgetsBundle extends Error {
  constructor() {
    super('pacer-widgets.inline.js is not part of this build');
    this.name = 'MissingWidgetsBundle';
  }
}

let bundle: Promise<string> | null = null;

/**
 * The single-file widgets build, shipped beside the extension's pages by wxt.config.ts. Read from the
 * extension itself (a chrome-extension:// URL, never the network) and kept for the page's lifetime.
 * The widgets never touch `browser.*`; this page hands them their own source as a string.
 */
function widgetsBundle(): Promise<string> {
  bundle ??= (async () => {
    try {
      const response = await fetch(browser.runtime.getURL('/pacer-widgets.inline.js'));
      const text = response.ok ? await response.text() : '';
      if (!text.trim()) throw new MissingWidgetsBundle();
      return text;
    } catch (error) {
      bundle = null; // let a later click try again (say, after a rebuild in dev)
      throw error instanceof MissingWidgetsBundle ? error : new MissingWidgetsBundle();
    }
  })();
  return bundle;
}

async function snapshotOf(input: ShareInput, withCharts: boolean, now: number) {
  const { settings } = input;
  let charts: Awaited<ReturnType<typeof chartsForShare>>['charts'] = [];
  if (withCharts) {
    // One read and one evaluation for every ticked goal, not one per goal.
    const built = await computeGoalCharts(await getDb(), input.selectedIds, settings, now);
    charts = (
      await chartsForShare(input.selectedIds, async (id) => {
        const chart = built.get(id);
        if (chart instanceof Error) throw chart;
        return chart ?? null;
      })
    ).charts;
  }
  return buildSnapshot({ goals: input.goals, scorecard: input.scorecard, charts }, input.selectedIds, {
    locale: settings.locale,
    generatedAt: now,
    title: input.title,
  });
}

/** (a) The snapshot file the widgets read. Returns the file name. */
export async function downloadSnapshotJson(input: ShareInput): Promise<string> {
  const now = Date.now();
  const snapshot = await snapshotOf(input, true, now);
  const name = shareFileName('json', { generatedAt: now, title: snapshot.title });
  downloadText(name, snapshotToJson(snapshot), 'application/json');
  return name;
}

/** (b) One self-contained HTML file. Throws MissingWidgetsBundle before any work when it cannot be made. */
export async function downloadSnapshotHtml(input: ShareInput): Promise<string> {
  const source = await widgetsBundle();
  const now = Date.now();
  const snapshot = await snapshotOf(input, true, now);
  // In the theme the user sees now, not whatever the OS of whoever opens the file prefers.
  const html = snapshotToHtml(snapshot, source, {
    timeZone: input.settings.timeZone,
    theme: exportTheme(input.settings),
  });
  const name = shareFileName('html', { generatedAt: now, title: snapshot.title });
  downloadText(name, html, 'text/html');
  return name;
}

/** The theme the user sees the app in now: exports match it ("system": the OS's at this moment). */
function exportTheme(settings: Settings): CardTheme {
  return themeAtExport(
    settings.theme,
    globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
}

/** The goal exactly as a snapshot would carry it (no pin, no unshared parent), as a card image. */
function cardSvg(input: ShareInput, goalId: string): { svg: string; goal: GoalView } {
  const snapshot = buildSnapshot({ goals: input.goals }, [goalId], {
    locale: input.settings.locale,
    generatedAt: Date.now(),
  });
  const goal = snapshot.goals[0];
  if (!goal) throw new Error(`No goal with id ${goalId}`);
  return { svg: goalCardSvg(goal, input.settings.locale, { theme: exportTheme(input.settings) }), goal };
}

/**
 * The widgets script for the user's own web page (How to embed): the single-file build the extension
 * ships, saved as pacer-widgets.js. Throws MissingWidgetsBundle when this build has none.
 */
export async function downloadWidgetsScript(): Promise<string> {
  const source = await widgetsBundle();
  downloadText(WIDGETS_SCRIPT_FILE, source, 'text/javascript');
  return WIDGETS_SCRIPT_FILE;
}

/** (c) One goal card as an SVG file. */
export function downloadCardSvg(input: ShareInput, goalId: string): string {
  const { svg, goal } = cardSvg(input, goalId);
  const name = shareFileName('svg', { generatedAt: Date.now(), goal });
  downloadText(name, svg, 'image/svg+xml');
  return name;
}

/** (c) The same card as a PNG at twice its size, sharp on slides. */
export async function downloadCardPng(input: ShareInput, goalId: string): Promise<string> {
  const { svg, goal } = cardSvg(input, goalId);
  const png = await svgToPngBlob(svg, 2);
  const name = shareFileName('png', { generatedAt: Date.now(), goal });
  downloadBlob(name, png);
  return name;
}
