/**
 * SHA-256 of a UTF-8 string, in plain TypeScript (FIPS 180-4). The core must run in browsers and
 * workers without Node's crypto and synchronously, so receipts can be made anywhere.
 *
 * Written for speed without changing a bit of the output (receipts are stored and compared):
 * ASCII text (canonical JSON of case facts nearly always is) is read straight into the message
 * words with no encoding step; other text goes through TextEncoder. Words are assembled by hand
 * (no DataView), the state lives in locals, and the buffers are reused between calls (hashing is
 * synchronous, so calls never interleave).
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const W = new Int32Array(64);
const encoder = new TextEncoder();
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
// Padded message bytes, grown when a longer text comes (never shrunk: receipts are small).
let buffer = new Uint8Array(1024);

/** The UTF-8 bytes of `text` into `buffer` (from 0); returns the byte count. */
function encode(text: string): number {
  const n = text.length;
  // Room for the text as ASCII plus padding; a non-ASCII text is re-encoded below.
  if (buffer.length < n + 72) buffer = new Uint8Array((n + 72) * 2);
  const b = buffer;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = encoder.encode(text);
      if (buffer.length < bytes.length + 72) buffer = new Uint8Array((bytes.length + 72) * 2);
      buffer.set(bytes);
      return bytes.length;
    }
    b[i] = c;
  }
  return n;
}

export function sha256Hex(text: string): string {
  const n = encode(text);
  const total = Math.ceil((n + 9) / 64) * 64;
  const p = buffer;
  p[n] = 0x80;
  p.fill(0, n + 1, total - 8);
  // Message length in bits, big-endian, in the last 8 bytes (high word first).
  const hi = Math.floor(n / 0x20000000);
  const lo = (n * 8) >>> 0;
  p[total - 8] = hi >>> 24; p[total - 7] = (hi >>> 16) & 255; p[total - 6] = (hi >>> 8) & 255; p[total - 5] = hi & 255;
  p[total - 4] = lo >>> 24; p[total - 3] = (lo >>> 16) & 255; p[total - 2] = (lo >>> 8) & 255; p[total - 1] = lo & 255;

  let h0 = 0x6a09e667 | 0, h1 = 0xbb67ae85 | 0, h2 = 0x3c6ef372 | 0, h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0, h5 = 0x9b05688c | 0, h6 = 0x1f83d9ab | 0, h7 = 0x5be0cd19 | 0;
  const w = W;
  const k = K;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) w[i] = ((p[j] as number) << 24) | ((p[j + 1] as number) << 16) | ((p[j + 2] as number) << 8) | (p[j + 3] as number);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + (k[i] as number) + (w[i] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4) + hex(h5) + hex(h6) + hex(h7);
}

const hex = (x: number): string => (HEX[x >>> 24] as string) + (HEX[(x >>> 16) & 255] as string) + (HEX[(x >>> 8) & 255] as string) + (HEX[x & 255] as string);

/**
 * JSON with object keys sorted at every level: equal data, equal text, equal hash.
 * Keys are sorted by UTF-16 code units (the default sort, the same order as `<`); object members
 * whose value is undefined are left out, and anything else JSON cannot say is written `null`.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    // A hole in a sparse array stays empty, as Array.prototype.map left it (stored receipts).
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (i in value ? canonicalJson(value[i]) : '');
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const v = o[key];
      if (v === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
      first = false;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
