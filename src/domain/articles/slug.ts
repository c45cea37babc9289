import { shortHash } from './short-hash.ts';

const MAX_SLUG_LENGTH = 80;
// File systems allow 255 bytes a name; non-Latin slugs take 3 or 4 bytes a character in UTF-8.
const MAX_SLUG_BYTES = 200;
/** UTF-8 bytes of a string, counted without encoding it (a large build slugs a hundred thousand headlines). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair: one character of four bytes.
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

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
  // Bytes counted a word at a time: encoding the whole slug again for each word made this the costliest step of a large build's scan.
  let bytes = 0;
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    const nextBytes = slug ? bytes + 1 + utf8Length(word) : utf8Length(word);
    if (next.length > maxLength || nextBytes > MAX_SLUG_BYTES) break;
    slug = next;
    bytes = nextBytes;
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
