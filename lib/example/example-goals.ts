/**
 * The example goals: the BHAG cascade (example-milestones.ts), one quarter's OKRs and balanced-scorecard
 * KPI targets in all four perspectives. Baselines come from the simulated previous quarter, so a key
 * result's "from X to Y" matches what the charts show.
 */
import type { Goal } from '../schema';
import { yearMonthOf } from './example-calendar';
import {
  billions,
  decimalVi,
  dong,
  exampleGoal,
  type GoalInput,
  millions,
  monthsOfQuarter,
  PEOPLE,
  previousQuarter,
  quarterEnd,
  quarterOf,
  quarterStart,
  ratio,
  round,
  sumOf,
} from './example-goal-parts';
import { buildMilestones } from './example-milestones';
import { CHANNELS, type Simulation } from './example-simulation';

export const OKR_OBJECTIVE_IDS = ['ex-okr-online', 'ex-okr-distributors'] as const;

export function buildExampleGoals(sim: Simulation, now: number, createdAt: number): Goal[] {
  const quarter = quarterOf(yearMonthOf(now));
  const prev = monthsOfQuarter(sim, previousQuarter(quarter));
  const window = { startAt: quarterStart(quarter), deadline: quarterEnd(quarter) };
  const yearWindow = {
    startAt: Date.UTC(quarter.year, 0, 1),
    deadline: Date.UTC(quarter.year + 1, 0, 1) - 1,
  };
  const q = `Q${quarter.quarter + 1}`;

  // Last quarter's figures, the baselines of this quarter's targets.
  const onlineNew = sumOf(prev, (m) => CHANNELS.reduce((s, c) => s + m.newCustomers[c].online, 0));
  const facebookRoas = round(
    ratio(
      sumOf(prev, (m) => m.channelRevenue.facebook),
      sumOf(prev, (m) => m.spend.facebook),
    ),
    2,
  );
  const googleCpm = Math.round(
    ratio(
      sumOf(prev, (m) => m.spend.google),
      sumOf(prev, (m) => m.mqls.google),
    ),
  );
  const zaloConversion = round(
    ratio(
      sumOf(prev, (m) => sumSegments(m.newCustomers.zalo)),
      sumOf(prev, (m) => m.mqls.zalo),
    ) * 100,
    1,
  );
  const distributorChurn = round(
    ratio(
      sumOf(prev, (m) => m.churned.distributor),
      sumOf(prev, (m) => m.active.distributor),
    ) * 100,
    2,
  );
  const onTime = round(sumOf(prev, (m) => m.onTimeDelivery) / Math.max(1, prev.length), 1);
  const distributorRevenue = sumOf(prev, (m) => m.revenue.distributor);
  const revenue = sumOf(prev, (m) => m.revenue.retail + m.revenue.distributor + m.revenue.online);
  const grossMargin = round(
    ratio(
      sumOf(prev, (m) => m.grossProfit),
      revenue,
    ) * 100,
    1,
  );
  const retailRetention = round(
    100 -
      ratio(
        sumOf(prev, (m) => m.churned.retail),
        sumOf(prev, (m) => m.active.retail),
      ) *
        100,
    1,
  );
  const retailValue = Math.round(
    ratio(
      sumOf(prev, (m) => m.revenue.retail),
      sumOf(prev, (m) => m.active.retail),
    ),
  );
  const leadTime = round(sumOf(prev, (m) => m.orderLeadTime) / Math.max(1, prev.length), 2);
  const engagement = prev.at(-1)?.engagement ?? 70;
  const trainingHours = sumOf(prev, (m) => m.trainingHours);
  // Trailing twelve finished months: the data may not cover all of last calendar year.
  const netProfitTrailing = sumOf(sim.months.filter((m) => m.fraction === 1).slice(-12), (m) => m.netProfit);

  const onlineTarget = Math.ceil((onlineNew * 1.25) / 10) * 10;
  const roasTarget = round(facebookRoas * 1.3, 1);
  const cpmTarget = Math.round((googleCpm * 0.85) / 1000) * 1000;
  const conversionTarget = round(zaloConversion + 3, 0);
  const distributorTarget = Math.round((distributorRevenue * 1.2) / 1e8) * 1e8;
  const valueTarget = Math.round((retailValue * 1.1) / 1e5) * 1e5;
  const trainingTarget = Math.max(150, Math.ceil(trainingHours / 10) * 10 + 30);
  const netProfitTarget = Math.max(1e9, Math.round((netProfitTrailing * 1.2) / 5e8) * 5e8);

  const okr = (input: Omit<GoalInput, 'frameworks'>): GoalInput => ({
    frameworks: ['okr'],
    ...window,
    ...input,
  });
  const bsc = (input: Omit<GoalInput, 'frameworks' | 'kind'>): GoalInput => ({
    kind: 'kpi_target',
    frameworks: ['bsc', 'smart'],
    ...input,
  });

  const goals: GoalInput[] = [
    okr({
      id: 'ex-okr-online',
      goalType: 'objective',
      kind: 'objective',
      title: 'Make Sao Mai the easiest wholesaler to buy from online',
      translations: { vi: 'Biến Sao Mai thành nhà bán sỉ dễ đặt hàng trực tuyến nhất' },
      description: `${q} ${quarter.year}: online buyers order without calling a salesperson.`,
      perspective: 'customer',
      owner: PEOPLE.marketing,
      pinned: true,
      confidence: 'on_track',
    }),
    okr({
      id: 'ex-kr-online-customers',
      goalType: 'total',
      kind: 'key_result',
      title: `Win ${onlineTarget} new online customers`,
      translations: { vi: `Có thêm ${onlineTarget} khách hàng trực tuyến mới` },
      parentId: 'ex-okr-online',
      okrType: 'committed',
      metricId: 'ex-new-customers',
      dims: { segment: 'online' },
      measure: 'cumulative',
      baseline: 0,
      target: onlineTarget,
      owner: PEOPLE.marketing,
    }),
    okr({
      id: 'ex-kr-facebook-roas',
      goalType: 'level',
      kind: 'key_result',
      title: `Raise Facebook ROAS from ${facebookRoas} to ${roasTarget}`,
      translations: {
        vi: `Tăng ROAS Facebook từ ${decimalVi(facebookRoas)} lên ${decimalVi(roasTarget)}`,
      },
      parentId: 'ex-okr-online',
      okrType: 'stretch',
      metricId: 'ex-roas',
      dims: { channel: 'facebook' },
      measure: 'latest',
      baseline: facebookRoas,
      target: roasTarget,
      owner: PEOPLE.marketing,
    }),
    okr({
      id: 'ex-kr-google-cost-per-mql',
      goalType: 'level',
      kind: 'key_result',
      title: `Cut Google cost per MQL from ${dong(googleCpm).en} to ${dong(cpmTarget).en}`,
      translations: {
        vi: `Giảm chi phí mỗi MQL từ Google từ ${dong(googleCpm).vi} xuống ${dong(cpmTarget).vi}`,
      },
      parentId: 'ex-okr-online',
      okrType: 'committed',
      metricId: 'ex-cost-per-mql',
      dims: { channel: 'google' },
      measure: 'latest',
      baseline: googleCpm,
      target: cpmTarget,
      owner: PEOPLE.marketing,
    }),
    okr({
      id: 'ex-kr-zalo-conversion',
      goalType: 'level',
      kind: 'key_result',
      title: `Lift Zalo MQL → customer conversion from ${zaloConversion}% to ${conversionTarget}%`,
      translations: {
        vi: `Nâng tỷ lệ chuyển đổi MQL Zalo thành khách hàng từ ${decimalVi(zaloConversion)}% lên ${conversionTarget}%`,
      },
      parentId: 'ex-okr-online',
      okrType: 'stretch',
      metricId: 'ex-mql-conversion',
      dims: { channel: 'zalo' },
      measure: 'latest',
      baseline: zaloConversion,
      target: conversionTarget,
      owner: PEOPLE.sales,
    }),
    okr({
      id: 'ex-okr-distributors',
      goalType: 'objective',
      kind: 'objective',
      title: "Become distributors' first-choice supplier",
      translations: { vi: 'Trở thành nhà cung cấp được các nhà phân phối ưu tiên hàng đầu' },
      description: `${q} ${quarter.year}: distributors stay, order more and get every delivery on time.`,
      perspective: 'customer',
      owner: PEOPLE.sales,
      confidence: 'at_risk',
    }),
    okr({
      id: 'ex-kr-distributor-churn',
      goalType: 'keep',
      keepSide: 'at_most',
      kind: 'key_result',
      title: 'Keep monthly distributor churn under 1%',
      translations: { vi: 'Giữ tỷ lệ nhà phân phối rời bỏ mỗi tháng dưới 1%' },
      parentId: 'ex-okr-distributors',
      okrType: 'committed',
      metricId: 'ex-churn-rate',
      dims: { segment: 'distributor' },
      measure: 'latest',
      baseline: distributorChurn,
      target: 1,
      owner: PEOPLE.sales,
    }),
    okr({
      id: 'ex-kr-on-time',
      goalType: 'level',
      kind: 'key_result',
      title: 'Deliver 98% of orders on time',
      translations: { vi: 'Giao đúng hẹn 98% đơn hàng' },
      parentId: 'ex-okr-distributors',
      okrType: 'stretch',
      metricId: 'ex-on-time-delivery',
      measure: 'latest',
      baseline: onTime,
      target: 98,
      owner: PEOPLE.operations,
    }),
    okr({
      id: 'ex-kr-distributor-revenue',
      goalType: 'total',
      kind: 'key_result',
      title: `Grow distributor revenue to ${billions(distributorTarget).en}`,
      translations: { vi: `Tăng doanh thu từ nhà phân phối lên ${billions(distributorTarget).vi}` },
      parentId: 'ex-okr-distributors',
      okrType: 'committed',
      metricId: 'ex-revenue',
      dims: { segment: 'distributor' },
      measure: 'cumulative',
      baseline: 0,
      target: distributorTarget,
      owner: PEOPLE.sales,
    }),

    bsc({
      id: 'ex-kpi-gross-margin',
      goalType: 'keep',
      keepSide: 'at_least',
      title: 'Keep gross margin at 30% or more',
      translations: { vi: 'Duy trì biên lợi nhuận gộp từ 30% trở lên' },
      perspective: 'financial',
      metricId: 'ex-gross-margin',
      measure: 'latest',
      baseline: grossMargin,
      target: 30,
      ...yearWindow,
      owner: PEOPLE.finance,
      pinned: true,
      confidence: 'on_track',
    }),
    bsc({
      id: 'ex-kpi-net-profit',
      goalType: 'total',
      title: `Net profit of ${billions(netProfitTarget).en} this year`,
      translations: { vi: `Lợi nhuận ròng ${billions(netProfitTarget).vi} trong năm` },
      perspective: 'financial',
      metricId: 'ex-net-profit',
      measure: 'cumulative',
      baseline: 0,
      target: netProfitTarget,
      ...yearWindow,
      trajectory: 'linear',
      owner: PEOPLE.finance,
      confidence: 'at_risk',
    }),
    bsc({
      id: 'ex-kpi-retail-retention',
      goalType: 'keep',
      keepSide: 'at_least',
      title: 'Retain 98% of retail shops every month',
      translations: { vi: 'Giữ chân 98% cửa hàng bán lẻ mỗi tháng' },
      perspective: 'customer',
      metricId: 'ex-retention-rate',
      dims: { segment: 'retail' },
      measure: 'latest',
      baseline: retailRetention,
      target: 98,
      ...yearWindow,
      owner: PEOPLE.sales,
      confidence: 'on_track',
    }),
    bsc({
      id: 'ex-kpi-retail-value',
      goalType: 'level',
      title: `Average retail shop buys ${millions(valueTarget).en} a month`,
      translations: { vi: `Mỗi cửa hàng bán lẻ mua trung bình ${millions(valueTarget).vi} mỗi tháng` },
      perspective: 'customer',
      metricId: 'ex-customer-value',
      dims: { segment: 'retail' },
      measure: 'latest',
      baseline: retailValue,
      target: valueTarget,
      ...window,
      owner: PEOPLE.sales,
    }),
    bsc({
      id: 'ex-kpi-on-time',
      goalType: 'keep',
      keepSide: 'at_least',
      title: 'On-time delivery of 96% or more',
      translations: { vi: 'Tỷ lệ giao hàng đúng hẹn từ 96% trở lên' },
      perspective: 'internal_process',
      metricId: 'ex-on-time-delivery',
      measure: 'latest',
      baseline: onTime,
      target: 96,
      ...yearWindow,
      owner: PEOPLE.operations,
      pinned: true,
      confidence: 'on_track',
    }),
    bsc({
      id: 'ex-kpi-lead-time',
      goalType: 'keep',
      keepSide: 'at_most',
      title: 'Deliver within 2 days of the order',
      translations: { vi: 'Giao hàng trong vòng 2 ngày kể từ khi đặt' },
      perspective: 'internal_process',
      metricId: 'ex-order-lead-time',
      measure: 'latest',
      baseline: leadTime,
      target: 2,
      ...yearWindow,
      owner: PEOPLE.operations,
      confidence: 'at_risk',
    }),
    bsc({
      id: 'ex-kpi-training',
      goalType: 'total',
      title: `${trainingTarget} hours of staff training this quarter`,
      translations: {
        vi: `${trainingTarget} giờ đào tạo nhân viên trong quý`,
      },
      perspective: 'learning_growth',
      metricId: 'ex-training-hours',
      measure: 'cumulative',
      baseline: 0,
      target: trainingTarget,
      ...window,
      owner: PEOPLE.people,
      confidence: 'off_track',
    }),
    bsc({
      id: 'ex-kpi-engagement',
      goalType: 'level',
      title: 'Employee engagement of 80% or more',
      translations: { vi: 'Mức độ gắn kết của nhân viên từ 80% trở lên' },
      perspective: 'learning_growth',
      metricId: 'ex-employee-engagement',
      measure: 'latest',
      baseline: engagement,
      target: 80,
      ...yearWindow,
      owner: PEOPLE.people,
    }),
  ];

  return [...buildMilestones(now, createdAt), ...goals.map((g) => exampleGoal(g, createdAt, now))];
}

function sumSegments(bySegment: Record<string, number>): number {
  return Object.values(bySegment).reduce((a, b) => a + b, 0);
}
