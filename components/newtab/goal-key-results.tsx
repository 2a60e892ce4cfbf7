import type { KeyResultRow } from '../../lib/app/goal-key-results';
import type { Translator } from '../../lib/i18n/translate';
import { StatusPill } from '../widgets/status-pill';

/**
 * A goal's key results in its detail: title (opening its own detail), status and score, under a note
 * saying the objective's score is their mean — the numbers behind "0.38 / 1.00" without going back to
 * the OKR panel.
 */
export function GoalKeyResults({
  rows,
  score,
  t,
  onOpen,
}: {
  rows: KeyResultRow[];
  /** The objective's own score as its card writes it ("0.38"); no note without one. */
  score: string | undefined;
  t: Translator;
  onOpen: (id: string) => void;
}) {
  if (rows.length === 0) return null;
  const weighted = rows.some((r) => r.weight !== undefined);
  return (
    <section class="pc-okr pc-detail-krs" aria-labelledby="detail-krs" data-testid="detail-key-results">
      <h3 id="detail-krs">{t('detail.keyResults')}</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.id} data-kr-id={r.id}>
            <button type="button" class="pc-link" onClick={() => onOpen(r.id)}>
              {r.title}
            </button>
            <span class="pc-kr-meta">
              <StatusPill status={r.status} label={r.statusLabel} />
              {r.weight !== undefined && (
                <span class="pc-muted"> · {t('detail.krWeight', { weight: r.weight })}</span>
              )}{' '}
              <span class="pc-kr-score" data-testid="detail-kr-score">
                {t('detail.krScore', { score: r.scoreText })}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {score !== undefined && (
        <p class="pc-muted">
          {t(weighted ? 'detail.keyResultsNoteWeighted' : 'detail.keyResultsNote', { score })}
        </p>
      )}
    </section>
  );
}
