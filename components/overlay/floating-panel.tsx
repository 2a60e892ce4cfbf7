/**
 * The small floating panel on a CRM page: the current revenue goal's progress and pace (the same
 * GoalCard as the new tab), how many records Pacer read here, and the "Pacer can't read this page"
 * notice with its one-click re-map. The user can collapse it and drag it by its bar; where it sits is
 * remembered per site by the caller (onChange).
 */
import { useRef } from 'preact/hooks';
import type { GoalView } from '../../lib/app/goal-view';
import { adaptersTranslator } from '../../lib/i18n/messages-crm-health';
import { overlayTranslator } from '../../lib/i18n/messages-overlay';
import type { GoalOption, MeasuredGoal } from '../../lib/overlay/overlay-context';
import { dragPanel } from '../../lib/overlay/panel-position';
import type { PanelState } from '../../lib/overlay/stored';
import type { Locale } from '../../lib/schema/common';
import { GoalCard } from '../widgets/goal-card';
import { HealthDetails, type HealthDetailsProps } from './health-details';
import { MeasuredGoalLine } from './measured-goal';

/** 'fallback': the adapter read nothing and the header-based reader reads the list instead. */
export type PanelNotice = 'cant-read' | 'unmapped' | 'fallback' | null;

export interface FloatingPanelProps {
  locale: Locale;
  goal: GoalView | null;
  readCount: number;
  notice: PanelNotice;
  state: PanelState;
  onChange(state: PanelState, done: boolean): void;
  onMap(): void;
  /** The health notice's "Details" (diagnostics of this page), on built-in CRMs. */
  health?: Pick<HealthDetailsProps, 'crmLabel' | 'diagnose'>;
  /** The goal the deal badges' shares are of, and the others the user may pick for this site. */
  measured?: MeasuredGoal | null;
  options?: readonly GoalOption[];
  onPickGoal?(goalId: string | undefined): void;
}

export function FloatingPanel({
  locale,
  goal,
  readCount,
  notice,
  state,
  onChange,
  onMap,
  health,
  measured = null,
  options = [],
  onPickGoal,
}: FloatingPanelProps) {
  const tr = overlayTranslator(locale);
  const panel = useRef<HTMLElement>(null);
  const drag = useRef<{ x: number; y: number; start: PanelState } | null>(null);

  const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });
  const size = () => {
    const r = panel.current?.getBoundingClientRect();
    return { width: r?.width ?? 0, height: r?.height ?? 0 };
  };
  const onPointerDown = (e: PointerEvent) => {
    // Buttons keep their clicks, except the move handle, which is also a drag grip.
    const button = (e.target as Element | null)?.closest('button');
    if (button && button.getAttribute('data-testid') !== 'panel-move') return;
    drag.current = { x: e.clientX, y: e.clientY, start: state };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (d) onChange(dragPanel(d.start, e.clientX - d.x, e.clientY - d.y, viewport(), size()), false);
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (d) onChange(dragPanel(d.start, e.clientX - d.x, e.clientY - d.y, viewport(), size()), true);
  };
  // Keyboard users move the panel with the arrow keys on its move handle.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    onChange(dragPanel(state, move[0], move[1], viewport(), size()), true);
  };

  return (
    <section
      ref={panel}
      class={`pc-overlay pc-panel${state.collapsed ? ' pc-collapsed' : ''}`}
      aria-label={tr('overlay.panel.label')}
      data-testid="pacer-panel"
      // Positioned inside the shadow root: the host's own styles are reset by `all: initial`.
      style={{ position: 'fixed', right: `${state.x}px`, bottom: `${state.y}px`, zIndex: 2147483646 }}
    >
      <div
        class="pc-panel-bar"
        title={tr('overlay.panel.move')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        <button
          type="button"
          class="pc-icon-button"
          aria-label={tr('overlay.panel.move')}
          data-testid="panel-move"
          onKeyDown={onKeyDown}
        >
          <GripIcon />
        </button>
        <span class="pc-panel-title">{tr('app.name')}</span>
        {notice === 'cant-read' && state.collapsed && <WarningIcon />}
        <button
          type="button"
          class="pc-icon-button"
          aria-expanded={!state.collapsed}
          aria-label={tr(state.collapsed ? 'overlay.panel.expand' : 'overlay.panel.collapse')}
          data-testid="panel-toggle"
          onClick={() => onChange({ ...state, collapsed: !state.collapsed }, true)}
        >
          <ChevronIcon up={state.collapsed} />
        </button>
      </div>
      {!state.collapsed && (
        <div class="pc-panel-body">
          {notice && (
            <div class="pc-notice" role="status" data-testid={`panel-notice-${notice}`}>
              <span>
                {notice === 'fallback' && health
                  ? adaptersTranslator(locale)('health.fallback', { crm: health.crmLabel })
                  : tr(notice === 'unmapped' ? 'overlay.unmapped' : 'overlay.cantRead')}
              </span>
              <button type="button" class="pc-button pc-primary" data-testid="panel-map" onClick={onMap}>
                {tr(notice === 'unmapped' ? 'overlay.mapThisPage' : 'overlay.remap')}
              </button>
            </div>
          )}
          {notice && notice !== 'unmapped' && health && <HealthDetails locale={locale} {...health} />}
          {goal ? (
            <GoalCard
              goal={goal}
              labels={{
                progress: tr('dashboard.progressLabel'),
                trend: tr('dashboard.trendLabel'),
                owner: tr('field.owner'),
              }}
            />
          ) : (
            notice === null && <p class="pc-read-count">{tr('overlay.panel.noGoal')}</p>
          )}
          {onPickGoal && (
            <MeasuredGoalLine locale={locale} measured={measured} options={options} onPick={onPickGoal} />
          )}
          {readCount > 0 && (
            <p class="pc-read-count" data-testid="panel-read-count">
              {tr(readCount === 1 ? 'overlay.panel.read.one' : 'overlay.panel.read.other', {
                count: String(readCount),
              })}
            </p>
          )}
          {notice === null && (
            // Always reachable: a CRM has a list, a board and record pages, each mapped on its own.
            <button type="button" class="pc-button" data-testid="panel-map" onClick={onMap}>
              {tr('overlay.mapThisPage')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

// Icons are drawn, not typed: a glyph like ⠿ or ▾ sends the CRM's renderer looking for a fallback font
// that has it, which cost 5–15 ms of layout on the first pass here (issue 6's 50 ms budget).
const ICON = {
  width: 12,
  height: 12,
  viewBox: '0 0 12 12',
  'aria-hidden': 'true',
  class: 'pc-icon',
} as const;

export function GripIcon() {
  return (
    <svg {...ICON} aria-hidden="true" fill="currentColor">
      {[2.5, 6, 9.5].flatMap((y) => [4, 8].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.1" />))}
    </svg>
  );
}

export function ChevronIcon({ up }: { up: boolean }) {
  return (
    <svg
      {...ICON}
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
    >
      <path d={up ? 'M3 7.5 6 4.5 9 7.5' : 'M3 4.5 6 7.5 9 4.5'} />
    </svg>
  );
}

function WarningIcon() {
  return (
    <svg {...ICON} aria-hidden="true" fill="currentColor" data-testid="panel-warning">
      <path d="M6 1 11.5 11h-11Zm-.6 3.5v3.2h1.2V4.5Zm0 4.3v1.2h1.2V8.8Z" fill-rule="evenodd" />
    </svg>
  );
}
