/**
 * Strings added for the Firefox build and the store packages (issue 20): the options page's report of a
 * permission request the browser refused to make (an error, not the user's "no").
 */
export const permissionErrorsEn = {
  'crm.permissionError': 'The browser could not ask for access to {crm}: {error}',
};

export const permissionErrorsVi: Record<keyof typeof permissionErrorsEn, string> = {
  'crm.permissionError': 'Trình duyệt không thể hỏi quyền truy cập {crm}: {error}',
};
