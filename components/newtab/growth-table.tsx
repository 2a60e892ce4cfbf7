import type { GrowthRow } from '../../lib/app/dashboard-types';
import { tr } from '../app/session';

/** The growth-KPI pack by channel and by segment, with the change against the previous period. */
export function GrowthTable({ rows }: { rows: GrowthRow[] }) {
  const t = tr.value;
  if (rows.length === 0) return <p class="pc-muted">{t('widget.empty')}</p>;
  const groups: [string, GrowthRow[]][] = [
    [t('dashboard.byChannel'), rows.filter((r) => r.dimension === 'channel' || r.dimension === 'total')],
    [t('dashboard.bySegment'), rows.filter((r) => r.dimension === 'segment')],
  ];
  return (
    <div class="pc-growth">
      {groups.map(([title, list]) =>
        list.length === 0 ? null : (
          <table key={title} class="pc-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.metric')}</th>
                <th scope="col">{title}</th>
                <th scope="col">{t('dashboard.value')}</th>
                <th scope="col">
                  {t('dashboard.change')} <span class="pc-visually-hidden">{t('dashboard.vsPrevious')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={`${r.metricId}|${r.key}`}>
                  <th scope="row">{r.metricName}</th>
                  <td>{r.key || '—'}</td>
                  <td class="pc-num">{r.value}</td>
                  <td class={`pc-num pc-change-${r.changeDirection ?? 'none'}`}>{r.change ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </div>
  );
}
