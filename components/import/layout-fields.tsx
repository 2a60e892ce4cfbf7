import { DELIMITERS } from '../../lib/import/sniff';
import { tr } from '../app/session';
import { DetectionConfidence } from './crm-target-fields';
import { draft, layout, setDelimiter, setHasHeader, setProfile } from './import-model';
import { DELIMITER_LABELS, PROFILES, profileLabel } from './labels';

/** What the file holds and how it is cut: detected, each one a select the user can change. */
export function LayoutFields() {
  const t = tr.value;
  const d = draft.value;
  const l = layout.value;
  if (!d || !l) return null;
  return (
    <fieldset class="pc-form-grid">
      <legend>{t('csv.detected')}</legend>
      <label>
        {t('csv.kind')}
        <select
          value={d.profileId}
          data-testid="import-kind"
          onChange={(e) => setProfile(e.currentTarget.value)}
        >
          {PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {profileLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <DetectionConfidence />
      <label>
        {t('csv.delimiter')}
        <select
          value={l.delimiter}
          data-testid="import-delimiter"
          onChange={(e) => void setDelimiter(e.currentTarget.value as (typeof DELIMITERS)[number])}
        >
          {DELIMITERS.map((s) => (
            <option key={s} value={s}>
              {t(DELIMITER_LABELS[s])}
            </option>
          ))}
        </select>
      </label>
      <label class="pi-check">
        <input
          type="checkbox"
          checked={l.hasHeader}
          data-testid="import-has-header"
          onChange={(e) => setHasHeader(e.currentTarget.checked)}
        />
        {t('csv.hasHeader')}
      </label>
    </fieldset>
  );
}
