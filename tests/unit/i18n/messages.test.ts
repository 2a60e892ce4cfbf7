import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../../lib/i18n/messages-en';
import { vi } from '../../../lib/i18n/messages-vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(en) as MessageKey[];

describe('message tables', () => {
  it('has a first set of well over a hundred keys', () => {
    expect(keys.length).toBeGreaterThanOrEqual(150);
  });

  it('has every en key in vi, and no vi key that en lacks', () => {
    expect(keys.filter((k) => !(k in vi))).toEqual([]);
    expect(Object.keys(vi).filter((k) => !(k in en))).toEqual([]);
  });

  it.each(keys)('%s: vi is non-empty and uses the same placeholders as en', (key) => {
    expect(vi[key].trim()).not.toBe('');
    expect(placeholders(vi[key])).toEqual(placeholders(en[key]));
  });

  it('has .one and .other for every plural pair', () => {
    for (const key of keys) {
      if (key.endsWith('.one')) expect(keys).toContain(`${key.slice(0, -4)}.other`);
      if (key.endsWith('.other')) expect(keys).toContain(`${key.slice(0, -6)}.one`);
    }
  });

  it('writes Vietnamese with its diacritics (NFC), not stripped ASCII', () => {
    expect(vi['firstRun.removeExample']).toBe('Xóa dữ liệu mẫu');
    expect(vi['perspective.learning_growth']).toBe('Học hỏi & phát triển');
    for (const key of keys) expect(vi[key]).toBe(vi[key].normalize('NFC'));
  });
});
