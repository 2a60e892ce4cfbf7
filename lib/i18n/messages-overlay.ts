import type { Locale } from '../schema/common';
import { lookup, type MessageParams } from './interpolate';
import { pickerEn, pickerVi } from './messages-picker';
import { type ShellKey, shellEn, shellVi } from './messages-shell';

/**
 * The strings of the CRM overlay (badges, floating panel, field picker). They live apart so the content
 * script, which runs on every CRM page load, does not carry both full string tables; messages-en.ts
 * and messages-vi.ts include them, so the typecheck of missing keys works as for any other key.
 */
export const overlayEn = {
  'overlay.badge.counted': 'Counted in Pacer',
  'overlay.badge.notCounted': 'Not counted yet',
  'overlay.badge.contributes': 'Counts toward {goal}',
  'overlay.mapFields': 'Point at the fields Pacer should read',
  'overlay.badge.share': '{percent} of {period} gap',
  'overlay.badge.shareOfGoal': '{percent} of goal gap',
  'overlay.badge.shareTitle': 'Closes {percent} of the {period} gap',
  'overlay.badge.noRate': '{currency}: no rate',
  'overlay.badge.noRateTitle':
    'No share of the {period} gap: Pacer has no {currency} exchange rate. Add one in Pacer’s settings (Exchange rates for CRM amounts).',
  'overlay.badge.days': '{count}d',
  'overlay.badge.daysTitle.one': '{count} day in this stage',
  'overlay.badge.daysTitle.other': '{count} days in this stage',
  'overlay.badge.daysAtLeast': '≥{count}d',
  'overlay.badge.daysNew': 'new',
  'overlay.badge.daysNewTitle':
    'First read by Pacer today, already in this stage: its days in the stage count from now',
  'overlay.badge.daysAtLeastTitle':
    'At least {count} days in this stage: it was there when Pacer first read it, {count} days ago',
  'overlay.badge.tierTitle': 'Tier {tier} by deal value',
  'overlay.panel.label': 'Pacer panel',
  'overlay.panel.collapse': 'Collapse the Pacer panel',
  'overlay.panel.expand': 'Expand the Pacer panel',
  'overlay.panel.move': 'Drag to move the Pacer panel',
  'overlay.panel.noGoal': 'No open revenue goal yet.',
  'overlay.panel.measuredAgainst': 'Deal shares measured against:',
  'overlay.panel.segmentOnly':
    'This goal counts one segment only: a deal outside it does not close this gap.',
  'overlay.panel.pickGone':
    'The goal picked for this site is no longer open (done, deleted or past its deadline): Pacer’s choice is used until it is open again.',
  'overlay.panel.forgetPick': 'Use Pacer’s choice from now on',
  'overlay.panel.pickGoal': 'Measure deals on this site against',
  'overlay.panel.pickAuto': 'Pacer’s choice (now: {goal})',
  'overlay.panel.read.one': '{count} record read on this page',
  'overlay.panel.read.other': '{count} records read on this page',
  'overlay.cantRead': 'Pacer can’t read this page',
  'overlay.remap': 'Re-map',
  'overlay.unmapped': 'Pacer doesn’t know this CRM’s pages yet.',
  'overlay.mapThisPage': 'Map this page',
  'picker.stepItem': 'Click one row or card',
  'picker.stepField': 'Now click the {field}',
  'picker.optional': 'or skip it if this page doesn’t show it',
  'picker.skip': 'Skip',
  'picker.cancel': 'Cancel',
  'picker.back': 'Back',
  'picker.save': 'Save mapping',
  'picker.preview': 'What Pacer reads on this page',
  'picker.previewEmpty': 'Nothing could be read yet: pick the name again.',
  'picker.noItem': 'Pacer found no other rows like this one. Click another row or card.',
  'picker.notInItem': 'That is outside the chosen row or card.',
  'picker.nameLooksLikeNumber':
    '“{text}” looks like an amount or a date, not a name. Undo the last pick and click the name, or go on if it is right.',
  'picker.kind': 'Page shows',
  'picker.kind.list': 'a list',
  'picker.kind.board': 'a board',
  'picker.kind.record': 'one record',
  'picker.objectType': 'Records are',
  'picker.field.name': 'name',
  'picker.field.stage': 'stage',
  'picker.field.amount': 'amount',
  'picker.field.owner': 'owner',
  'picker.field.channel': 'source',
  'picker.col.company': 'company',
  'picker.unread': '{count} of the {total} rows could not be read: no name, or no link to its record.',
  'picker.col.email': 'email',
  'picker.col.closeDate': 'close date',
  'picker.saved': 'Mapping saved',
  ...pickerEn,
} as const;

export type OverlayKey = keyof typeof overlayEn;

