import type { Locale } from '../schema/common';

/**
 * The few strings the popup and the new tab paint before anything else loads
 * (components/popup/popup-shell.tsx, components/newtab/shell.tsx). They live apart so that first paint
 * does not load both full string tables (~42 KB of gzipped JS, more than the new tab's whole budget
 * for its first paint); messages-en.ts and messages-vi.ts include them, so `t()` and the typecheck of
 * missing keys work as for any other key.
 */
export const shellEn = {
  'app.name': 'Pacer',
  'popup.topGoals': 'Your goals',
  'popup.noGoals': 'No goals yet.',
  'popup.shownOf': '{shown} of {total}',
  'dashboard.loading': 'Loading your goals…',
  'dashboard.progressLabel': 'Progress',
  'dashboard.trendLabel': 'Trend',
  'field.owner': 'Owner',
  'widget.goals': 'Goals',
} as const;

export type ShellKey = keyof typeof shellEn;

export const shellVi: Record<ShellKey, string> = {
  'app.name': 'Pacer',
  'popup.topGoals': 'Mục tiêu của bạn',
  'popup.noGoals': 'Chưa có mục tiêu nào.',
  'popup.shownOf': '{shown}/{total}',
  'dashboard.loading': 'Đang tải mục tiêu…',
  'dashboard.progressLabel': 'Tiến độ',
  'dashboard.trendLabel': 'Xu hướng',
  'field.owner': 'Người phụ trách',
  'widget.goals': 'Mục tiêu',
};

/** A lookup over the shell strings only. A full `Translator` is assignable wherever this is expected. */
export type ShellTranslator = (key: ShellKey) => string;

export function shellTranslator(locale: Locale): ShellTranslator {
  const table = locale === 'vi' ? shellVi : shellEn;
  return (key) => table[key];
}
