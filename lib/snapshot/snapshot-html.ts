/**
 * "Share / embed" (b): one HTML file that shows the shared goals anywhere, offline. The widgets bundle
 * and the snapshot are both inside it; a Content-Security-Policy in the file itself forbids loading
 * anything from elsewhere, so "works offline" is enforced by the browser rather than promised.
 *
 * The bundle passed in must be the single-file build (`pacer-widgets.inline.js`, uPlot included): the
 * split build would try to import its uPlot chunk from next to the HTML file.
 */
import type { Snapshot } from '../app/goal-view';
import { formatDate } from '../i18n/format';
import { cardSpans, GRID_TRACKS } from './card-rows';
import { escapeHtml, jsonForScript, scriptForInline } from './escape';
import { widgetMessage } from './widget-messages';

export type SnapshotTheme = 'light' | 'dark';

export interface SnapshotHtmlOptions {
  /** IANA zone for the "Snapshot of" date; UTC when not given. */
  timeZone?: string;
  /**
   * The theme the file is drawn in, whatever the OS of whoever opens it: the one the user saw when
   * exporting (`themeAtExport`). Light when not given.
   */
  theme?: SnapshotTheme;
}

/**
 * The theme in effect when the user exports: the one chosen in Settings, or for "system" the one the
 * OS gave the app at that moment. A file opened on another machine keeps it; it had followed the
 * viewer's OS, so a dark export read light on a colleague's laptop and the other way round.
 */
export function themeAtExport(setting: 'system' | SnapshotTheme, prefersDark: boolean): SnapshotTheme {
  if (setting !== 'system') return setting;
  return prefersDark ? 'dark' : 'light';
}

/** Nothing but inline script and style, images from data:/blob: (uPlot draws on canvas, needs none). */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:";

/** The page around the widgets, in theme.css's background and text colours for each theme. */
const PAGE_COLOURS: Record<SnapshotTheme, string> = {
  light: ':root{color-scheme:light}body{background:#f6f7f9;color:#1b1f27}',
  dark: ':root{color-scheme:dark}body{background:#12151b;color:#e8ebf0}',
};

/**
 * On paper the page is light whatever its theme (browsers leave backgrounds out, and light text on
 * white paper is unreadable); the widgets switch to their light tokens themselves (widget-css.ts).
 */
const PRINT_CSS =
  '@media print{:root{color-scheme:light}body{background:#fff;color:#1b1f27;padding:0}' +
  // Two cards a row on paper (card-rows.ts), and a card with its chart never cut by a page break.
  '.goal{grid-column:span var(--w2);break-inside:avoid}}';

/**
 * The page widths from which two and three cards fit a row at 320 px or more each: the main column is
 * the page less 48 px of padding, at most 1100 px, with 16 px between cards (2 × 320 + 16 + 48,
 * 3 × 320 + 2 × 16 + 48). Each card says its span at two and three a row (card-rows.ts).
 */
const TWO_A_ROW = 704;
const THREE_A_ROW = 1040;

const PAGE_CSS = `
body{margin:0;padding:24px;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}
main{max-width:1100px;margin:0 auto;display:flex;flex-direction:column;gap:16px}
h1{margin:0;font-size:1.5rem}
.meta{margin:0;opacity:.75;font-size:.9rem}
.goals{display:grid;grid-template-columns:repeat(${GRID_TRACKS},minmax(0,1fr));gap:16px;align-items:start}
.goal{display:flex;flex-direction:column;gap:12px;min-width:0;grid-column:span ${GRID_TRACKS}}
@media (min-width:${TWO_A_ROW}px){.goal{grid-column:span var(--w2)}}
@media (min-width:${THREE_A_ROW}px){.goal{grid-column:span var(--w3)}}
`.trim();

function attr(value: string): string {
  return `"${escapeHtml(value)}"`;
}

/** One complete HTML document as a string. */
export function snapshotToHtml(
  snapshot: Snapshot,
  widgetsBundleSource: string,
  opts: SnapshotHtmlOptions = {},
): string {
  const { locale } = snapshot;
  const theme: SnapshotTheme = opts.theme === 'dark' ? 'dark' : 'light';
  // Every widget is told the theme: without it each followed the viewer's prefers-color-scheme.
  const themed = `theme=${attr(theme)}`;
  const title = snapshot.title?.trim() || widgetMessage(locale, 'htmlTitle');
  const zone = opts.timeZone ?? 'UTC';
  const date = formatDate(snapshot.generatedAt, locale, zone, 'dateTime');
  // vi reads "lúc 13:22 ngày 07/12/2026": the time and the day apart, not ICU's "13:22 07/12/2026".
  const when = {
    date,
    time: formatDate(snapshot.generatedAt, locale, zone, 'time'),
    day: formatDate(snapshot.generatedAt, locale, zone, 'short'),
  };
  const charted = new Set((snapshot.charts ?? []).map((c) => c.goalId));

  const twoSpans = cardSpans(snapshot.goals.length, 2);
  const threeSpans = cardSpans(snapshot.goals.length, 3);
  const goals = snapshot.goals.map((g, i) =>
    [
      `<div class="goal" style="--w2:${twoSpans[i]};--w3:${threeSpans[i]}">`,
      `<pacer-goal goal-id=${attr(g.id)} ${themed}></pacer-goal>`,
      charted.has(g.id) ? `<pacer-kpi-chart goal-id=${attr(g.id)} ${themed}></pacer-kpi-chart>` : '',
      `</div>`,
    ].join(''),
  );

  return [
    '<!doctype html>',
    `<html lang=${attr(locale)} data-theme=${attr(theme)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content=${attr(CSP)}>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content=${attr(theme)}>`,
    '<meta name="generator" content="Pacer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_CSS}\n${PAGE_COLOURS[theme]}\n${PRINT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(widgetMessage(locale, 'generatedAt', when))}</p>`,
    `<section class="goals">${goals.join('\n')}</section>`,
    snapshot.scorecard && snapshot.scorecard.length > 0
      ? `<section><pacer-scorecard ${themed}></pacer-scorecard></section>`
      : '',
    '</main>',
    `<script type="application/json" id="pacer-snapshot">${jsonForScript(snapshot)}</script>`,
    `<script type="module">${scriptForInline(widgetsBundleSource)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
