/**
 * Strings of the data-safety screens (issue 15): a failed database open, edit conflicts, the
 * quarantine banner, automatic snapshots, restore confirmation and import undo.
 */
export const dataSafetyEn = {
  'safety.dbFailed.title': 'Pacer could not open your data',
  'safety.dbFailed.body':
    'Your data has not been changed: the update stopped before writing anything. Download it as it is, then report the error below.',
  'safety.dbFailed.download': 'Download my data as it is',
  'safety.dbFailed.retry': 'Try again',
  'safety.dbFailed.downloadFailed': 'The download failed too: {error}',
  'safety.conflict.title': 'This was changed in another tab or window while you edited it.',
  'safety.conflict.reload': 'Reload their version',
  'safety.conflict.overwrite': 'Overwrite with mine',
  'safety.quarantineBanner.one': '{count} damaged record was set aside and is not shown.',
  'safety.quarantineBanner.other': '{count} damaged records were set aside and are not shown.',
  'safety.quarantineBanner.link': 'See them',
  'safety.snapshots.title': 'Automatic snapshots',
  'safety.snapshots.help':
    'Pacer saves your data before every restore and every database update. The newest {keep} of each kind are kept.',
  'safety.snapshots.none': 'No automatic snapshots yet.',
  'safety.snapshots.kind.restore': 'Before a restore',
  'safety.snapshots.kind.migration': 'Before an update',
  'safety.snapshots.counts': '{metrics} KPIs · {goals} goals · {checkIns} check-ins · {observations} values',
  'safety.snapshots.download': 'Download',
  'safety.snapshots.restore': 'Restore',
  'safety.snapshots.restoreAsk': 'Replace all current data with this snapshot from {date}?',
  'safety.snapshots.restored': 'Snapshot restored. Your data from before is saved as a new snapshot.',
  'safety.replace.ask':
    'Replace everything? This deletes {metrics} KPIs, {goals} goals, {checkIns} check-ins and {observations} values, and writes the file’s {newMetrics} KPIs, {newGoals} goals, {newCheckIns} check-ins and {newObservations} values. A snapshot of your current data is saved first.',
  'safety.replace.confirm': 'Replace my data',
  'safety.restore.done':
    'Restored from the file: {goals} goals, {metrics} KPIs, {values} values, {checkIns} check-ins.',
  'safety.restore.keptNewer':
    '{count} record(s) changed here after the backup was made were kept as they are.',
  'safety.restore.snapshot': 'Your data as it was before is saved under Automatic snapshots.',
  'safety.restore.quarantined': '{count} damaged record(s) were set aside in quarantine, not overwritten.',
  'safety.restore.upgraded':
    'The file was made by an older Pacer (database version {from}); it was brought up to version {to} as it was restored, as your data was when Pacer updated.',
  'safety.restore.newer':
    'This backup was made by a newer Pacer (database version {file}); this Pacer reads up to version {current}. Update Pacer, then restore the file again. Nothing was changed.',
  'safety.restore.tooOld':
    'This backup says database version {file}, but Pacer backups start at version {oldest}: the file was changed by hand or not made by Pacer. Nothing was changed.',
  'safety.restore.noDbVersion':
    'This backup does not say which database version wrote it ("dbVersion"). Every backup Pacer writes says so: the file was changed by hand or not made by Pacer. Nothing was changed.',
  'safety.restore.badDbVersion':
    'This backup’s database version ("dbVersion") is {value}, not a version number: the file was changed by hand or not made by Pacer. Nothing was changed.',
  'safety.imports.title': 'Recent CSV imports',
  'safety.imports.undo': 'Undo this import',
  'safety.imports.undone': 'Import undone: {count} values restored to how they were.',
  'safety.imports.row': '{date}: {added} added, {replaced} replaced',
} as const;

