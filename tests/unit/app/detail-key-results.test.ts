import { beforeAll, describe, expect, it } from 'vitest';
import { computeGoalDetail } from '../../../lib/app/goal-detail-data';
import { defaultSettings, type Locale } from '../../../lib/schema';
import { loadExampleData } from '../../../lib/storage/example-data';
import { saveSettings } from '../../../lib/storage/settings';
import { freshDb } from '../storage/helpers';

/**
 * An objective's detail lists the key results its score is the mean of (title, score, status), shows
 * its description, and does not call it "measurable" as if it had a target of its own.
 */
// The day of the manager's review (Dec 8, 2026), when the card read 0.38.
const NOW = Date.UTC(2026, 11, 8, 2);
const TZ = 'Asia/Ho_Chi_Minh';

describe("an objective's detail", () => {
  let db: Awaited<ReturnType<typeof freshDb>>['db'];
  beforeAll(async () => {
    ({ db } = await freshDb());
    await saveSettings(db, defaultSettings({ locale: 'en', timeZone: TZ }));
    await loadExampleData(db, NOW);
  });
  const detail = (id: string, locale: Locale = 'en') =>
    computeGoalDetail(db, id, defaultSettings({ locale, timeZone: TZ }), NOW);

  it('lists its key results, whose scores average to its own (en)', async () => {
    const d = await detail('ex-okr-online');
    expect(d.view.value).toBe('0.38');
    expect(d.keyResults.map((k) => [k.scoreText, k.status])).toEqual([
      ['1.00', 'on_track'],
      ['0.00', 'off_track'],
      ['0.53', 'off_track'],
      ['0.00', 'off_track'],
    ]);
    // (1.00 + 0 + 0.53 + 0) ÷ 4 = 0.3825 → 0.38; equal weights, so none is named.
    const mean = d.keyResults.reduce((s, k) => s + Number(k.scoreText), 0) / d.keyResults.length;
    expect(Math.abs(mean - Number(d.view.value))).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(d.keyResults.every((k) => k.weight === undefined)).toBe(true);
    // Each row is its own card's status and title.
    for (const k of d.keyResults) {
      const own = await detail(k.id);
      expect(k.title).toBe(own.view.title);
      expect(k.statusLabel).toBe(own.view.statusLabel);
    }
  });

  it('in Vietnamese too, with the description in the UI language', async () => {
    const d = await detail('ex-okr-online', 'vi');
    expect(d.keyResults).toHaveLength(4);
    expect(d.keyResults[2]?.scoreText).toBe('0,53');
    expect(d.keyResults.map((k) => k.statusLabel)).toContain('Chậm tiến độ');
    expect(d.description).toBe(
      'Quý 4/2026: khách mua trực tuyến tự đặt hàng mà không cần gọi nhân viên bán hàng.',
    );
    expect(d.smartOk).toBe('Mục tiêu này cụ thể, có thời hạn và được đo bằng 4 kết quả then chốt của nó.');
  });

  it('shows the description and a SMART line that names its key results as its measure', async () => {
    const d = await detail('ex-okr-online');
    expect(d.description).toBe('Q4 2026: online buyers order without calling a salesperson.');
    expect(d.smartOk).toBe('This objective is specific and time-bound, and its 4 key results measure it.');
    const bhag = await detail('ex-goal-bhag');
    expect(bhag.description).toMatch(/^Triple the business in three years/);
    expect(bhag.keyResults).toEqual([]);
  });
});
