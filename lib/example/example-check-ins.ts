/**
 * Eight weeks of Friday check-ins on the example's objectives, scorecard KPIs and current quarter,
 * written the way the owners would (the sales, operations and finance leads first wrote theirs in
 * Vietnamese, marketing and HR in English), each note in both languages: records store the English
 * and `localizeExampleCheckIn` shows them in the UI's language. Confidence moves week to week. Key
 * results are reviewed in their objective's check-in. A note never quotes its own goal's figure (the
 * simulated data moves with the day the example is built, so "margin 29.6% last month" beside a
 * card reading 29.9% was wrong): notes say what was done and what got in the way.
 */
import type { CheckIn, Confidence, Goal, Locale } from '../schema';
import { DAY_MS, dayStart, isoDay } from './example-calendar';
import type { Simulation } from './example-simulation';

const WEEKS = 8;

interface Note {
  plans: string;
  progress: string;
  problems: string;
}

interface CheckInPlan {
  goalId: string;
  /** Oldest week first. */
  confidences: Confidence[];
  notes: Note[];
  value?: (time: number) => number | undefined;
}

const ONLINE_NOTES: Note[] = [
  {
    plans: 'Brief the agency on new Facebook creatives; start retargeting cart abandoners.',
    progress: 'Online orders up 12% week on week; 31 new online buyers.',
    problems: 'Facebook CPM rose while competitors ran big sales.',
  },
  {
    plans: 'Test a free-shipping threshold of 500,000 VND on the web shop.',
    progress: 'Google Shopping feed fixed: 40 products were missing prices.',
    problems: 'Two days of stock-outs on instant coffee cost us sales.',
  },
  {
    plans: 'Publish the TikTok Shop livestream schedule for the month.',
    progress: 'Zalo mini app reorders reached 18% of retail repeat orders.',
    problems: '',
  },
  {
    plans: 'Move budget from display to search campaigns.',
    progress: 'Cost per MQL on Google down 9% since the keyword clean-up.',
    problems: 'Web shop checkout is slow on older Android phones.',
  },
];

const DISTRIBUTOR_NOTES: Note[] = [
  {
    plans: 'Gặp 3 nhà phân phối tại Hải Phòng và Nam Định; chốt chính sách chiết khấu quý này.',
    progress: 'Đã ký lại hợp đồng với Đại Lợi; 2 đơn hàng lớn trên 200 triệu đồng.',
    problems: 'Thiếu xe giao hàng vào cuối tuần, một số đơn bị trễ 1 ngày.',
  },
  {
    plans: 'Gửi bảng giá mới cho toàn bộ nhà phân phối trước thứ Tư.',
    progress: 'Nhà phân phối Phú Quý tăng sản lượng đặt hàng 15%.',
    problems: 'Một nhà phân phối ở Thái Bình chậm thanh toán 45 ngày.',
  },
  {
    plans: 'Tổ chức hội nghị khách hàng cuối năm tại Hà Nội.',
    progress: 'Tỷ lệ giao đúng hẹn cho nhà phân phối đạt 97%.',
    problems: '',
  },
  {
    plans: 'Đàm phán chương trình thưởng doanh số cho quý tới.',
    progress: 'Hai nhà phân phối mới từ hội chợ đã đặt đơn đầu tiên.',
    problems: 'Đối thủ giảm giá 3% cho dòng mì ăn liền.',
  },
];

const MILESTONE_NOTES: Note[] = [
  {
    plans: 'Đẩy mạnh đơn hàng nhập cuối năm cho nhà phân phối.',
    progress: 'Chốt được ba đơn nhập hàng cuối năm của nhà phân phối.',
    problems: 'Kho Long Biên gần hết chỗ chứa.',
  },
  {
    plans: 'Chạy khuyến mãi cho cửa hàng bán lẻ chưa đặt hàng trong 30 ngày.',
    progress: 'Đã thu hồi được 22 cửa hàng không hoạt động.',
    problems: 'Doanh thu kênh trực tuyến thấp hơn dự kiến.',
  },
  {
    plans: 'Rà soát công nợ quá hạn trên 30 ngày.',
    progress: 'Doanh số bán lẻ tăng đều các tuần.',
    problems: 'Giá nhập một số mặt hàng tăng 4%.',
  },
  {
    plans: 'Chuẩn bị kế hoạch hàng Tết với nhà cung cấp.',
    progress: 'Ký được đơn hàng 1,2 tỷ đồng với nhà phân phối Hưng Thịnh.',
    problems: '',
  },
];

