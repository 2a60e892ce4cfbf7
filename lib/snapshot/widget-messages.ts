/**
 * The few strings the embeddable widgets need, in their own small table: the widget bundle must stay
 * under 40 KB gzip, and the full UI tables in lib/i18n are about 8 KB of it. Goal texts come already
 * formatted in the snapshot; these are only labels and the messages shown when a widget cannot render.
 */
import type { Locale } from '../schema/common';

const en = {
  progress: 'Progress',
  trend: 'Trend',
  owner: 'Owner',
  loading: 'Loading…',
  actual: 'Actual',
  'series.total': 'Running total',
  'series.level': 'Value per period',
  'series.keep': 'Value per month',
  'series.rolling': '{count}-month total',
  trajectory: 'Target trajectory',
  milestonePlan: 'Plan (through milestones)',
  threshold: 'Threshold to keep',
  plan: 'Planned line',
  'cap.money': 'Budget',
  'cap.limit': 'Limit',
  forecastLow: 'Forecast (10%)',
  forecast: 'Forecast',
  forecastHigh: 'Forecast (90%)',
  forecastDate: 'Forecast date',
  perPeriod: 'Added in the period',
  chartLabel: 'Chart of {title}: actual against target and forecast',
  scorecard: 'Scorecard',
  'scorecard.notShared.one': '1 goal not shared',
  'scorecard.notShared.other': '{count} goals not shared',
  htmlTitle: 'Pacer goals',
  generatedAt: 'Snapshot of {date}',
  'status.on_track': 'On track',
  'status.at_risk': 'At risk',
  'status.off_track': 'Off track',
  'status.done': 'Done',
  'status.too_early': 'Too early to tell',
  'status.no_data': 'No data',
  'error.invalidJson': 'Pacer widget: the snapshot is not valid JSON ({detail})',
  'error.invalidSnapshot': 'Pacer widget: this is not a valid Pacer snapshot ({detail})',
  'error.missing':
    'Pacer widget: no snapshot given. Add a snapshot attribute, a child <script type="application/json"> or a src URL.',
  'error.noGoal': "Pacer widget: no goal with id '{id}' in the snapshot",
  'error.noGoalId': 'Pacer widget: add a goal-id attribute naming one of the goals in the snapshot',
  'error.noChart': "Pacer widget: the snapshot has no chart for goal '{id}'",
  'error.noScorecard': 'Pacer widget: the snapshot has no scorecard',
  'error.fetch': 'Pacer widget: could not load the snapshot from {url} ({detail})',
  'error.crossOrigin':
    'Pacer widget: the snapshot URL {url} is on another site; only same-origin URLs load unless the widget has allow-cross-origin',
} as const;

export type WidgetMessageKey = keyof typeof en;

const vi: Record<WidgetMessageKey, string> = {
  progress: 'Tiến độ',
  trend: 'Xu hướng',
  owner: 'Người phụ trách',
  loading: 'Đang tải…',
  actual: 'Thực tế',
  'series.total': 'Tổng cộng dồn',
  'series.level': 'Giá trị từng kỳ',
  'series.keep': 'Giá trị từng tháng',
  'series.rolling': 'Tổng {count} tháng gần nhất',
  trajectory: 'Lộ trình mục tiêu',
  milestonePlan: 'Kế hoạch (qua các mốc)',
  threshold: 'Ngưỡng cần giữ',
  plan: 'Kế hoạch',
  'cap.money': 'Ngân sách',
  'cap.limit': 'Mức trần',
  forecastLow: 'Dự báo (10%)',
  forecast: 'Dự báo',
  forecastHigh: 'Dự báo (90%)',
  forecastDate: 'Ngày dự báo đạt',
  perPeriod: 'Phát sinh trong kỳ',
  chartLabel: 'Biểu đồ {title}: thực tế so với mục tiêu và dự báo',
  scorecard: 'Thẻ điểm',
  'scorecard.notShared.one': '1 mục tiêu không được chia sẻ',
  'scorecard.notShared.other': '{count} mục tiêu không được chia sẻ',
  htmlTitle: 'Mục tiêu Pacer',
  generatedAt: 'Bản chụp lúc {time} ngày {day}',
  'status.on_track': 'Đúng tiến độ',
  'status.at_risk': 'Có rủi ro',
  'status.off_track': 'Chậm tiến độ',
  'status.done': 'Hoàn thành',
  'status.too_early': 'Chưa đủ để đánh giá',
  'status.no_data': 'Chưa có dữ liệu',
  'error.invalidJson': 'Tiện ích Pacer: bản chụp không phải JSON hợp lệ ({detail})',
  'error.invalidSnapshot': 'Tiện ích Pacer: đây không phải bản chụp Pacer hợp lệ ({detail})',
  'error.missing':
    'Tiện ích Pacer: chưa có bản chụp. Hãy thêm thuộc tính snapshot, một thẻ con <script type="application/json"> hoặc URL src.',
  'error.noGoal': "Tiện ích Pacer: bản chụp không có mục tiêu với id '{id}'",
  'error.noGoalId': 'Tiện ích Pacer: hãy thêm thuộc tính goal-id là id của một mục tiêu trong bản chụp',
  'error.noChart': "Tiện ích Pacer: bản chụp không có biểu đồ cho mục tiêu '{id}'",
  'error.noScorecard': 'Tiện ích Pacer: bản chụp không có thẻ điểm',
  'error.fetch': 'Tiện ích Pacer: không tải được bản chụp từ {url} ({detail})',
  'error.crossOrigin':
    'Tiện ích Pacer: URL bản chụp {url} thuộc trang khác; chỉ tải URL cùng nguồn trừ khi tiện ích có allow-cross-origin',
};

const TABLES: Record<Locale, Record<WidgetMessageKey, string>> = { en, vi };

/** `widgetMessage('vi', 'error.noGoal', { id: 'g1' })`. A missing param stays visible as "{name}". */
export function widgetMessage(
  locale: Locale,
  key: WidgetMessageKey,
  params?: Readonly<Record<string, string>>,
): string {
  const template = TABLES[locale]?.[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The widget's language: its own `locale` attribute, else the snapshot's, else the page's `lang`, else en. */
export function pickWidgetLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    const lang = c?.trim().toLowerCase();
    if (!lang) continue;
    if (lang === 'vi' || lang.startsWith('vi-')) return 'vi';
    if (lang === 'en' || lang.startsWith('en-')) return 'en';
  }
  return 'en';
}
