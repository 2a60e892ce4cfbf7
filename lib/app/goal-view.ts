import * as z from 'zod/mini';
import { Locale } from '../schema/common';
import { Unit } from '../schema/metric';

/**
 * What a goal card shows, already computed and formatted. It is the one shape shared by the new-tab
 * first-paint cache, the popup, CRM overlays and embeddable widget snapshots, so it is a zod schema:
 * each of those reads it across a boundary (localStorage, a JSON attribute, a snapshot file).
 */
/** `too_early`: a value, but not yet enough to judge it (lib/engine/status.ts rule 5b); `no_data`: no value. */
export const ViewStatus = z.enum(['on_track', 'at_risk', 'off_track', 'done', 'too_early', 'no_data']);
export type ViewStatus = z.infer<typeof ViewStatus>;

const Text = z.string().check(z.maxLength(400));

export const GoalView = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  title: Text,
  kind: z.enum(['bhag', 'objective', 'key_result', 'kpi_target', 'milestone']),
  kindLabel: Text,
  owner: z.optional(Text),
  perspective: z.optional(z.enum(['financial', 'customer', 'internal_process', 'learning_growth'])),
  status: ViewStatus,
  statusLabel: Text,
  /** Why the status is what it is (the reason that decided it), shown beside it: "12% chance by Dec 31". */
  reason: z.optional(Text),
  /** Progress as the goal's type defines it (docs/figures.md), never below 0; null without data. */
  progress: z.nullable(z.number()),
  progressText: Text,
  value: Text,
  target: Text,
  pace: z.optional(Text),
  forecast: z.optional(Text),
  deadline: z.optional(Text),
  /** Recent per-period values for the sparkline, oldest first. */
  spark: z.array(z.nullable(z.number())).check(z.maxLength(120)),
  pinned: z.optional(z.boolean()),
  okrScore: z.optional(z.nullable(z.number())),
  parentId: z.optional(z.string()),
  /** Its window has not opened yet: nothing to check in on. */
  notStarted: z.optional(z.boolean()),
});
export type GoalView = z.infer<typeof GoalView>;

export const ChartView = z.object({
  goalId: z.string(),
  /** What the first series is: a running total, or a level per period (keep: against a flat threshold). */
  type: z.optional(z.enum(['total', 'level', 'keep'])),
  /**
   * A level read as the sum of this many complete months at each point (annual revenue, "12 months to
   * Nov"): the first series is that sum, "12-month total", never "Value per period".
   */
  rollingMonths: z.optional(z.int().check(z.gte(1), z.lte(36))),
  /** x in seconds (uPlot), then actual (cumulative), target trajectory, forecast p10, p50, p90. */
  xs: z.array(z.number()),
  actual: z.array(z.nullable(z.number())),
  target: z.array(z.nullable(z.number())),
  low: z.array(z.nullable(z.number())),
  mid: z.array(z.nullable(z.number())),
  high: z.array(z.nullable(z.number())),
  unitLabel: z.optional(Text),
  /** The unit the numbers are written in ("$2M", "3.6×", "32%"), as on the card and the app's chart. */
  unit: z.optional(Unit),
  /** A budget cap (a total whose way is down): drawn flat; `target` is then its planned line. */
  cap: z.optional(z.number()),
  /** The target line runs through the goal's own milestones: named "Plan (through milestones)". */
  planned: z.optional(z.boolean()),
});
export type ChartView = z.infer<typeof ChartView>;

export const PerspectiveView = z.object({
  perspective: z.enum(['financial', 'customer', 'internal_process', 'learning_growth']),
  label: Text,
  status: ViewStatus,
  goalIds: z.array(z.string()),
  /** Goals already achieved (a met quarter): shown as done, not counted in the status. */
  achievedIds: z.optional(z.array(z.string())),
  /**
   * A snapshot's: how many of the perspective's goals on the dashboard were not shared. The card says
   * so ("3 goals not shared") rather than pass for the dashboard's whole perspective.
   */
  notShared: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
});
export type PerspectiveView = z.infer<typeof PerspectiveView>;

export const SNAPSHOT_FORMAT = 'pacer-snapshot';

export const Snapshot = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  generatedAt: z.number(),
  locale: Locale,
  title: z.optional(Text),
  goals: z.array(GoalView).check(z.maxLength(500)),
  charts: z.optional(z.array(ChartView)),
  scorecard: z.optional(z.array(PerspectiveView)),
});
export type Snapshot = z.infer<typeof Snapshot>;