export const dataSafetyVi: Record<keyof typeof dataSafetyEn, string> = {
  'safety.dbFailed.title': 'Pacer không mở được dữ liệu của bạn',
  'safety.dbFailed.body':
    'Dữ liệu của bạn chưa bị thay đổi: bản cập nhật đã dừng trước khi ghi bất cứ thứ gì. Hãy tải dữ liệu về nguyên trạng, rồi báo lỗi bên dưới.',
  'safety.dbFailed.download': 'Tải dữ liệu của tôi về nguyên trạng',
  'safety.dbFailed.retry': 'Thử lại',
  'safety.dbFailed.downloadFailed': 'Tải về cũng lỗi: {error}',
  'safety.conflict.title': 'Mục này đã được sửa ở một tab hoặc cửa sổ khác trong lúc bạn sửa.',
  'safety.conflict.reload': 'Tải lại bản của họ',
  'safety.conflict.overwrite': 'Ghi đè bằng bản của tôi',
  'safety.quarantineBanner.one': '{count} bản ghi bị hỏng đã được tách riêng và không hiển thị.',
  'safety.quarantineBanner.other': '{count} bản ghi bị hỏng đã được tách riêng và không hiển thị.',
  'safety.quarantineBanner.link': 'Xem',
  'safety.snapshots.title': 'Bản lưu tự động',
  'safety.snapshots.help':
    'Pacer lưu dữ liệu của bạn trước mỗi lần khôi phục và mỗi lần cập nhật cơ sở dữ liệu. Giữ {keep} bản mới nhất của mỗi loại.',
  'safety.snapshots.none': 'Chưa có bản lưu tự động nào.',
  'safety.snapshots.kind.restore': 'Trước khi khôi phục',
  'safety.snapshots.kind.migration': 'Trước khi cập nhật',
  'safety.snapshots.counts':
    '{metrics} KPI · {goals} mục tiêu · {checkIns} lần cập nhật · {observations} giá trị',
  'safety.snapshots.download': 'Tải về',
  'safety.snapshots.restore': 'Khôi phục',
  'safety.snapshots.restoreAsk': 'Thay toàn bộ dữ liệu hiện tại bằng bản lưu ngày {date}?',
  'safety.snapshots.restored': 'Đã khôi phục bản lưu. Dữ liệu trước đó được lưu thành một bản lưu mới.',
  'safety.replace.ask':
    'Thay thế toàn bộ? Thao tác này xoá {metrics} KPI, {goals} mục tiêu, {checkIns} lần cập nhật và {observations} giá trị, rồi ghi {newMetrics} KPI, {newGoals} mục tiêu, {newCheckIns} lần cập nhật và {newObservations} giá trị từ tệp. Dữ liệu hiện tại được lưu thành bản lưu trước.',
  'safety.replace.confirm': 'Thay dữ liệu của tôi',
  'safety.restore.done':
    'Đã khôi phục từ tệp: {goals} mục tiêu, {metrics} KPI, {values} giá trị, {checkIns} lần cập nhật.',
  'safety.restore.keptNewer': '{count} bản ghi đã sửa ở đây sau khi sao lưu được giữ nguyên.',
  'safety.restore.snapshot': 'Dữ liệu trước khi khôi phục được lưu trong mục Bản lưu tự động.',
  'safety.restore.quarantined': '{count} bản ghi bị hỏng đã được tách riêng, không bị ghi đè.',
  'safety.restore.upgraded':
    'Tệp được tạo bởi một phiên bản Pacer cũ hơn (cơ sở dữ liệu phiên bản {from}); khi khôi phục, tệp đã được cập nhật lên phiên bản {to}, như dữ liệu của bạn khi Pacer cập nhật.',
  'safety.restore.newer':
    'Bản sao lưu này được tạo bởi một phiên bản Pacer mới hơn (cơ sở dữ liệu phiên bản {file}); Pacer này chỉ đọc được đến phiên bản {current}. Hãy cập nhật Pacer rồi khôi phục lại tệp. Chưa có gì thay đổi.',
  'safety.restore.tooOld':
    'Bản sao lưu này ghi cơ sở dữ liệu phiên bản {file}, nhưng sao lưu của Pacer bắt đầu từ phiên bản {oldest}: tệp đã bị sửa tay hoặc không do Pacer tạo. Chưa có gì thay đổi.',
  'safety.restore.noDbVersion':
    'Bản sao lưu này không ghi phiên bản cơ sở dữ liệu đã tạo ra nó ("dbVersion"). Mọi bản sao lưu của Pacer đều ghi: tệp đã bị sửa tay hoặc không do Pacer tạo. Chưa có gì thay đổi.',
  'safety.restore.badDbVersion':
    'Phiên bản cơ sở dữ liệu ("dbVersion") của bản sao lưu này là {value}, không phải một số phiên bản: tệp đã bị sửa tay hoặc không do Pacer tạo. Chưa có gì thay đổi.',
  'safety.imports.title': 'Các lần nhập CSV gần đây',
  'safety.imports.undo': 'Hoàn tác lần nhập này',
  'safety.imports.undone': 'Đã hoàn tác: {count} giá trị được trả về như trước.',
  'safety.imports.row': '{date}: thêm {added}, thay {replaced}',
};
