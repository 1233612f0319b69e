import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/compare/sha256.js';

/**
 * The faster receipt hash (issue 5) must stay SHA-256, byte for byte: receipts are stored and
 * compared later. Node's crypto is the oracle. The hasher reuses one buffer, so texts of every
 * length are hashed in a random order (a long text followed by a short one must not leak bytes).
 */
const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The canonical JSON as it was before the speed-up (commit 9ac7d86), kept here as the reference:
 * receipts already stored were made with it, so the new code must write the same text.
 */
function previousCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(previousCanonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${previousCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('sha256Hex and canonicalJson after the speed-up', () => {
  it('matches Node crypto on ASCII and non-ASCII texts of mixed lengths, in any order', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 3000, unit: 'binary' }),
      fc.integer({ min: 0, max: 300 }).map((n) => 'a'.repeat(n)),
      fc.string({ minLength: 4000, maxLength: 5000 }),
    );
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => texts.every((s) => sha256Hex(s) === nodeSha(s))), { numRuns: 400 });
  });

  it('matches at every padding boundary (55, 56, 63, 64, 119, 120 bytes) and the FIPS 180-4 vectors', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) expect(sha256Hex('x'.repeat(n))).toBe(nodeSha('x'.repeat(n)));
    // FIPS 180-4 / NIST examples: "abc" and the 448-bit message.
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('é')).toBe(nodeSha('é'));
  });

  it('canonicalJson writes the same text as before, keys in code-unit order, undefined members left out', () => {
    const withUndefined = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withUndefined), (v) => {
        expect(canonicalJson(v)).toBe(previousCanonicalJson(v));
      }),
      { numRuns: 1000 },
    );
    // Integer-like keys sort as text ("" < "0" < "10" < "9"), not in JavaScript's own key order.
    expect(canonicalJson({ 9: 1, 10: 2, '': 3, 0: 4 })).toBe('{"":3,"0":4,"10":2,"9":1}');
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    expect(canonicalJson(sparse)).toBe(previousCanonicalJson(sparse));
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
  });
});
