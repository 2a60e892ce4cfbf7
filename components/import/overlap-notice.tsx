import { dimensionValueLabel } from '../../lib/app/dimension-labels';
import { startOfLocalDay } from '../../lib/engine/time-buckets';
import { formatDate, formatExactValue } from '../../lib/i18n/format';
import type { OverlapChoice } from '../../lib/import/overlap';
import { DIMENSIONS, type DimensionValues } from '../../lib/schema';
import { settings, tr } from '../app/session';
import { overlap, overlapChoice, overlapUnchecked, targetMetric } from './import-model';

/**
 * The check step's account of what a KPI file does to the values its KPI already holds
 * (lib/import/overlap.ts): values an earlier import will change, and days that already hold values
 * logged another way, with the choice of what happens on them. The import waits for that choice.
 */
export function OverlapNotice() {
  const t = tr.value;
  const s = settings.value;
  const report = overlap.value;
  const metric = targetMetric.value;
  if (overlapUnchecked.value)
    return (
      <p class="pi-notes" data-testid="import-overlap-unchecked">
        {t('overlap.notChecked')}
      </p>
    );
  if (!report || !metric) return null;
  const value = (v: number) => formatExactValue(v, metric.unit, s.locale);
  const dims = (d: DimensionValues) =>
    DIMENSIONS.flatMap((k) => (d[k] ? [dimensionValueLabel(d[k], t)] : [])).join(' · ');
  const day = (key: string, d: DimensionValues) => {
    const date = formatDate(startOfLocalDay(key, s.timeZone), s.locale, s.timeZone, 'medium');
    const where = dims(d);
    return where ? `${date} · ${where}` : date;
  };
  const sum = metric.aggregation === 'sum';
  const choose = (c: OverlapChoice) => () => {
    overlapChoice.value = c;
  };
  const choices: [OverlapChoice, string][] = [
    ['replace', t('overlap.replace')],
    ['skip', t('overlap.skip')],
    ['add', t(sum ? 'overlap.add.sum' : 'overlap.add.level')],
  ];

  return (
    <>
      {report.changed > 0 && (
        <div class="pi-notes" data-testid="import-overlap-changed">
          <p>{t.plural('overlap.changed', report.changed)}</p>
          <ul>
            {report.changedExamples.map((c) => (
              <li key={`${c.day}${dims(c.dims)}`}>
                {t('overlap.change', {
                  day: day(c.day, c.dims),
                  before: value(c.before),
                  after: value(c.after),
                })}
              </li>
            ))}
            {report.changed > report.changedExamples.length && (
              <li>{t.plural('overlap.more', report.changed - report.changedExamples.length)}</li>
            )}
          </ul>
        </div>
      )}
      {report.unchanged > 0 && (
        <p data-testid="import-overlap-unchanged">{t.plural('overlap.unchanged', report.unchanged)}</p>
      )}
      {report.occupiedDays > 0 && (
        <fieldset class="pi-overlap" data-testid="import-overlap-occupied">
          <legend>{t.plural('overlap.occupied', report.occupiedDays)}</legend>
          <p>{t(sum ? 'overlap.occupied.sum' : 'overlap.occupied.level')}</p>
          {report.sameValueDays > 0 && (
            <p data-testid="import-overlap-same">
              {report.sameValueDays === report.occupiedDays
                ? t('overlap.same.all')
                : t('overlap.same.some', { same: report.sameValueDays })}
            </p>
          )}
          <table class="pi-table">
            <thead>
              <tr>
                <th scope="col">{t('overlap.day')}</th>
                <th scope="col" class="pc-num">
                  {t('overlap.stored')}
                </th>
                <th scope="col" class="pc-num">
                  {t('overlap.incoming')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.occupiedExamples.map((o) => (
                <tr key={`${o.day}${dims(o.dims)}`}>
                  <th scope="row">{day(o.day, o.dims)}</th>
                  <td class="pc-num">{value(o.stored)}</td>
                  <td class="pc-num">{value(o.incoming)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.occupiedDays > report.occupiedExamples.length && (
            <p>{t.plural('overlap.more', report.occupiedDays - report.occupiedExamples.length)}</p>
          )}
          <fieldset class="pi-overlap-choice">
            <legend>{t('overlap.choose')}</legend>
            {choices.map(([c, label]) => (
              <label key={c} class="pi-check">
                <input
                  type="radio"
                  name="overlap-choice"
                  value={c}
                  data-testid={`import-overlap-${c}`}
                  checked={overlapChoice.value === c}
                  onChange={choose(c)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <p class="pc-muted">{t('overlap.undo')}</p>
        </fieldset>
      )}
    </>
  );
}