export const overlayVi: Record<OverlayKey, string> = {
  'overlay.badge.counted': 'Đã tính trong Pacer',
  'overlay.badge.notCounted': 'Chưa được tính',
  'overlay.badge.contributes': 'Góp vào {goal}',
  'overlay.mapFields': 'Chỉ vào các trường Pacer cần đọc',
  'overlay.badge.share': '{percent} khoảng thiếu {period}',
  'overlay.badge.shareOfGoal': '{percent} khoảng thiếu',
  'overlay.badge.shareTitle': 'Lấp {percent} khoảng thiếu của {period}',
  'overlay.badge.noRate': '{currency}: thiếu tỷ giá',
  'overlay.badge.noRateTitle':
    'Chưa tính được phần đóng góp vào {period}: Pacer chưa có tỷ giá {currency}. Hãy thêm trong phần cài đặt của Pacer (Tỷ giá cho số tiền từ CRM).',
  'overlay.badge.days': '{count} ngày',
  'overlay.badge.daysTitle.one': '{count} ngày ở giai đoạn này',
  'overlay.badge.daysTitle.other': '{count} ngày ở giai đoạn này',
  'overlay.badge.daysAtLeast': '≥{count} ngày',
  'overlay.badge.daysNew': 'mới',
  'overlay.badge.daysNewTitle':
    'Pacer đọc lần đầu hôm nay, đã ở giai đoạn này từ trước: số ngày ở giai đoạn tính từ bây giờ',
  'overlay.badge.daysAtLeastTitle':
    'Ít nhất {count} ngày ở giai đoạn này: đã ở đó khi Pacer đọc lần đầu, cách đây {count} ngày',
  'overlay.badge.tierTitle': 'Hạng {tier} theo giá trị hợp đồng',
  'overlay.panel.label': 'Bảng Pacer',
  'overlay.panel.collapse': 'Thu gọn bảng Pacer',
  'overlay.panel.expand': 'Mở rộng bảng Pacer',
  'overlay.panel.move': 'Kéo để di chuyển bảng Pacer',
  'overlay.panel.noGoal': 'Chưa có mục tiêu doanh thu đang mở.',
  'overlay.panel.measuredAgainst': 'Tỷ lệ của deal tính theo:',
  'overlay.panel.segmentOnly':
    'Mục tiêu này chỉ tính một phân khúc: deal ngoài phân khúc đó không lấp khoảng thiếu này.',
  'overlay.panel.pickGone':
    'Mục tiêu đã chọn cho trang này không còn mở (đã xong, đã xóa hoặc quá hạn): Pacer dùng mục tiêu tự chọn cho đến khi mục tiêu đó mở lại.',
  'overlay.panel.forgetPick': 'Từ nay dùng mục tiêu Pacer tự chọn',
  'overlay.panel.pickGoal': 'Tính deal trên trang này theo',
  'overlay.panel.pickAuto': 'Pacer tự chọn (hiện là: {goal})',
  'overlay.panel.read.one': 'Đã đọc {count} bản ghi trên trang này',
  'overlay.panel.read.other': 'Đã đọc {count} bản ghi trên trang này',
  'overlay.cantRead': 'Pacer không đọc được trang này',
  'overlay.remap': 'Ánh xạ lại',
  'overlay.unmapped': 'Pacer chưa biết các trang của CRM này.',
  'overlay.mapThisPage': 'Ánh xạ trang này',
  'picker.stepItem': 'Bấm vào một dòng hoặc một thẻ',
  'picker.stepField': 'Giờ bấm vào {field}',
  'picker.optional': 'hoặc bỏ qua nếu trang không hiển thị',
  'picker.skip': 'Bỏ qua',
  'picker.cancel': 'Hủy',
  'picker.back': 'Quay lại',
  'picker.save': 'Lưu ánh xạ',
  'picker.preview': 'Những gì Pacer đọc được trên trang này',
  'picker.previewEmpty': 'Chưa đọc được gì: hãy chọn lại tên.',
  'picker.noItem': 'Pacer không tìm thấy dòng nào khác giống dòng này. Hãy bấm vào dòng hoặc thẻ khác.',
  'picker.notInItem': 'Chỗ đó nằm ngoài dòng hoặc thẻ đã chọn.',
  'picker.nameLooksLikeNumber':
    '“{text}” trông giống số tiền hoặc ngày, không phải tên. Hãy hoàn tác lần chọn vừa rồi và bấm vào tên, hoặc tiếp tục nếu đúng.',
  'picker.kind': 'Trang hiển thị',
  'picker.kind.list': 'một danh sách',
  'picker.kind.board': 'một bảng kanban',
  'picker.kind.record': 'một bản ghi',
  'picker.objectType': 'Bản ghi là',
  'picker.field.name': 'tên',
  'picker.field.stage': 'giai đoạn',
  'picker.field.amount': 'giá trị',
  'picker.field.owner': 'người phụ trách',
  'picker.field.channel': 'nguồn',
  'picker.col.company': 'công ty',
  'picker.unread': '{count} trong {total} dòng không đọc được: thiếu tên hoặc thiếu liên kết tới bản ghi.',
  'picker.col.email': 'email',
  'picker.col.closeDate': 'ngày chốt',
  'picker.saved': 'Đã lưu ánh xạ',
  ...pickerVi,
};

const TABLES: Record<Locale, Record<OverlayKey | ShellKey, string>> = {
  en: { ...shellEn, ...overlayEn },
  vi: { ...shellVi, ...overlayVi },
};

/** `t()` over the overlay's strings (and the shell's: the panel shows a goal card). */
export function overlayT(locale: Locale, key: OverlayKey | ShellKey, params?: MessageParams): string {
  return lookup(TABLES, locale, key, params);
}

/** `overlayT` bound to one locale, for the panel and the picker. */
export function overlayTranslator(locale: Locale) {
  return (key: OverlayKey | ShellKey, params?: MessageParams) => overlayT(locale, key, params);
}
