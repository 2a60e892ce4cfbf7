import { describe, expect, it } from 'vitest';
import { localizeExampleCheckIn } from '../../../lib/example/example-check-ins';
import { buildExampleData } from '../../../lib/example/example-data';
import type { CheckIn } from '../../../lib/schema';

const NOW = Date.UTC(2026, 10, 23, 10);
const FIELDS = ['plans', 'progress', 'problems'] as const;
/** Words no English note uses and nearly every Vietnamese one does. */
const VIETNAMESE = /(^|\s)(của|và|cho|được|đã|tuần|hàng|các|một|với|trong|không|mới|tăng|giảm)(\s|$|[,.;:])/i;
const texts = (c: Pick<CheckIn, (typeof FIELDS)[number]>) => FIELDS.flatMap((f) => c[f] ?? []);

// Issue 19, item 2: the example's check-in notes were half Vietnamese in the English UI (and half
// English in the Vietnamese one).
describe('example check-in notes in the UI’s language', () => {
  const { checkIns } = buildExampleData(NOW);

  it('stores English notes and shows every one in English or in Vietnamese', () => {
    expect(checkIns.length).toBeGreaterThan(50);
    for (const c of checkIns) {
      const en = localizeExampleCheckIn(c, 'en');
      const vi = localizeExampleCheckIn(c, 'vi');
      expect(texts(en)).toEqual(texts(c));
      for (const text of texts(en)) expect(text).not.toMatch(VIETNAMESE);
      expect(texts(vi)).toHaveLength(texts(en).length);
      texts(vi).forEach((text, i) => {
        expect(text).not.toBe(texts(en)[i]);
        expect(text).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
      });
    }
  });

  it('reads the notes an earlier version stored in Vietnamese in English too, and back', () => {
    const stored = {
      example: true,
      plans: 'Gửi bảng giá mới cho toàn bộ nhà phân phối trước thứ Tư.',
      progress: 'Nhà phân phối Phú Quý tăng sản lượng đặt hàng 15%.',
    };
    expect(localizeExampleCheckIn(stored, 'en')).toEqual({
      example: true,
      plans: 'Send the new price list to every distributor before Wednesday.',
      progress: 'Distributor Phú Quý raised its order volume by 15%.',
    });
    expect(localizeExampleCheckIn(stored, 'vi')).toEqual(stored);
  });

  it('never touches the user’s own check-ins, even with the same words', () => {
    const mine = { plans: 'Gửi bảng giá mới cho toàn bộ nhà phân phối trước thứ Tư.' };
    expect(localizeExampleCheckIn(mine, 'en')).toEqual(mine);
    expect(localizeExampleCheckIn({ ...mine, example: false }, 'en')).toEqual({ ...mine, example: false });
  });
});
