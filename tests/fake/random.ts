/** Seeded randomness for the fake: the same seed gives the same byte splits. */

/** A mulberry32 generator: returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Cuts `bytes` into pieces of 1 to `maxPiece` bytes at random offsets, which
 * lands cuts inside lines, CRLF pairs and multi-byte UTF-8 characters.
 */
export function splitBytes(
  bytes: Uint8Array,
  random: () => number,
  maxPiece: number,
): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let i = 0; i < bytes.length;) {
    const size = 1 + Math.floor(random() * Math.max(1, maxPiece));
    pieces.push(bytes.subarray(i, i + size));
    i += size;
  }
  return pieces;
}
