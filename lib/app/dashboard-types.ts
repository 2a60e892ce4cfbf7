import * as z from 'zod/mini';
import type { Metric } from '../schema';
import type { ChangeTone } from './change-tone';
import type { GoalView, PerspectiveView, ViewStatus } from './goal-view';
import type { KpiListItem } from './kpi-list';

/** An engine alert, formatted for the UI language. */
export const AlertView = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string(),
  goalId: z.optional(z.string()),
  metricId: z.optional(z.string()),
});
export type AlertView = z.infer<typeof AlertView>;

export interface MilestoneView {
  id: string;
  title: string;
  what?: string;
  when: string;
  whenMs: number | null;
  budget?: string;
  spent?: string;
  who?: string;
  /** A metric condition read from the milestone's own window: "₫9.9B of ₫9.5B (104%)" (milestone-progress.ts). */
  progress?: { text: string; fraction: number };
  /** The goal's status, as its card and the Scorecard show it: the bar's colour (done once met). */
  status?: ViewStatus;
  state: 'done' | 'due_soon' | 'overdue' | 'in_progress' | 'upcoming';
  /** When it was ticked off by hand (a milestone met by its metric has none): "just done" first. */
  doneAt?: number;
  parentId?: string;
}

export interface KeyResultView {
  goalId: string;
  title: string;
  score: number | null;
  scoreText: string;
  zone: 'low' | 'mid' | 'high' | 'none';
  okrType?: 'committed' | 'stretch';
}

export interface OkrView {
  objectiveId: string;
  title: string;
  score: number | null;
  scoreText: string;
  keyResults: KeyResultView[];
}

export interface GrowthRow {
  metricId: string;
  metricName: string;
  /** The dimension value (a channel or a segment) or '' for the total. */
  dimension: 'channel' | 'segment' | 'total';
  key: string;
  value: string;
  change: string | null;
  /** How the change is judged (change-tone.ts): coloured when better or worse, plain when flat or neutral. */
  changeDirection: ChangeTone | null;
}

/** A growth KPI the table cannot break down by a channel or segment, and why, in the UI language. */
export interface GrowthGap {
  metricId: string;
  dimension: 'channel' | 'segment';
  text: string;
}

export interface DashboardData {
  generatedAt: number;
  goals: GoalView[];
  alerts: AlertView[];
  scorecard: PerspectiveView[];
  milestones: MilestoneView[];
  okrs: OkrView[];
  growth: GrowthRow[];
  /** Growth KPIs with figures but none by a breakdown they are set up for (growth-rows.ts). */
  growthGaps?: GrowthGap[];
  /** What the growth table compares, for its caption: "Nov vs. Oct". */
  growthMonths?: string;
  metrics: Metric[];
  /** Every live KPI for the "Your KPIs" list, with its goals and last day logged. */
  kpis: KpiListItem[];
}
