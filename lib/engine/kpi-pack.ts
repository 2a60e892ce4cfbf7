import type { Dimension, Goal, Metric, Unit } from '../schema';
import { metricNamed } from '../schema/metric-names';
import type { Message } from './messages';

/**
 * The growth-KPI pack: ready templates a user adds in one step. Derived templates reference the base
 * templates by template id in their formula (`{revenue}`); instantiateTemplate rewrites those to the
 * ids of the user's actual metrics, creating any missing base metric on the way.
 * Derived values are computed per period (week, month …) from the bases aggregated over that period,
 * so "per month" KPIs should be read at month granularity.
 */
export interface KpiTemplate {
  id: string;
  name: Message;
  definition: Message;
  /** Fields of the metric to create; absent for a template that only sets up a goal on a base metric. */
  metric?: Pick<Metric, 'direction' | 'aggregation' | 'dimensions'> & {
    unit: Unit['kind'];
    /** Uses template ids in braces. */
    formula?: string;
  };
  /** Base templates the formula (or goal) needs. */
  needs: readonly string[];
  /** For goal-shaped templates: how the goal should be set up. */
  goal?: Pick<Goal, 'measure' | 'trajectory' | 'kind'> & { metricTemplate: string };
}

const ALL_DIMS: Dimension[] = ['channel', 'segment', 'owner', 'businessUnit'];

const base = (
  id: string,
  name: Message,
  definition: Message,
  unit: Unit['kind'],
  dimensions: Dimension[],
  aggregation: Metric['aggregation'] = 'sum',
  direction: Metric['direction'] = 'up',
): KpiTemplate => ({ id, name, definition, metric: { unit, direction, aggregation, dimensions }, needs: [] });

const derived = (
  id: string,
  name: Message,
  definition: Message,
  unit: Unit['kind'],
  formula: string,
  needs: string[],
  dimensions: Dimension[],
  direction: Metric['direction'] = 'up',
): KpiTemplate => ({
  id,
  name,
  definition,
  // Derived metrics are evaluated from aggregated bases, so their own aggregation only matters when
  // someone logs values for them by hand: 'last' is the honest choice for a rate.
  metric: { unit, direction, aggregation: 'last', dimensions, formula },
  needs,
});

