/**
 * Every text the engine produces, in English and Vietnamese. The engine returns both so a surface can
 * switch language without re-running the evaluation; numbers are pre-formatted plainly here and the
 * UI may re-format the `params` it also gets.
 */
import { formatChance } from '../i18n/format';

export interface Message {
  en: string;
  vi: string;
}

type Params = Record<string, string | number>;

/** A forecast chance as the cards write it ("<1%", never "0%" for a chance the forecaster gave). */
const chance = (x: number | string | undefined, locale: 'en' | 'vi') =>
  typeof x === 'number' ? formatChance(x, locale) : (x ?? '');

const pct = (x: number | string | undefined) =>
  typeof x === 'number' ? `${Math.round(x * 100)}%` : (x ?? '');

const TABLE = {
  // SMART check
  smart_no_metric: () => ({
    en: 'No metric: say what will be measured.',
    vi: 'Chưa có chỉ số: hãy cho biết sẽ đo lường điều gì.',
  }),
  smart_no_target: () => ({
    en: 'No target: set the number to reach.',
    vi: 'Chưa có mục tiêu: hãy đặt con số cần đạt.',
  }),
  smart_no_deadline: () => ({
    en: 'No deadline: set the date the target is due.',
    vi: 'Chưa có hạn chót: hãy đặt ngày phải đạt mục tiêu.',
  }),
  smart_no_key_results: () => ({
    en: 'No key results yet: an objective is measured by two to five of them, each with a number and a date.',
    vi: 'Chưa có kết quả then chốt: mục tiêu OKR được đo bằng hai đến năm kết quả then chốt, mỗi kết quả có con số và thời hạn.',
  }),
  smart_no_owner: () => ({
    en: 'No owner: name the person accountable.',
    vi: 'Chưa có người phụ trách: hãy chỉ định người chịu trách nhiệm.',
  }),
  smart_no_baseline: () => ({
    en: 'No baseline: record where the metric stands today.',
    vi: 'Chưa có giá trị ban đầu: hãy ghi lại chỉ số hiện đang ở mức nào.',
  }),
  smart_wrong_side: (p: Params) => ({
    en: `The target ${p.target} is on the wrong side of the baseline ${p.baseline} for a metric where ${p.good} is better.`,
    vi: `Mục tiêu ${p.target} nằm sai phía so với giá trị ban đầu ${p.baseline}, trong khi chỉ số này ${p.good === 'higher' ? 'càng cao càng tốt' : 'càng thấp càng tốt'}.`,
  }),
  smart_wrong_side_goal: (p: Params) => ({
    en: `The target ${p.target} is on the wrong side of the baseline ${p.baseline} for a goal that ${p.way === 'up' ? 'raises' : 'lowers'} this metric.`,
    vi: `Mục tiêu ${p.target} nằm sai phía so với giá trị ban đầu ${p.baseline}, trong khi mục tiêu này nhằm ${p.way === 'up' ? 'tăng' : 'giảm'} chỉ số.`,
  }),
  smart_target_equals_baseline: (p: Params) => ({
    en: `The target equals the baseline (${p.target}): there is nothing to improve.`,
    vi: `Mục tiêu bằng giá trị ban đầu (${p.target}): không có gì cần cải thiện.`,
  }),
  smart_deadline_past: (p: Params) => ({
    en: `The deadline ${p.dateEn} has already passed.`,
    vi: `Hạn chót ${p.dateVi} đã qua.`,
  }),
  smart_deadline_before_start: (p: Params) => ({
    en: `The deadline ${p.deadlineEn} is before the start ${p.startEn}.`,
    vi: `Hạn chót ${p.deadlineVi} sớm hơn ngày bắt đầu ${p.startVi}.`,
  }),
  smart_unrealistic_growth: (p: Params) => ({
    en: `Reaching the target needs about ${pct(p.required)} growth per month; the best month in the history grew ${pct(p.best)}.`,
    vi: `Để đạt mục tiêu cần tăng khoảng ${pct(p.required)} mỗi tháng; tháng tốt nhất trong lịch sử chỉ tăng ${pct(p.best)}.`,
  }),
  smart_unrealistic_cut: (p: Params) => ({
    en: `Reaching the target needs a cut of about ${pct(p.required)} per month; the best month in the history cut ${pct(p.best)}.`,
    vi: `Để đạt mục tiêu cần giảm khoảng ${pct(p.required)} mỗi tháng; tháng tốt nhất trong lịch sử chỉ giảm ${pct(p.best)}.`,
  }),
  smart_unrealistic_rate: (p: Params) => ({
    en: `Reaching the target needs about ${p.requiredEn} per month; the best month in the history was ${p.bestEn}.`,
    vi: `Để đạt mục tiêu cần khoảng ${p.requiredVi} mỗi tháng; tháng tốt nhất trong lịch sử chỉ đạt ${p.bestVi}.`,
  }),
  // A budget cap allows a rate (smart-check.ts capIssue): never "needs".
  smart_cap_rate: (p: Params) => ({
    en: `Staying within the target allows about ${p.allowedEn} per month from now; the lowest month in the history was ${p.lowestEn}.`,
    vi: `Để không vượt mục tiêu, từ nay chỉ được khoảng ${p.allowedVi} mỗi tháng; tháng thấp nhất trong lịch sử là ${p.lowestVi}.`,
  }),
  smart_cap_used: (p: Params) => ({
    en: `${p.spentEn} is already counted in the period: the ${p.capEn} target leaves nothing for the rest of it.`,
    vi: `Kỳ này đã ghi nhận ${p.spentVi}: mục tiêu ${p.capVi} không còn gì cho phần còn lại của kỳ.`,
  }),
  // A cap saved before caps existed, its baseline above it (budget-total.ts, capSpentBefore).
  smart_cap_baseline_above: (p: Params) => ({
    en: `The baseline ${p.baselineEn} is above the ${p.capEn} target, which is read as a cap on what the period adds up to: a cap's baseline is what was counted before the period, so this one is not added and the period counts from 0. To bring a month's figure down from ${p.baselineEn} to ${p.capEn}, choose “Reach a level”.`,
    vi: `Mức ban đầu ${p.baselineVi} cao hơn mục tiêu ${p.capVi}, mục tiêu này được đọc là mức trần cho tổng cộng dồn của kỳ: mức ban đầu của một mức trần là số đã ghi nhận trước kỳ, nên ở đây không được cộng vào và kỳ này được tính từ 0. Để giảm con số của một tháng từ ${p.baselineVi} xuống ${p.capVi}, hãy chọn “Đạt mức”.`,
  }),
  // Alerts
  // Behind / ahead in the metric's good direction, by the gap in its own unit (never a clamped share).
  alert_below_trajectory: (p: Params) => ({
    en: `“${p.title}” is behind its trajectory by ${p.gapEn}.`,
    vi: `“${p.title}” đang chậm hơn lộ trình ${p.gapVi}.`,
  }),
  // Under 70% the alert speaks; from 50% on it is a risk, not a forecast to fall short (a reviewer read
  // "is forecast to fall short … (chance of making it: 53%)" beside a card forecast to make it).
  alert_forecast_miss: (p: Params) =>
    Number(p.probability) >= 0.5
      ? {
          en: `“${p.title}” may fall short of its target by ${p.deadlineEn} (chance of making it: ${chance(p.probability, 'en')}).`,
          vi: `“${p.title}” có thể không đạt mục tiêu trước ${p.deadlineVi} (khả năng đạt: ${chance(p.probability, 'vi')}).`,
        }
      : {
          en: `“${p.title}” is forecast to fall short of its target by ${p.deadlineEn} (chance of making it: ${chance(p.probability, 'en')}).`,
          vi: `“${p.title}” được dự báo không đạt mục tiêu trước ${p.deadlineVi} (khả năng đạt: ${chance(p.probability, 'vi')}).`,
        },
  alert_conversion_below_target: (p: Params) => ({
    en: `“${p.title}”: conversion ${p.valueEn} is below the target rate ${p.targetEn}.`,
    vi: `“${p.title}”: tỷ lệ chuyển đổi ${p.valueVi} thấp hơn tỷ lệ mục tiêu ${p.targetVi}.`,
  }),
  // A keep goal past its line, in the metric's good direction: under a floor, over a ceiling.
  alert_keep_under_floor: (p: Params) => ({
    en: `“${p.title}” is below its ${p.thresholdEn} floor: ${p.periodEn} ${p.valueEn}.`,
    vi: `“${p.title}” đang dưới mức sàn ${p.thresholdVi}: ${p.periodVi} đạt ${p.valueVi}.`,
  }),
  alert_keep_over_ceiling: (p: Params) => ({
    en: `“${p.title}” is above its ${p.thresholdEn} ceiling: ${p.periodEn} ${p.valueEn}.`,
    vi: `“${p.title}” đang vượt mức trần ${p.thresholdVi}: ${p.periodVi} ở mức ${p.valueVi}.`,
  }),
  alert_keep_may_fall_below: (p: Params) => ({
    en: `“${p.title}” may fall below its ${p.thresholdEn} floor in ${p.periodEn} (chance of a breach: ${chance(p.probability, 'en')}).`,
    vi: `“${p.title}” có thể xuống dưới mức sàn ${p.thresholdVi} trong ${p.periodVi} (khả năng phá ngưỡng: ${chance(p.probability, 'vi')}).`,
  }),
  alert_keep_may_go_above: (p: Params) => ({
    en: `“${p.title}” may go above its ${p.thresholdEn} ceiling in ${p.periodEn} (chance of a breach: ${chance(p.probability, 'en')}).`,
    vi: `“${p.title}” có thể vượt mức trần ${p.thresholdVi} trong ${p.periodVi} (khả năng phá ngưỡng: ${chance(p.probability, 'vi')}).`,
  }),
  // A budget cap past, likely past or over the plan of its cap (goal-types/budget-total.ts): a budget
  // for an amount of money, a limit otherwise (churned customers).
  alert_budget_over: (p: Params) =>
    p.money
      ? {
          en: `“${p.title}” is over its ${p.capEn} budget by ${p.overEn}.`,
          vi: `“${p.title}” đã vượt ${p.overVi} so với ngân sách ${p.capVi}.`,
        }
      : {
          en: `“${p.title}” is over its ${p.capEn} limit by ${p.overEn}.`,
          vi: `“${p.title}” đã vượt ${p.overVi} so với mức trần ${p.capVi}.`,
        },
  alert_budget_overrun: (p: Params) => {
    const may = Number(p.probability) >= 0.5;
    const noun = p.money ? { en: 'budget', vi: 'ngân sách' } : { en: 'limit', vi: 'mức trần' };
    return {
      en: `“${p.title}” ${may ? 'may go' : 'is forecast to go'} over its ${p.capEn} ${noun.en} by ${p.deadlineEn} (chance to stay within: ${chance(p.probability, 'en')}).`,
      vi: `“${p.title}” ${may ? 'có thể vượt' : 'được dự báo sẽ vượt'} ${noun.vi} ${p.capVi} trước ${p.deadlineVi} (khả năng không vượt: ${chance(p.probability, 'vi')}).`,
    };
  },
  alert_budget_over_plan: (p: Params) => ({
    en: `“${p.title}” is over its plan by ${p.gapEn}.`,
    vi: `“${p.title}” đang cao hơn kế hoạch ${p.gapVi}.`,
  }),
  alert_no_check_in: (p: Params) => ({
    en: `“${p.title}” has had no check-in for ${p.days} days.`,
    vi: `“${p.title}” đã ${p.days} ngày chưa được cập nhật tiến độ.`,
  }),
  alert_no_check_in_yet: (p: Params) => ({
    en: `“${p.title}” has no check-in yet.`,
    vi: `“${p.title}” chưa có lần cập nhật tiến độ nào.`,
  }),
  alert_milestone_overdue: (p: Params) => ({
    en: `Milestone “${p.title}” was due ${p.dateEn} and is not done.`,
    vi: `Cột mốc “${p.title}” đến hạn ngày ${p.dateVi} nhưng chưa hoàn thành.`,
  }),
  alert_kpi_moved: (p: Params) => ({
    en: `${p.title} ${Number(p.change) >= 0 ? 'rose' : 'fell'} ${pct(Math.abs(Number(p.change)))} week over week.`,
    vi: `${p.title} ${Number(p.change) >= 0 ? 'tăng' : 'giảm'} ${pct(Math.abs(Number(p.change)))} so với tuần trước.`,
  }),
  // Formula errors
  formula_syntax: (p: Params) =>
    p.token === ''
      ? {
          en: `Formula error: it ends too early (position ${p.pos}).`,
          vi: `Lỗi công thức: công thức kết thúc quá sớm (vị trí ${p.pos}).`,
        }
      : {
          en: `Formula error at position ${p.pos}: unexpected “${p.token}”.`,
          vi: `Lỗi công thức tại vị trí ${p.pos}: ký tự “${p.token}” không hợp lệ ở đây.`,
        },
  formula_unknown_metric: (p: Params) => ({
    en: `The formula refers to an unknown metric {${p.id}}.`,
    vi: `Công thức tham chiếu đến chỉ số không tồn tại {${p.id}}.`,
  }),
  formula_cycle: (p: Params) => ({
    en: `The formula refers back to itself (${p.path}).`,
    vi: `Công thức tham chiếu vòng lại chính nó (${p.path}).`,
  }),
} satisfies Record<string, (p: Params) => Message>;

export type MessageKey = keyof typeof TABLE;

export function msg(key: MessageKey, params: Params = {}): Message {
  return TABLE[key](params);
}
