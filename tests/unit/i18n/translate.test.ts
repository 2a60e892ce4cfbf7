import { describe, expect, it } from 'vitest';
import { createTranslator, detectLocale, localizedName, t, tc } from '../../../lib/i18n/translate';

describe('t', () => {
  it('looks up the string for the locale', () => {
    expect(t('en', 'toast.goalDeleted')).toBe('Goal deleted');
    expect(t('vi', 'toast.goalDeleted')).toBe('Đã xóa mục tiêu');
    expect(t('vi', 'action.undo')).toBe('Hoàn tác');
  });

  it('fills placeholders, formatting numbers for the locale', () => {
    expect(t('en', 'pace.ahead', { x: '3 days' })).toBe('ahead by 3 days');
    expect(t('vi', 'import.errorRow', { row: 1200, column: 'Ngày', message: 'sai' })).toBe(
      'Dòng 1.200, cột “Ngày”: sai',
    );
    expect(t('en', 'import.errorRow', { row: 1200, column: 'Date', message: 'bad' })).toBe(
      'Row 1,200, column “Date”: bad',
    );
    expect(t('en', 'forecast.line', { date: 'Nov 23, 2026', from: 'Nov 2, 2026', to: 'Dec 20, 2026' })).toBe(
      'Forecast: Nov 23, 2026 (80%: Nov 2, 2026 – Dec 20, 2026)',
    );
  });

  it('leaves a missing placeholder visible', () => {
    expect(t('en', 'pace.behind')).toBe('behind by {x}');
    expect(t('en', 'pace.behind', {})).toBe('behind by {x}');
  });
});

describe('tc (plurals)', () => {
  it('picks .one or .other by the locale plural rules and fills {count}', () => {
    expect(tc('en', 'import.rowsImported', 1)).toBe('1 row imported');
    expect(tc('en', 'import.rowsImported', 0)).toBe('0 rows imported');
    expect(tc('en', 'import.rowsImported', 2500)).toBe('2,500 rows imported');
    expect(tc('vi', 'import.rowsImported', 1)).toBe('Đã nhập 1 dòng');
    expect(tc('vi', 'dashboard.daysLeft', 12)).toBe('Còn 12 ngày');
  });
});

describe('createTranslator', () => {
  it('binds the locale', () => {
    const tr = createTranslator('vi');
    expect(tr.locale).toBe('vi');
    expect(tr('action.save')).toBe('Lưu');
    expect(tr('pace.behind', { x: '2 ngày' })).toBe('chậm 2 ngày');
    expect(tr.plural('checkIn.due', 3)).toBe('3 mục tiêu đang chờ cập nhật');
    expect(createTranslator('en').plural('checkIn.due', 1)).toBe('1 goal is waiting for its check-in');
  });
});

describe('detectLocale', () => {
  it.each([
    [['vi-VN', 'en-US'], 'vi'],
    [['vi'], 'vi'],
    [['VI-vn'], 'vi'],
    [['en-US', 'vi'], 'en'],
    [['fr-FR', 'vi-VN', 'en'], 'vi'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [['video'], 'en'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });
});

describe('localizedName', () => {
  it('uses the translation for the locale when present, else the name or title', () => {
    const metric = { name: 'Revenue', translations: { vi: 'Doanh thu' } };
    expect(localizedName(metric, 'vi')).toBe('Doanh thu');
    expect(localizedName(metric, 'en')).toBe('Revenue');
    expect(localizedName({ title: 'Win 50 clients', translations: { vi: '  ' } }, 'vi')).toBe(
      'Win 50 clients',
    );
    expect(localizedName({ title: 'Grow', translations: { en: 'Grow!', vi: 'Tăng trưởng' } }, 'en')).toBe(
      'Grow!',
    );
    expect(localizedName({}, 'en')).toBe('');
  });
});
