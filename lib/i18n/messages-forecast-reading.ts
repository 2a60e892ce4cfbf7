/**
 * Strings of a goal's forecast where issue 14's readings meet issue 18's forecaster: the label of a
 * rough (run-rate) estimate and when a forecast will appear (docs/figures.md § Forecasts).
 */
export const forecastReadingEn = {
  'forecast.rough': 'few data points: rough estimate ({points} of {needed} periods)',
  'forecast.after.month': 'Forecast after {needed} complete months of data ({points} so far)',
  'forecast.after.week': 'Forecast after {needed} complete weeks of data ({points} so far)',
  // A total's first forecast is a run-rate estimate from 2 periods, long before the status is judged
  // (8): "Forecast after 2 weeks" beside "judged after 8 weeks" read as two answers to one question.
  'forecast.afterRough.month': 'Rough forecast after {needed} complete months of data ({points} so far)',
  'forecast.afterRough.week': 'Rough forecast after {needed} complete weeks of data ({points} so far)',
  // A keep goal's chances are about the running month (still open), not the one after it.
  'keep.chanceThisMonth': '{breach} chance of a breach this month · {hold} to hold through {date}',
  'keep.chanceThisMonthOnly': '{breach} chance of a breach this month',
  // Fewer than half the simulated futures reach the target, but some do: "not reached" would
  // contradict the chance on the card or in the alerts.
  'forecast.mostlyMissed': 'Most likely missed at the current pace',
  'forecast.mostlyMissedChance': 'Most likely missed at the current pace · {p} chance by {date}',
};

export const forecastReadingVi: Record<keyof typeof forecastReadingEn, string> = {
  'forecast.rough': 'ít dữ liệu: ước tính sơ bộ ({points}/{needed} kỳ)',
  'forecast.after.month': 'Có dự báo khi đủ {needed} tháng dữ liệu (hiện có {points})',
  'forecast.after.week': 'Có dự báo khi đủ {needed} tuần dữ liệu (hiện có {points})',
  'forecast.afterRough.month': 'Có ước tính sơ bộ khi đủ {needed} tháng dữ liệu (hiện có {points})',
  'forecast.afterRough.week': 'Có ước tính sơ bộ khi đủ {needed} tuần dữ liệu (hiện có {points})',
  'keep.chanceThisMonth': 'Khả năng phá ngưỡng trong tháng này: {breach} · giữ được đến {date}: {hold}',
  'keep.chanceThisMonthOnly': 'Khả năng phá ngưỡng trong tháng này: {breach}',
  'forecast.mostlyMissed': 'Nhiều khả năng không đạt với tốc độ hiện tại',
  'forecast.mostlyMissedChance':
    'Nhiều khả năng không đạt với tốc độ hiện tại · khả năng đạt đến hết {date}: {p}',
};