export const KPI_TEMPLATES: readonly KpiTemplate[] = [
  // Base metrics
  base(
    'revenue',
    { en: 'Revenue', vi: 'Doanh thu' },
    {
      en: 'Money invoiced to customers in the period, before costs.',
      vi: 'Số tiền xuất hóa đơn cho khách hàng trong kỳ, trước khi trừ chi phí.',
    },
    'currency',
    ALL_DIMS,
  ),
  base(
    'costs',
    { en: 'Total costs', vi: 'Tổng chi phí' },
    {
      en: 'Every cost of the period: cost of goods sold plus operating costs.',
      vi: 'Toàn bộ chi phí trong kỳ: giá vốn hàng bán cộng chi phí vận hành.',
    },
    'currency',
    ['businessUnit'],
    'sum',
    'down',
  ),
  base(
    'cogs',
    { en: 'Cost of goods sold', vi: 'Giá vốn hàng bán' },
    {
      en: 'The direct cost of what was sold in the period.',
      vi: 'Chi phí trực tiếp của hàng hóa, dịch vụ đã bán trong kỳ.',
    },
    'currency',
    ['businessUnit'],
    'sum',
    'down',
  ),
  base(
    'customers',
    { en: 'Active customers', vi: 'Khách hàng đang hoạt động' },
    {
      en: 'Number of paying customers at the end of the period (a stock: the latest count is used).',
      vi: 'Số khách hàng đang trả tiền vào cuối kỳ (số tồn: dùng số đếm mới nhất).',
    },
    'count',
    ['segment'],
    'last',
  ),
  base(
    'new_customers',
    { en: 'New customers (acquisition)', vi: 'Khách hàng mới (thu hút)' },
    {
      en: 'Customers who bought for the first time during the period, by segment and channel.',
      vi: 'Khách hàng mua lần đầu trong kỳ, theo phân khúc và kênh.',
    },
    'count',
    ['segment', 'channel'],
  ),
  base(
    'leads',
    { en: 'Leads', vi: 'Khách hàng tiềm năng' },
    {
      en: 'New contacts who showed interest during the period.',
      vi: 'Liên hệ mới thể hiện sự quan tâm trong kỳ.',
    },
    'count',
    ['channel', 'owner'],
  ),
  base(
    'mqls',
    { en: 'Marketing-qualified leads (MQL)', vi: 'Khách hàng tiềm năng đủ điều kiện marketing (MQL)' },
    {
      en: 'Leads that marketing judged ready for sales during the period.',
      vi: 'Khách hàng tiềm năng được bộ phận marketing đánh giá là sẵn sàng chuyển cho bán hàng trong kỳ.',
    },
    'count',
    ['channel'],
  ),
  base(
    'ad_spend',
    { en: 'Ad spend', vi: 'Chi phí quảng cáo' },
    {
      en: 'Money spent on advertising and paid acquisition in the period, by channel.',
      vi: 'Số tiền chi cho quảng cáo và thu hút khách hàng trả phí trong kỳ, theo kênh.',
    },
    'currency',
    ['channel'],
    'sum',
    // Neither better nor worse when it moves: an input (less spend at the same ROAS is less revenue).
    // What it buys is judged by cost per lead / MQL, CAC and ROAS, which have directions.
    'neutral',
  ),
  // Derived KPIs
  derived(
    'profit',
    { en: 'Profit', vi: 'Lợi nhuận' },
    { en: 'Revenue minus total costs.', vi: 'Doanh thu trừ tổng chi phí.' },
    'currency',
    '{revenue} - {costs}',
    ['revenue', 'costs'],
    ['businessUnit'],
  ),
  derived(
    'gross_margin_pct',
    { en: 'Gross margin %', vi: 'Biên lợi nhuận gộp %' },
    {
      en: '(Revenue − cost of goods sold) ÷ revenue × 100. No value when revenue is zero.',
      vi: '(Doanh thu − giá vốn hàng bán) ÷ doanh thu × 100. Không có giá trị khi doanh thu bằng 0.',
    },
    'percent',
    '({revenue} - {cogs}) / {revenue} * 100',
    ['revenue', 'cogs'],
    ['businessUnit'],
  ),
  {
    id: 'revenue_vs_trajectory',
    name: { en: 'Revenue vs. growth trajectory', vi: 'Doanh thu so với lộ trình tăng trưởng' },
    definition: {
      en: 'A revenue target for the period with a trajectory (linear, or phased by last year’s months): shows revenue to date against where it should be today, the gap, and the run-rate needed.',
      vi: 'Mục tiêu doanh thu của kỳ kèm lộ trình (tuyến tính, hoặc phân bổ theo các tháng của năm trước): so sánh doanh thu đến nay với mức cần đạt hôm nay, khoảng chênh lệch và tốc độ cần thiết.',
    },
    needs: ['revenue'],
    goal: { kind: 'kpi_target', measure: 'cumulative', trajectory: 'phased', metricTemplate: 'revenue' },
  },
  derived(
    'revenue_growth_pct',
    { en: 'Revenue growth %', vi: 'Tăng trưởng doanh thu %' },
    {
      en: '(Revenue this period − revenue last period) ÷ revenue last period × 100.',
      vi: '(Doanh thu kỳ này − doanh thu kỳ trước) ÷ doanh thu kỳ trước × 100.',
    },
    'percent',
    '({revenue} - prev({revenue})) / prev({revenue}) * 100',
    ['revenue'],
    ['segment', 'channel'],
  ),
  derived(
    'retention_rate',
    { en: 'Retention rate', vi: 'Tỷ lệ giữ chân khách hàng' },
    {
      en: 'S = active customers at the start of the period (the end of the previous one), E = active customers at the end, N = new customers won during the period. Retention = (E − N) ÷ S × 100, by segment. No value when S is zero.',
      vi: 'S = số khách hàng đang hoạt động đầu kỳ (cuối kỳ trước), E = số khách hàng đang hoạt động cuối kỳ, N = số khách hàng mới trong kỳ. Tỷ lệ giữ chân = (E − N) ÷ S × 100, theo phân khúc. Không có giá trị khi S bằng 0.',
    },
    'percent',
    '({customers} - {new_customers}) / prev({customers}) * 100',
    ['customers', 'new_customers'],
    ['segment'],
  ),
  derived(
    'churn_rate',
    { en: 'Churn rate', vi: 'Tỷ lệ khách hàng rời bỏ' },
    {
      en: 'Churn = 100% − retention = (1 − (E − N) ÷ S) × 100, with S = customers at the start of the period, E = at the end, N = new during the period; by segment.',
      vi: 'Tỷ lệ rời bỏ = 100% − tỷ lệ giữ chân = (1 − (E − N) ÷ S) × 100, với S = khách hàng đầu kỳ, E = cuối kỳ, N = khách hàng mới trong kỳ; theo phân khúc.',
    },
    'percent',
    '(1 - ({customers} - {new_customers}) / prev({customers})) * 100',
    ['customers', 'new_customers'],
    ['segment'],
    'down',
  ),
  derived(
    'avg_monthly_value_per_customer',
    { en: 'Average monthly value per customer', vi: 'Giá trị trung bình mỗi khách hàng mỗi tháng' },
    {
      en: 'Revenue of the month ÷ active customers at the end of the month (read at month granularity).',
      vi: 'Doanh thu của tháng ÷ số khách hàng đang hoạt động cuối tháng (xem theo tháng).',
    },
    'currency',
    '{revenue} / {customers}',
    ['revenue', 'customers'],
    ['segment'],
  ),
  derived(
    'cost_per_lead',
    { en: 'Cost per lead', vi: 'Chi phí mỗi khách hàng tiềm năng' },
    {
      en: 'Ad spend ÷ leads, by channel. No value when there were no leads.',
      vi: 'Chi phí quảng cáo ÷ số khách hàng tiềm năng, theo kênh. Không có giá trị khi không có khách hàng tiềm năng.',
    },
    'currency',
    '{ad_spend} / {leads}',
    ['ad_spend', 'leads'],
    ['channel'],
    'down',
  ),
  derived(
    'cost_per_mql',
    { en: 'Cost per MQL', vi: 'Chi phí mỗi MQL' },
    {
      en: 'Ad spend ÷ marketing-qualified leads, by channel.',
      vi: 'Chi phí quảng cáo ÷ số khách hàng tiềm năng đủ điều kiện marketing, theo kênh.',
    },
    'currency',
    '{ad_spend} / {mqls}',
    ['ad_spend', 'mqls'],
    ['channel'],
    'down',
  ),
  derived(
    'mql_to_customer_rate',
    { en: 'MQL → customer conversion', vi: 'Tỷ lệ chuyển đổi MQL → khách hàng' },
    {
      en: 'New customers ÷ MQLs of the same period × 100, by channel.',
      vi: 'Số khách hàng mới ÷ số MQL trong cùng kỳ × 100, theo kênh.',
    },
    'percent',
    '{new_customers} / {mqls} * 100',
    ['new_customers', 'mqls'],
    ['channel'],
  ),
  derived(
    'roas',
    { en: 'ROAS (return on ad spend)', vi: 'ROAS (doanh thu trên chi phí quảng cáo)' },
    {
      en: 'Revenue ÷ ad spend, by channel. No value when nothing was spent.',
      vi: 'Doanh thu ÷ chi phí quảng cáo, theo kênh. Không có giá trị khi không chi tiêu.',
    },
    'ratio',
    '{revenue} / {ad_spend}',
    ['revenue', 'ad_spend'],
    ['channel'],
  ),
  derived(
    'cac',
    { en: 'Customer acquisition cost (CAC)', vi: 'Chi phí thu hút khách hàng (CAC)' },
    {
      en: 'Ad spend ÷ new customers, by channel (add sales costs to ad spend if you track them).',
      vi: 'Chi phí quảng cáo ÷ số khách hàng mới, theo kênh (cộng thêm chi phí bán hàng vào chi phí quảng cáo nếu bạn theo dõi).',
    },
    'currency',
    '{ad_spend} / {new_customers}',
    ['ad_spend', 'new_customers'],
    ['channel'],
    'down',
  ),
  derived(
    'clv',
    { en: 'Customer lifetime value (CLV)', vi: 'Giá trị vòng đời khách hàng (CLV)' },
    {
      en: 'Gross margin per active customer in the period ÷ churn rate of the period: ((revenue − COGS) ÷ E) ÷ (1 − (E − N) ÷ S). No value when churn is zero (the lifetime would be unbounded).',
      vi: 'Lợi nhuận gộp trên mỗi khách hàng đang hoạt động trong kỳ ÷ tỷ lệ rời bỏ của kỳ: ((doanh thu − giá vốn) ÷ E) ÷ (1 − (E − N) ÷ S). Không có giá trị khi tỷ lệ rời bỏ bằng 0 (vòng đời sẽ là vô hạn).',
    },
    'currency',
    '({revenue} - {cogs}) / {customers} / (1 - ({customers} - {new_customers}) / prev({customers}))',
    ['revenue', 'cogs', 'customers', 'new_customers'],
    ['segment'],
  ),
];

