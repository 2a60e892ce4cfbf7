import { useEffect, useState } from 'preact/hooks';
import { countedSoFar } from '../../../lib/app/form-counted';
import { type GoalFormContext, type GoalFormState, smartHints } from '../../../lib/app/goal-form';
import { aggregateRollups, selectRollups } from '../../../lib/engine/aggregate';
import type { DailyRollup } from '../../../lib/engine/rollup';
import type { SmartIssue } from '../../../lib/engine/smart-check';
import { addDays, localDayKey, periodStart } from '../../../lib/engine/time-buckets';
import type { Translator } from '../../../lib/i18n/translate';
import type { Metric, Settings } from '../../../lib/schema';
import { readRollups } from '../../../lib/storage/rollup-store';
import { yourRollups } from '../../../lib/team/whose-values';
import { getDb } from '../../app/session';

/** How long typing must pause before the hints are recomputed: no flicker on every key. */
const DEBOUNCE_MS = 300;

/** The metric's last 12 complete months, oldest first, for the "unrealistic growth" hint. */
function monthlyHistory(rollups: DailyRollup[], metric: Metric, settings: Settings, now: number): number[] {
  const thisMonth = periodStart(localDayKey(now, settings.timeZone), 'month', settings);
  const from = `${Number(thisMonth.slice(0, 4)) - 1}${thisMonth.slice(4)}`;
  return aggregateRollups(rollups, metric.aggregation, 'month', settings, {
    from,
    to: addDays(thisMonth, -1),
  }).map((p) => p.value);
}

export interface SmartHintsProps {
  form: GoalFormState;
  ctx: Omit<GoalFormContext, 'metric'>;
  metric: Metric | undefined;
  settings: Settings;
  t: Translator;
  /** A team goal: the hints read everyone's values. */
  everyone?: boolean;
}

/** SMART check of the goal as typed, in the UI language, announced politely as it changes. */
export function SmartHints({ form, ctx, metric, settings, t, everyone = false }: SmartHintsProps) {
  const [issues, setIssues] = useState<SmartIssue[]>([]);
  const [history, setHistory] = useState<number[]>([]);
  const [rollups, setRollups] = useState<DailyRollup[]>([]);

  useEffect(() => {
    let alive = true;
    setHistory([]);
    setRollups([]);
    if (metric && !metric.formula) {
      void getDb()
        .then(readRollups)
        .then(
          (all) => {
            if (!alive) return;
            // A team goal counts everyone's values, any other only yours (lib/team/whose-values.ts).
            const mine = selectRollups(everyone ? all : yourRollups(all), metric.id);
            setRollups(mine);
            setHistory(monthlyHistory(mine, metric, settings, ctx.now));
          },
          () => {},
        );
    }
    return () => {
      alive = false;
    };
  }, [metric?.id, everyone]);

  useEffect(() => {
    const timer = setTimeout(() => {
      // What a total already counted in its window: the hint spreads only what is left (form-counted.ts).
      const counted = metric ? countedSoFar(rollups, metric, form, ctx.now, settings.timeZone) : null;
      setIssues(smartHints(form, { ...ctx, metric, history, counted }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [form, metric, history, rollups]);

  return (
    <section class="pc-smart pc-smart-live" aria-labelledby="smart-h" data-testid="smart-hints">
      <h3 id="smart-h">{t('detail.smart')}</h3>
      <div aria-live="polite">
        {issues.length === 0 ? (
          <p class="pc-muted">{t('detail.smartOk')}</p>
        ) : (
          <ul>
            {issues.map((i) => (
              <li key={i.code} class={`pc-smart-${i.severity}`}>
                {i.message[t.locale]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
