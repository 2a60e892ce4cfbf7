/**
 * The first-run screen's ways in (language, template, import, settings) and the empty states a
 * template-started dashboard shows before its first goal: no bare "Goals" heading, no Scorecard of
 * "No data" when simply no goal has a perspective, and the growth KPIs a breakdown cannot show.
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const firstRunEn = {
  'firstRun.language': 'Language',
  'firstRun.templates': 'Start from a template',
  'firstRun.import': 'Import a spreadsheet',
  'firstRun.settings': 'Settings',
  'dashboard.noGoalsYet': 'No goals yet: create one for a KPI to see its progress and forecast here.',
  'scorecard.noPerspective':
    'No goal is on the scorecard yet. To place one, open it, choose Edit, tick “Balanced scorecard” and pick its perspective (Financial, Customer, Internal process or Learning & growth).',
  'growth.notBrokenDown': 'Not shown by {dimension}: {list}.',
  'growth.notLoggedBy': '{name} ({inputs} not logged by {dimension})',
  'growth.selfNotLoggedBy': '{name} (not logged by {dimension})',
  'growth.noCommonMonth': '{name} (its inputs have no complete month in common by {dimension})',
  'growth.dimension.channel': 'channel',
  'growth.dimension.segment': 'segment',
  'kpis.latestIn': '{value} in {month}',
} as const;

export const firstRunVi: Record<keyof typeof firstRunEn, string> = {
  'firstRun.language': 'Ngôn ngữ',
  'firstRun.templates': 'Bắt đầu từ mẫu',
  'firstRun.import': 'Nhập bảng tính',
  'firstRun.settings': 'Cài đặt',
  'dashboard.noGoalsYet':
    'Chưa có mục tiêu nào: hãy tạo một mục tiêu cho một KPI để xem tiến độ và dự báo ở đây.',
  'scorecard.noPerspective':
    'Chưa có mục tiêu nào trên thẻ điểm. Để đưa một mục tiêu vào, hãy mở mục tiêu, chọn Sửa, đánh dấu “Thẻ điểm cân bằng (BSC)” và chọn khía cạnh (Tài chính, Khách hàng, Quy trình nội bộ hoặc Học hỏi & phát triển).',
  'growth.notBrokenDown': 'Không hiển thị theo {dimension}: {list}.',
  'growth.notLoggedBy': '{name} ({inputs} không được ghi theo {dimension})',
  'growth.selfNotLoggedBy': '{name} (không được ghi theo {dimension})',
  'growth.noCommonMonth': '{name} (các số đầu vào không có tháng trọn vẹn chung theo {dimension})',
  'growth.dimension.channel': 'kênh',
  'growth.dimension.segment': 'phân khúc',
  'kpis.latestIn': '{value} trong {month}',
};
