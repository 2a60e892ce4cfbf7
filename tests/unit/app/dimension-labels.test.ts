import { describe, expect, it } from 'vitest';
import { dimensionValueLabel } from '../../../lib/app/dimension-labels';
import { createTranslator } from '../../../lib/i18n/translate';

describe('dimensionValueLabel', () => {
  it('labels stored keys as people say them, in both languages', () => {
    expect(dimensionValueLabel('trade_show', createTranslator('en'))).toBe('Trade show');
    expect(dimensionValueLabel('trade_show', createTranslator('vi'))).toBe('Hội chợ triển lãm');
    expect(dimensionValueLabel('distributor', createTranslator('vi'))).toBe('Nhà phân phối');
    expect(dimensionValueLabel('walk_in_store', createTranslator('en'))).toBe('Walk in store');
  });
});
