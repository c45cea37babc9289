/**
 * Postings as short strings of JSON-safe characters: gzip shrinks them well, and decoding one is a
 * loop over characters, no JSON number parsing. Each posting is the gap from the previous article
 * position (a variable-length number, five bits a character) and an impact (one character, 0–63).
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) VALUE[ALPHABET.charCodeAt(index)] = index;

/** The highest impact a posting can carry. */
export const MAX_IMPACT = 63;
const CONTINUE = 32;

const CODES = Uint8Array.from(ALPHABET, (character) => character.charCodeAt(0));
const decoder = new TextDecoder();
/** Reused by `encodePostings`: the characters as bytes, then one decoding (they are ASCII) instead of a string per character. */
let scratch = new Uint8Array(4096);
const digits = new Int32Array(16);

/** Encodes postings sorted by position (each position once), with impacts of 0–63. */
export function encodePostings(positions: ArrayLike<number>, impacts: ArrayLike<number>): string {
  let out = scratch;
  let length = 0;
  let previous = -1;
  for (let index = 0; index < positions.length; index += 1) {
    // A gap takes at most eleven characters (2^53 in groups of five bits), the impact one more.
    if (length + 12 > out.length) {
      const larger = new Uint8Array(out.length * 2);
      larger.set(out);
      out = scratch = larger;
    }
    const position = positions[index] ?? 0;
    // Most significant group first, each but the last marked as continued.
    let groups = 0;
    let rest = position - previous - 1;
    do {
      digits[groups] = rest & 31;
      groups += 1;
      rest = Math.floor(rest / 32);
    } while (rest > 0);
    for (let group = groups - 1; group > 0; group -= 1) out[length++] = CODES[(digits[group] ?? 0) | CONTINUE] ?? 0;
    out[length++] = CODES[digits[0] ?? 0] ?? 0;
    const impact = CODES[Math.max(0, Math.min(MAX_IMPACT, Math.round(impacts[index] ?? 0)))];
    if (impact !== undefined) out[length++] = impact;
    previous = position;
  }
  return decoder.decode(out.subarray(0, length));
}

/** Calls `visit` for each posting of an encoded string, in position order. Throws on a malformed string. */
export function decodePostings(encoded: string, visit: (position: number, impact: number) => void): void {
  let previous = -1;
  let index = 0;
  while (index < encoded.length) {
    let gap = 0;
    let digit: number;
    do {
      digit = VALUE[encoded.charCodeAt(index)] ?? -1;
      if (digit < 0) throw new Error('malformed postings');
      gap = gap * 32 + (digit & 31);
      index += 1;
    } while (digit & CONTINUE);
    const impact = VALUE[encoded.charCodeAt(index)] ?? -1;
    if (impact < 0) throw new Error('malformed postings');
    index += 1;
    previous += gap + 1;
    visit(previous, impact);
  }
}
