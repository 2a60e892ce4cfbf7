/**
 * Strings of issue 14's "numbers" work: a keep goal's outlook when it is past its line now, its breach
 * alert, and rate changes in percentage points (docs/figures.md).
 */
export const numbersEn = {
  // The latest value is past the line: say so, then the chance the running month ends back inside it.
  'keep.pastNow.at_least': 'Below the line now · {back} chance this month ends at or above {threshold}',
  'keep.pastNow.at_most': 'Above the line now · {back} chance this month ends at or below {threshold}',
  'keep.holdThrough': '{hold} to hold every month through {date}',
  // An on-track keep goal's reason: the latest months held (the window's tally is the progress line).
  'keep.reason.heldAll': 'held every month so far',
  // The window's tally with one month on record ("held 1 of 1 month", not "of 1 months").
  'keep.progressOneMonth': 'held {held} of 1 month',
  // A rate's change in the growth table, in percentage points: "+0.4 pt".
  'growth.points': '{sign}{x} pt',
  'keep.reason.heldLast.one': 'held the last month',
  'keep.reason.heldLast.other': 'held the last {count} months',
  'keep.reason.heldSoFar.one': 'held so far in {month}',
  'keep.reason.heldSoFar.other': 'held the last {count} months, {month} so far',
};

export const numbersVi: Record<keyof typeof numbersEn, string> = {
  'keep.pastNow.at_least': 'Đang dưới ngưỡng · khả năng tháng này kết thúc ở mức {threshold} trở lên: {back}',
  'keep.pastNow.at_most':
    'Đang vượt ngưỡng · khả năng tháng này kết thúc ở mức {threshold} trở xuống: {back}',
  'keep.holdThrough': 'giữ được mọi tháng đến {date}: {hold}',
  'keep.reason.heldAll': 'giữ được mọi tháng đến nay',
  'keep.progressOneMonth': 'Giữ được {held}/1 tháng',
  'growth.points': '{sign}{x} điểm %',
  'keep.reason.heldLast.one': 'giữ được tháng gần nhất',
  'keep.reason.heldLast.other': 'giữ được {count} tháng gần nhất',
  'keep.reason.heldSoFar.one': '{month} đến nay vẫn giữ được',
  'keep.reason.heldSoFar.other': 'giữ được {count} tháng gần nhất, tính cả {month} đến nay',
};
