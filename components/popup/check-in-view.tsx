import type { GoalView } from '../../lib/app/goal-view';
import type { Translator } from '../../lib/i18n/translate';
import { CheckInWalk } from '../check-in/check-in-walk';
import { logObservation, metrics, saveCheckIn } from './popup-model';

/**
 * The popup's weekly check-in: the walk shared with the new tab's weekly review
 * (components/check-in/check-in-walk.tsx), with the popup's KPIs and its save.
 */
export function CheckInView({
  goals,
  t,
  onClose,
}: {
  goals: GoalView[];
  t: Translator;
  onClose: () => void;
}) {
  return (
    <CheckInWalk
      goals={goals}
      t={t}
      onClose={onClose}
      metrics={metrics.value}
      save={saveCheckIn}
      logValue={logObservation}
    />
  );
}