const ON_TIME_NOTES: Note[] = [
  {
    plans: 'Thêm một ca bốc xếp buổi tối vào thứ Sáu.',
    progress: 'Ca bốc xếp buổi tối giúp xe sáng xuất kho đúng giờ.',
    problems: 'Xe tải số 3 hỏng, phải thuê ngoài 2 ngày.',
  },
  {
    plans: 'Tối ưu tuyến giao hàng khu vực Hà Đông.',
    progress: 'Tuyến mới ở Hà Đông bớt được một chuyến xe mỗi ngày.',
    problems: '',
  },
  {
    plans: 'Đào tạo nhân viên kho quy trình soạn hàng mới.',
    progress: 'Không có đơn giao trễ cho nhà phân phối.',
    problems: 'Mưa lớn làm chậm giao hàng hai ngày.',
  },
  {
    plans: 'Thử nghiệm đối tác giao hàng mới cho đơn trực tuyến.',
    progress: 'Đơn trực tuyến giao trong ngày đạt 70%.',
    problems: 'Đối tác vận chuyển tăng phí 5%.',
  },
];

const TRAINING_NOTES: Note[] = [
  {
    plans: 'Run the CRM refresher for the new sales hires.',
    progress: '12 people finished the product-knowledge course.',
    problems: 'Peak season: the warehouse team cannot leave the floor for training.',
  },
  {
    plans: 'Book the negotiation workshop for distributor account managers.',
    progress: 'Online course licences bought for 20 staff.',
    problems: 'Trainer cancelled the Thursday session.',
  },
  {
    plans: 'Record short video lessons the warehouse team can watch on their phones.',
    progress: 'Training hours are back on pace after two slow weeks.',
    problems: '',
  },
  {
    plans: 'Survey staff on what training they want next quarter.',
    progress: 'Sales team completed the Zalo mini app training.',
    problems: 'Only half of the drivers have done the safety refresher.',
  },
];

const FINANCE_NOTES: Note[] = [
  {
    plans: 'Rà soát giá vốn các mặt hàng nhập khẩu sau đợt tăng giá của nhà cung cấp.',
    progress: 'Đã tăng giá bán các mặt hàng nhập khẩu thêm 3%.',
    problems: 'Chiết khấu cuối năm cho nhà phân phối làm giảm biên lợi nhuận.',
  },
  {
    plans: 'Đàm phán lại giá vận chuyển với hai đối tác giao hàng.',
    progress: 'Chi phí vận hành tháng này thấp hơn ngân sách 4%.',
    problems: '',
  },
  {
    plans: 'Chốt số liệu lợi nhuận quý và gửi báo cáo cho ban giám đốc.',
    progress: 'Thu hồi được 1,1 tỷ đồng công nợ quá hạn.',
    problems: 'Giá nhập dầu ăn và đường tăng 4% trong tháng.',
  },
  {
    plans: 'Lập ngân sách năm sau cùng các trưởng bộ phận.',
    progress: 'Hàng tồn chậm luân chuyển giảm còn 6% giá trị kho.',
    problems: 'Tỷ giá USD tăng làm đắt hàng nhập khẩu.',
  },
];

const PEOPLE_NOTES: Note[] = [
  {
    plans: 'Run the quarterly pulse survey in the warehouse and sales teams.',
    progress: 'Survey response rate reached 86%.',
    problems: 'Overtime in peak season is the top complaint.',
  },
  {
    plans: 'Agree a weekend rota so nobody works three weekends in a row.',
    progress: 'Two team leads finished the coaching programme.',
    problems: '',
  },
  {
    plans: 'Announce the Tết bonus policy early.',
    progress: 'Engagement in the sales team is up 3 points since the last survey.',
    problems: 'One senior driver resigned.',
  },
  {
    plans: 'Hold skip-level lunches with the warehouse staff.',
    progress: 'New canteen menu well received.',
    problems: 'Warehouse engagement is still below 75%.',
  },
];

