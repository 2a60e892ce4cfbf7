/**
 * The embeddable widgets: `import` this module (or load pacer-widgets.js as a module script) and use
 * the tags in any page. No extension API is used anywhere under here, so the same bundle runs on an
 * intranet page, in an exported HTML file or inside the extension. See tests/fixtures/widgets/example.html.
 */
import { PacerBadgeElement } from './badge-element';
import { PacerGoalElement } from './goal-element';
import { PacerKpiChartElement } from './kpi-chart-element';
import { defineOnce } from './pacer-element';
import { PacerProgressElement } from './progress-element';
import { PacerScorecardElement } from './scorecard-element';
import { PacerSparklineElement } from './sparkline-element';

export const PACER_ELEMENTS = {
  'pacer-goal': PacerGoalElement,
  'pacer-progress': PacerProgressElement,
  'pacer-kpi-chart': PacerKpiChartElement,
  'pacer-sparkline': PacerSparklineElement,
  'pacer-scorecard': PacerScorecardElement,
  'pacer-badge': PacerBadgeElement,
} as const;

export type PacerElementName = keyof typeof PACER_ELEMENTS;

export function definePacerElements(): void {
  for (const [name, ctor] of Object.entries(PACER_ELEMENTS)) defineOnce(name, ctor);
}

definePacerElements();

export {
  PacerBadgeElement,
  PacerGoalElement,
  PacerKpiChartElement,
  PacerProgressElement,
  PacerScorecardElement,
  PacerSparklineElement,
};
