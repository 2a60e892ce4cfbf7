/**
 * Strings of the "Other CRM" CSV import (a CRM mapped by pointing), the import's detection
 * confidence, and currencies in CRM-derived metrics (exchange rates in the options page).
 */
export const crmdataEn = {
  'crmdata.otherCrm': 'Other CRM (mapped by pointing)',
  // The percent is how well the file's column names match a kind of file (lib/import/detect-kind.ts),
  // not a probability that the reading is right: "100% sure" claimed what no header match can know.
  'crmdata.confidence.sure':
    'Read as this kind of file from its column names (match score {percent}): check the columns and the rows below.',
  'crmdata.confidence.unsure':
    'This reading fits the file only in part (match score {percent}): check the kind of file and the columns below.',
  'crmdata.confidence.chosen': 'You chose this reading (match score {percent}).',
  'crmdata.mappedCrm': 'Mapped: {name}',
  'crmdata.noMappings':
    'Map this CRM’s pages first (Options → CRM overlay → Map a page by pointing); its rows are tied to the records Pacer reads there.',
  'crmdata.template': 'Record address',
  'crmdata.templateHint':
    'Where a record opens in the CRM, with {id} where the export’s ID goes — or the id the page carries, e.g. deal-{id}.',
  'crmdata.templateFrom.leads': 'Taken from the {count} records Pacer holds for this CRM.',
  'crmdata.templateFrom.mapping':
    'Guessed from the mapping: open one record in the CRM and check its address.',
  'crmdata.matches':
    '{matched} of the first {total} rows are records Pacer already holds for this CRM (read on its pages or imported): they are updated, not doubled.',
  'crmdata.matchesNone':
    'None of the first {total} rows matches a record Pacer already holds for this CRM: check the record address.',
  'crmdata.problem.slot': 'Write {id} in the record address where the export’s ID goes.',
  'crmdata.problem.origin': 'The record address must be on {origin}, the CRM these rows belong to.',
  'crmdata.problem.url': 'The record address is not a valid web address.',
  'crmdata.rates': 'Exchange rates for CRM amounts',
  'crmdata.rates.hint':
    'CRM money KPIs count in {currency}. Deals in another currency are converted with your rate; without one they are listed apart, never added in. Pacer fetches no rates.',
  'crmdata.rates.from': 'Currency (ISO code)',
  'crmdata.rates.rate': '1 {from} in {to}',
  'crmdata.rates.add': 'Add rate',
  'crmdata.rates.removeShort': 'Remove',
  'crmdata.rates.remove': 'Remove the {from}–{to} rate',
  'crmdata.rates.notNumber': '“{text}” is not a number.',
  'crmdata.rates.notPositive': 'A rate must be more than 0.',
  'crmdata.rates.badCode': '“{code}” is not a currency code such as USD or EUR.',
  'crmdata.rates.same': '{code} is already the currency the KPIs count in.',
  'crmdata.rates.apart.pipeline': 'Open pipeline not counted in {currency} (no rate): {list}.',
  'crmdata.rates.apart.won': 'Won deals not counted in {currency} (no rate): {list}.',
  'crmdata.rates.apartItem.one': '{amount} in {count} deal',
  'crmdata.rates.apartItem.other': '{amount} in {count} deals',
} as const;

export type CrmdataKey = keyof typeof crmdataEn;

export const crmdataVi: Record<CrmdataKey, string> = {
  'crmdata.otherCrm': 'CRM khác (đã ánh xạ bằng cách chỉ)',
  'crmdata.confidence.sure':
    'Đọc theo loại tệp này dựa trên tên cột (mức khớp {percent}): hãy kiểm tra các cột và các dòng bên dưới.',
  'crmdata.confidence.unsure':
    'Cách đọc này chỉ khớp một phần với tệp (mức khớp {percent}): hãy kiểm tra loại tệp và các cột bên dưới.',
  'crmdata.confidence.chosen': 'Bạn đã chọn cách đọc này (mức khớp {percent}).',
  'crmdata.mappedCrm': 'Đã ánh xạ: {name}',
  'crmdata.noMappings':
    'Hãy ánh xạ các trang của CRM này trước (Tùy chọn → Lớp phủ CRM → Ánh xạ trang bằng cách chỉ); các dòng sẽ gắn với bản ghi Pacer đọc ở đó.',
  'crmdata.template': 'Địa chỉ bản ghi',
  'crmdata.templateHint':
    'Địa chỉ mở một bản ghi trong CRM, với {id} ở chỗ mã trong tệp xuất — hoặc mã mà trang mang, ví dụ deal-{id}.',
  'crmdata.templateFrom.leads': 'Lấy từ {count} bản ghi Pacer đang có cho CRM này.',
  'crmdata.templateFrom.mapping': 'Đoán từ bản ánh xạ: hãy mở một bản ghi trong CRM và kiểm tra địa chỉ.',
  'crmdata.matches':
    '{matched} trên {total} dòng đầu là bản ghi Pacer đã có cho CRM này (đọc trên trang hoặc đã nhập): chúng được cập nhật, không bị nhân đôi.',
  'crmdata.matchesNone':
    'Chưa dòng nào trong {total} dòng đầu khớp với bản ghi Pacer đã có cho CRM này: hãy kiểm tra địa chỉ bản ghi.',
  'crmdata.problem.slot': 'Hãy viết {id} vào địa chỉ bản ghi, ở chỗ mã trong tệp xuất.',
  'crmdata.problem.origin': 'Địa chỉ bản ghi phải nằm trên {origin}, CRM của các dòng này.',
  'crmdata.problem.url': 'Địa chỉ bản ghi không phải là địa chỉ web hợp lệ.',
  'crmdata.rates': 'Tỷ giá cho số tiền từ CRM',
  'crmdata.rates.hint':
    'Các KPI tiền từ CRM được tính bằng {currency}. Hợp đồng bằng tiền tệ khác được quy đổi theo tỷ giá bạn nhập; nếu chưa có tỷ giá, chúng được liệt kê riêng, không bao giờ cộng vào. Pacer không tự lấy tỷ giá.',
  'crmdata.rates.from': 'Tiền tệ (mã ISO)',
  'crmdata.rates.rate': '1 {from} bằng bao nhiêu {to}',
  'crmdata.rates.add': 'Thêm tỷ giá',
  'crmdata.rates.removeShort': 'Xóa',
  'crmdata.rates.remove': 'Xóa tỷ giá {from}–{to}',
  'crmdata.rates.notNumber': '“{text}” không phải là số.',
  'crmdata.rates.notPositive': 'Tỷ giá phải lớn hơn 0.',
  'crmdata.rates.badCode': '“{code}” không phải mã tiền tệ như USD hay EUR.',
  'crmdata.rates.same': '{code} đã là tiền tệ dùng để tính KPI.',
  'crmdata.rates.apart.pipeline': 'Pipeline đang mở chưa tính vào {currency} (chưa có tỷ giá): {list}.',
  'crmdata.rates.apart.won': 'Hợp đồng đã chốt chưa tính vào {currency} (chưa có tỷ giá): {list}.',
  'crmdata.rates.apartItem.one': '{amount} trong {count} hợp đồng',
  'crmdata.rates.apartItem.other': '{amount} trong {count} hợp đồng',
};