const RETAIL_NOTES: Note[] = [
  {
    plans: 'Gọi điện cho các cửa hàng chưa đặt hàng trong 3 tuần.',
    progress: 'Đã gọi lại 40 cửa hàng ngừng đặt hàng; 12 cửa hàng đặt lại.',
    problems: 'Một số cửa hàng chuyển sang mua của đối thủ giảm giá.',
  },
  {
    plans: 'Giới thiệu combo hàng Tết cho cửa hàng bán lẻ.',
    progress: 'Combo hàng Tết đã có mặt ở 60 cửa hàng.',
    problems: '',
  },
  {
    plans: 'Tặng voucher cho cửa hàng đặt lại qua Zalo Mini App.',
    progress: 'Thêm 35 cửa hàng đặt hàng hằng tuần.',
    problems: 'Nhân viên thị trường thiếu người ở khu vực Hà Đông.',
  },
  {
    plans: 'Rà soát hạn mức công nợ cho cửa hàng lớn.',
    progress: 'Doanh số bán lẻ tuần này cao nhất từ đầu quý.',
    problems: '',
  },
];

/*
 * Each note in the other language, in the same order (issue 19, item 2: the notes follow the UI's
 * language). The originals above stay word for word: they are the keys that find a translation for
 * check-ins an earlier version stored in them.
 */
const ONLINE_NOTES_VI: Note[] = [
  {
    plans: 'Giao agency làm mẫu quảng cáo Facebook mới; bắt đầu tiếp thị lại khách bỏ giỏ hàng.',
    progress: 'Đơn trực tuyến tăng 12% so với tuần trước; 31 khách mua trực tuyến mới.',
    problems: 'CPM Facebook tăng khi các đối thủ chạy khuyến mãi lớn.',
  },
  {
    plans: 'Thử ngưỡng miễn phí giao hàng 500.000 đồng trên web shop.',
    progress: 'Đã sửa nguồn dữ liệu Google Shopping: 40 sản phẩm bị thiếu giá.',
    problems: 'Hai ngày hết hàng cà phê hòa tan làm mất doanh số.',
  },
  {
    plans: 'Công bố lịch livestream TikTok Shop trong tháng.',
    progress: 'Đơn đặt lại qua Zalo mini app đạt 18% đơn lặp lại của kênh bán lẻ.',
    problems: '',
  },
  {
    plans: 'Chuyển ngân sách từ quảng cáo hiển thị sang quảng cáo tìm kiếm.',
    progress: 'Chi phí mỗi MQL trên Google giảm 9% từ khi lọc lại từ khóa.',
    problems: 'Trang thanh toán của web shop chạy chậm trên điện thoại Android đời cũ.',
  },
];

const DISTRIBUTOR_NOTES_EN: Note[] = [
  {
    plans: 'Meet 3 distributors in Hải Phòng and Nam Định; settle this quarter’s discount policy.',
    progress: 'Renewed the contract with Đại Lợi; 2 large orders over 200 million đồng.',
    problems: 'Not enough delivery trucks at weekends; some orders were a day late.',
  },
  {
    plans: 'Send the new price list to every distributor before Wednesday.',
    progress: 'Distributor Phú Quý raised its order volume by 15%.',
    problems: 'A distributor in Thái Bình is 45 days late paying.',
  },
  {
    plans: 'Hold the year-end customer conference in Hà Nội.',
    progress: 'On-time delivery to distributors reached 97%.',
    problems: '',
  },
  {
    plans: 'Negotiate the sales bonus scheme for next quarter.',
    progress: 'Two new distributors met at the trade fair placed their first orders.',
    problems: 'A competitor cut prices on instant noodles by 3%.',
  },
];

