/**
 * A budget cap: a total whose way is down ("Spend at most ₫1.5B on ads in Q1"; docs/figures.md §
 * Budget cap), as its card, detail chart and goal form word it (lib/app/budget-text.ts). An amount of
 * money is a budget (`.money`); any other unit (churned customers, complaints) a limit (`.limit`).
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const budgetCapEn = {
  'budget.cap.money': '{cap} budget',
  'budget.cap.limit': '{cap} limit',
  'budget.used.money': '{percent} of budget used · {left} left to spend',
  'budget.used.limit': '{percent} of the limit used · {left} to go before the limit',
  'budget.usedAll.money': '{percent} of budget used',
  'budget.usedAll.limit': '{percent} of the limit used',
  'budget.over.money': 'by {x}',
  'budget.over.limit': 'by {x}',
  'budget.chance.money': '{p} chance to stay within budget',
  'budget.chance.limit': '{p} chance to stay within the limit',
  'budget.kept': 'period ended',
  // A cap's status, said of the budget: a cap is never "behind schedule" (lib/app/budget-text.ts budgetStatusLabel).
  'budget.status.on_track.money': 'Within budget',
  'budget.status.on_track.limit': 'Within the limit',
  'budget.status.at_risk.money': 'May go over budget',
  'budget.status.at_risk.limit': 'May pass the limit',
  'budget.status.off_track.money': 'Likely over budget',
  'budget.status.off_track.limit': 'Likely over the limit',
  'budget.status.over.money': 'Over budget',
  'budget.status.over.limit': 'Over the limit',
  'budget.overPlan': 'over plan by {x}',
  'budget.plan.under': 'Under plan by {x} ({planned} planned by {when})',
  'budget.plan.over': 'Over plan by {x} ({planned} planned by {when})',
  'budget.plan.on': 'On plan ({planned} planned by {when})',
  'budget.plan.only': '{planned} planned by {when}',
  'budget.today': 'today',
  'budget.planAsOf.under': 'Under plan by {x} on {when} ({spent} against {planned} planned)',
  'budget.planAsOf.over': 'Over plan by {x} on {when} ({spent} against {planned} planned)',
  'budget.planAsOf.on': 'On plan on {when} ({spent} against {planned} planned)',
  'budget.planAsOf.only': '{spent} against {planned} planned by {when}',
  'chart.series.plan': 'Planned line',
  'chart.series.cap.money': 'Budget',
  'chart.series.cap.limit': 'Limit',
  'editor.goal.cap': 'Target: at most',
  'editor.goal.cap.hint':
    'A total that should stay low is a cap, a budget not to pass: what the period adds up to stays at or under this. The card shows what is used, what is left, the planned line and the chance to stay within.',
  'editor.goal.direction.capDown': 'At most (a budget)',
  'goalType.cap.money': 'Stay within a total (budget)',
  'goalType.cap.limit': 'Stay within a total (limit)',
  'goalType.cap.hint':
    'Stay within a total: add up everything logged until the deadline and keep it at or under the target.',
  // A goal's own resources sit below a cap's target in the form: named apart from the cap.
  'editor.goal.capResources': 'Resources budget',
  'editor.goal.capResourcesSpent': 'Resources spent',
  'editor.goal.capResources.hint':
    'Money set aside to run this goal’s work, apart from the cap set as its target.',
  'editor.goal.capBaseline':
    'A budget’s baseline is what was already spent before the period: it is above the budget here. To bring a month’s figure down, choose “Reach a level”.',
};

export const budgetCapVi: Record<keyof typeof budgetCapEn, string> = {
  'budget.cap.money': 'ngân sách {cap}',
  'budget.cap.limit': 'mức trần {cap}',
  'budget.used.money': 'đã dùng {percent} ngân sách · còn được chi {left}',
  'budget.used.limit': 'đã dùng {percent} mức trần · còn {left} trước khi chạm trần',
  'budget.usedAll.money': 'đã dùng {percent} ngân sách',
  'budget.usedAll.limit': 'đã dùng {percent} mức trần',
  'budget.over.money': 'quá {x}',
  'budget.over.limit': 'quá {x}',
  'budget.chance.money': 'khả năng không vượt ngân sách: {p}',
  'budget.chance.limit': 'khả năng không vượt mức trần: {p}',
  'budget.kept': 'kỳ đã kết thúc',
  'budget.status.on_track.money': 'Trong ngân sách',
  'budget.status.on_track.limit': 'Trong mức trần',
  'budget.status.at_risk.money': 'Có thể vượt ngân sách',
  'budget.status.at_risk.limit': 'Có thể vượt trần',
  'budget.status.off_track.money': 'Nguy cơ vượt ngân sách',
  'budget.status.off_track.limit': 'Nguy cơ vượt trần',
  'budget.status.over.money': 'Vượt ngân sách',
  'budget.status.over.limit': 'Vượt trần',
  'budget.overPlan': 'cao hơn kế hoạch {x}',
  'budget.plan.under': 'Thấp hơn kế hoạch {x} (kế hoạch đến {when}: {planned})',
  'budget.plan.over': 'Cao hơn kế hoạch {x} (kế hoạch đến {when}: {planned})',
  'budget.plan.on': 'Đúng kế hoạch (kế hoạch đến {when}: {planned})',
  'budget.plan.only': 'Kế hoạch đến {when}: {planned}',
  'budget.today': 'hôm nay',
  'budget.planAsOf.under': 'Thấp hơn kế hoạch {x} tính đến {when} ({spent} so với kế hoạch {planned})',
  'budget.planAsOf.over': 'Cao hơn kế hoạch {x} tính đến {when} ({spent} so với kế hoạch {planned})',
  'budget.planAsOf.on': 'Đúng kế hoạch tính đến {when} ({spent} so với kế hoạch {planned})',
  'budget.planAsOf.only': 'Tính đến {when}: {spent} so với kế hoạch {planned}',
  'chart.series.plan': 'Kế hoạch',
  'chart.series.cap.money': 'Ngân sách',
  'chart.series.cap.limit': 'Mức trần',
  'editor.goal.cap': 'Mục tiêu: tối đa',
  'editor.goal.cap.hint':
    'Một tổng cần giữ thấp là một mức trần, một ngân sách không được vượt: tổng cộng dồn của kỳ phải bằng hoặc thấp hơn con số này. Thẻ mục tiêu cho biết đã dùng bao nhiêu, còn lại bao nhiêu, kế hoạch và khả năng không vượt.',
  'editor.goal.direction.capDown': 'Tối đa (ngân sách)',
  'goalType.cap.money': 'Không vượt tổng (ngân sách)',
  'goalType.cap.limit': 'Không vượt tổng (mức trần)',
  'goalType.cap.hint':
    'Không vượt tổng: cộng dồn mọi giá trị ghi nhận đến hạn và giữ bằng hoặc thấp hơn mục tiêu.',
  'editor.goal.capResources': 'Kinh phí thực hiện',
  'editor.goal.capResourcesSpent': 'Kinh phí đã chi',
  'editor.goal.capResources.hint':
    'Khoản tiền dành cho việc thực hiện mục tiêu này, tách riêng với mức trần đặt làm mục tiêu.',
  'editor.goal.capBaseline':
    'Mức ban đầu của một ngân sách là số đã chi trước kỳ: ở đây nó đã cao hơn ngân sách. Để giảm con số của một tháng, hãy chọn “Đạt mức”.',
};
