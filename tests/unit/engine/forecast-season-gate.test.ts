import { describe, expect, it } from 'vitest';
import { fitModel } from '../../../lib/engine/forecast-model';
import { mulberry32 } from '../../../lib/engine/random';

/**
 * With one to two cycles (13–23 months) a season is fitted only when the window's changes carry it
 * (AICc on harmonics of the changes) and "same month last year" beats "same as last month" inside the
 * window (forecast-model.ts, seasonBeforeTwoCycles).
 */
function gaussian(seed: number) {
  const rand = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const share = (make: (seed: number) => number[]) => {
  let seasonal = 0;
  for (let seed = 1; seed <= 40; seed++) if (fitModel(make(seed), 12).seasonal) seasonal++;
  return seasonal / 40;
};

describe('a season from one to two cycles', () => {
  it('is fitted on 18 months of a yearly pattern with noise, and forecasts it', () => {
    const season = (seed: number) => {
      const g = gaussian(seed);
      return Array.from({ length: 18 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + 4 * g());
    };
    expect(share(season)).toBeGreaterThan(0.8);
    const model = fitModel(season(3), 12);
    expect(model.method).toBe('seasonal_damped_trend');
    expect(model.seasonalNaive).toBeNull();
  });

  it('is not read into 18 months of a random walk, white noise or a steady trend', () => {
    const walk = (seed: number) => {
      const g = gaussian(seed);
      let v = 100;
      return Array.from({ length: 18 }, () => (v += 5 * g()));
    };
    const noise = (seed: number) => {
      const g = gaussian(seed);
      return Array.from({ length: 18 }, () => 100 + 5 * g());
    };
    const trend = (seed: number) => {
      const g = gaussian(seed);
      return Array.from({ length: 18 }, (_, t) => 100 + 3 * t + g());
    };
    expect(share(walk)).toBeLessThan(0.1);
    expect(share(noise)).toBeLessThan(0.1);
    expect(share(trend)).toBeLessThan(0.1);
  });

  it('needs more than one cycle: 12 months never get a season', () => {
    const x = Array.from({ length: 12 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
    expect(fitModel(x, 12).seasonal).toBeNull();
  });
});
