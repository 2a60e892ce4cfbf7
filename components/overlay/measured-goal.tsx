/**
 * The panel's "Measured against": which goal's gap the deal badges' shares are of, its segment when it
 * counts one only (so a distributor goal is not read as the whole business's), and a choice of the
 * other eligible goals for this site. A pick that fell back to the rule (the goal was done, deleted or
 * passed its deadline) is said, not silently replaced. Titles are the user's own text: rendered as text.
 */
import { overlayTranslator } from '../../lib/i18n/messages-overlay';
import type { GoalOption, MeasuredGoal } from '../../lib/overlay/overlay-context';
import type { Locale } from '../../lib/schema/common';

export interface MeasuredGoalProps {
  locale: Locale;
  measured: MeasuredGoal | null;
  options: readonly GoalOption[];
  /** The goal picked for this site; undefined: Pacer's rule. */
  onPick(goalId: string | undefined): void;
}

const AUTO = '';

export function MeasuredGoalLine({ locale, measured, options, onPick }: MeasuredGoalProps) {
  const tr = overlayTranslator(locale);
  if (!measured) return null;
  const named = (o: GoalOption) => (o.segment ? `${o.title} (${o.segment})` : o.title);
  const picked = measured.how === 'picked' ? measured.goalId : AUTO;
  return (
    <div class="pc-measured" data-testid="panel-measured">
      <p class="pc-measured-line">
        <span class="pc-measured-label">{tr('overlay.panel.measuredAgainst')}</span>{' '}
        <strong data-testid="panel-measured-goal">{measured.title}</strong>
        {measured.segment && (
          <span class="pc-measured-segment" data-testid="panel-measured-segment">
            {' '}
            ({measured.segment})
          </span>
        )}
      </p>
      {measured.segment && <p class="pc-read-count">{tr('overlay.panel.segmentOnly')}</p>}
      {measured.how === 'fallback' && (
        <>
          <p class="pc-read-count" role="status" data-testid="panel-measured-fallback">
            {tr('overlay.panel.pickGone')}
          </p>
          {/* The pick is kept for when its goal opens again; the select cannot clear it, since
              "Pacer's choice" is already what it shows. */}
          <button
            type="button"
            class="pc-button pc-measured-forget"
            data-testid="panel-forget-pick"
            onClick={() => onPick(undefined)}
          >
            {tr('overlay.panel.forgetPick')}
          </button>
        </>
      )}
      {(options.length > 1 || measured.how !== 'rule') && (
        <label class="pc-measured-pick">
          <span>{tr('overlay.panel.pickGoal')}</span>
          <select
            data-testid="panel-goal-pick"
            value={picked}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onPick(v === AUTO ? undefined : v);
            }}
          >
            <option value={AUTO}>
              {tr('overlay.panel.pickAuto', { goal: named(options[0] ?? measured) })}
            </option>
            {options.map((o) => (
              <option key={o.goalId} value={o.goalId}>
                {named(o)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
