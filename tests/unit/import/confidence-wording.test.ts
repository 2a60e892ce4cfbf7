import { describe, expect, it } from 'vitest';
import { t } from '../../../lib/i18n/translate';
import { detectImport } from '../../../lib/import/detect-kind';

/**
 * The import's detection line (components/import/crm-target-fields.tsx, DetectionConfidence) words the
 * score for what it is: how well the file's column names match a kind of file (detect-kind.ts). It had
 * read "Pacer is 100% sure which columns are which" for any file whose headers all matched.
 */
describe('the import’s detection line', () => {
  const headersOnly = detectImport(['Date', 'Value', 'Channel', 'Segment', 'Note'], []);
  const keys = ['crmdata.confidence.sure', 'crmdata.confidence.unsure', 'crmdata.confidence.chosen'] as const;

  it('calls a full header match a match score, not certainty, in en and vi', () => {
    expect(headersOnly.confidence).toBe(1);
    const percent = `${Math.round(headersOnly.confidence * 100)}%`;
    expect(t('en', 'crmdata.confidence.sure', { percent })).toBe(
      'Read as this kind of file from its column names (match score 100%): check the columns and the rows below.',
    );
    expect(t('vi', 'crmdata.confidence.sure', { percent })).toBe(
      'Đọc theo loại tệp này dựa trên tên cột (mức khớp 100%): hãy kiểm tra các cột và các dòng bên dưới.',
    );
  });

  it('claims no certainty anywhere, whatever the score', () => {
    for (const key of keys) {
      expect(t('en', key, { percent: '100%' })).not.toMatch(/\b(sure|certain|confident|guarantee)/i);
      expect(t('vi', key, { percent: '100%' })).not.toMatch(/chắc|chắc chắn|đảm bảo/i);
    }
  });

  it('a file read from its values alone is only a partial fit', () => {
    // No header names a date or a value: the columns are found from what they hold.
    const fromValues = detectImport(
      ['a', 'b'],
      [
        ['2024-01-01', '12'],
        ['2024-01-02', '15'],
      ],
    );
    expect(fromValues.confidence).toBe(0.5);
    expect(t('en', 'crmdata.confidence.unsure', { percent: '50%' })).toBe(
      'This reading fits the file only in part (match score 50%): check the kind of file and the columns below.',
    );
  });
});
