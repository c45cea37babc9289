const MAX_SLUG_LENGTH = 80;

/**
 * A readable, URL-safe slug: lower-case letters and digits of any script joined by hyphens.
 * Accents on Latin letters are dropped (é → e); other scripts keep their marks (Hindi vowel signs,
 * Japanese voicing marks), since a browser shows them as written.
 */
export function slugify(headline: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = headline
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single very long word still gives a slug, cut to size.
  if (!slug && words[0]) slug = [...words[0]].slice(0, maxLength).join('');
  return slug;
}

/** FNV-1a: a tiny, stable string hash, the same in Node and the browser. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (const char of value) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * Gives every item a unique slug. Items come in file order; the first with a headline keeps the
 * plain slug and later namesakes get a suffix hashed from their id, so a slug does not change when
 * unrelated files are added or removed.
 */
export function assignSlugs(items: readonly { id: string; headline: string }[]): string[] {
  const taken = new Set<string>();
  return items.map(({ id, headline }) => {
    const base = slugify(headline) || 'article';
    let slug = taken.has(base) ? `${base}-${shortHash(id)}` : base;
    for (let attempt = 2; taken.has(slug); attempt += 1) slug = `${base}-${shortHash(`${id}#${attempt}`)}`;
    taken.add(slug);
    return slug;
  });
}
