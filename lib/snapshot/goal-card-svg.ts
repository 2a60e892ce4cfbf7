/**
 * A goal card as one standalone SVG file, for slides, e-mail and wikis, where no script runs and no
 * stylesheet follows the image: colours are the light theme's tokens written out, fonts are the system
 * stack, and text is laid out by estimate (an SVG cannot measure its own text before it is drawn).
 * Every string from the goal is XML-escaped.
 */
import type { GoalView, ViewStatus } from '../app/goal-view';
import type { Locale } from '../schema/common';
import { escapeXml } from './escape';
import { sparkPaths } from './spark-path';
import { STATUS_ICON } from './status-icon';
import { widgetMessage } from './widget-messages';

/** The light theme of components/shared/theme.css, copied because an image file cannot read CSS. */
const COLORS = {
  surface: '#ffffff',
  track: '#eef0f4',
  text: '#1b1f27',
  muted: '#5b6472',
  border: '#d6dae1',
  accent: '#2156c7',
} as const;

const STATUS_COLOR: Record<ViewStatus, string> = {
  on_track: '#1a7f37',
  at_risk: '#9a6700',
  off_track: '#c62828',
  done: '#1a7f37',
  no_data: COLORS.border,
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
export const CARD_WIDTH = 480;
const PAD = 20;
const INNER = CARD_WIDTH - 2 * PAD;
/** Average glyph width as a share of the font size for proportional sans fonts; errs wide. */
const GLYPH = 0.56;

function capacity(fontSize: number, width = INNER): number {
  return Math.max(4, Math.floor(width / (fontSize * GLYPH)));
}

/** Cuts to `max` characters with an ellipsis, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Greedy word wrap into at most `lines` lines; the last line ends with "…" when text is left over. */
export function wrapText(text: string, maxChars: number, lines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = line ? `${line} ${word}` : word;
    if (Array.from(candidate).length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = word;
    if (out.length === lines - 1) {
      // Last allowed line: take the rest and clip it.
      return [...out, clip(words.slice(i).join(' '), maxChars)];
    }
  }
  if (line) out.push(Array.from(line).length > maxChars ? clip(line, maxChars) : line);
  return out;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

/** A standalone SVG document (with XML prolog) of one goal card, 480 px wide, height from its content. */
export function goalCardSvg(goal: GoalView, locale: Locale): string {
  const parts: string[] = [];
  const statusColor = STATUS_COLOR[goal.status];
  let y = PAD + 12;

  parts.push(
    text(PAD, y, clip(goal.kindLabel, capacity(12, INNER / 2)), `font-size="12" fill="${COLORS.muted}"`),
  );
  parts.push(
    text(
      CARD_WIDTH - PAD,
      y,
      `${STATUS_ICON[goal.status]} ${clip(goal.statusLabel, capacity(12, INNER / 2) - 2)}`,
      `font-size="12" font-weight="600" text-anchor="end" fill="${statusColor}"`,
    ),
  );

  y += 10;
  for (const line of wrapText(goal.title, capacity(18), 2)) {
    y += 24;
    parts.push(text(PAD, y, line, `font-size="18" font-weight="600" fill="${COLORS.text}"`));
  }
  if (goal.owner) {
    y += 20;
    const owner = `${widgetMessage(locale, 'owner')}: ${goal.owner}`;
    parts.push(text(PAD, y, clip(owner, capacity(13)), `font-size="13" fill="${COLORS.muted}"`));
  }

  y += 14;
  const fill = goal.progress === null ? 0 : Math.min(1, Math.max(0, goal.progress));
  parts.push(`<rect x="${PAD}" y="${y}" width="${INNER}" height="8" rx="4" fill="${COLORS.track}"/>`);
  if (fill > 0) {
    const w = Math.max(8, Math.round(INNER * fill));
    parts.push(
      `<rect x="${PAD}" y="${y}" width="${w}" height="8" rx="4" fill="${statusColor === COLORS.border ? COLORS.accent : statusColor}"/>`,
    );
  }

  y += 30;
  const values = `${goal.value} / ${goal.target}`;
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="15" fill="${COLORS.text}"><tspan font-weight="700">${escapeXml(
      clip(values, capacity(15, INNER * 0.65)),
    )}</tspan><tspan dx="10" fill="${COLORS.muted}">${escapeXml(clip(goal.progressText, 16))}</tspan></text>`,
  );

  for (const line of [goal.pace, goal.forecast, goal.deadline]) {
    if (!line) continue;
    y += 20;
    parts.push(text(PAD, y, clip(line, capacity(13)), `font-size="13" fill="${COLORS.text}"`));
  }

  const spark = sparkPaths(goal.spark, 120, 28);
  if (spark.length > 0) {
    y += 12;
    parts.push(
      `<g transform="translate(${PAD} ${y})" fill="none" stroke="${COLORS.accent}" stroke-width="1.5" stroke-linejoin="round">${spark
        .map((d) => `<path d="${d}"/>`)
        .join('')}</g>`,
    );
    y += 28;
  }

  const height = y + PAD;
  const label = `${goal.title} — ${goal.statusLabel}, ${goal.value} / ${goal.target}, ${goal.progressText}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" role="img" aria-labelledby="pc-title" xml:lang="${locale}" font-family="${escapeXml(FONT)}">`,
    `<title id="pc-title">${escapeXml(label)}</title>`,
    `<rect x="0.5" y="0.5" width="${CARD_WIDTH - 1}" height="${height - 1}" rx="10" fill="${COLORS.surface}" stroke="${COLORS.border}"/>`,
    `<rect x="0.5" y="0.5" width="5" height="${height - 1}" rx="2" fill="${statusColor}"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
