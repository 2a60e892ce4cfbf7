import type { GoalView, ViewStatus } from '../../../lib/app/goal-view';
import { Scorecard } from '../scorecard';
import { PacerElement, type RenderContext } from './pacer-element';

/** `<pacer-scorecard>`: the balanced-scorecard perspectives of the snapshot with their goals. */
export class PacerScorecardElement extends PacerElement {
  protected renderSnapshot({ snapshot, msg }: RenderContext) {
    const perspectives = snapshot.scorecard ?? [];
    if (perspectives.length === 0) return { problem: 'error.noScorecard' } as const;
    return (
      <section aria-label={msg('scorecard')}>
        <Scorecard
          perspectives={perspectives}
          goals={snapshot.goals}
          statusLabel={(s: ViewStatus, g?: GoalView) => g?.statusLabel ?? msg(`status.${s}`)}
          notSharedLabel={(count) =>
            msg(count === 1 ? 'scorecard.notShared.one' : 'scorecard.notShared.other', {
              count: String(count),
            })
          }
        />
      </section>
    );
  }
}