const BY_ID = new Map(KPI_TEMPLATES.map((t) => [t.id, t]));

export function kpiTemplate(id: string): KpiTemplate | undefined {
  return BY_ID.get(id);
}

/** The user's live KPI a template stands for: made from it, or made by hand under its name. */
export function templateMetric(templateId: string, metrics: readonly Metric[]): Metric | undefined {
  const t = BY_ID.get(templateId);
  if (!t) return undefined;
  const live = metrics.filter((m) => m.deletedAt === null && !m.archived);
  return live.find((m) => m.templateId === templateId) ?? metricNamed([t.name.en, t.name.vi], live);
}

export interface InstantiateOptions {
  currency?: string;
  locale?: 'en' | 'vi';
}

function unitOf(kind: Unit['kind'], currency: string): Unit {
  switch (kind) {
    case 'currency':
      return { kind, currency };
    case 'duration':
      return { kind, per: 'days' };
    default:
      return { kind };
  }
}

/**
 * Creates, in one step, the template's metric and every base metric it needs that the user doesn't
 * have yet (matched by `templateId` among live metrics). Returns only the new metrics, the template's
 * own first; [] when everything already exists or the id is unknown.
 */
export function instantiateTemplate(
  templateId: string,
  existingMetrics: readonly Metric[],
  now: number,
  idFactory: () => string,
  options: InstantiateOptions = {},
): Metric[] {
  const template = BY_ID.get(templateId);
  if (!template) return [];
  const currency = options.currency ?? 'VND';
  const locale = options.locale ?? 'en';
  // Each template's KPI the user already has (made from it, or by hand under its name: "Add Revenue"
  // beside an existing "Revenue" made a second one, and values logged to either never met in one goal).
  const idFor = new Map<string, string>();
  for (const t of KPI_TEMPLATES) {
    const have = templateMetric(t.id, existingMetrics);
    if (have) idFor.set(t.id, have.id);
  }

  const created: Metric[] = [];
  const make = (t: KpiTemplate): Metric | null => {
    if (!t.metric || idFor.has(t.id)) return null;
    const id = idFactory();
    idFor.set(t.id, id);
    return {
      id,
      name: t.name[locale],
      translations: { en: t.name.en, vi: t.name.vi },
      description: t.definition[locale],
      unit: unitOf(t.metric.unit, currency),
      direction: t.metric.direction,
      aggregation: t.metric.aggregation,
      dimensions: [...t.metric.dimensions],
      source: t.metric.formula ? 'derived' : 'manual',
      templateId: t.id,
      archived: false,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
  };

  const own = make(template);
  for (const need of template.needs) {
    const b = BY_ID.get(need);
    const m = b ? make(b) : null;
    if (m) created.push(m);
  }
  if (own) {
    if (template.metric?.formula) {
      own.formula = template.metric.formula.replace(
        /\{([^{}]+)\}/g,
        (_, ref: string) => `{${idFor.get(ref) ?? ref}}`,
      );
    }
    created.unshift(own);
  }
  return created;
}
