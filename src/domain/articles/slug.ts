import { shortHash } from './short-hash.ts';

const MAX_SLUG_LENGTH = 80;
// File systems allow 255 bytes a name; non-Latin slugs take 3 or 4 bytes a character in UTF-8.
const MAX_SLUG_BYTES = 200;
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

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
    // A mark only means something on a letter: a lone emoji variation selector (U+FE0F) is no word.
    .map((word) => word.replace(/^\p{M}+/u, ''))
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength || utf8Length(next) > MAX_SLUG_BYTES) break;
    slug = next;
  }
  // A single very long word still gives a slug, cut to size.
  if (!slug && words[0]) {
    for (const char of words[0]) {
      if (slug.length + char.length > maxLength || utf8Length(slug + char) > MAX_SLUG_BYTES) break;
      slug += char;
    }
  }
  return slug;
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
