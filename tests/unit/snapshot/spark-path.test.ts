import { describe, expect, it } from 'vitest';
import { sparkPaths } from '../../../lib/snapshot/spark-path';

describe('sparkPaths', () => {
  it('starts at the first period with a value, across the whole width', () => {
    // Two months of a twelve-month window: the line spans the box, not its last 11 px.
    const twelve = [...Array(10).fill(null), 275, 415];
    expect(sparkPaths(twelve, 120, 28)).toEqual(['M0.0 26.0 L120.0 2.0']);
  });
  it('still breaks at a gap and draws nothing for fewer than two values', () => {
    expect(sparkPaths([1, 2, null, 3, 4], 40, 10)).toHaveLength(2);
    expect(sparkPaths([null, null, 5], 40, 10)).toEqual([]);
    expect(sparkPaths([], 40, 10)).toEqual([]);
  });
});
