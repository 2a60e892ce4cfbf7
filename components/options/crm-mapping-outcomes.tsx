/**
 * A mapping's won and lost stages in the options page: the marks made in the picker, changed,
 * taken off, or added for a stage the picked page did not show (an empty "Lost" column). Leads carry
 * the outcome read with them, so a change applies from the CRM page's next read.
 */
import { useState } from 'preact/hooks';
import type { CrmMapping, StageOutcomes } from '../../lib/crm/mapping';
import { markStage, type StageOutcome, unmarkStage } from '../../lib/overlay/stages';
import { tr } from '../app/session';

const OUTCOMES: readonly StageOutcome[] = ['open', 'won', 'lost'];

export interface MappingOutcomesProps {
  mapping: CrmMapping;
  onChange(marks: StageOutcomes): void;
}

export function MappingOutcomes({ mapping, onChange }: MappingOutcomesProps) {
  const t = tr.value;
  const [stage, setStage] = useState('');
  const [outcome, setOutcome] = useState<StageOutcome>('won');
  const [error, setError] = useState(false);
  const marks = mapping.stageOutcomes;
  const marked = marks ? OUTCOMES.flatMap((o) => marks[o].map((s) => [s, o] as const)) : [];
  const label = (o: StageOutcome) => t(`picker.outcome.${o}`);

  const add = (e: Event) => {
    e.preventDefault();
    const name = stage.trim();
    if (!name || name.length > 500) {
      setError(true);
      return;
    }
    setError(false);
    setStage('');
    onChange(markStage(marks, name, outcome));
  };

  return (
    <details class="pc-mapping-outcomes" data-testid="crm-mapping-outcomes">
      <summary>
        {t('crm.mappings.outcomes')} ({marked.length})
      </summary>
      {marked.length === 0 ? (
        <p class="pc-muted">{t('crm.mappings.outcomes.none')}</p>
      ) : (
        <ul>
          {marked.map(([name, o]) => (
            <li key={name} data-testid="crm-mapping-outcome">
              <span>{name}</span>{' '}
              <select
                value={o}
                aria-label={name}
                onChange={(e) =>
                  onChange(
                    markStage(marks, name, (e.currentTarget as HTMLSelectElement).value as StageOutcome),
                  )
                }
              >
                {OUTCOMES.map((x) => (
                  <option key={x} value={x}>
                    {label(x)}
                  </option>
                ))}
              </select>{' '}
              <button type="button" onClick={() => marks && onChange(unmarkStage(marks, name))}>
                {t('crm.mappings.outcomes.unmark')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          {t('crm.mappings.outcomes.stage')}{' '}
          <input
            type="text"
            maxLength={500}
            value={stage}
            data-testid="crm-mapping-outcome-stage"
            onInput={(e) => setStage((e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <select
          value={outcome}
          aria-label={t('crm.mappings.outcomes')}
          data-testid="crm-mapping-outcome-value"
          onChange={(e) => setOutcome((e.currentTarget as HTMLSelectElement).value as StageOutcome)}
        >
          {OUTCOMES.map((x) => (
            <option key={x} value={x}>
              {label(x)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" data-testid="crm-mapping-outcome-add">
          {t('crm.mappings.outcomes.mark')}
        </button>
      </form>
      {error && (
        <p class="pc-error" role="alert">
          {t('crm.mappings.outcomes.empty')}
        </p>
      )}
      <p class="pc-muted">{t('crm.mappings.outcomes.next')}</p>
    </details>
  );
}