const MILESTONE_NOTES_EN: Note[] = [
  {
    plans: 'Push year-end stocking orders with distributors.',
    progress: 'Three distributors placed their year-end stock orders.',
    problems: 'The Long Biên warehouse is nearly full.',
  },
  {
    plans: 'Run a promotion for retail shops that have not ordered in 30 days.',
    progress: 'Won back 22 inactive shops.',
    problems: 'Online revenue is below forecast.',
  },
  {
    plans: 'Review receivables more than 30 days overdue.',
    progress: 'Retail sales are growing steadily week by week.',
    problems: 'Purchase prices of some products rose 4%.',
  },
  {
    plans: 'Prepare the Tết stock plan with suppliers.',
    progress: 'Signed a 1.2 billion đồng order with distributor Hưng Thịnh.',
    problems: '',
  },
];

const ON_TIME_NOTES_EN: Note[] = [
  {
    plans: 'Add an evening loading shift on Fridays.',
    progress: 'The evening loading shift gets the morning trucks out on time.',
    problems: 'Truck no. 3 broke down; we hired a truck for 2 days.',
  },
  {
    plans: 'Optimise delivery routes in the Hà Đông area.',
    progress: 'The new Hà Đông route saves one truck trip a day.',
    problems: '',
  },
  {
    plans: 'Train warehouse staff on the new picking process.',
    progress: 'No late deliveries to distributors.',
    problems: 'Heavy rain delayed deliveries for two days.',
  },
  {
    plans: 'Trial a new delivery partner for online orders.',
    progress: 'Same-day delivery of online orders reached 70%.',
    problems: 'The shipping partner raised its fees by 5%.',
  },
];

const TRAINING_NOTES_VI: Note[] = [
  {
    plans: 'Tổ chức buổi ôn tập CRM cho nhân viên bán hàng mới.',
    progress: '12 người đã hoàn thành khóa kiến thức sản phẩm.',
    problems: 'Mùa cao điểm: đội kho không thể rời vị trí để đi học.',
  },
  {
    plans: 'Đặt lịch hội thảo kỹ năng đàm phán cho quản lý khách hàng nhà phân phối.',
    progress: 'Đã mua giấy phép khóa học trực tuyến cho 20 nhân viên.',
    problems: 'Giảng viên hủy buổi học thứ Năm.',
  },
  {
    plans: 'Quay các bài học video ngắn để đội kho xem trên điện thoại.',
    progress: 'Số giờ đào tạo đã trở lại đúng nhịp sau hai tuần chậm.',
    problems: '',
  },
  {
    plans: 'Khảo sát nhân viên về nhu cầu đào tạo quý tới.',
    progress: 'Đội bán hàng đã hoàn thành khóa đào tạo Zalo mini app.',
    problems: 'Mới một nửa số tài xế học xong khóa ôn tập an toàn.',
  },
];

const FINANCE_NOTES_EN: Note[] = [
  {
    plans: 'Review the cost of imported goods after the supplier’s price rise.',
    progress: 'Raised the selling prices of imported items by 3%.',
    problems: 'Year-end discounts for distributors are cutting the margin.',
  },
  {
    plans: 'Renegotiate shipping rates with two delivery partners.',
    progress: 'Operating costs this month are 4% under budget.',
    problems: '',
  },
  {
    plans: 'Close the quarter’s profit figures and send the report to the board.',
    progress: 'Collected 1.1 billion đồng of overdue receivables.',
    problems: 'Purchase prices of cooking oil and sugar rose 4% this month.',
  },
  {
    plans: 'Draw up next year’s budget with the department heads.',
    progress: 'Slow-moving stock is down to 6% of inventory value.',
    problems: 'A stronger US dollar makes imported goods dearer.',
  },
];

const PEOPLE_NOTES_VI: Note[] = [
  {
    plans: 'Thực hiện khảo sát nhanh hằng quý ở đội kho và đội bán hàng.',
    progress: 'Tỷ lệ phản hồi khảo sát đạt 86%.',
    problems: 'Làm thêm giờ mùa cao điểm là điều bị phàn nàn nhiều nhất.',
  },
  {
    plans: 'Thống nhất lịch trực cuối tuần để không ai làm ba cuối tuần liền.',
    progress: 'Hai trưởng nhóm đã hoàn thành chương trình coaching.',
    problems: '',
  },
  {
    plans: 'Công bố sớm chính sách thưởng Tết.',
    progress: 'Mức độ gắn kết của đội bán hàng tăng 3 điểm so với lần khảo sát trước.',
    problems: 'Một tài xế lâu năm đã nghỉ việc.',
  },
  {
    plans: 'Tổ chức bữa trưa giữa lãnh đạo và nhân viên kho.',
    progress: 'Thực đơn căng tin mới được đón nhận tốt.',
    problems: 'Mức độ gắn kết ở kho vẫn dưới 75%.',
  },
];

