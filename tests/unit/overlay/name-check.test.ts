import { describe, expect, it } from 'vitest';
import { nameLooksLikeNumber } from '../../../lib/overlay/name-check';

describe('nameLooksLikeNumber', () => {
  it('flags amounts, dates and bare numbers picked as a name', () => {
    for (const t of ['$52.6K', '₫1,2 tỷ', '450 tr', '1.200.000 ₫', '12,500', '2026-11-20', '#342', '15%'])
      expect(nameLooksLikeNumber(t), t).toBe(true);
  });
  it('lets names through, numbered ones included', () => {
    for (const t of [
      'Website revamp',
      'Clinic deal #342',
      'Acme Corp – Annual license',
      'Q4 renewal',
      '3M Vietnam',
      '',
    ])
      expect(nameLooksLikeNumber(t), t).toBe(false);
  });
});
