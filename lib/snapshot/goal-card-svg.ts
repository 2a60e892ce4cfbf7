/**
 * A goal card as one standalone SVG file, for slides, e-mail and wikis, where no script runs and no
 * stylesheet follows the image: colours are a theme's tokens written out, fonts are the system stack,
 * and text is laid out by estimate (an SVG cannot measure its own text before it is drawn). It carries
 * every figure the card does, the status with its reason included: a line that does not fit wraps, it
 * is never cut ("held 3 of 11 mo…" and "ends at or above…" lost the numbers that mattered). Every
 * string from the goal is XML-escaped.
 */
import type { GoalView, ViewStatus } from '../app/goal-view';
import type { Locale } from '../schema/common';
import { escapeXml } from './escape';
import { sparkPaths } from './spark-path';
import { STATUS_ICON } from './status-icon';
import { widgetMessage } from './widget-messages';

export type CardTheme = 'light' | 'dark';

interface Palette {
  surface: string;
  track: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  status: Record<ViewStatus, string>;
}

/**
 * The themes of components/shared/theme.css, copied because an image file cannot read CSS. "No data"
 * is written in the muted text colour: in the border grey (#d6dae1 on white, 1.4:1) it could not be read.
 */
export const CARD_PALETTES: Record<CardTheme, Palette> = {
  light: {
    surface: '#ffffff',
    track: '#eef0f4',
    text: '#1b1f27',
    muted: '#5b6472',
    border: '#d6dae1',
    accent: '#2156c7',
    status: {
      on_track: '#1a7f37',
      at_risk: '#9a6700',
      off_track: '#c62828',
      done: '#1a7f37',
      too_early: '#5b6472',
      no_data: '#5b6472',
    },
  },
  dark: {
    surface: '#1b2029',
    track: '#252b36',
    text: '#e8ebf0',
    muted: '#a3acba',
    border: '#343b48',
    accent: '#7aa2ff',
    status: {
      on_track: '#56d364',
      at_risk: '#e3b341',
      off_track: '#ff7b72',
      done: '#56d364',
      too_early: '#a3acba',
      no_data: '#a3acba',
    },
  },
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
export const CARD_WIDTH = 480;
const PAD = 20;
const INNER = CARD_WIDTH - 2 * PAD;
/** Average glyph width as a share of the font size for proportional sans fonts; errs wide. */
const GLYPH = 0.56;
/** Bold glyphs are wider. */
const BOLD_GLYPH = 0.62;

function capacity(fontSize: number, width = INNER, glyph = GLYPH): number {
  return Math.max(4, Math.floor(width / (fontSize * glyph)));
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

/**
 * Spaces a line may break at. Not the no-break ones (U+00A0, the figure space U+2007, the narrow
 * U+202F), which `\s` matches too: Intl puts them inside an amount ("44,3 tỷ ₫", "₫ 1.2B"), and
 * splitting there left the ₫ sign alone on a line of the exported card.
 */
const BREAKABLE_SPACES = /[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/;

/**
 * Greedy word wrap into lines of at most `maxChars` characters, keeping every word: nothing is cut
 * or elided. Words are split at breakable spaces only (BREAKABLE_SPACES). A word longer than a line
 * (a URL, a long number) is split across lines.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const max = Math.max(1, maxChars);
  const out: string[] = [];
  let line: string[] = [];
  for (const word of text.trim().split(BREAKABLE_SPACES).filter(Boolean)) {
    let chars = Array.from(word);
    const room = line.length === 0 ? max : max - line.length - 1;
    if (chars.length <= room) {
      line = line.length === 0 ? chars : [...line, ' ', ...chars];
      continue;
    }
    if (line.length > 0) out.push(line.join(''));
    while (chars.length > max) {
      out.push(chars.slice(0, max).join(''));
      chars = chars.slice(max);
    }
    line = chars;
  }
  if (line.length > 0) out.push(line.join(''));
  return out;
}

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
}

/** Wrapped lines of `content`, each `text` element `step` px below the last; returns the new y. */
function paragraph(
  parts: string[],
  y: number,
  content: string,
  size: number,
  attrs: string,
  { bold = false, first = 20, step = 18 } = {},
): number {
  let at = y;
  wrapText(content, capacity(size, INNER, bold ? BOLD_GLYPH : GLYPH)).forEach((line, i) => {
    at += i === 0 ? first : step;
    parts.push(text(PAD, at, line, `font-size="${size}"${bold ? ' font-weight="600"' : ''} ${attrs}`));
  });
  return at;
}

export interface CardSvgOptions {
  /** The app's theme when exported; light by default (slides and e-mail are mostly white). */
  theme?: CardTheme;
}

/** A standalone SVG document (with XML prolog) of one goal card, 480 px wide, height from its content. */
export function goalCardSvg(goal: GoalView, locale: Locale, options: CardSvgOptions = {}): string {
  const colors = CARD_PALETTES[options.theme ?? 'light'];
  const parts: string[] = [];
  const statusColor = colors.status[goal.status];
  // The stripe and the bar of a goal without data stay quiet; its label is in readable muted text.
  const quiet = goal.status === 'no_data' || goal.status === 'too_early';
  const stripeColor = quiet ? colors.border : statusColor;
  let y = PAD + 12;

  // The status is the card's point: it keeps its whole label; the kind gets what room is left.
  const status = `${STATUS_ICON[goal.status]} ${goal.statusLabel}`;
  const statusRoom = Math.min(INNER * 0.6, Array.from(status).length * 12 * BOLD_GLYPH);
  parts.push(
    text(
      PAD,
      y,
      clip(goal.kindLabel, capacity(12, INNER - statusRoom - 12)),
      `font-size="12" fill="${colors.muted}"`,
    ),
  );
  parts.push(
    text(
      CARD_WIDTH - PAD,
      y,
      clip(status, capacity(12, INNER * 0.6, BOLD_GLYPH)),
      `font-size="12" font-weight="600" text-anchor="end" fill="${statusColor}"`,
    ),
  );

  y = paragraph(parts, y + 10, goal.title, 18, `fill="${colors.text}"`, { bold: true, first: 24, step: 24 });
  if (goal.owner) {
    const owner = `${widgetMessage(locale, 'owner')}: ${goal.owner}`;
    y = paragraph(parts, y, owner, 13, `fill="${colors.muted}"`);
  }

  y += 14;
  const fill = goal.progress === null ? 0 : Math.min(1, Math.max(0, goal.progress));
  parts.push(`<rect x="${PAD}" y="${y}" width="${INNER}" height="8" rx="4" fill="${colors.track}"/>`);
  if (fill > 0) {
    const w = Math.max(8, Math.round(INNER * fill));
    parts.push(
      `<rect x="${PAD}" y="${y}" width="${w}" height="8" rx="4" fill="${quiet ? colors.accent : statusColor}"/>`,
    );
  }

  // "Nov: 3.57× / 4×  held 3 of 11 months": on one line when both fit, else the progress on its own.
  const values = `${goal.value} / ${goal.target}`;
  const valuesWidth = Array.from(values).length * 15 * BOLD_GLYPH;
  const progressWidth = Array.from(goal.progressText).length * 15 * GLYPH;
  if (goal.progressText && valuesWidth + 10 + progressWidth <= INNER) {
    y += 30;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="15" fill="${colors.text}"><tspan font-weight="700">${escapeXml(
        values,
      )}</tspan><tspan dx="10" fill="${colors.muted}">${escapeXml(goal.progressText)}</tspan></text>`,
    );
  } else {
    y = paragraph(parts, y + 10, values, 15, `fill="${colors.text}"`, { bold: true, step: 20 });
    if (goal.progressText) y = paragraph(parts, y, goal.progressText, 15, `fill="${colors.muted}"`);
  }

  // What decided the status, as the card says it: "Off track · Nov: 3.57×, below the 4× floor".
  if (goal.reason) {
    y = paragraph(parts, y, `${goal.statusLabel} · ${goal.reason}`, 13, `fill="${colors.text}"`, {
      bold: true,
      first: 22,
    });
  }
  for (const line of [goal.pace, goal.forecast]) {
    if (line) y = paragraph(parts, y, line, 13, `fill="${colors.text}"`);
  }
  if (goal.deadline) y = paragraph(parts, y, goal.deadline, 13, `fill="${colors.muted}"`);

  const spark = sparkPaths(goal.spark, 120, 28);
  if (spark.length > 0) {
    y += 12;
    parts.push(
      `<g transform="translate(${PAD} ${y})" fill="none" stroke="${colors.accent}" stroke-width="1.5" stroke-linejoin="round">${spark
        .map((d) => `<path d="${d}"/>`)
        .join('')}</g>`,
    );
    y += 28;
  }

  const height = y + PAD;
  const label = [
    `${goal.title} — ${goal.statusLabel}, ${goal.value} / ${goal.target}, ${goal.progressText}`,
    ...(goal.reason ? [goal.reason] : []),
  ].join('. ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" role="img" aria-labelledby="pc-title" xml:lang="${locale}" font-family="${escapeXml(FONT)}">`,
    `<title id="pc-title">${escapeXml(label)}</title>`,
    `<rect x="0.5" y="0.5" width="${CARD_WIDTH - 1}" height="${height - 1}" rx="10" fill="${colors.surface}" stroke="${colors.border}"/>`,
    `<rect x="0.5" y="0.5" width="5" height="${height - 1}" rx="2" fill="${stripeColor}"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
