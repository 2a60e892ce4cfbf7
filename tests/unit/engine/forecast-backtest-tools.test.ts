import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PLATT } from '../../../lib/engine/forecast-calibration';
import { type PlattMaps, writeMaps } from '../../../scripts/backtest-calibration';
import { coveredShare } from '../../../scripts/backtest-targets';

describe('backtest coverage with ties', () => {
  it('is the plain count against [p10, p90] when nothing ties', () => {
    const sims = Array.from({ length: 100 }, (_, i) => i + 0.5);
    expect(coveredShare(sims, 50, 10.4, 89.6)).toBe(1);
    expect(coveredShare(sims, 5, 10.4, 89.6)).toBe(0);
  });

  it('counts only the share of a tie that lies within the central 80%', () => {
    // 30% of simulated weeks are dry (0): a dry week's rank is spread over [0, 0.3], of which
    // [0.1, 0.3] lies inside the band: two thirds of it counts, not all of it.
    const sims = [...new Array(30).fill(0), ...Array.from({ length: 70 }, (_, i) => i + 1)];
    expect(coveredShare(sims, 0, 0, 63)).toBeCloseTo(2 / 3, 12);
    // A tie wholly inside the band counts fully; one wholly below it, not at all.
    expect(
      coveredShare([...new Array(20).fill(0), ...new Array(60).fill(1), ...new Array(20).fill(2)], 1, 1, 1),
    ).toBe(1);
    expect(coveredShare([...new Array(5).fill(0), ...new Array(95).fill(1)], 0, 1, 1)).toBe(0);
  });
});

describe('--write-calibration', () => {
  it('replaces the maps between the markers and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'platt-'));
    const file = join(dir, 'calibration.ts');
    const before = readFileSync(join(process.cwd(), 'lib/engine/forecast-calibration.ts'), 'utf8');
    writeFileSync(file, before);
    const maps = structuredClone(PLATT) as PlattMaps;
    maps.keep.week = [0.5, -0.25];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    writeMaps(maps, file);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('keep: { month: [');
    expect(after).toContain('week: [0.5, -0.25] },');
    expect(after.replace(/<platt-maps>[\s\S]*<\/platt-maps>/, '')).toBe(
      before.replace(/<platt-maps>[\s\S]*<\/platt-maps>/, ''),
    );
    // Writing the file's own maps back gives the file unchanged.
    writeMaps(structuredClone(PLATT) as PlattMaps, file);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a file without the markers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'platt-'));
    const file = join(dir, 'calibration.ts');
    writeFileSync(file, 'export const PLATT = {};\n');
    expect(() => writeMaps(structuredClone(PLATT) as PlattMaps, file)).toThrow(/markers are missing/);
  });
});
