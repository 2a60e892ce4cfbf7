/**
 * A KPI with no good direction (neutral: ad spend, a budget) and the goals on it: the KPI form's third
 * direction, and the goal form's question of which way such a goal moves its KPI (lib/app/goal-form.ts,
 * neutralWay). Spread into messages-en.ts / messages-vi.ts.
 */
export const directionEn = {
  'direction.neutral': 'Neither (spend, budget)',
  'editor.goal.direction': 'Which way this goal moves it',
  'editor.goal.direction.hint':
    '{metric} is neither better higher nor lower, so the goal says which way it should go.',
  'editor.goal.direction.auto': 'From target and baseline',
  'editor.goal.direction.up': 'Up to the target',
  'editor.goal.direction.down': 'Down to the target',
  'editor.goal.neutralDirection':
    'Choose whether this goal takes it up or down to the target, or give a baseline.',
  'editor.goal.neutralSide':
    'This KPI is neither better higher nor lower: choose whether the level is held at or above the target, or at or below it.',
  'editor.goal.neutralKeepType':
    'This reads as keeping a level on a KPI that is neither better higher nor lower: choose “Keep a level” and the side to hold, or give a baseline away from the target.',
  'okrSet.neutralDirection':
    '{metric} is neither better higher nor lower: create this key result in the goal form, where you can say which way it should go.',
};

export const directionVi: Record<keyof typeof directionEn, string> = {
  'direction.neutral': 'Không bên nào tốt hơn (chi tiêu, ngân sách)',
  'editor.goal.direction': 'Mục tiêu này đưa chỉ số theo chiều nào',
  'editor.goal.direction.hint':
    '{metric} không có chiều nào tốt hơn, nên mục tiêu cần nói rõ chỉ số nên tăng hay giảm.',
  'editor.goal.direction.auto': 'Theo mục tiêu và mức ban đầu',
  'editor.goal.direction.up': 'Tăng lên đến mục tiêu',
  'editor.goal.direction.down': 'Giảm xuống đến mục tiêu',
  'editor.goal.neutralDirection':
    'Hãy chọn mục tiêu này đưa chỉ số tăng lên hay giảm xuống đến mục tiêu, hoặc nhập mức ban đầu.',
  'editor.goal.neutralSide':
    'Chỉ số này không có chiều nào tốt hơn: hãy chọn giữ mức bằng hoặc cao hơn mục tiêu, hay bằng hoặc thấp hơn mục tiêu.',
  'editor.goal.neutralKeepType':
    'Mục tiêu này được hiểu là giữ mức trên một chỉ số không có chiều nào tốt hơn: hãy chọn “Giữ mức” và phía cần giữ, hoặc nhập mức ban đầu khác với giá trị mục tiêu.',
  'okrSet.neutralDirection':
    '{metric} không có chiều nào tốt hơn: hãy tạo kết quả then chốt này trong biểu mẫu mục tiêu, nơi bạn có thể chọn chỉ số nên tăng hay giảm.',
};
