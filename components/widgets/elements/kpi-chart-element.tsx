import type { AlignedData } from '../../../lib/charts/series-data';
import { formatCompact } from '../../../lib/i18n/format';
import { type ChartSeries, KpiChart } from '../../shared/kpi-chart';
import { BASE_ATTRIBUTES, PacerElement, type RenderContext } from './pacer-element';
import { adoptStyles, tokenValue } from './styles';

let uplotCss: Promise<string> | null = null;
/** uPlot's legend and cursor CSS, fetched with uPlot itself (a lazy chunk) and adopted by each chart's root. */
function loadUplotCss(): Promise<string> {
  uplotCss ??= import('uplot/dist/uPlot.min.css?inline').then((m) => m.default);
  return uplotCss;
}

function chartHeight(value: string | null): number {
  const n = Number(value);
  return value !== null && Number.isFinite(n) && n > 0 ? Math.min(1200, Math.max(80, n)) : 240;
}

/**
 * `<pacer-kpi-chart goal-id="…" [height]>`: actual against target trajectory with the forecast band.
 * uPlot is a separate chunk, downloaded the first time one of these is on the page.
 */
export class PacerKpiChartElement extends PacerElement {
  static override get observedAttributes(): string[] {
    return [...BASE_ATTRIBUTES, 'height'];
  }

  #cssAdopted = false;

  #adoptUplotCss(): void {
    if (this.#cssAdopted) return;
    this.#cssAdopted = true;
    void loadUplotCss().then(
      (css) => adoptStyles(this.root, css),
      () => {
        // Without its CSS uPlot still draws; only the legend is plainer.
      },
    );
  }

  protected renderSnapshot({ snapshot, locale, msg }: RenderContext) {
    const goal = this.goal(snapshot);
    if ('problem' in goal) return goal;
    const chart = snapshot.charts?.find((c) => c.goalId === goal.id);
    if (!chart) return { problem: 'error.noChart', params: { id: goal.id } } as const;
    this.#adoptUplotCss();
    // Canvas cannot read var(): resolve the theme tokens the host sees now.
    const accent = tokenValue(this, 'accent', '#2156c7');
    const muted = tokenValue(this, 'muted', '#5b6472');
    const series: ChartSeries[] = [
      { label: msg('actual'), color: accent, width: 2 },
      { label: msg('target'), color: muted, dash: [6, 4], width: 1.5 },
      { label: msg('forecastLow'), color: muted, dash: [2, 3], width: 1 },
      { label: msg('forecast'), color: accent, dash: [4, 4], width: 1.5 },
      { label: msg('forecastHigh'), color: muted, dash: [2, 3], width: 1 },
    ];
    const data: AlignedData = [chart.xs, chart.actual, chart.target, chart.low, chart.mid, chart.high];
    const unit = chart.unitLabel ? ` ${chart.unitLabel}` : '';
    return (
      <figure class="pc-panel pc-chart-widget" data-goal-id={goal.id} style={{ margin: 0 }}>
        <figcaption class="pc-panel-title">{goal.title}</figcaption>
        <KpiChart
          data={data}
          series={series}
          band={[5, 3]}
          height={chartHeight(this.getAttribute('height'))}
          label={msg('chartLabel', { title: goal.title })}
          formatValue={(v) => `${formatCompact(v, locale)}${unit}`}
          locale={locale}
          timeLabel={msg('time')}
        />
      </figure>
    );
  }
}
