/**
 * The date and month fields' strings (components/shared/day-input.tsx, lib/i18n/parse-day.ts). A day
 * is typed the way the UI writes one: vi day first (31/12/2026), en as "Dec 31, 2026".
 */
export const dayFieldEn = {
  'dayField.placeholder': 'e.g. Dec 31, 2026',
  'dayField.calendar': '{field}: choose on a calendar',
  'dayField.notADate': '“{text}” is not a date. Write it like Dec 31, 2026 or 12/31/2026.',
  'dayField.noYear': '“{text}” has no year. Write it like Dec 31, 2026 or 12/31/2026.',
  'dayField.yearlessHint': 'Without a year, the latest such day up to today: 12/1 or Dec 1.',
  'dayField.noSuchMonth': 'There is no month {month} in “{text}”.',
  'dayField.monthOrder':
    'There is no month {month} in “{text}”: in English the month comes first. Did you mean {fix}?',
  'dayField.noSuchDay': '{month} has {days} days: there is no day {day}.',
  'dayField.noSuchDayAnyYear': 'There is no {month} {day} in any year.',
  'dayField.tooEarly': 'Choose {min} or a later day.',
  'dayField.tooLate': 'Choose {max} or an earlier day.',
  'monthField.placeholder': 'e.g. Dec 2026',
  'monthField.notAMonth': '“{text}” is not a month. Write it like Dec 2026.',
};

export const dayFieldVi: Record<keyof typeof dayFieldEn, string> = {
  'dayField.placeholder': 'dd/mm/yyyy',
  'dayField.calendar': '{field}: chọn trên lịch',
  'dayField.notADate': '“{text}” không phải là một ngày. Hãy viết ngày/tháng/năm, ví dụ 31/12/2026.',
  'dayField.noYear': '“{text}” chưa có năm. Hãy viết ngày/tháng/năm, ví dụ 31/12/2026.',
  'dayField.yearlessHint': 'Không ghi năm: là ngày đó gần nhất tính đến hôm nay, ví dụ 1/12.',
  'dayField.noSuchMonth': 'Không có tháng {month} trong “{text}”.',
  'dayField.monthOrder':
    'Không có tháng {month} trong “{text}”: ngày viết trước, rồi đến tháng. Có phải ý bạn là {fix}?',
  'dayField.noSuchDay': 'Tháng {month} chỉ có {days} ngày: không có ngày {day}.',
  'dayField.noSuchDayAnyYear': 'Không năm nào có ngày {day} tháng {month}.',
  'dayField.tooEarly': 'Hãy chọn ngày {min} hoặc muộn hơn.',
  'dayField.tooLate': 'Hãy chọn ngày {max} hoặc sớm hơn.',
  'monthField.placeholder': 'mm/yyyy',
  'monthField.notAMonth': '“{text}” không phải là một tháng. Hãy viết tháng/năm, ví dụ 12/2026.',
};
