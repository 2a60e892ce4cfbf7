import type { MessageKey } from './messages-en';

/**
 * Vietnamese UI strings. Typed as `Record<MessageKey, string>` so a key missing here fails typecheck.
 * Business terms people already use in English at work (OKR, KPI, BHAG) stay in English.
 */
export const vi: Record<MessageKey, string> = {
  // Product
  'app.name': 'Pacer',
  'app.tagline': 'Mục tiêu và KPI, đúng nhịp',

  // First run
  'firstRun.line1': 'Pacer đặt mục tiêu và KPI của bạn ngay trước mắt, trong mỗi thẻ mới.',
  'firstRun.line2': 'Mọi dữ liệu nằm trong trình duyệt này: không cần tài khoản, không có máy chủ.',
  'firstRun.loadExample': 'Tải dữ liệu mẫu',
  'firstRun.createFirstGoal': 'Tạo mục tiêu đầu tiên',
  'firstRun.removeExample': 'Xóa dữ liệu mẫu',
  'firstRun.exampleBanner': 'Bạn đang xem dữ liệu mẫu.',
  'firstRun.exampleRemoved': 'Đã xóa dữ liệu mẫu',

  // Goal kinds
  'goalKind.bhag': 'BHAG',
  'goalKind.bhag.hint': 'Mục tiêu lớn, táo bạo, đầy thách thức: tầm nhìn 10 đến 30 năm',
  'goalKind.objective': 'Mục tiêu (Objective)',
  'goalKind.key_result': 'Kết quả then chốt',
  'goalKind.kpi_target': 'Chỉ tiêu KPI',
  'goalKind.milestone': 'Cột mốc',

  // Frameworks
  'framework.smart': 'SMART',
  'framework.okr': 'OKR',
  'framework.bsc': 'Thẻ điểm cân bằng (BSC)',
  'framework.mbo': 'Quản trị theo mục tiêu (MBO)',

  // Balanced scorecard perspectives
  'perspective.financial': 'Tài chính',
  'perspective.customer': 'Khách hàng',
  'perspective.internal_process': 'Quy trình nội bộ',
  'perspective.learning_growth': 'Học hỏi & phát triển',

  // Status and confidence
  'status.on_track': 'Đúng tiến độ',
  'status.at_risk': 'Có rủi ro',
  'status.off_track': 'Chậm tiến độ',
  'status.done': 'Hoàn thành',
  'status.notStarted': 'Chưa bắt đầu',
  'confidence.label': 'Mức độ tự tin',
  'confidence.question': 'Bạn tự tin đến đâu rằng mục tiêu này sẽ đạt được?',

  // Units, aggregations, directions
  'unit.count': 'Số lượng',
  'unit.currency': 'Tiền',
  'unit.percent': 'Phần trăm',
  'unit.ratio': 'Tỷ lệ',
  'unit.duration': 'Thời lượng',
  'unit.minutes': 'Phút',
  'unit.hours': 'Giờ',
  'unit.days': 'Ngày',
  'aggregation.sum': 'Tổng',
  'aggregation.last': 'Giá trị mới nhất',
  'aggregation.average': 'Trung bình',
  'aggregation.min': 'Nhỏ nhất',
  'aggregation.max': 'Lớn nhất',
  'direction.up': 'Càng cao càng tốt',
  'direction.down': 'Càng thấp càng tốt',
  'measure.cumulative': 'Tổng trong kỳ',
  'measure.latest': 'Giá trị mới nhất',

  // Form labels
  'field.title': 'Tiêu đề',
  'field.description': 'Mô tả',
  'field.kind': 'Loại',
  'field.metric': 'Chỉ số',
  'field.baseline': 'Mức ban đầu',
  'field.target': 'Mục tiêu',
  'field.start': 'Bắt đầu',
  'field.deadline': 'Hạn chót',
  'field.budget': 'Ngân sách',
  'field.spent': 'Đã chi',
  'field.owner': 'Người phụ trách',
  'field.parent': 'Mục tiêu cha',
  'field.weight': 'Trọng số',
  'field.perspective': 'Khía cạnh',
  'field.okrType': 'Loại OKR',
  'field.unit': 'Đơn vị',
  'field.currency': 'Tiền tệ',
  'field.aggregation': 'Cách tổng hợp',
  'field.direction': 'Chiều',
  'field.required': 'Cần nhập {field}',
  'okrType.committed': 'Cam kết',
  'okrType.stretch': 'Thử thách',
  'okrType.hint': 'Kết quả then chốt cam kết cần đạt 100%; loại thử thách đạt khoảng 70% là tốt.',

  // Buttons
  'action.save': 'Lưu',
  'action.cancel': 'Hủy',
  'action.delete': 'Xóa',
  'action.undo': 'Hoàn tác',
  'action.archive': 'Lưu trữ',
  'action.unarchive': 'Bỏ lưu trữ',
  'action.edit': 'Sửa',
  'action.add': 'Thêm',
  'action.close': 'Đóng',
  'action.export': 'Xuất',
  'action.import': 'Nhập',
  'action.restore': 'Khôi phục',
  'action.merge': 'Gộp',
  'action.replace': 'Thay thế',
  'action.pin': 'Ghim',
  'action.unpin': 'Bỏ ghim',
  'action.markDone': 'Đánh dấu hoàn thành',
  'action.confirm': 'Xác nhận',
  'action.back': 'Quay lại',
  'action.next': 'Tiếp',

  // Toasts
  'toast.goalDeleted': 'Đã xóa mục tiêu',
  'toast.goalArchived': 'Đã lưu trữ mục tiêu',
  'toast.goalSaved': 'Đã lưu mục tiêu',
  'toast.metricDeleted': 'Đã xóa chỉ số',
  'toast.restored': 'Đã khôi phục',
  'toast.saveFailed': 'Không lưu được: {reason}',

  // Storage, backup, import
  'storage.quarantined.one':
    'Tìm thấy {count} bản ghi bị hỏng và đã để riêng. Các dữ liệu khác của bạn vẫn an toàn.',
  'storage.quarantined.other':
    'Tìm thấy {count} bản ghi bị hỏng và đã để riêng. Các dữ liệu khác của bạn vẫn an toàn.',
  'storage.backupCreated': 'Đã tạo bản sao lưu: {file}',
  'storage.restoreConfirm':
    'Khôi phục bản sao lưu này? Gộp sẽ thêm bản ghi vào dữ liệu của bạn; thay thế sẽ bỏ dữ liệu hiện có.',
  'storage.quotaLow': 'Bộ nhớ trình duyệt sắp đầy ({used} / {total}).',
  'import.rowsImported.one': 'Đã nhập {count} dòng',
  'import.rowsImported.other': 'Đã nhập {count} dòng',
  'import.errors.one': '{count} dòng không nhập được',
  'import.errors.other': '{count} dòng không nhập được',
  'import.errorRow': 'Dòng {row}, cột “{column}”: {message}',
  'import.unknownFormat': 'Tệp này không phải bản sao lưu Pacer hay tệp CSV.',
  'import.newerVersion': 'Bản sao lưu này từ phiên bản Pacer mới hơn ({version}). Hãy cập nhật Pacer trước.',

  // Popup
  'popup.quickLog': 'Ghi nhanh',
  'popup.value': 'Giá trị',
  'popup.date': 'Ngày',
  'popup.note': 'Ghi chú',
  'popup.saved': 'Đã lưu',
  'popup.pickMetric': 'Chọn chỉ số',
  'popup.noMetrics': 'Chưa có chỉ số nào. Hãy tạo trên bảng điều khiển.',
  'popup.openDashboard': 'Mở bảng điều khiển',

  // Weekly check-in
  'checkIn.title': 'Cập nhật hằng tuần',
  'checkIn.plans': 'Kế hoạch',
  'checkIn.plans.hint': 'Tuần tới bạn sẽ làm gì?',
  'checkIn.progress': 'Tiến triển',
  'checkIn.progress.hint': 'Tuần này có gì chuyển biến?',
  'checkIn.problems': 'Vướng mắc',
  'checkIn.problems.hint': 'Điều gì đang cản trở?',
  'checkIn.skip': 'Bỏ qua',
  'checkIn.summary': 'Tóm tắt',
  'checkIn.due.one': '{count} mục tiêu đang chờ cập nhật',
  'checkIn.due.other': '{count} mục tiêu đang chờ cập nhật',
  'checkIn.done': 'Đã cập nhật xong. Hẹn gặp lại tuần sau.',

  // Settings
  'settings.title': 'Cài đặt',
  'settings.language': 'Ngôn ngữ',
  'settings.currency': 'Tiền tệ',
  'settings.timeZone': 'Múi giờ',
  'settings.weekStart': 'Tuần bắt đầu vào',
  'settings.fiscalYearStart': 'Năm tài chính bắt đầu vào',
  'settings.theme': 'Giao diện',
  'settings.theme.light': 'Sáng',
  'settings.theme.dark': 'Tối',
  'settings.theme.system': 'Theo hệ thống',
  'settings.enabledCrms': 'CRM để đọc khách hàng tiềm năng',
  'settings.crmPermission': 'Pacer sẽ xin quyền đọc các trang {crm}.',
  'settings.checkInReminder': 'Nhắc cập nhật hằng tuần',
  'settings.quietHours': 'Giờ yên tĩnh',
  'settings.layout': 'Tiện ích trên bảng điều khiển',

  // Dashboard widgets
  'widget.focus': 'Trọng tâm',
  'widget.goals': 'Mục tiêu',
  'widget.okr': 'OKR',
  'widget.scorecard': 'Thẻ điểm',
  'widget.milestones': 'Cột mốc',
  'widget.growth': 'KPI tăng trưởng',
  'widget.alerts': 'Cảnh báo',
  'widget.empty': 'Chưa có gì ở đây.',
  'widget.hide': 'Ẩn tiện ích',
  'dashboard.progress': 'Đạt {percent} mục tiêu',
  'dashboard.expected': 'Dự kiến đến hôm nay: {value}',
  'dashboard.daysLeft.one': 'Còn {count} ngày',
  'dashboard.daysLeft.other': 'Còn {count} ngày',
  'dashboard.overdue': 'Đã quá hạn',
  'dashboard.noData': 'Chưa có dữ liệu',

  // Forecast and pace
  'forecast.line': 'Dự báo: {date} (80%: {from} – {to})',
  'forecast.notEnoughData': 'Chưa đủ dữ liệu để dự báo',
  'forecast.neverAtPace': 'Với tốc độ hiện tại sẽ không đạt mục tiêu',
  'pace.ahead': 'vượt {x}',
  'pace.behind': 'chậm {x}',
  'pace.onPace': 'đúng nhịp',

  // CRM overlay
  'overlay.badge.counted': 'Đã tính trong Pacer',
  'overlay.badge.notCounted': 'Chưa được tính',
  'overlay.badge.contributes': 'Góp vào {goal}',
  'overlay.mapFields': 'Chỉ vào các trường Pacer cần đọc',
  'contextMenu.logSelection': 'Ghi “{selection}” vào Pacer',

  // Number entry (lib/parse/value-parse.ts)
  'parse.empty': 'Hãy nhập một số.',
  'parse.tooLong': 'Chuỗi này quá dài để là một số.',
  'parse.notANumber': '“{input}” không phải là số.',
  'parse.unexpected': 'Pacer không hiểu “{text}” trong “{input}”.',
  'parse.doubleSeparator': 'Có hai dấu phân cách liền nhau trong “{input}”.',
  'parse.badGrouping': 'Các nhóm chữ số trong “{input}” không theo nhóm ba.',
  'parse.repeatedScale': 'Từ chỉ đơn vị “{scale}” xuất hiện hai lần.',
  'parse.scaleOrder': 'Đơn vị phải đi từ lớn đến nhỏ, ví dụ “1 tỷ 200 triệu”.',
  'parse.tooManyDigitsAfterScale': 'Quá nhiều chữ số sau “{scale}” trong “{input}”.',
  'parse.tooLarge': 'Không nhận số lớn hơn {max}.',
  'parse.tooSmall': '“{input}” quá nhỏ để lưu.',
  'parse.percentWithCurrency': 'Một giá trị không thể vừa là phần trăm vừa là số tiền.',
  'parse.percentWithScale': 'Phần trăm không đi kèm từ chỉ đơn vị như “{scale}”.',
  'parse.twoCurrencies': '“{input}” có hai loại tiền tệ.',
  'parse.ambiguous': '“{input}” là {value} hay {alternative}?',
};
