/**
 * FNV-1a: a tiny, stable string hash, the same in Node and the browser. Slugs, data shards, the
 * duplicate-text check and storage backup keys use it; six hex digits are plenty for each.
 */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (const char of value) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}
