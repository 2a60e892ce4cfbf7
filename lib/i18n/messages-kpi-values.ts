import type { Source } from '../schema';

/**
 * The list of a KPI's logged values (lib/app/kpi-values.ts): read, fixed, deleted, with where each came
 * from. Spread into messages-en.ts / messages-vi.ts.
 */
export const kpiValuesEn = {
  'kpiValues.open': 'Values',
  'kpiValues.title': 'Values of {metric}',
  'kpiValues.derived':
    '{metric} is worked out from other KPIs, so it has no values of its own. To fix a figure, fix the values of the KPIs it is worked out from.',
  'kpiValues.none': 'No values logged yet.',
  'kpiValues.noneInMonth': 'No values up to the end of {month}.',
  'kpiValues.loadFailed': 'Could not read the values: {reason}',
  'kpiValues.day': 'Day',
  'kpiValues.value': 'Value',
  'kpiValues.dims': 'For',
  'kpiValues.source': 'From',
  'kpiValues.note': 'Note',
  'kpiValues.actions': 'Actions',
  'kpiValues.source.manual': 'Typed in',
  'kpiValues.source.import': 'CSV import',
  'kpiValues.source.crm': 'CRM',
  'kpiValues.source.derived': 'Worked out',
  'kpiValues.source.example': 'Example data',
  'kpiValues.repeat': '{value} is already logged for {metric} on {date} ({source}). Log it a second time?',
  'kpiValues.repeatYes': 'Log it again',
  'kpiValues.showing.one': 'The newest value',
  'kpiValues.showing.other': 'The newest {count} values',
  'kpiValues.showingMonth.one': 'The newest value up to the end of {month}',
  'kpiValues.showingMonth.other': 'The newest {count} values up to the end of {month}',
  'kpiValues.showMore': 'Show older values',
  'kpiValues.month': 'Up to the end of',
  'kpiValues.newest': 'Newest',
  'kpiValues.editOf': 'Edit the value of {day}',
  'kpiValues.deleteOf': 'Delete the value of {day}',
  'kpiValues.importHint':
    'This value came from a file. Importing that file again puts the file’s value back: fix the file too.',
  'kpiValues.crmHint':
    'This value came from your CRM. Its next read puts the CRM’s value back: fix it in the CRM too.',
  'kpiValues.saved': 'Value of {day} changed from {old} to {value}',
  'kpiValues.moved': 'Value {value} moved to {day}',
  'kpiValues.deleted': 'Value of {day} deleted ({value})',
  'kpiValues.unchanged': 'Nothing to save: the value, day and note are as they were.',
};

export const kpiValuesVi: Record<keyof typeof kpiValuesEn, string> = {
  'kpiValues.open': 'Giá trị đã ghi',
  'kpiValues.title': 'Các giá trị của {metric}',
  'kpiValues.derived':
    '{metric} được tính từ các KPI khác nên không có giá trị riêng. Muốn sửa số liệu, hãy sửa giá trị của các KPI dùng để tính nó.',
  'kpiValues.none': 'Chưa ghi giá trị nào.',
  'kpiValues.noneInMonth': 'Không có giá trị nào tính đến hết {month}.',
  'kpiValues.loadFailed': 'Không đọc được các giá trị: {reason}',
  'kpiValues.day': 'Ngày',
  'kpiValues.value': 'Giá trị',
  'kpiValues.dims': 'Phân loại',
  'kpiValues.source': 'Nguồn',
  'kpiValues.note': 'Ghi chú',
  'kpiValues.actions': 'Thao tác',
  'kpiValues.source.manual': 'Nhập tay',
  'kpiValues.source.import': 'Nhập từ tệp CSV',
  'kpiValues.source.crm': 'CRM',
  'kpiValues.source.derived': 'Tính từ KPI khác',
  'kpiValues.source.example': 'Dữ liệu mẫu',
  'kpiValues.repeat': '{value} đã được ghi cho {metric} ngày {date} ({source}). Ghi thêm lần nữa?',
  'kpiValues.repeatYes': 'Vẫn ghi thêm',
  'kpiValues.showing.one': 'Giá trị mới nhất',
  'kpiValues.showing.other': '{count} giá trị mới nhất',
  'kpiValues.showingMonth.one': 'Giá trị mới nhất tính đến hết {month}',
  'kpiValues.showingMonth.other': '{count} giá trị mới nhất tính đến hết {month}',
  'kpiValues.showMore': 'Xem các giá trị cũ hơn',
  'kpiValues.month': 'Tính đến hết',
  'kpiValues.newest': 'Mới nhất',
  'kpiValues.editOf': 'Sửa giá trị ngày {day}',
  'kpiValues.deleteOf': 'Xóa giá trị ngày {day}',
  'kpiValues.importHint':
    'Giá trị này lấy từ một tệp. Nếu nhập lại tệp đó, giá trị trong tệp sẽ quay lại: hãy sửa cả trong tệp.',
  'kpiValues.crmHint':
    'Giá trị này lấy từ CRM. Lần đọc CRM tiếp theo sẽ đưa giá trị của CRM quay lại: hãy sửa cả trong CRM.',
  'kpiValues.saved': 'Đã sửa giá trị ngày {day} từ {old} thành {value}',
  'kpiValues.moved': 'Đã chuyển giá trị {value} sang ngày {day}',
  'kpiValues.deleted': 'Đã xóa giá trị ngày {day} ({value})',
  'kpiValues.unchanged': 'Không có gì để lưu: giá trị, ngày và ghi chú vẫn như cũ.',
};

/** Where a value came from, in words: the message key of its source (the values list, the popup). */
export const sourceKey = (s: Source) => `kpiValues.source.${s}` as const;
