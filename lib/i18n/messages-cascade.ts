/**
 * The cascade wizard's words (issue 19 item 4) and a milestone's own progress on the timeline (issue 14
 * item 5): what the target means (a rate per year or a total over the period), how deep to go, owner
 * and budget per milestone, periods that already ended. Spread into messages-en.ts / messages-vi.ts.
 */
export const cascadeEn = {
  'cascade.meaning': 'What does {target} mean?',
  'cascade.meaning.annual': 'A rate per year: {target} in a year, reached by {end}',
  'cascade.meaning.total': 'A total over the period: {target} altogether from {start} to {end}',
  'cascade.meaning.level': 'A level: {target} by {end}, each period gets the level to reach by its end',
  'cascade.meaning.keep': 'A line to hold: {target} in every period until {end}',
  'cascade.path': 'Each year’s target',
  'cascade.path.ramp': 'Step up each year from today’s yearly figure',
  'cascade.path.flat': 'The full {target} in every year',
  'cascade.startRate': 'Yearly figure at the start',
  'cascade.startRate.baseline': 'The goal’s baseline.',
  'cascade.startRate.data': '{months}.',
  'cascade.startRate.today': 'Yearly figure today',
  'cascade.startRate.todayData': '{months}.',
  'cascade.startRate.todayFrom':
    '{months}. On {start}, when the goal started: {baseline} ({baselineMonths}).',
  'cascade.startRate.todayBaseline': '{months}. The goal’s baseline: {baseline}.',
  'cascade.underWay':
    '{year} is under way: {soFar} so far, plus {rate} a year for the rest of it, makes {total}.',
  // Its milestone's target rounded down to three figures (round-targets.ts) reads apart from its run.
  'cascade.underWayRounded':
    '{year} is under way: {soFar} so far, plus {rate} a year for the rest of it, makes {run}: its milestone asks {total}, rounded down so it never starts behind.',
  'cascade.stepUp': 'The step-up to {target} a year is spread over {years}.',
  'cascade.stepUpRange': 'The step-up to {target} a year is spread over {years}.',
  'cascade.aboveRun':
    'At today’s rate ({rate} a year), {period} comes to about {run}, short of the {target} it would ask.',
  'cascade.offTrackOnCreation':
    '{period} would be off track the day it is made ({reason}): it is not created unless you tick it.',
  'cascade.offTrackOnCreationMore.one':
    '{period} would be off track the day it is made ({reason}), and so would {count} other period under way: they are not created unless you tick them.',
  'cascade.offTrackOnCreationMore.other':
    '{period} would be off track the day it is made ({reason}), and so would {count} other periods under way: they are not created unless you tick them.',
  'cascade.offTrack.row': 'Would start off track, not created',
  'cascade.includeOffTrack.one': 'Create the {count} milestone that would start off track anyway',
  'cascade.includeOffTrack.other': 'Create the {count} milestones that would start off track anyway',
  'cascade.startRate.none': 'No data before {start}: enter the last 12 months’ figure.',
  'cascade.startLevel': 'Level at the start',
  'cascade.startLevel.data': 'The last month with data before {start}.',
  'cascade.startLevel.none': 'No data before the start: enter today’s level (0 is used until then).',
  'cascade.startLevel.bad': 'Enter a number, such as 12.5.',
  'cascade.depth': 'Milestones down to',
  'cascade.depth.year': 'Years',
  'cascade.depth.quarter': 'Quarters',
  'cascade.depth.month': 'Months',
  'cascade.ownerAll': 'Who (every milestone)',
  'cascade.ownerHint': 'Change any row below.',
  'cascade.budgetAll': 'Budget to split ({currency})',
  'cascade.budgetHint': 'Split like the target; change any row below.',
  'cascade.includeEnded.one': 'Also create the {count} milestone whose period has already ended',
  'cascade.includeEnded.other': 'Also create the {count} milestones whose period has already ended',
  'cascade.ended': 'Ended, not created',
  'cascade.col.budget': 'Budget',
  'cascade.col.owner': 'Who',
  'cascade.rowBudget': 'Budget for {period}',
  'cascade.rowOwner': 'Who for {period}',
  'cascade.sumAnnual': 'The years add up to {sum} over the period; the last year reaches {target}.',
  'cascade.checking': 'Checking the periods under way…',
  'cascade.existing.one':
    'This goal already has 1 milestone ({names}). New milestones are added beside it, not in its place: delete it first if they replace it.',
  'cascade.existing.other':
    'This goal already has {count} milestones ({names}). New milestones are added beside them, not in their place: delete them first if they replace them.',
  'cascade.createN.one': 'Create {count} milestone',
  'cascade.createN.other': 'Create {count} milestones',
  'cascade.badBudget': 'Budget for {period}: {reason}',
  'cascade.describe.up': '{metric} of {target} or more from {start} to {end}.',
  'cascade.describe.down': '{metric} of {target} or less from {start} to {end}.',
  'cascade.describe.level.up': '{metric} at {target} or better by {end}.',
  'cascade.describe.level.down': '{metric} at {target} or lower by {end}.',
  'cascade.label.quarter': '{quarter}',
  'cascade.label.year': '{year}',
  'cascade.label.month': '{month} {year}',
  'milestones.focused': 'Overdue, running, next up and just done: {shown} of {count}.',
  'milestone.progress': 'So far',
  'milestone.progressValue': '{value} of {target} ({percent})',
} as const;

