import type { Locale } from '../schema';

/**
 * Why a CSV row is bad, in the page's language. The importer (lib/import, framework-free) writes its
 * reasons in English, one fixed shape each; the check step shows them through `importReason`, which
 * rewrites every known shape in Vietnamese with its values kept. A reason with no rule here (a new
 * one) stays English rather than disappear: `tests/unit/i18n/import-reasons.test.ts` holds the list to
 * the importer's reasons.
 */
type Rule = [pattern: RegExp, vi: (...parts: string[]) => string];

const KEYS: Record<string, string> = {
  'date and dimensions': 'ngày và chiều dữ liệu',
  'record ID': 'mã bản ghi',
  'channel and period': 'kênh và kỳ',
};

const RULES: Rule[] = [
  [/^this row has (\d+) columns?, so “(.+)” is missing$/, (n, c) => `dòng này có ${n} cột nên thiếu “${c}”`],
  [/^empty$/, () => 'trống'],
  [/^empty date$/, () => 'ngày trống'],
  [/^empty number$/, () => 'số trống'],
  [/^empty: every record needs its ID$/, () => 'trống: mỗi bản ghi cần có mã'],
  [/^“(.+)” is not a number in the (.+) format$/, (t, f) => `“${t}” không phải là số theo kiểu ${f}`],
  [/^“(.+)” is not a number$/, (t) => `“${t}” không phải là số`],
  [/^“(.+)” is too large$/, (t) => `“${t}” quá lớn`],
  [/^spreadsheet error (.+)$/, (e) => `lỗi bảng tính ${e}`],
  [
    /^“(.+)” is not a yyyy-mm-dd date \(or a yyyy-mm month\)$/,
    (t) => `“${t}” không phải là ngày dạng yyyy-mm-dd (hay tháng dạng yyyy-mm)`,
  ],
  [
    /^“(.+)” is not a date like 5 Mar 2024 \(or a month like Mar 2024\)$/,
    (t) => `“${t}” không phải là ngày dạng 5 Mar 2024 (hay tháng dạng Mar 2024)`,
  ],
  [
    /^“(.+)” is not a (.+) date \(or a mm\/yyyy month\)$/,
    (t, f) => `“${t}” không phải là ngày dạng ${f} (hay tháng dạng mm/yyyy)`,
  ],
  [/^“(.+)” is not an Excel date number$/, (t) => `“${t}” không phải là số ngày của Excel`],
  [/^“(.+)” is not a (.+) date$/, (t, f) => `“${t}” không phải là ngày dạng ${f}`],
  [/^day (\d+) does not exist in month (\d+)$/, (d, m) => `tháng ${m} không có ngày ${d}`],
  [/^month (\d+) does not exist$/, (m) => `không có tháng ${m}`],
  [/^hour (\d+) does not fit AM\/PM$/, (h) => `giờ ${h} không hợp với AM/PM`],
  [/^time out of range$/, () => 'giờ ngoài phạm vi'],
  [/^unreadable time after the date$/, () => 'không đọc được giờ sau ngày'],
  [/^unknown time zone “(.+)”$/, (z) => `múi giờ “${z}” không tồn tại`],
  [/^(.+) is outside Excel's date range$/, (t) => `${t} nằm ngoài phạm vi ngày của Excel`],
  [
    /^60 is Excel’s 29 Feb 1900, which does not exist$/,
    () => '60 là ngày 29/02/1900 của Excel, một ngày không có thật',
  ],
  [/^dates before 1970 are not supported$/, () => 'không hỗ trợ ngày trước năm 1970'],
  [
    /^is after today: a value is imported once its day has come$/,
    () => 'sau hôm nay: giá trị chỉ được nhập khi đã đến ngày của nó',
  ],
  [
    /^no currency: add a Currency column or choose one$/,
    () => 'không có đơn vị tiền: hãy thêm cột Tiền tệ hoặc chọn một loại',
  ],
  [/^not a currency code such as VND or USD$/, () => 'không phải mã tiền tệ như VND hay USD'],
  [
    /^in (\S+), but row (\d+) is in (\S+): one series, one currency$/,
    (a, r, b) => `tính bằng ${a}, nhưng dòng ${r} tính bằng ${b}: mỗi chuỗi số liệu một loại tiền`,
  ],
  [
    /^same (.+) as row (\d+) but different values$/,
    (k, r) => `trùng ${KEYS[k] ?? k} với dòng ${r} nhưng giá trị khác`,
  ],
  [/^longer than (\d+) characters$/, (n) => `dài hơn ${n} ký tự`],
  [/^longer than (\d+) items$/, (n) => `nhiều hơn ${n} mục`],
  [/^shorter than (\d+) characters$/, (n) => `ngắn hơn ${n} ký tự`],
  [/^above (.+)$/, (n) => `lớn hơn ${n}`],
  [/^below (.+)$/, (n) => `nhỏ hơn ${n}`],
  [/^wrong format$/, () => 'sai định dạng'],
  [/^invalid value$/, () => 'giá trị không hợp lệ'],
];

/** The reason in `locale`; English reasons pass through, and so does any shape without a rule. */
export function importReason(reason: string, locale: Locale): string {
  if (locale === 'en') return reason;
  for (const [pattern, vi] of RULES) {
    const m = pattern.exec(reason);
    if (m) return vi(...m.slice(1));
  }
  return reason;
}

/** For the test that holds every importer reason to a rule. */
export const hasRule = (reason: string): boolean => RULES.some(([p]) => p.test(reason));