const RETAIL_NOTES_EN: Note[] = [
  {
    plans: 'Call the shops that have not ordered in 3 weeks.',
    progress: 'Called 40 shops that had stopped ordering; 12 ordered again.',
    problems: 'Some shops moved to a competitor that cut prices.',
  },
  {
    plans: 'Offer Tết bundles to retail shops.',
    progress: 'The Tết combo is now stocked in 60 shops.',
    problems: '',
  },
  {
    plans: 'Give vouchers to shops that reorder through the Zalo Mini App.',
    progress: '35 more shops now order every week.',
    problems: 'Not enough field sales staff in the Hà Đông area.',
  },
  {
    plans: 'Review credit limits for the large shops.',
    progress: 'Retail sales this week were the highest since the quarter began.',
    problems: '',
  },
];

/** Every example note in both languages: [English, Vietnamese]. */
const NOTE_PAIRS: ReadonlyArray<readonly [Note[], Note[]]> = [
  [ONLINE_NOTES, ONLINE_NOTES_VI],
  [DISTRIBUTOR_NOTES_EN, DISTRIBUTOR_NOTES],
  [MILESTONE_NOTES_EN, MILESTONE_NOTES],
  [ON_TIME_NOTES_EN, ON_TIME_NOTES],
  [TRAINING_NOTES, TRAINING_NOTES_VI],
  [FINANCE_NOTES_EN, FINANCE_NOTES],
  [PEOPLE_NOTES, PEOPLE_NOTES_VI],
  [RETAIL_NOTES_EN, RETAIL_NOTES],
];

/** The English form of each note (the sets are reordered for some goals, so note by note). */
function english(notes: Note[]): Note[] {
  return notes.map((note) => {
    for (const [en, vi] of NOTE_PAIRS) {
      const i = vi.indexOf(note);
      if (i >= 0) return en[i] ?? note;
    }
    return note;
  });
}

const FIELDS = ['plans', 'progress', 'problems'] as const;

/** Any example note's text (either language) → the same note in both. */
const TRANSLATIONS: ReadonlyMap<string, { en: string; vi: string }> = new Map(
  NOTE_PAIRS.flatMap(([en, vi]) =>
    en.flatMap((note, i) =>
      FIELDS.flatMap((f) => {
        const pair = { en: note[f], vi: vi[i]?.[f] ?? note[f] };
        return pair.en ? [[pair.en, pair] as const, [pair.vi, pair] as const] : [];
      }),
    ),
  ),
);

/**
 * An example check-in with its notes in the UI's language, for display. Example records store the
 * English notes; a translation is looked up by the stored text, so records written by an earlier
 * version (half of them in Vietnamese) read right too. The user's own check-ins are never touched.
 */
export function localizeExampleCheckIn<C extends Pick<CheckIn, 'example' | (typeof FIELDS)[number]>>(
  checkIn: C,
  locale: Locale,
): C {
  if (!checkIn.example) return checkIn;
  const out = { ...checkIn };
  for (const f of FIELDS) {
    const text = checkIn[f];
    const pair = text ? TRANSLATIONS.get(text) : undefined;
    if (pair) out[f] = pair[locale];
  }
  return out;
}

/** The most recent Friday 09:00 UTC (16:00 in Hà Nội, when the team reviews the week) at or before now. */
function lastFriday(now: number): number {
  const today = dayStart(now);
  const back = (new Date(today).getUTCDay() - 5 + 7) % 7;
  const friday = today - back * DAY_MS + 9 * 3_600_000;
  return friday <= now ? friday : friday - 7 * DAY_MS;
}