export const cascadeVi: Record<keyof typeof cascadeEn, string> = {
  'cascade.meaning': '{target} nghĩa là gì?',
  'cascade.meaning.annual': 'Mức mỗi năm: {target} trong một năm, đạt được vào {end}',
  'cascade.meaning.total': 'Tổng cả giai đoạn: tổng cộng {target} từ {start} đến {end}',
  'cascade.meaning.level': 'Một mức: {target} trước {end}, mỗi kỳ có mức cần đạt vào cuối kỳ',
  'cascade.meaning.keep': 'Mức cần giữ: {target} trong mọi kỳ đến {end}',
  'cascade.path': 'Mục tiêu từng năm',
  'cascade.path.ramp': 'Tăng dần mỗi năm từ mức một năm hiện nay',
  'cascade.path.flat': 'Đủ {target} trong mỗi năm',
  'cascade.startRate': 'Mức một năm lúc bắt đầu',
  'cascade.startRate.baseline': 'Mức xuất phát của mục tiêu.',
  'cascade.startRate.data': '{months}.',
  'cascade.startRate.today': 'Mức một năm hiện nay',
  'cascade.startRate.todayData': '{months}.',
  'cascade.startRate.todayFrom':
    '{months}. Ngày {start}, khi mục tiêu bắt đầu: {baseline} ({baselineMonths}).',
  'cascade.startRate.todayBaseline': '{months}. Mức xuất phát của mục tiêu: {baseline}.',
  'cascade.underWay':
    '{year} đang diễn ra: đã có {soFar}, cộng {rate} mỗi năm cho phần còn lại, thành {total}.',
  'cascade.underWayRounded':
    '{year} đang diễn ra: đã có {soFar}, cộng {rate} mỗi năm cho phần còn lại, thành {run}: cột mốc của năm đặt {total}, làm tròn xuống để không bị chậm ngay từ đầu.',
  'cascade.stepUp': 'Phần tăng lên {target} mỗi năm được chia đều cho {years}.',
  // Several years: "cho các năm 2027–2028".
  'cascade.stepUpRange': 'Phần tăng lên {target} mỗi năm được chia đều cho các {years}.',
  'cascade.aboveRun':
    'Với mức hiện nay ({rate} mỗi năm), {period} chỉ đạt khoảng {run}, thấp hơn mức {target} cần đạt.',
  'cascade.offTrackOnCreation':
    '{period} sẽ chậm tiến độ ngay từ ngày tạo ({reason}): chỉ tạo khi bạn đánh dấu.',
  'cascade.offTrackOnCreationMore.one':
    '{period} sẽ chậm tiến độ ngay từ ngày tạo ({reason}), {count} kỳ đang diễn ra khác cũng vậy: chỉ tạo khi bạn đánh dấu.',
  'cascade.offTrackOnCreationMore.other':
    '{period} sẽ chậm tiến độ ngay từ ngày tạo ({reason}), {count} kỳ đang diễn ra khác cũng vậy: chỉ tạo khi bạn đánh dấu.',
  'cascade.offTrack.row': 'Sẽ chậm tiến độ ngay khi tạo, không tạo',
  'cascade.includeOffTrack.one': 'Vẫn tạo {count} cột mốc sẽ chậm tiến độ ngay khi tạo',
  'cascade.includeOffTrack.other': 'Vẫn tạo {count} cột mốc sẽ chậm tiến độ ngay khi tạo',
  'cascade.startRate.none': 'Chưa có dữ liệu trước {start}: nhập con số của 12 tháng gần nhất.',
  'cascade.startLevel': 'Mức lúc bắt đầu',
  'cascade.startLevel.data': 'Tháng gần nhất có dữ liệu trước {start}.',
  'cascade.startLevel.none': 'Chưa có dữ liệu trước ngày bắt đầu: nhập mức hiện nay (tạm dùng 0).',
  'cascade.startLevel.bad': 'Hãy nhập một con số, ví dụ 12,5.',
  'cascade.depth': 'Chia đến',
  'cascade.depth.year': 'Năm',
  'cascade.depth.quarter': 'Quý',
  'cascade.depth.month': 'Tháng',
  'cascade.ownerAll': 'Ai phụ trách (mọi cột mốc)',
  'cascade.ownerHint': 'Có thể đổi từng dòng bên dưới.',
  'cascade.budgetAll': 'Ngân sách cần chia ({currency})',
  'cascade.budgetHint': 'Chia theo tỷ lệ như mục tiêu; có thể đổi từng dòng bên dưới.',
  'cascade.includeEnded.one': 'Tạo cả {count} cột mốc có kỳ đã kết thúc',
  'cascade.includeEnded.other': 'Tạo cả {count} cột mốc có kỳ đã kết thúc',
  'cascade.ended': 'Đã qua, không tạo',
  'cascade.col.budget': 'Ngân sách',
  'cascade.col.owner': 'Ai phụ trách',
  'cascade.rowBudget': 'Ngân sách cho {period}',
  'cascade.rowOwner': 'Người phụ trách {period}',
  'cascade.sumAnnual': 'Cộng các năm được {sum} cho cả giai đoạn; năm cuối đạt {target}.',
  'cascade.checking': 'Đang kiểm tra các kỳ đang diễn ra…',
  'cascade.existing.one':
    'Mục tiêu này đã có 1 cột mốc ({names}). Các cột mốc mới được thêm bên cạnh, không thay thế nó: hãy xóa nó trước nếu muốn thay.',
  'cascade.existing.other':
    'Mục tiêu này đã có {count} cột mốc ({names}). Các cột mốc mới được thêm bên cạnh, không thay thế chúng: hãy xóa chúng trước nếu muốn thay.',
  'cascade.createN.one': 'Tạo {count} cột mốc',
  'cascade.createN.other': 'Tạo {count} cột mốc',
  'cascade.badBudget': 'Ngân sách cho {period}: {reason}',
  'cascade.describe.up': '{metric} đạt {target} trở lên từ {start} đến {end}.',
  'cascade.describe.down': '{metric} ở mức {target} trở xuống từ {start} đến {end}.',
  'cascade.describe.level.up': '{metric} đạt {target} trở lên trước {end}.',
  'cascade.describe.level.down': '{metric} xuống {target} trở xuống trước {end}.',
  'cascade.label.quarter': 'Quý {quarter}',
  'cascade.label.year': 'Năm {year}',
  // Beside "Quý 1/2027" and "Năm 2027": never ICU's lower-case "tháng 1 năm 2027".
  'cascade.label.month': 'Tháng {month}/{year}',
  'milestones.focused': 'Quá hạn, đang chạy, sắp tới và vừa xong: {shown} trên {count}.',
  'milestone.progress': 'Đến nay',
  'milestone.progressValue': '{value} / {target} ({percent})',
};
