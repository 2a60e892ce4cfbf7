import type { GrowthGap, GrowthRow } from '../../lib/app/dashboard-types';
import { dimensionValueLabel } from '../../lib/app/dimension-labels';
import { tr } from '../app/session';

/**
 * The growth-KPI pack by channel and by segment: one row per KPI, one column per channel (or segment),
 * each cell the last complete month and its change against the month before.
 */
export function GrowthTable({
  rows,
  compared,
  gaps = [],
}: {
  rows: GrowthRow[];
  compared?: string;
  gaps?: GrowthGap[];
}) {
  const t = tr.value;
  /** Under a breakdown: the KPIs it cannot show, and why, rather than a row that silently vanished. */
  const gapNote = (dimension: GrowthGap['dimension']) => {
    const list = gaps.filter((g) => g.dimension === dimension);
    return list.length ? (
      <p class="pc-muted pc-growth-gaps" data-testid={`growth-gaps-${dimension}`}>
        {t('growth.notBrokenDown', {
          dimension: t(`growth.dimension.${dimension}`),
          list: list.map((g) => g.text).join('; '),
        })}
      </p>
    ) : null;
  };
  if (rows.length === 0)
    return (
      <>
        <p class="pc-muted">{t('widget.empty')}</p>
        {gapNote('channel')}
        {gapNote('segment')}
      </>
    );
  const groups = (
    [
      { dimension: 'channel', title: t('dashboard.byChannel') },
      { dimension: 'segment', title: t('dashboard.bySegment') },
    ] as const
  ).map((g) => ({ ...g, list: rows.filter((r) => r.dimension === g.dimension) }));
  return (
    <div class="pc-growth">
      {groups.map(({ dimension, title, list }) => {
        if (list.length === 0) {
          const note = gapNote(dimension);
          return note && <div key={title}>{note}</div>;
        }
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
            {gapNote(dimension)}
          </div>
        );
      })}
    </div>
  );
}
