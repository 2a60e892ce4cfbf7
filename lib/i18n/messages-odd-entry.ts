/**
 * Strings of issue 19, item 6 on the new tab's data entry: one question before values that are odd
 * for their KPI (a negative count, ₫1.2) are saved. The reasons per value reuse the quick log's
 * `quickLog.*` notes (messages-firsthour.ts), so the popup and the new tab say the same thing.
 */
export const oddEntryEn = {
  'oddEntry.ask.one': '{count} value looks odd for {what}: {values}. Save it anyway?',
  'oddEntry.ask.other': '{count} values look odd for {what}: {values}. Save them anyway?',
  'oddEntry.what.count': 'a count',
  'oddEntry.what.money': 'an amount in {currency}',
  'oddEntry.more': '+{count} more',
  'oddEntry.saveAnyway': 'Save anyway',
  'oddEntry.change.one': 'Change it',
  'oddEntry.change.other': 'Change them',
};

export const oddEntryVi: Record<keyof typeof oddEntryEn, string> = {
  'oddEntry.ask.one': '{count} giá trị có vẻ bất thường với {what}: {values}. Vẫn lưu chứ?',
  'oddEntry.ask.other': '{count} giá trị có vẻ bất thường với {what}: {values}. Vẫn lưu chứ?',
  'oddEntry.what.count': 'một số đếm',
  'oddEntry.what.money': 'một số tiền {currency}',
  'oddEntry.more': 'và {count} giá trị khác',
  'oddEntry.saveAnyway': 'Vẫn lưu',
  'oddEntry.change.one': 'Sửa lại',
  'oddEntry.change.other': 'Sửa lại',
};
