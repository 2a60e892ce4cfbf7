/**
 * Strings of goal types and of the one reading per goal (docs/figures.md): the goal form's type
 * question and what cards, detail charts and alerts say about a goal's figures.
 */
export const numbersEn = {
  'goalType.question': 'How is this goal measured?',
  'goalType.auto': 'Decide from the metric',
  'goalType.total': 'Reach a total — add up everything logged until the deadline',
  'goalType.level': 'Reach a level — move a value from where it is to the target',
  'goalType.keep': 'Keep a level — stay on the right side of the target every period',
  'goalType.milestone': 'Milestone — done by a date',
  'goalType.objective': 'Objective — scored from its key results',
  'goalType.keepSide': 'The level is held when the value is',
  'goalType.keepSide.at_least': 'at or above the target',
  'goalType.keepSide.at_most': 'at or below the target',
  'goalType.rollingMonths': 'Read a summed metric over the last … months (12 = annual)',
};
export type NumbersKey = keyof typeof numbersEn;

export const numbersVi: Record<NumbersKey, string> = {
  'goalType.question': 'Mục tiêu này được đo thế nào?',
  'goalType.auto': 'Tự chọn theo chỉ số',
  'goalType.total': 'Đạt tổng — cộng dồn mọi giá trị ghi nhận đến hạn',
  'goalType.level': 'Đạt mức — đưa một giá trị từ mức hiện tại lên mục tiêu',
  'goalType.keep': 'Giữ mức — luôn ở đúng phía của mục tiêu trong mọi kỳ',
  'goalType.milestone': 'Cột mốc — hoàn thành trước một ngày',
  'goalType.objective': 'Mục tiêu định tính — chấm điểm theo các kết quả then chốt',
  'goalType.keepSide': 'Được coi là giữ mức khi giá trị',
  'goalType.keepSide.at_least': 'bằng hoặc cao hơn mục tiêu',
  'goalType.keepSide.at_most': 'bằng hoặc thấp hơn mục tiêu',
  'goalType.rollingMonths': 'Tính chỉ số cộng dồn trong … tháng gần nhất (12 = cả năm)',
};
