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
  // Import: what the file holds that Pacer does not import as is
  'csv.field.wonDate': 'Won time',
  'import.repeatedHeader':
    'Columns {columns} are all named “{header}”: Pacer reads the first. Check the mapping below.',
  'import.fallbackIdentity':
    'This export has no record ID column: each record is named by its title, created time and organisation. Add the ID column to the export to link records to the CRM pages.',
  'import.footer.one': 'Row {rows} was not imported: it looks like a total line ({text}).',
  'import.footer.other': '{count} rows were not imported: they look like total lines (rows {rows}).',
  'import.mixedCurrencies':
    'This series mixes {currencies}. Pacer never converts currencies: import each currency into a metric of its own (filter the file by currency first).',
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
  'csv.field.wonDate': 'Thời điểm thắng',
  'import.repeatedHeader':
    'Các cột {columns} cùng tên “{header}”: Pacer đọc cột đầu tiên. Hãy kiểm tra phần ghép cột bên dưới.',
  'import.fallbackIdentity':
    'Tệp xuất này không có cột mã bản ghi: mỗi bản ghi được nhận diện theo tiêu đề, thời điểm tạo và tổ chức. Hãy thêm cột mã vào tệp xuất để liên kết với trang CRM.',
  'import.footer.one': 'Dòng {rows} không được nhập: có vẻ là dòng tổng ({text}).',
  'import.footer.other': '{count} dòng không được nhập: có vẻ là các dòng tổng (dòng {rows}).',
  'import.mixedCurrencies':
    'Chuỗi số liệu này lẫn {currencies}. Pacer không bao giờ quy đổi tiền tệ: hãy nhập mỗi loại tiền vào một chỉ số riêng (lọc tệp theo loại tiền trước).',
};
