/**
 * A goal with figures but not yet enough to judge them (lib/engine/status.ts rule 5b,
 * lib/engine/goal-types/too-early.ts): its status and what it waits for. docs/figures.md § Too early to tell.
 */
export const tooEarlyEn = {
  'status.tooEarly': 'Too early to tell',
  'reading.reason.tooEarly.paceFrom': 'pace judged from {date}',
  'reading.reason.tooEarly.week': 'judged after {needed} complete weeks of data ({have} so far)',
  'reading.reason.tooEarly.month': 'judged after {needed} complete months of data ({have} so far)',
  'reading.reason.tooEarly.orStart': '{wait}, or on pace once it has a start date',
  'reading.reason.tooEarly.noStart': 'judged on pace once it has a start date',
  'reading.reason.tooEarly.unknown': 'not enough data to judge it yet',
  'badge.tooEarly.one': '{count} too early to tell',
  'badge.tooEarly.other': '{count} too early to tell',
  'dashboard.noAlertsTooEarly': 'No alerts yet: your goals have numbers, but it is too early to judge them.',
};

export const tooEarlyVi: Record<keyof typeof tooEarlyEn, string> = {
  'status.tooEarly': 'Chưa đủ để đánh giá',
  'reading.reason.tooEarly.paceFrom': 'đánh giá tiến độ từ {date}',
  'reading.reason.tooEarly.week': 'đánh giá khi đủ {needed} tuần dữ liệu (hiện có {have})',
  'reading.reason.tooEarly.month': 'đánh giá khi đủ {needed} tháng dữ liệu (hiện có {have})',
  'reading.reason.tooEarly.orStart': '{wait}, hoặc theo tiến độ khi có ngày bắt đầu',
  'reading.reason.tooEarly.noStart': 'đánh giá theo tiến độ khi có ngày bắt đầu',
  'reading.reason.tooEarly.unknown': 'chưa đủ dữ liệu để đánh giá',
  'badge.tooEarly.one': '{count} chưa đủ để đánh giá',
  'badge.tooEarly.other': '{count} chưa đủ để đánh giá',
  'dashboard.noAlertsTooEarly': 'Chưa có cảnh báo: mục tiêu đã có số liệu nhưng còn quá sớm để đánh giá.',
};
