/**
 * The end of a CSV import: which KPI the values went into, and the file field's own wording (a styled
 * button and the chosen file's name, so no browser-native "No file selected." contradicts the page).
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const importSummaryEn = {
  'csv.intoKpi.one': 'Imported {count} value into {name} ({range})',
  'csv.intoKpi.other': 'Imported {count} values into {name} ({range})',
  // The same file again: "Imported 6 values" beside "Added: 0 · unchanged: 6" read as new values.
  'csv.alreadyInKpi.one': '{name} already had this value ({range}): nothing new',
  'csv.alreadyInKpi.other': '{name} already had these {count} values ({range}): nothing new',
  'csv.range': '{from} – {to}',
  'file.none': 'No file chosen yet',
  'file.line': '{file} ({size})',
};

export const importSummaryVi: Record<keyof typeof importSummaryEn, string> = {
  'csv.intoKpi.one': 'Đã nhập {count} giá trị vào {name} ({range})',
  'csv.intoKpi.other': 'Đã nhập {count} giá trị vào {name} ({range})',
  'csv.alreadyInKpi.one': '{name} đã có giá trị này ({range}): không có gì mới',
  'csv.alreadyInKpi.other': '{name} đã có {count} giá trị này ({range}): không có gì mới',
  'csv.range': '{from} – {to}',
  'file.none': 'Chưa chọn tệp nào',
  'file.line': '{file} ({size})',
};
