import type { GrowthRow } from '../../lib/app/dashboard-types';
import { dimensionValueLabel } from '../../lib/app/dimension-labels';
import { tr } from '../app/session';

/**
 * The growth-KPI pack by channel and by segment: one row per KPI, one column per channel (or segment),
 * each cell the last complete month and its change against the month before.
 */
export function GrowthTable({ rows, compared }: { rows: GrowthRow[]; compared?: string }) {
  const t = tr.value;
  if (rows.length === 0) return <p class="pc-muted">{t('widget.empty')}</p>;
  const groups = [
    { title: t('dashboard.byChannel'), list: rows.filter((r) => r.dimension === 'channel') },
    { title: t('dashboard.bySegment'), list: rows.filter((r) => r.dimension === 'segment') },
  ].filter((g) => g.list.length > 0);
  return (
    <div class="pc-growth">
      {groups.map(({ title, list }) => {
        const keys = [...new Set(list.map((r) => r.key))];
        const metrics = [...new Map(list.map((r) => [r.metricId, r.metricName])).entries()];
        const cell = new Map(list.map((r) => [`${r.metricId}|${r.key}`, r]));
        return (
          <div key={title} class="pc-table-wrap">
            <table class="pc-table">
              <caption>
                {title} <span class="pc-muted">({compared ?? t('dashboard.vsPrevious')})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.metric')}</th>
                  {keys.map((k) => (
                    <th key={k} scope="col" class="pc-num">
                      {dimensionValueLabel(k, t)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {metrics.map(([id, name]) => (
                  <tr key={id}>
                    <th scope="row">{name}</th>
                    {keys.map((k) => {
                      const r = cell.get(`${id}|${k}`);
                      return (
                        <td key={k} class="pc-num">
                          {r ? r.value : '—'}
                          {r?.change && (
                            <span class={`pc-change pc-change-${r.changeDirection ?? 'none'}`}>
                              {r.change}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
