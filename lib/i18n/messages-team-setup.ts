/** Options › Team › "Set up a team database (server admin)" (issue 21 item 3, lib/team/setup.ts). */
export const teamSetupEn = {
  'teamSetup.title': 'Set up a team database (server admin)',
  'teamSetup.intro':
    'For the server’s admin, once per team: creates the team’s database, lets only its managers and members in, and installs the rules the server enforces (managers write goals and metrics; each member writes only their own numbers). Safe to run again: an existing database keeps its data and gets the current rules. Users and their roles {manager} / {member} are given on the server itself (CouchDB’s _users database).',
  'teamSetup.admin': 'Admin user name',
  'teamSetup.password': 'Admin password',
  'teamSetup.passwordHint':
    'Used once to sign in; the admin is signed out when the set-up ends. Never stored.',
  'teamSetup.run': 'Set up team database',
  'teamSetup.running': 'Setting up…',
  'teamSetup.created': 'Created “{team}” with its members and rules.',
  'teamSetup.updated': '“{team}” existed; its members and rules are updated. Its data is unchanged.',
  'teamSetup.signedOut':
    'Signing in as the admin ended this browser’s team session on that server: type your password under Team to sign in again.',
  'teamSetup.notAdmin': 'This account is not a server admin; only a server admin can set up a team database.',
  'teamSetup.badName':
    '“{team}” cannot be a team database name: use lower-case letters, digits, _ and -, starting with a letter (for example sales or sales-north).',
  'teamSetup.permissionDenied':
    'Pacer needs permission to reach {origin} to set up the team. Try again and allow it.',
} as const;

export const teamSetupVi: Record<keyof typeof teamSetupEn, string> = {
  'teamSetup.title': 'Tạo cơ sở dữ liệu nhóm (quản trị máy chủ)',
  'teamSetup.intro':
    'Dành cho quản trị viên máy chủ, mỗi nhóm một lần: tạo cơ sở dữ liệu của nhóm, chỉ cho quản lý và thành viên của nhóm vào, và cài các quy tắc máy chủ áp dụng (quản lý ghi mục tiêu và chỉ số; mỗi thành viên chỉ ghi số của chính mình). Chạy lại vẫn an toàn: cơ sở dữ liệu đã có giữ nguyên dữ liệu và nhận quy tắc mới nhất. Người dùng và vai trò {manager} / {member} được cấp ngay trên máy chủ (cơ sở dữ liệu _users của CouchDB).',
  'teamSetup.admin': 'Tên quản trị viên',
  'teamSetup.password': 'Mật khẩu quản trị viên',
  'teamSetup.passwordHint':
    'Chỉ dùng một lần để đăng nhập; quản trị viên được đăng xuất khi xong. Không bao giờ được lưu.',
  'teamSetup.run': 'Tạo cơ sở dữ liệu nhóm',
  'teamSetup.running': 'Đang tạo…',
  'teamSetup.created': 'Đã tạo “{team}” cùng thành viên và quy tắc.',
  'teamSetup.updated': '“{team}” đã có sẵn; thành viên và quy tắc đã được cập nhật. Dữ liệu giữ nguyên.',
  'teamSetup.signedOut':
    'Đăng nhập bằng quản trị viên đã kết thúc phiên nhóm của trình duyệt này trên máy chủ đó: nhập mật khẩu ở mục Nhóm để đăng nhập lại.',
  'teamSetup.notAdmin':
    'Tài khoản này không phải quản trị viên máy chủ; chỉ quản trị viên máy chủ mới tạo được cơ sở dữ liệu nhóm.',
  'teamSetup.badName':
    '“{team}” không dùng được làm tên cơ sở dữ liệu nhóm: chỉ dùng chữ thường không dấu, chữ số, _ và -, bắt đầu bằng một chữ (ví dụ sales hoặc sales-north).',
  'teamSetup.permissionDenied': 'Pacer cần quyền truy cập {origin} để tạo nhóm. Hãy thử lại và cho phép.',
};
