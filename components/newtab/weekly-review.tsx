import { tr } from '../app/session';
import { CheckInWalk } from '../check-in/check-in-walk';
import { data, goals } from './model';
import './weekly-review.css';

/**
 * The weekly check-in on the new tab (issue 19, item 2): the popup's walk (one model, two surfaces)
 * in the editor dialog — every open goal of the user one by one from "Weekly review", or one goal
 * from its detail's "Check in". Answers are saved as they are given, through the same checked path.
 */
export function WeeklyReview({ goalId, onClose }: { goalId?: string; onClose: () => void }) {
  const t = tr.value;
  const list = goals.value;
  const one = goalId ? list.filter((g) => g.id === goalId) : null;
  return (
    <div class="pc-review" data-testid={one ? 'goal-check-in' : 'weekly-review'}>
      <CheckInWalk
        goals={one ?? list}
        t={t}
        onClose={onClose}
        metrics={data.value?.metrics}
        mode={one ? 'goal' : 'review'}
        title={one ? t('review.checkInGoal') : t('review.title')}
        headingId="editor-title"
      />
    </div>
  );
}
