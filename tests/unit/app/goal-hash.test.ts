import { describe, expect, it } from 'vitest';
import { goalHash, goalIdFromHash } from '../../../lib/app/goal-hash';

describe('the #goal= link', () => {
  it.each([
    ['#goal=g-1', 'g-1'],
    ['#goal=a%2Fb%20c', 'a/b c'],
    ['', null],
    ['#', null],
    ['#goal=', null],
    ['#other=g-1', null],
    ['#goal=%E0', null],
  ])('%j opens %j', (hash, id) => {
    expect(goalIdFromHash(hash)).toBe(id);
  });

  it('round-trips any id, and writes no hash for no goal', () => {
    for (const id of ['g-1', 'a/b c', 'đơn#1']) expect(goalIdFromHash(goalHash(id))).toBe(id);
    expect(goalHash(null)).toBe('');
  });
});
