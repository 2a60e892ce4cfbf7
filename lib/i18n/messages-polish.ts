/**
 * Small reading fixes: a deadline that falls today (0 whole days left under the one days-left rule in
 * lib/engine/days-left.ts) and the example data's loading state on the options page.
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const polishEn = {
  'dashboard.dueToday': 'Due today',
  'firstRun.exampleLoading': 'Loading example data…',
};

export const polishVi: Record<keyof typeof polishEn, string> = {
  'dashboard.dueToday': 'Hết hạn hôm nay',
  'firstRun.exampleLoading': 'Đang tải dữ liệu mẫu…',
};
