/** "Share / embed" → How to embed: the widgets script and the snippet for the ticked goals (README § Embed). */
export const shareEmbedEn = {
  'share.script': 'Widgets script',
  'share.scriptHint': '{file}: draws a snapshot’s goals on your own web page.',
  'share.noBundleScript':
    'This build of Pacer has no widgets bundle, so the widgets script cannot be saved. Run `npm run build` (or `npm run build:widgets` before `npm run dev`) and reload the extension.',
  'share.embed.title': 'How to embed',
  'share.embed.step1': 'Download the snapshot JSON and the widgets script ({script}).',
  'share.embed.step2': 'Put both files in one folder of your web site.',
  'share.embed.step3': 'Paste this into the page where the goals should appear:',
  'share.embed.empty': 'Tick the goals to embed: the code lists them.',
  'share.embed.code': 'Code for the ticked goals',
  'share.embed.copy': 'Copy code',
  'share.embed.copied': 'Copied.',
  'share.embed.copyFailed': 'Could not copy: select the code and copy it.',
  'share.embed.file': 'src is the snapshot file’s name ({file} today): change it if you rename the file.',
  'share.embed.update':
    'The page shows the figures of the day the snapshot was saved: save it again, with the same goals ticked, to update them.',
  'share.embed.more':
    '<pacer-progress> (bar only), <pacer-sparkline> and <pacer-kpi-chart> (goals that track a KPI) take the same goal-id and src.',
};

export const shareEmbedVi: Record<keyof typeof shareEmbedEn, string> = {
  'share.script': 'Script widget',
  'share.scriptHint': '{file}: vẽ các mục tiêu của ảnh chụp trên trang web của bạn.',
  'share.noBundleScript':
    'Bản Pacer này không có gói widget nên không lưu được script widget. Hãy chạy `npm run build` (hoặc `npm run build:widgets` trước `npm run dev`) rồi tải lại tiện ích.',
  'share.embed.title': 'Cách nhúng vào trang web',
  'share.embed.step1': 'Tải JSON ảnh chụp và script widget ({script}).',
  'share.embed.step2': 'Đặt cả hai tệp vào cùng một thư mục trên trang web của bạn.',
  'share.embed.step3': 'Dán đoạn mã này vào trang, ở chỗ muốn hiện các mục tiêu:',
  'share.embed.empty': 'Hãy chọn các mục tiêu cần nhúng: đoạn mã sẽ liệt kê chúng.',
  'share.embed.code': 'Mã cho các mục tiêu đã chọn',
  'share.embed.copy': 'Sao chép mã',
  'share.embed.copied': 'Đã sao chép.',
  'share.embed.copyFailed': 'Không sao chép được: hãy chọn đoạn mã rồi sao chép.',
  'share.embed.file': 'src là tên tệp ảnh chụp (hôm nay: {file}): nếu đổi tên tệp thì sửa lại.',
  'share.embed.update':
    'Trang hiện số liệu của ngày lưu ảnh chụp: lưu lại (với cùng các mục tiêu đã chọn) để cập nhật.',
  'share.embed.more':
    '<pacer-progress> (chỉ thanh tiến độ), <pacer-sparkline> và <pacer-kpi-chart> (mục tiêu theo dõi KPI) cũng dùng goal-id và src như vậy.',
};
