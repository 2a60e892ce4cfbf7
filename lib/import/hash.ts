/**
 * FNV-1a 64-bit over the UTF-8 bytes of a string, as 16 hex digits.
 *
 * Import ids must be the same every time the same row is read (so a re-import replaces instead of
 * duplicating) and must not collide across a million rows: 53-bit hashes such as cyrb53 give a ~1e-4
 * chance of one collision at that size, 64 bits ~3e-8. BigInt would be simpler but is ~20× slower
 * per byte, so the 64-bit state is kept in four 16-bit limbs whose products stay exact in doubles.
 */
// The hash state lives at module level so the per-byte step is a plain function call, not a closure
// allocated per hash: this runs twice per imported row.
let h0 = 0;
let h1 = 0;
let h2 = 0;
let h3 = 0;

function eat(byte: number): void {
  h0 ^= byte;
  // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, i.e. limbs [0x1b3, 0, 0x100, 0].
  const t0 = h0 * 0x1b3;
  const t1 = h1 * 0x1b3 + (t0 >>> 16);
  const t2 = h2 * 0x1b3 + (t1 >>> 16) + h0 * 0x100;
  const t3 = h3 * 0x1b3 + (t2 >>> 16) + h1 * 0x100;
  h0 = t0 & 0xffff;
  h1 = t1 & 0xffff;
  h2 = t2 & 0xffff;
  h3 = t3 & 0xffff;
}

const hex = (limb: number): string => limb.toString(16).padStart(4, '0');

export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  h0 = 0x2325;
  h1 = 0x8422;
  h2 = 0x9ce4;
  h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      eat(code);
      continue;
    }
    // Join a surrogate pair into one code point so the bytes match TextEncoder's UTF-8.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x800) {
      eat(0xc0 | (code >> 6));
      eat(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      eat(0xe0 | (code >> 12));
      eat(0x80 | ((code >> 6) & 0x3f));
      eat(0x80 | (code & 0x3f));
    } else {
      eat(0xf0 | (code >> 18));
      eat(0x80 | ((code >> 12) & 0x3f));
      eat(0x80 | ((code >> 6) & 0x3f));
      eat(0x80 | (code & 0x3f));
    }
  }
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
