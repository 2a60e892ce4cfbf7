import type { GoalView, PerspectiveView } from '../../lib/app/goal-view';
import { StatusPill } from './status-pill';

/** The line under a goal: its progress; an objective's with its score ("0.38 · OKR score so far · 0.7 by the end is a good result"). */
function scorecardDetail(g: GoalView): string {
  return g.kind === 'objective' && g.okrScore !== undefined && g.okrScore !== null
    ? `${g.value} · ${g.progressText}`
    : g.progressText;
}

const ROW_STATUSES: ReadonlySet<GoalView['status']> = new Set(['on_track', 'at_risk', 'off_track', 'done']);

export function Scorecard({
  perspectives,
  goals,
  statusLabel,
  onOpen,
  notSharedLabel,
}: {
  perspectives: PerspectiveView[];
  goals: GoalView[];
  /** A status's label; with the goal whose own status it is, that goal's label (budget-text.ts). */
  statusLabel: (s: GoalView['status'], goal?: GoalView) => string;
  onOpen?: (id: string) => void;
  /** A snapshot's: "3 goals not shared", under the goals a perspective carries. */
  notSharedLabel?: (count: number) => string;
}) {
  const byId = new Map(goals.map((g) => [g.id, g]));
  return (
    <div class="pc-scorecard">
      {perspectives.map((p) => (
        <section key={p.perspective} class={`pc-perspective pc-status-${p.status}`} aria-label={p.label}>
          <h3>
            {p.label} {/* Nothing of it shared: no status to give, only the count below. */}
            {p.goalIds.length > 0 || !p.notShared ? (
              <StatusPill status={p.status} label={statusLabel(p.status)} />
            ) : null}
          </h3>
          <ul>
            {p.goalIds.map((id) => {
              const g = byId.get(id);
              if (!g) return null;
              // A met quarter reads "Done", as on the milestone timeline, not "On track".
              const shown = p.achievedIds?.includes(id) ? 'done' : g.status;
              return (
                <li key={id}>
                  {onOpen ? (
                    <button type="button" class="pc-link" onClick={() => onOpen(id)}>
                      {g.title}
                    </button>
                  ) : (
                    g.title
                  )}{' '}
                  <span class="pc-muted">
                    {/* Each row's own status, so the perspective's can be checked against its rows. */}
                    {ROW_STATUSES.has(shown) && (
                      <>
                        {/* Given the goal when the status is its own: a cap's reads "Within budget". */}
                        <StatusPill
                          status={shown}
                          label={statusLabel(shown, shown === g.status ? g : undefined)}
                        />
                        {' · '}
                      </>
                    )}
                    {scorecardDetail(g)}
                  </span>
                </li>
              );
            })}
            {p.notShared && notSharedLabel ? (
              <li class="pc-muted pc-not-shared" data-testid="scorecard-not-shared">
                {notSharedLabel(p.notShared)}
              </li>
            ) : null}
          </ul>
        </section>
      ))}
    </div>
  );
}
