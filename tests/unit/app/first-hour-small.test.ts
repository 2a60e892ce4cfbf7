import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from '../../../lib/app/time-zone-list';
import { createTranslator } from '../../../lib/i18n/translate';
import { dayProblem } from '../../../lib/popup/quick-log';

describe('issue 19, small things', () => {
  const now = Date.UTC(2026, 11, 6, 3, 0); // 10:00 on 6 Dec in Ho Chi Minh City
  const tz = 'Asia/Ho_Chi_Minh';

  it('says "Enter a date" for an empty date, "in the future" only for a future one', () => {
    expect(dayProblem('', tz, now)).toBe('date.empty');
    expect(dayProblem('  ', tz, now)).toBe('date.empty');
    expect(dayProblem('2026-12-07', tz, now)).toBe('popup.futureDate');
    expect(dayProblem('6/12/2026', tz, now)).toBe('date.invalid');
    expect(dayProblem('2026-12-06', tz, now)).toBeNull();
    expect(dayProblem('2026-11-30', tz, now)).toBeNull();
    expect(createTranslator('en')(dayProblem('', tz, now)!)).toBe('Enter a date.');
  });

  it('offers Asia/Ho_Chi_Minh even where the runtime lists only Asia/Saigon', () => {
    const list = timeZoneChoices('UTC', ['Asia/Saigon', 'Europe/Paris', 'UTC']);
    expect(list).toContain('Asia/Ho_Chi_Minh');
    expect(list).toContain('Asia/Saigon');
    expect(new Set(list).size).toBe(list.length);
    expect(list).toEqual([...list].sort((a, b) => a.localeCompare(b, 'en')));
    expect(timeZoneChoices('America/Nuuk', [])).toContain('America/Nuuk');
  });

  it('pluralises row counts: "1 row", "2 rows"', () => {
    const en = createTranslator('en');
    expect(en.plural('rows.start', 1)).toBe('Import 1 row');
    expect(en.plural('rows.start', 2)).toBe('Import 2 rows');
    expect(en.plural('rows.ready', 1, { good: 1 })).toBe('1 of 1 row is ready to import.');
    expect(en.plural('rows.exported', 1, { file: 'a.csv' })).toBe('Saved a.csv: 1 row');
    expect(createTranslator('vi').plural('rows.start', 1)).toBe('Nhập 1 dòng');
  });
});