export function buildExampleCheckIns(goals: Goal[], sim: Simulation, now: number): CheckIn[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const quarterMilestone = goals.find(
    (g) =>
      g.id.startsWith('ex-goal-q-') &&
      (g.startAt ?? Number.POSITIVE_INFINITY) <= now &&
      (g.deadline ?? 0) >= now,
  );
  const revenueSince = (from: number, to: number) =>
    sim.days
      .filter((d) => d.day >= from && d.day < to)
      .reduce((sum, d) => sum + d.revenue.retail + d.revenue.distributor + d.revenue.online, 0);
  const monthAt = (time: number) => sim.months.findLast((m) => m.start <= time);

  const plans: CheckInPlan[] = [
    {
      goalId: 'ex-okr-online',
      confidences: [
        'on_track',
        'on_track',
        'at_risk',
        'at_risk',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
      ],
      notes: ONLINE_NOTES,
    },
    {
      goalId: 'ex-okr-distributors',
      confidences: [
        'on_track',
        'at_risk',
        'at_risk',
        'off_track',
        'at_risk',
        'at_risk',
        'on_track',
        'at_risk',
      ],
      notes: DISTRIBUTOR_NOTES,
    },
    {
      goalId: 'ex-kpi-on-time',
      confidences: [
        'at_risk',
        'on_track',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
        'on_track',
      ],
      notes: ON_TIME_NOTES,
      value: (time) => monthAt(time)?.onTimeDelivery,
    },
    {
      goalId: 'ex-kpi-training',
      confidences: [
        'off_track',
        'off_track',
        'at_risk',
        'off_track',
        'at_risk',
        'at_risk',
        'on_track',
        'off_track',
      ],
      notes: TRAINING_NOTES,
    },
    // The scorecard KPIs are reviewed by their owners too; the lead-time KPI is left without check-ins
    // so the example shows the "no check-in yet" alert.
    {
      goalId: 'ex-kpi-gross-margin',
      confidences: [
        'on_track',
        'at_risk',
        'at_risk',
        'on_track',
        'at_risk',
        'at_risk',
        'on_track',
        'at_risk',
      ],
      notes: FINANCE_NOTES,
    },
    {
      goalId: 'ex-kpi-net-profit',
      confidences: [
        'at_risk',
        'at_risk',
        'off_track',
        'at_risk',
        'at_risk',
        'off_track',
        'at_risk',
        'at_risk',
      ],
      notes: [...FINANCE_NOTES.slice(2), ...FINANCE_NOTES.slice(0, 2)],
    },
    {
      goalId: 'ex-kpi-engagement',
      confidences: [
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
      ],
      notes: PEOPLE_NOTES,
    },
    {
      goalId: 'ex-kpi-retail-retention',
      confidences: [
        'on_track',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
        'on_track',
        'on_track',
      ],
      notes: RETAIL_NOTES,
    },
    {
      goalId: 'ex-kpi-retail-value',
      confidences: [
        'at_risk',
        'at_risk',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
      ],
      notes: [...RETAIL_NOTES.slice(1), ...RETAIL_NOTES.slice(0, 1)],
    },
  ];
  if (quarterMilestone) {
    const from = quarterMilestone.startAt ?? 0;
    plans.push({
      goalId: quarterMilestone.id,
      confidences: [
        'on_track',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
        'on_track',
        'at_risk',
        'on_track',
      ],
      notes: MILESTONE_NOTES,
      value: (time) => (time >= from ? revenueSince(from, time) : undefined),
    });
  }

  const first = lastFriday(now) - (WEEKS - 1) * 7 * DAY_MS;
  const out: CheckIn[] = [];
  for (const plan of plans) {
    if (!byId.has(plan.goalId)) continue;
    for (let week = 0; week < WEEKS; week++) {
      const time = first + week * 7 * DAY_MS;
      const notes = english(plan.notes);
      const note = notes[week % notes.length];
      const value = plan.value?.(time);
      out.push({
        id: `ex-checkin-${plan.goalId.replace(/^ex-/, '')}-${isoDay(time)}`,
        goalId: plan.goalId,
        time,
        ...(value === undefined ? {} : { value }),
        confidence: plan.confidences[week] ?? 'on_track',
        plans: note?.plans,
        progress: note?.progress,
        ...(note?.problems ? { problems: note.problems } : {}),
        example: true,
        deletedAt: null,
      });
    }
  }
  return out;
}
