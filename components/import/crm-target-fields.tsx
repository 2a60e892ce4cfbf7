import { templateProblem } from '../../lib/import/custom-records';
import { CRM_IDS } from '../../lib/schema';
import { tr } from '../app/session';
import type { Draft, PreviewRow } from './import-draft';
import { customLeads, customMappings, draft, scores, setCrmTarget, updateDraft } from './import-model';
import { CRM_NAMES } from './labels';

/**
 * Which CRM a leads export belongs to: a built-in one, or one the user mapped by pointing ("Other
 * CRM"), whose rows are tied to the records its pages show by a record address with {id}.
 */
export function CrmTargetFields({ rows }: { rows: PreviewRow[] | null }) {
  const t = tr.value;
  const d = draft.value;
  if (d?.kind !== 'leads') return null;
  const mappings = customMappings.value;
  const origins = [...new Set(mappings.map((m) => m.origin))];
  const value = d.customOrigin ? `custom:${d.customOrigin}` : (d.crm ?? '');
  const leadIds = new Set(customLeads.value.map((l) => l.id));
  const ok = rows?.filter((r) => r.record) ?? [];
  const matched = ok.filter((r) => r.record && leadIds.has(r.record.id as string)).length;
  const fromLeads = d.customOrigin
    ? customLeads.value.filter((l) => l.crm === `custom:${d.customOrigin}` && l.objectType === d.objectType)
        .length
    : 0;
  return (
    <>
      <label>
        {t('csv.crm')}
        <select value={value} data-testid="import-crm" onChange={(e) => setCrmTarget(e.currentTarget.value)}>
          {!value && <option value="">—</option>}
          {CRM_IDS.map((c) => (
            <option key={c} value={c}>
              {CRM_NAMES[c]}
            </option>
          ))}
          {origins.map((origin) => {
            const label = mappings.find((m) => m.origin === origin && m.label)?.label ?? new URL(origin).host;
            return (
              <option key={origin} value={`custom:${origin}`}>
                {t('crmdata.mappedCrm', { name: label })}
              </option>
            );
          })}
        </select>
      </label>
      {d.customOrigin && (
        <label class="pi-wide">
          {t('crmdata.template')}
          <input
            type="text"
            value={d.recordTemplate ?? ''}
            spellcheck={false}
            data-testid="import-record-template"
            aria-describedby="pi-template-hint"
            onInput={(e) =>
              updateDraft({ recordTemplate: e.currentTarget.value.trim(), templateSource: 'user' })
            }
          />
          <small id="pi-template-hint" data-testid="import-template-hint">
            {t('crmdata.templateHint', { id: '{id}' })}{' '}
            {d.templateSource === 'leads'
              ? t('crmdata.templateFrom.leads', { count: fromLeads })
              : d.templateSource === 'mapping'
                ? t('crmdata.templateFrom.mapping')
                : ''}
          </small>
          {ok.length > 0 && fromLeads > 0 && (
            <small data-testid="import-template-matches">
              {matched > 0
                ? t('crmdata.matches', { matched, total: ok.length })
                : t('crmdata.matchesNone', { total: ok.length })}
            </small>
          )}
        </label>
      )}
    </>
  );
}

/** Problems that stop a leads import tied to no CRM, or to a mapped one with an unusable address. */
export function crmTargetProblems(d: Draft): string[] {
  const t = tr.value;
  if (d.kind !== 'leads') return [];
  if (!d.crm && !d.customOrigin) return [t('crmdata.noMappings')];
  if (!d.customOrigin) return [];
  const problem = templateProblem({ origin: d.customOrigin, template: d.recordTemplate ?? '' });
  if (problem === 'missing-slot') return [t('crmdata.problem.slot', { id: '{id}' })];
  if (problem === 'other-origin') return [t('crmdata.problem.origin', { origin: d.customOrigin })];
  if (problem === 'not-a-url') return [t('crmdata.problem.url')];
  return [];
}

/** How sure the detection is of the reading shown, or that the user chose another one. */
export function DetectionConfidence() {
  const t = tr.value;
  const d = draft.value;
  const s = scores.value;
  if (!d || !s) return null;
  const score = s.byProfile[d.profileId] ?? 0;
  const percent = `${Math.round(score * 100)}%`;
  const key =
    d.profileId !== s.detected
      ? 'crmdata.confidence.chosen'
      : score >= 0.8
        ? 'crmdata.confidence.sure'
        : 'crmdata.confidence.unsure';
  return (
    <p
      class={score >= 0.8 || d.profileId !== s.detected ? 'pi-confidence' : 'pi-confidence pi-unsure'}
      data-testid="import-confidence"
    >
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={score} aria-hidden="true" />{' '}
      {t(key, { percent })}
    </p>
  );
}
