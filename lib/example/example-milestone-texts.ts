/**
 * The example cascade's milestone descriptions in English and Vietnamese, and the display-time lookup
 * that shows an example description in the UI's language. Kept apart from example-milestones.ts (the
 * generator, with the revenue simulation) so the popup and the background, which show descriptions,
 * do not carry the example generator.
 */
import type { Goal, Locale } from '../schema';

export const BHAG_PLAN = {
  en: 'Triple the business in three years: from a northern wholesaler to a national one selling to shops, distributors and online.',
  vi: 'Tăng gấp ba quy mô trong ba năm: từ một nhà bán sỉ miền Bắc thành nhà bán sỉ toàn quốc, bán cho cửa hàng, nhà phân phối và trực tuyến.',
};

export const YEAR_PLANS: readonly { en: string; vi: string }[] = [
  {
    en: 'Cover 1,000 retail shops in the North and open Shopee, Lazada and TikTok Shop stores.',
    vi: 'Phủ 1.000 cửa hàng bán lẻ ở miền Bắc và mở gian hàng trên Shopee, Lazada, TikTok Shop.',
  },
  {
    en: 'Open a branch warehouse in Đà Nẵng and sign 40 distributors in Central Vietnam.',
    vi: 'Mở kho chi nhánh tại Đà Nẵng và ký hợp đồng với 40 nhà phân phối miền Trung.',
  },
  {
    en: 'Become a top-3 consumer-goods wholesaler in the North with 3,000 active shops.',
    vi: 'Trở thành một trong ba nhà bán sỉ hàng tiêu dùng hàng đầu miền Bắc với 3.000 cửa hàng hoạt động.',
  },
];

export const QUARTER_PLANS: readonly { en: string; vi: string }[] = [
  {
    en: 'Tết campaign: gift baskets for retail shops, stock up distributors before the holiday.',
    vi: 'Chiến dịch Tết: giỏ quà cho cửa hàng bán lẻ, nhập hàng cho nhà phân phối trước kỳ nghỉ.',
  },
  {
    en: 'Vietnam Expo booth and a distributor recruitment drive after the post-Tết lull.',
    vi: 'Gian hàng Vietnam Expo và đợt tuyển nhà phân phối sau thời gian chững lại sau Tết.',
  },
  {
    en: 'Move repeat retail orders to the Zalo mini app; Mid-Autumn promotion.',
    vi: 'Chuyển đơn đặt lại của cửa hàng bán lẻ sang Zalo Mini App; khuyến mãi Trung thu.',
  },
  {
    en: 'Year-end stock-up program and preparing the Tết assortment.',
    vi: 'Chương trình nhập hàng cuối năm và chuẩn bị danh mục hàng Tết.',
  },
];

