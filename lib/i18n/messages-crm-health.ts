import type { Locale } from '../schema/common';
import { lookup, type MessageParams } from './interpolate';

/**
 * Strings of the CRM health notice's details (which reader is in use, which selectors match). Apart
 * from messages-overlay.ts like the overlay's own, and spread into the full tables too.
 */
export const crmHealthEn = {
  'health.fallback': 'Pacer is reading this list by its column headers: its {crm} reader found nothing here.',
  'health.details': 'Details',
  'health.hideDetails': 'Hide details',
  'health.copy': 'Copy as JSON',
  'health.copied': 'Copied. Paste it into your message to support.',
  'health.copyFailed': 'Could not copy. Select the text below and copy it.',
  'health.page': 'Page',
  'health.kind.list': 'list',
  'health.kind.board': 'board',
  'health.kind.record': 'record',
  'health.reader': 'Reader',
  'health.reader.adapter': '{crm} adapter',
  'health.reader.headers': 'column headers (fallback)',
  'health.reader.none': 'none found',
  'health.items': 'Rows or records found',
  'health.unverified': 'Pacer’s selectors for this kind of page are not yet confirmed on the live site.',
  'health.families': 'Selector families',
  'health.found': '{count} found',
  'health.notFound': 'not found',
  'health.perRow': 'checked per row',
  'health.headerTables': 'Tables readable by headers: {count}',
  'health.privacy': 'Contains selectors and counts only, no page text.',
} as const;

export type CrmHealthKey = keyof typeof crmHealthEn;

export const crmHealthVi: Record<CrmHealthKey, string> = {
  'health.fallback': 'Pacer đang đọc danh sách này theo tiêu đề cột: bộ đọc {crm} không tìm thấy gì ở đây.',
  'health.details': 'Chi tiết',
  'health.hideDetails': 'Ẩn chi tiết',
  'health.copy': 'Sao chép dạng JSON',
  'health.copied': 'Đã sao chép. Dán vào tin nhắn gửi bộ phận hỗ trợ.',
  'health.copyFailed': 'Không sao chép được. Hãy chọn đoạn văn bản bên dưới và sao chép.',
  'health.page': 'Trang',
  'health.kind.list': 'danh sách',
  'health.kind.board': 'bảng kanban',
  'health.kind.record': 'bản ghi',
  'health.reader': 'Bộ đọc',
  'health.reader.adapter': 'bộ đọc {crm}',
  'health.reader.headers': 'tiêu đề cột (dự phòng)',
  'health.reader.none': 'không tìm thấy',
  'health.items': 'Số dòng hoặc bản ghi tìm thấy',
  'health.unverified': 'Bộ chọn của Pacer cho loại trang này chưa được xác nhận trên trang thật.',
  'health.families': 'Nhóm bộ chọn',
  'health.found': 'tìm thấy {count}',
  'health.notFound': 'không tìm thấy',
  'health.perRow': 'kiểm tra theo từng dòng',
  'health.headerTables': 'Bảng đọc được theo tiêu đề: {count}',
  'health.privacy': 'Chỉ gồm bộ chọn và số lượng, không có nội dung trang.',
};

const TABLES: Record<Locale, Record<CrmHealthKey, string>> = { en: crmHealthEn, vi: crmHealthVi };

/** `t()` over the health details' strings, bound to one locale. */
export function adaptersTranslator(locale: Locale) {
  return (key: CrmHealthKey, params?: MessageParams) => lookup(TABLES, locale, key, params);
}
