import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../lib/engine/random';
import { harmonicSeason } from '../../../lib/engine/seasonal-harmonics';

/** A yearly pattern of two harmonics (a summer peak and a smaller spring bump), as the backtest's synthetic seasonal family. */
const pattern = (m: number) =>
  Array.from(
    { length: m },
    (_, p) => 10 * Math.sin((2 * Math.PI * p) / m) + 4 * Math.cos((4 * Math.PI * p) / m),
  );

function noisy(m: number, cycles: number, sd: number, seed: number, slope = 0) {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const p = pattern(m);
  return Array.from({ length: m * cycles }, (_, t) => 100 + slope * t + (p[t % m] as number) + sd * gauss());
}

const rms = (a: readonly number[], b: readonly number[]) =>
  Math.sqrt(a.reduce((s, v, i) => s + (v - (b[i] as number)) ** 2, 0) / a.length);

describe('harmonicSeason', () => {
  it('recovers a smooth weekly season from two noisy cycles far better than one cycle’s own values', () => {
    const m = 52;
    const truth = pattern(m);
    let fitted = 0;
    let lastCycle = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const x = noisy(m, 2, 4, seed, 0.05);
      const { indices } = harmonicSeason(x, m, false);
      fitted += rms(indices, truth);
      // What "same week last year" knows of the season: one cycle's values around their mean.
      const last = x.slice(m);
      const mean = last.reduce((a, b) => a + b, 0) / m;
      lastCycle += rms(
        last.map((v, i) => v - mean - 0.05 * (i - (m - 1) / 2)),
        truth,
      );
    }
    expect(fitted / 20).toBeLessThan(0.4 * (lastCycle / 20));
  });

  it('uses few harmonics for a smooth season and counts them as its estimated numbers', () => {
    const { params } = harmonicSeason(noisy(52, 2, 2, 7), 52, false);
    // Two harmonics (4 numbers) are the truth; AICc may add one or two, never dozens.
    expect(params).toBeGreaterThanOrEqual(4);
    expect(params).toBeLessThanOrEqual(10);
  });

  it('keeps a spiky monthly season whole: a December rush needs many harmonics', () => {
    const spike = Array.from({ length: 36 }, (_, t) => (t % 12 === 11 ? 200 : 100) + ((t * 7) % 5));
    const { indices, params } = harmonicSeason(spike, 12, true);
    expect(params).toBeGreaterThan(6);
    expect(indices[11]).toBeGreaterThan(1.6);
    for (const i of indices.slice(0, 11)) expect(i).toBeLessThan(0.97);
  });

  it('gives multiplicative indices with mean 1 and additive ones with mean 0', () => {
    const x = noisy(12, 3, 1, 3);
    const mult = harmonicSeason(x, 12, true).indices;
    const add = harmonicSeason(x, 12, false).indices;
    expect(mult.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(1, 10);
    expect(add.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(0, 10);
    // A multiplicative index is a factor: ~ (100 + pattern) / 100.
    expect(
      rms(
        mult.map((v) => 100 * (v - 1)),
        pattern(12),
      ),
    ).toBeLessThan(2);
  });

  it('shrinks a season read into pure noise towards none, and keeps a strong one nearly whole', () => {
    let noiseRms = 0;
    let kept = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const noise = Array.from({ length: 104 }, () => 100 + gauss());
      noiseRms += rms(harmonicSeason(noise, 52, false).indices, new Array(52).fill(0));
      const strong = harmonicSeason(noisy(52, 2, 1, seed), 52, false).indices;
      kept += rms(strong, new Array(52).fill(0)) / rms(pattern(52), new Array(52).fill(0));
    }
    // Unshrunk, AICc's best harmonics on unit noise have an rms of about 0.16.
    expect(noiseRms / 20).toBeLessThan(0.08);
    expect(kept / 20).toBeGreaterThan(0.97);
    expect(kept / 20).toBeLessThan(1.03);
  });

  it('does not read a linear trend as a season', () => {
    const x = Array.from({ length: 24 }, (_, t) => 50 + 3 * t);
    const { indices } = harmonicSeason(x, 12, false);
    for (const i of indices) expect(Math.abs(i)).toBeLessThan(1e-6);
  });

  it('returns a flat season when there is too little to fit', () => {
    expect(harmonicSeason([1, 2, 3], 12, false)).toEqual({
      indices: new Array(12).fill(0),
      params: 0,
      beatsNone: false,
    });
    expect(harmonicSeason([5, 6, 7, 8, 9, 10], 1, true).indices).toEqual([1]);
  });
});
