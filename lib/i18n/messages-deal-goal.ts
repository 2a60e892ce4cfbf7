/**
 * The KPI form's "won CRM deals add to this KPI" (Metric.wonDeals): which KPIs the CRM overlay's deal
 * badges measure their share of a goal's gap against. Spread into messages-en.ts / messages-vi.ts.
 */
export const dealGoalEn = {
  'editor.metric.wonDeals': 'Won CRM deals add to this KPI',
  'editor.metric.wonDealsHint':
    'Used for the deal badges’ share of the goal gap on CRM pages (deal amount ÷ what the goal still needs). Pacer guesses it from the name “Revenue”; tick or untick to say so yourself.',
  'editor.metric.wonDealsShape':
    'Only for a KPI that adds up money and should go up, without a formula: with this unit, direction or formula, deal badges show no share of its goals’ gap.',
} as const;

export const dealGoalVi: Record<keyof typeof dealGoalEn, string> = {
  'editor.metric.wonDeals': 'Deal thắng trong CRM được cộng vào KPI này',
  'editor.metric.wonDealsHint':
    'Dùng cho tỷ lệ khoảng thiếu của mục tiêu trên nhãn deal ở trang CRM (giá trị deal ÷ phần mục tiêu còn thiếu). Pacer tự đoán theo tên “Doanh thu”; đánh dấu hoặc bỏ dấu để tự quyết định.',
  'editor.metric.wonDealsShape':
    'Chỉ áp dụng cho KPI cộng dồn tiền và càng cao càng tốt, không có công thức: với đơn vị, chiều hoặc công thức này, nhãn deal không hiển thị tỷ lệ khoảng thiếu của các mục tiêu trên KPI này.',
};
