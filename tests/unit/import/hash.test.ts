import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../../../lib/import/hash';

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published FNV-1a 64 test vector for %j', (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  it('hashes the UTF-8 bytes, so accents and emoji change the hash', () => {
    expect(fnv1a64('Ngày')).not.toBe(fnv1a64('Ngay'));
    expect(fnv1a64('😀')).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64('😀')).not.toBe(fnv1a64('\ud83d'));
  });
});