/** What each month's action delivers (MONTH_ACTIONS in example-milestones.ts), January first. */
export const MONTH_WHAT: readonly { en: string; vi: string }[] = [
  {
    en: 'All Tết gift-basket orders delivered before the holiday, none later than 3 days before Tết.',
    vi: 'Mọi đơn giỏ quà Tết được giao trước kỳ nghỉ, không đơn nào muộn hơn 3 ngày trước Tết.',
  },
  {
    en: 'Warehouse and trucks back to full capacity by the third working day after the holiday.',
    vi: 'Kho và xe tải hoạt động hết công suất trở lại trước ngày làm việc thứ ba sau kỳ nghỉ.',
  },
  {
    en: 'Slow-moving Tết stock under 5% of inventory; every distributor contract renewed for the year.',
    vi: 'Hàng Tết bán chậm dưới 5% tồn kho; mọi hợp đồng nhà phân phối được gia hạn cho cả năm.',
  },
  {
    en: 'A 4-day booth collecting at least 120 qualified leads.',
    vi: 'Gian hàng 4 ngày thu về ít nhất 120 khách hàng tiềm năng đủ điều kiện.',
  },
  {
    en: 'Five signed distribution agreements with a first order each.',
    vi: 'Năm hợp đồng phân phối được ký, mỗi nhà phân phối có đơn hàng đầu tiên.',
  },
  {
    en: 'Store live with the top 50 products and two livestream sales a week.',
    vi: 'Gian hàng hoạt động với 50 sản phẩm bán chạy nhất và hai buổi livestream bán hàng mỗi tuần.',
  },
  {
    en: 'All 14 sales staff log every deal and visit in the CRM.',
    vi: 'Cả 14 nhân viên kinh doanh ghi mọi giao dịch và lượt ghé thăm vào CRM.',
  },
  {
    en: 'Retail shops can reorder from Zalo; 200 shops onboarded.',
    vi: 'Cửa hàng bán lẻ đặt lại hàng qua Zalo; 200 cửa hàng đã tham gia.',
  },
  {
    en: 'Mooncake and gift-set bundles offered to every active retail shop.',
    vi: 'Combo bánh trung thu và quà tặng được chào tới mọi cửa hàng bán lẻ đang hoạt động.',
  },
  {
    en: 'A 4-day booth and meetings with 20 southern distributors.',
    vi: 'Gian hàng 4 ngày và gặp gỡ 20 nhà phân phối phía Nam.',
  },
  {
    en: 'Volume discounts agreed with every distributor for December and January orders.',
    vi: 'Thỏa thuận chiết khấu theo sản lượng với mọi nhà phân phối cho đơn hàng tháng 12 và tháng 1.',
  },
  {
    en: 'Tết products ordered from suppliers and 30% extra warehouse space rented for January.',
    vi: 'Đặt hàng Tết từ nhà cung cấp và thuê thêm 30% diện tích kho cho tháng 1.',
  },
];

/** The example objectives' descriptions after their quarter ("Q4 2026: online buyers …"). */
const OBJECTIVE_WHAT: readonly { en: string; vi: string }[] = [
  {
    en: 'online buyers order without calling a salesperson.',
    vi: 'khách mua trực tuyến tự đặt hàng mà không cần gọi nhân viên bán hàng.',
  },
  {
    en: 'distributors stay, order more and get every delivery on time.',
    vi: 'nhà phân phối ở lại, đặt hàng nhiều hơn và nhận mọi đơn hàng đúng hẹn.',
  },
];

/** Every example milestone description, by either language's text, in both languages. */
const DESCRIPTIONS: ReadonlyMap<string, { en: string; vi: string }> = new Map(
  [BHAG_PLAN, ...YEAR_PLANS, ...QUARTER_PLANS, ...MONTH_WHAT, ...OBJECTIVE_WHAT].flatMap((pair) => [
    [pair.en, { en: pair.en, vi: pair.vi }] as const,
    [pair.vi, { en: pair.en, vi: pair.vi }] as const,
  ]),
);

/**
 * An example milestone's description in the UI's language, for display. The schema translates titles
 * only, so example records store the English text and the translation is looked up by it. Earlier
 * versions stored both languages on two lines ("en\nvi"), or a month's action as "November 2026: …
 * Budget 300 million VND."; those read right too. The user's own goals are never touched.
 */
export function localizeExampleDescription(
  goal: Pick<Goal, 'example' | 'description'>,
  locale: Locale,
): string | undefined {
  const text = goal.description;
  if (!goal.example || !text) return text;
  const lines = text.split('\n');
  const monthly = /^[A-Z][a-z]+ \d{4}: (.*) Budget [^.]*\.$/.exec(text)?.[1];
  // An objective's: "Q4 2026: …" / "Quý 4/2026: …".
  const quarter = /^(?:Q|Quý )([1-4])[ /](\d{4}): (.*)$/.exec(text);
  const what = quarter ? DESCRIPTIONS.get(quarter[3] ?? '') : undefined;
  if (quarter && what)
    return locale === 'vi'
      ? `Quý ${quarter[1]}/${quarter[2]}: ${what.vi}`
      : `Q${quarter[1]} ${quarter[2]}: ${what.en}`;
  const pair =
    DESCRIPTIONS.get(text) ??
    (lines.length === 2 ? DESCRIPTIONS.get(lines[0] ?? '') : undefined) ??
    (monthly ? DESCRIPTIONS.get(monthly) : undefined);
  return pair ? pair[locale] : text;
}
