import { describe, expect, it } from 'vitest';
import { buildExampleData } from '../../../lib/example/example-data';
import { localizeExampleDescription } from '../../../lib/example/example-milestone-texts';

/**
 * The example's milestone descriptions ("What" on the timeline) in the UI's language. They were
 * stored as "English\nVietnamese" and shown whole in both UIs, or English-only for monthly actions.
 */
const NOW = Date.UTC(2026, 11, 6, 2);
const milestones = buildExampleData(NOW).goals.filter(
  (g) => g.description && g.example && (g.kind === 'milestone' || g.kind === 'bhag'),
);

describe('example milestone descriptions', () => {
  it('every example description reads in English in the English UI and in Vietnamese in the Vietnamese one', () => {
    expect(milestones.length).toBeGreaterThan(10);
    for (const g of milestones) {
      const en = localizeExampleDescription(g, 'en');
      const vi = localizeExampleDescription(g, 'vi');
      expect(en).toBe(g.description);
      expect(en).not.toContain('\n');
      expect(vi, g.id).not.toBe(en);
      // Vietnamese text has its tone marks; the English one only in proper names (Tết, Đà Nẵng).
      expect(vi).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
  });

  it('reads descriptions stored by earlier versions: both languages on two lines, a month with its budget', () => {
    const year = milestones.find((g) => g.id.startsWith('ex-goal-year-'));
    const vi = localizeExampleDescription(year!, 'vi')!;
    const en = localizeExampleDescription(year!, 'en')!;
    const old = { example: true, description: `${en}\n${vi}` };
    expect(localizeExampleDescription(old, 'en')).toBe(en);
    expect(localizeExampleDescription(old, 'vi')).toBe(vi);
    const month = {
      example: true,
      description:
        'November 2026: Volume discounts agreed with every distributor for December and January orders. Budget 300 million VND.',
    };
    expect(localizeExampleDescription(month, 'vi')).toBe(
      'Thỏa thuận chiết khấu theo sản lượng với mọi nhà phân phối cho đơn hàng tháng 12 và tháng 1.',
    );
  });

  it('never touches the user’s own descriptions', () => {
    const mine = { example: false, description: milestones[0]!.description };
    expect(localizeExampleDescription(mine, 'vi')).toBe(mine.description);
    expect(localizeExampleDescription({ description: 'Q1: mine' }, 'vi')).toBe('Q1: mine');
  });
});
