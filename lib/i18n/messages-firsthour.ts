/**
 * Strings of issue 19's items 2 and 6: the weekly review on the new tab, and the questions asked
 * before a value that is odd for its KPI is saved. A table of its own so the branch merges without
 * touching the big tables' lines; messages-en.ts and messages-vi.ts spread it in.
 */
export const firsthourEn = {
  // A value that is odd for its KPI: asked about, never refused (a count can be a net change)
  'quickLog.oddValue': '{value}? {notes}',
  'quickLog.negativeCount': 'This KPI counts things, and counts are not negative.',
  'quickLog.fractionalCount': 'This KPI counts things, and counts are whole numbers.',
  'quickLog.negativeMoney': 'A negative amount: keep the minus sign only if you mean it.',
  'quickLog.fractionalMoneyWhole': 'Amounts in {currency} have no decimals.',
  'quickLog.fractionalMoney': 'Amounts in {currency} have at most {digits} decimals.',
  'quickLog.change': 'Change the value',
  'quickLog.unusual.above':
    '{value} is far above what {metric} has read lately ({low} to {high}). Log it anyway?',
  'quickLog.unusual.below':
    '{value} is far below what {metric} has read lately ({low} to {high}). Log it anyway?',
  'quickLog.unusual.fraction':
    '{value}? {metric} has read {low} to {high} lately: was it a fraction of the percentage?',
  // A sum is compared with its month totals: the range is said as one (compared-values.ts)
  'quickLog.unusual.aboveMonth':
    '{value} is far above a whole month of {metric} lately ({low} to {high} a month). Log it anyway?',
  // No history for the value's own dimensions: compared with all of them together
  'quickLog.unusual.aboveMonthAcross':
    '{value} is far above a whole month of {metric} lately, every {dimensions} together ({low} to {high} a month). Log it anyway?',
  'quickLog.unusual.aboveAcross':
    '{value} is far above what {metric} has read lately, every {dimensions} together ({low} to {high}). Log it anyway?',
  'quickLog.unusual.belowAcross':
    '{value} is far below what {metric} has read lately, every {dimensions} together ({low} to {high}). Log it anyway?',
  'quickLog.unusual.fractionAcross':
    '{value}? {metric} has read {low} to {high} lately, every {dimensions} together: was it a fraction of the percentage?',
  // The omnibox says what Enter will do with the text as typed
  'omnibox.choose': '{question} Enter opens Pacer to choose.',
  'omnibox.openToFinish': 'Enter opens Pacer to finish: {reason}',
  'omnibox.tie': 'more than one KPI matches',
  'omnibox.noMatch': 'no KPI matches “{query}”',
  // The weekly review on the new tab
  'review.open': 'Weekly check-in',
  'review.title': 'Weekly check-in',
  'review.checkInGoal': 'Check in',
};

export const firsthourVi: Record<keyof typeof firsthourEn, string> = {
  'quickLog.oddValue': '{value}? {notes}',
  'quickLog.negativeCount': 'KPI này đếm số lượng, mà số lượng không thể âm.',
  'quickLog.fractionalCount': 'KPI này đếm số lượng, mà số lượng phải là số nguyên.',
  'quickLog.negativeMoney': 'Số tiền âm: chỉ giữ dấu trừ nếu bạn thật sự muốn vậy.',
  'quickLog.fractionalMoneyWhole': 'Số tiền {currency} không có phần thập phân.',
  'quickLog.fractionalMoney': 'Số tiền {currency} có tối đa {digits} chữ số thập phân.',
  'quickLog.change': 'Sửa giá trị',
  'quickLog.unusual.above':
    '{value} cao hơn nhiều so với {metric} gần đây (từ {low} đến {high}). Vẫn ghi nhận?',
  'quickLog.unusual.below':
    '{value} thấp hơn nhiều so với {metric} gần đây (từ {low} đến {high}). Vẫn ghi nhận?',
  'quickLog.unusual.fraction':
    '{value}? Gần đây {metric} ở mức {low} đến {high}: có phải bạn nhập dạng số thập phân của phần trăm?',
  'quickLog.unusual.aboveMonth':
    '{value} cao hơn nhiều so với cả một tháng {metric} gần đây (từ {low} đến {high} mỗi tháng). Vẫn ghi nhận?',
  'quickLog.unusual.aboveMonthAcross':
    '{value} cao hơn nhiều so với cả một tháng {metric} gần đây, gộp mọi {dimensions} (từ {low} đến {high} mỗi tháng). Vẫn ghi nhận?',
  'quickLog.unusual.aboveAcross':
    '{value} cao hơn nhiều so với {metric} gần đây, gộp mọi {dimensions} (từ {low} đến {high}). Vẫn ghi nhận?',
  'quickLog.unusual.belowAcross':
    '{value} thấp hơn nhiều so với {metric} gần đây, gộp mọi {dimensions} (từ {low} đến {high}). Vẫn ghi nhận?',
  'quickLog.unusual.fractionAcross':
    '{value}? Gần đây {metric}, gộp mọi {dimensions}, ở mức {low} đến {high}: có phải bạn nhập dạng số thập phân của phần trăm?',
  'omnibox.choose': '{question} Nhấn Enter để mở Pacer và chọn.',
  'omnibox.openToFinish': 'Nhấn Enter để mở Pacer và hoàn tất: {reason}',
  'omnibox.tie': 'có nhiều KPI trùng khớp',
  'omnibox.noMatch': 'không có KPI nào khớp với “{query}”',
  'review.open': 'Cập nhật hằng tuần',
  'review.title': 'Cập nhật hằng tuần',
  'review.checkInGoal': 'Cập nhật tiến độ',
};
