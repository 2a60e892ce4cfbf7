/**
 * Strings of issue 14's "numbers" work: a keep goal's outlook when it is past its line now, its breach
 * alert, and rate changes in percentage points (docs/figures.md).
 */
export const numbersEn = {
  // The latest value is past the line: say so, then the chance the running month ends back inside it.
  'keep.pastNow.at_least': 'Below the line now · {back} chance this month ends at or above {threshold}',
  'keep.pastNow.at_most': 'Above the line now · {back} chance this month ends at or below {threshold}',
  // The month read is the last complete one, past the line; the running month has no value yet.
  'keep.pastLast.at_least':
    '{month} ended below the line · {back} chance {next} ends at or above {threshold}',
  'keep.pastLast.at_most': '{month} ended above the line · {back} chance {next} ends at or below {threshold}',
  'keep.holdThrough': '{hold} to hold every month through {date}',
  // An on-track keep goal's reason: the latest months held (the window's tally is the progress line).
  'keep.reason.heldAll': 'held every month so far',
  // The window's tally with one month on record ("held 1 of 1 month", not "of 1 months").
  'keep.progressOneMonth': 'held {held} of 1 month',
  // A rate's change in the growth table, in percentage points: "+0.4 pt".
  'growth.points': '{sign}{x} pt',
  // A keep goal with months of its window missed (at risk at best): the months missed, then the latest
  // held, counted back from the month read; "{month} so far" when that is the running month.
  'keep.reason.missed': 'missed {missed} of {periods} months',
  'keep.reason.missedHeldLast.one': 'missed {missed} of {periods} months, held the last one',
  'keep.reason.missedHeldLast.other': 'missed {missed} of {periods} months, held the last {count}',
  'keep.reason.missedHeldSoFar.one': 'missed {missed} of {periods} months, held {month} so far',
  'keep.reason.missedHeldSoFar.other':
    'missed {missed} of {periods} months, held the last {count} ({month} so far)',
};

export const numbersVi: Record<keyof typeof numbersEn, string> = {
  'keep.pastNow.at_least': 'Đang dưới ngưỡng · khả năng tháng này kết thúc ở mức {threshold} trở lên: {back}',
  'keep.pastNow.at_most':
    'Đang vượt ngưỡng · khả năng tháng này kết thúc ở mức {threshold} trở xuống: {back}',
  'keep.pastLast.at_least':
    '{month} kết thúc dưới ngưỡng · khả năng {next} kết thúc ở mức {threshold} trở lên: {back}',
  'keep.pastLast.at_most':
    '{month} kết thúc trên ngưỡng · khả năng {next} kết thúc ở mức {threshold} trở xuống: {back}',
  'keep.holdThrough': 'giữ được mọi tháng đến {date}: {hold}',
  'keep.reason.heldAll': 'giữ được mọi tháng đến nay',
  'keep.progressOneMonth': 'Giữ được {held}/1 tháng',
  'growth.points': '{sign}{x} điểm %',
  'keep.reason.missed': 'không đạt {missed}/{periods} tháng',
  'keep.reason.missedHeldLast.one': 'không đạt {missed}/{periods} tháng, giữ được tháng gần nhất',
  'keep.reason.missedHeldLast.other': 'không đạt {missed}/{periods} tháng, giữ được {count} tháng gần nhất',
  'keep.reason.missedHeldSoFar.one': 'không đạt {missed}/{periods} tháng, {month} đến nay vẫn giữ được',
  'keep.reason.missedHeldSoFar.other':
    'không đạt {missed}/{periods} tháng, giữ được {count} tháng gần nhất (tính cả {month} đến nay)',
};
