/**
 * The first-run screen's ways in: the language, a template, an import, Settings.
 * Spread into messages-en.ts / messages-vi.ts.
 */
export const firstRunEn = {
  'firstRun.language': 'Language',
  'firstRun.templates': 'Start from a template',
  'firstRun.import': 'Import a spreadsheet',
  'firstRun.settings': 'Settings',
} as const;

export const firstRunVi: Record<keyof typeof firstRunEn, string> = {
  'firstRun.language': 'Ngôn ngữ',
  'firstRun.templates': 'Bắt đầu từ mẫu',
  'firstRun.import': 'Nhập bảng tính',
  'firstRun.settings': 'Cài đặt',
};
