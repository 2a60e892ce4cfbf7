import { widgetGoalChartLabels } from '../../../lib/charts/goal-chart-labels';
import { chartFormats, goalChartPlan } from '../../../lib/charts/goal-chart-series';
import { formatCompact } from '../../../lib/i18n/format';
import { KpiChart } from '../../shared/kpi-chart';
import { BASE_ATTRIBUTES, PacerElement, type RenderContext } from './pacer-element';
import { adoptStyles } from './styles';

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
 * `<pacer-kpi-chart goal-id="…" [height]>`: the goal's value against its trajectory (or threshold), with
 * the forecast band when it has one: the goal detail's chart.
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
    // The app's chart, series for series (lib/charts/goal-chart-series.ts): the same names, the same
    // axis units, and only the series that have something to draw.
    // A snapshot from before charts carried their type names its first line "Actual".
    const plan = goalChartPlan(chart, widgetGoalChartLabels(msg, !!chart.type));
    // A snapshot from before charts carried their unit: compact numbers with the unit's label.
    const unit = chart.unitLabel ? ` ${chart.unitLabel}` : '';
    const formats = chart.unit
      ? chartFormats(chart.unit, locale)
      : { axis: (v: number) => `${formatCompact(v, locale)}${unit}`, point: undefined };
    return (
      <figure class="pc-panel pc-chart-widget" data-goal-id={goal.id} style={{ margin: 0 }}>
        <figcaption class="pc-panel-title">{goal.title}</figcaption>
        <KpiChart
          data={plan.data}
          series={plan.series}
          band={plan.band}
          height={chartHeight(this.getAttribute('height'))}
          label={msg('chartLabel', { title: goal.title })}
          formatValue={formats.axis}
          formatPoint={formats.point}
          locale={locale}
          liveLegend={false}
        />
      </figure>
    );
  }
}
