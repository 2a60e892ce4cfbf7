/**
 * The picker's strings added for mapping any CRM by pointing (more fields, live counts, undo).
 * Spread into the overlay's tables (messages-overlay.ts), which messages-en/vi include.
 */
export const pickerEn = {
  'picker.field.company': 'company',
  'picker.field.email': 'email',
  'picker.field.status': 'status',
  'picker.field.created': 'created date',
  'picker.field.id': 'record id',
  'picker.field.close': 'close date',
  'picker.custom.label': 'A field of your own',
  'picker.custom.placeholder': 'e.g. Priority',
  'picker.custom.add': 'Add and click it',
  'picker.custom.name': 'A field’s name is 1 to 40 characters.',
  'picker.custom.taken': 'Pacer already has a field by that name: choose it in the list above.',
  'picker.custom.tooMany': 'At most 10 fields of your own per mapping.',
  'picker.outcomes': 'Which stages are won or lost?',
  'picker.outcomes.hint': 'Only open stages count as open pipeline.',
  'picker.outcome.open': 'Open',
  'picker.outcome.won': 'Won',
  'picker.outcome.lost': 'Lost',
  'picker.fields': 'Fields',
  'picker.similar.one': '{count} row like this found',
  'picker.similar.other': '{count} similar rows found',
  'picker.undo': 'Undo last pick',
  'picker.collapsed':
    '{count} rows would be stored as one record: click the record’s id or its link in the row.',
  'picker.stageFromColumn': 'Stage read from the column heading',
  'picker.stale': 'This page changed and the mapping no longer finds the rows. Pick a row again.',
  'crm.mappings.replaceAsk':
    'You already have a {kind} mapping for {where} on {origin}. Replace it with the imported one?',
  'crm.mappings.replace': 'Replace it',
  'crm.mappings.custom': 'Fields of your own: {names}',
  'crm.mappings.outcomes': 'Won and lost stages',
  'crm.mappings.outcomes.none':
    'None marked: stages named like “Won” or “Lost” count as such, others are open.',
  'crm.mappings.outcomes.stage': 'Stage, as the CRM shows it',
  'crm.mappings.outcomes.mark': 'Mark',
  'crm.mappings.outcomes.unmark': 'Unmark',
  'crm.mappings.outcomes.empty': 'Enter a stage as the CRM shows it.',
  'crm.mappings.outcomes.next': 'Changes apply from the next time Pacer reads this CRM’s pages.',
  'crm.mappings.keep': 'Keep the current one',
  'crm.mappings.replaced': 'Replaced the {kind} mapping for {where} on {origin}.',
} as const;

export type PickerKey = keyof typeof pickerEn;

export const pickerVi: Record<PickerKey, string> = {
  'picker.field.company': 'công ty',
  'picker.field.email': 'email',
  'picker.field.status': 'trạng thái',
  'picker.field.created': 'ngày tạo',
  'picker.field.id': 'mã bản ghi',
  'picker.field.close': 'ngày chốt',
  'picker.custom.label': 'Một trường của riêng bạn',
  'picker.custom.placeholder': 'ví dụ Mức ưu tiên',
  'picker.custom.add': 'Thêm rồi bấm vào nó',
  'picker.custom.name': 'Tên trường dài từ 1 đến 40 ký tự.',
  'picker.custom.taken': 'Pacer đã có một trường tên này: hãy chọn nó trong danh sách ở trên.',
  'picker.custom.tooMany': 'Mỗi ánh xạ có tối đa 10 trường của riêng bạn.',
  'picker.outcomes': 'Giai đoạn nào là thắng, giai đoạn nào là thua?',
  'picker.outcomes.hint': 'Chỉ các giai đoạn đang mở được tính vào pipeline đang mở.',
  'picker.outcome.open': 'Đang mở',
  'picker.outcome.won': 'Thắng',
  'picker.outcome.lost': 'Thua',
  'picker.fields': 'Các trường',
  'picker.similar.one': 'Tìm thấy {count} dòng như thế này',
  'picker.similar.other': 'Tìm thấy {count} dòng tương tự',
  'picker.undo': 'Hoàn tác lần chọn cuối',
  'picker.collapsed':
    '{count} dòng sẽ bị lưu thành một bản ghi: hãy bấm vào mã hoặc đường liên kết của bản ghi trong dòng.',
  'picker.stageFromColumn': 'Giai đoạn đọc từ tiêu đề cột',
  'picker.stale': 'Trang đã thay đổi và ánh xạ không còn tìm thấy các dòng. Hãy chọn lại một dòng.',
  'crm.mappings.replaceAsk':
    'Bạn đã có một ánh xạ {kind} cho {where} trên {origin}. Thay bằng ánh xạ vừa nhập?',
  'crm.mappings.replace': 'Thay thế',
  'crm.mappings.custom': 'Trường của riêng bạn: {names}',
  'crm.mappings.outcomes': 'Giai đoạn thắng và thua',
  'crm.mappings.outcomes.none':
    'Chưa đánh dấu: giai đoạn có tên như “Won” hay “Lost” được tính như vậy, các giai đoạn khác đang mở.',
  'crm.mappings.outcomes.stage': 'Giai đoạn, đúng như CRM hiển thị',
  'crm.mappings.outcomes.mark': 'Đánh dấu',
  'crm.mappings.outcomes.unmark': 'Bỏ đánh dấu',
  'crm.mappings.outcomes.empty': 'Hãy nhập một giai đoạn đúng như CRM hiển thị.',
  'crm.mappings.outcomes.next': 'Thay đổi có hiệu lực từ lần tới Pacer đọc các trang của CRM này.',
  'crm.mappings.keep': 'Giữ ánh xạ hiện có',
  'crm.mappings.replaced': 'Đã thay ánh xạ {kind} cho {where} trên {origin}.',
};
