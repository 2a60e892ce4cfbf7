/**
 * A goal's detail on what it is made of: its description, its key results with their scores (the
 * objective's score is their mean), and the SMART line of an objective measured by them
 * (lib/app/goal-key-results.ts, lib/app/smart-ok-text.ts).
 */
export const goalDetailOkrEn = {
  'detail.description': 'Description',
  'detail.keyResults': 'Key results',
  'detail.keyResultsNote': 'The score {score} is the mean of these scores.',
  'detail.keyResultsNoteWeighted': 'The score {score} is the weighted mean of these scores.',
  'detail.krScore': 'score {score}',
  'detail.krWeight': 'weight {weight}',
  'detail.smartOkObjective.one': 'This objective is specific and time-bound, and its key result measures it.',
  'detail.smartOkObjective.other':
    'This objective is specific and time-bound, and its {count} key results measure it.',
};

export const goalDetailOkrVi: Record<keyof typeof goalDetailOkrEn, string> = {
  'detail.description': 'Mô tả',
  'detail.keyResults': 'Kết quả then chốt',
  'detail.keyResultsNote': 'Điểm {score} là trung bình cộng các điểm này.',
  'detail.keyResultsNoteWeighted': 'Điểm {score} là trung bình có trọng số các điểm này.',
  'detail.krScore': 'điểm {score}',
  'detail.krWeight': 'trọng số {weight}',
  'detail.smartOkObjective.one': 'Mục tiêu này cụ thể, có thời hạn và được đo bằng kết quả then chốt của nó.',
  'detail.smartOkObjective.other':
    'Mục tiêu này cụ thể, có thời hạn và được đo bằng {count} kết quả then chốt của nó.',
};
