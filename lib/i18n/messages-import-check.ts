/**
 * The import's checks of a KPI file: the percentage scale chosen before the check, rows sharing a day,
 * and the check step on a KPI that already holds values for the file's days
 * (lib/import/overlap.ts, components/import/overlap-notice.tsx), and the summary lines it adds.
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const importCheckEn = {
  'overlap.changed.one': '{count} value imported before for one of these days will change:',
  'overlap.changed.other': '{count} values imported before for these days will change:',
  'overlap.change': '{day}: {before} → {after}',
  'overlap.unchanged.one': '{count} value is already there, the same: nothing changes for it.',
  'overlap.unchanged.other': '{count} values are already there, the same: nothing changes for them.',
  'overlap.occupied.one': 'This KPI already has values on {count} of these days',
  'overlap.occupied.other': 'This KPI already has values on {count} of these days',
  'overlap.occupied.sum':
    'They were logged another way (typed in, the popup, CRM pages or another file). Kept beside them, both would go into a total, so a day could be counted twice.',
  'overlap.occupied.level':
    'They were logged another way (typed in, the popup, CRM pages or another file). Kept beside them, both would be read for those days.',
  'overlap.same.all':
    'On every one of these days the values add up to the file’s: these look like numbers you already have, such as Pacer’s own export.',
  'overlap.same.some': 'On {same} of them the values add up to the file’s: the same numbers again.',
  'overlap.day': 'Day',
  'overlap.stored': 'Already there',
  'overlap.incoming': 'In this file',
  'overlap.more.one': '…and {count} more day',
  'overlap.more.other': '…and {count} more days',
  'overlap.choose': 'What should happen on those days?',
  'overlap.replace': 'Replace what they hold with the file’s values',
  'overlap.skip': 'Keep what they hold and import only the other days',
  'overlap.add.sum': 'Keep both (a total counts both)',
  'overlap.add.level': 'Keep both',
  'overlap.chooseFirst': 'Choose what happens on those days to start the import.',
  'overlap.undo': 'Whichever you choose, Settings › Recent CSV imports can undo it.',
  'overlap.notChecked':
    'This file is too large to compare value by value with what the KPI already holds: values on days that already have some are kept beside them.',
  'rows.sameDay.one':
    '{count} row has the same date as an earlier row: each row is its own value (one row per order), and a day’s values add up.',
  'rows.sameDay.other':
    '{count} rows have the same date as an earlier row: each row is its own value (one row per order), and a day’s values add up.',
  'csv.reportBad.one':
    '{count} row has problems. Fix the file and choose it again, skip this row, or cancel.',
  'csv.reportBad.other':
    '{count} rows have problems. Fix the file and choose it again, skip these rows, or cancel.',
  'csv.percentScale': 'Numbers without a % sign',
  'csv.percentScale.fraction': 'are fractions: 0.19 means 19%',
  'csv.percentScale.points': 'are percentages: 19 means 19%',
  'csv.unchanged': 'Already there, unchanged: {count}',
  'csv.removed': 'Values replaced on days that already had some: {count}',
  'csv.held': 'Left out, as their day already had values: {count}',
};

export const importCheckVi: Record<keyof typeof importCheckEn, string> = {
  'overlap.changed.one': '{count} giá trị đã nhập trước đây cho một trong những ngày này sẽ thay đổi:',
  'overlap.changed.other': '{count} giá trị đã nhập trước đây cho những ngày này sẽ thay đổi:',
  'overlap.change': '{day}: {before} → {after}',
  'overlap.unchanged.one': '{count} giá trị đã có sẵn và giống hệt: không thay đổi gì.',
  'overlap.unchanged.other': '{count} giá trị đã có sẵn và giống hệt: không thay đổi gì.',
  'overlap.occupied.one': 'KPI này đã có số liệu vào {count} ngày trong số này',
  'overlap.occupied.other': 'KPI này đã có số liệu vào {count} ngày trong số này',
  'overlap.occupied.sum':
    'Số liệu đó được ghi theo cách khác (nhập tay, cửa sổ bật lên, trang CRM hoặc tệp khác). Nếu giữ cả hai, tổng sẽ cộng cả hai nên một ngày có thể bị tính hai lần.',
  'overlap.occupied.level':
    'Số liệu đó được ghi theo cách khác (nhập tay, cửa sổ bật lên, trang CRM hoặc tệp khác). Nếu giữ cả hai, cả hai sẽ được tính cho những ngày đó.',
  'overlap.same.all':
    'Vào mọi ngày đó, số liệu đã có cộng lại đúng bằng số trong tệp: có vẻ đây là số liệu bạn đã có, chẳng hạn tệp xuất từ chính Pacer.',
  'overlap.same.some': 'Vào {same} ngày trong số đó, số liệu đã có cộng lại đúng bằng số trong tệp.',
  'overlap.day': 'Ngày',
  'overlap.stored': 'Đã có',
  'overlap.incoming': 'Trong tệp',
  'overlap.more.one': '…và {count} ngày khác',
  'overlap.more.other': '…và {count} ngày khác',
  'overlap.choose': 'Với những ngày đó thì làm thế nào?',
  'overlap.replace': 'Thay số liệu đã có bằng số trong tệp',
  'overlap.skip': 'Giữ số liệu đã có, chỉ nhập những ngày còn lại',
  'overlap.add.sum': 'Giữ cả hai (tổng sẽ tính cả hai)',
  'overlap.add.level': 'Giữ cả hai',
  'overlap.chooseFirst': 'Hãy chọn cách xử lý những ngày đó để bắt đầu nhập.',
  'overlap.undo': 'Dù chọn cách nào, bạn vẫn có thể hoàn tác trong Cài đặt › Các lần nhập CSV gần đây.',
  'overlap.notChecked':
    'Tệp này quá lớn để so từng giá trị với số liệu KPI đã có: vào những ngày đã có số liệu, giá trị của tệp sẽ được giữ bên cạnh.',
  'rows.sameDay.one':
    '{count} dòng trùng ngày với một dòng trước: mỗi dòng là một giá trị riêng (mỗi dòng một đơn hàng), và các giá trị trong ngày được cộng lại.',
  'rows.sameDay.other':
    '{count} dòng trùng ngày với một dòng trước: mỗi dòng là một giá trị riêng (mỗi dòng một đơn hàng), và các giá trị trong ngày được cộng lại.',
  'csv.reportBad.one': '{count} dòng có lỗi. Hãy sửa tệp rồi chọn lại, bỏ qua dòng này, hoặc hủy.',
  'csv.reportBad.other': '{count} dòng có lỗi. Hãy sửa tệp rồi chọn lại, bỏ qua các dòng này, hoặc hủy.',
  'csv.percentScale': 'Số không có dấu %',
  'csv.percentScale.fraction': 'là phân số: 0,19 nghĩa là 19%',
  'csv.percentScale.points': 'là phần trăm: 19 nghĩa là 19%',
  'csv.unchanged': 'Đã có, không đổi: {count}',
  'csv.removed': 'Số liệu cũ được thay vào những ngày đã có: {count}',
  'csv.held': 'Bỏ qua vì ngày đó đã có số liệu: {count}',
};
