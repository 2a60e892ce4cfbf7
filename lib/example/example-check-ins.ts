/**
 * Eight weeks of Friday check-ins on the example's objectives, scorecard KPIs and current quarter,
 * written the way the owners would: the sales, operations and finance leads in Vietnamese, marketing and
 * HR in English. Confidence moves week to week. Key results are reviewed in their objective's check-in.
 */
import type { CheckIn, Confidence, Goal } from '../schema';
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
    problems: 'Facebook CPM rose after the 11.11 sale season.',
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
    progress: 'Doanh thu tuần này vượt kế hoạch 6%.',
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
    progress: 'Tỷ lệ giao đúng hẹn tuần này đạt 96,5%.',
    problems: 'Xe tải số 3 hỏng, phải thuê ngoài 2 ngày.',
  },
  {
    plans: 'Tối ưu tuyến giao hàng khu vực Hà Đông.',
    progress: 'Thời gian xử lý đơn giảm còn 2,1 ngày.',
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
    progress: 'Biên lợi nhuận gộp tháng trước đạt 29,6%, gần mức mục tiêu.',
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
    progress: 'Giữ chân được 98% cửa hàng bán lẻ trong tháng.',
    problems: 'Một số cửa hàng chuyển sang mua của đối thủ giảm giá.',
  },
  {
    plans: 'Giới thiệu combo hàng Tết cho cửa hàng bán lẻ.',
    progress: 'Giá trị đơn trung bình của cửa hàng tăng 5%.',
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
      const note = plan.notes[week % plan.notes.length];
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
