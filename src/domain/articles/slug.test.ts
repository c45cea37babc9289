import { describe, expect, it } from 'vitest';
import { shortHash } from './short-hash.ts';
import { assignSlugs, slugify } from './slug.ts';

describe('slugify', () => {
  it('lower-cases words and joins them with hyphens', () => {
    expect(slugify('NATO Suspends Training in Iraq')).toBe('nato-suspends-training-in-iraq');
  });

  it('drops Latin accents', () => {
    expect(slugify('Élysée café à Zürich: Ångström, Señor Čapek')).toBe('elysee-cafe-a-zurich-angstrom-senor-capek');
  });

  it('collapses runs of punctuation and spaces into one hyphen and trims them at the ends', () => {
    expect(slugify('  "Breaking" -- U.S. strikes?! (Live) … ')).toBe('breaking-u-s-strikes-live');
  });

  it('keeps digits', () => {
    expect(slugify('70 soldiers, 140 troops in 2020')).toBe('70-soldiers-140-troops-in-2020');
  });

  it('keeps Arabic letters as written', () => {
    expect(slugify('الاقتصاد ينتعش بعد القرار')).toBe('الاقتصاد-ينتعش-بعد-القرار');
  });

  it('keeps Hebrew letters as written', () => {
    expect(slugify('הממשלה אישרה את התקציב')).toBe('הממשלה-אישרה-את-התקציב');
  });

  it('keeps Japanese kana with voicing marks as written', () => {
    expect(slugify('ガス料金が上がる')).toBe('ガス料金が上がる');
  });

  it('keeps Hindi words with their vowel signs as written', () => {
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
  });

  it('gives an empty slug for an emoji-only headline', () => {
    expect(slugify('🎉🔥 🚀')).toBe('');
  });

  it('gives an empty slug for punctuation only', () => {
    expect(slugify('?!… — ...')).toBe('');
  });

  it('cuts a long headline at a word boundary within the maximum length', () => {
    const headline = 'US-led coalition members suspend Iraq operations as region submerged in outrage over Iranian general’s killing';
    const slug = slugify(headline);
    expect(slug).toBe('us-led-coalition-members-suspend-iraq-operations-as-region-submerged-in-outrage');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify(headline).endsWith('-')).toBe(false);
  });

  it('honours a custom maximum length, keeping whole words', () => {
    expect(slugify('one two three four', 13)).toBe('one-two-three');
    expect(slugify('one two three four', 12)).toBe('one-two');
  });

  it('cuts a single word longer than the maximum to the maximum', () => {
    expect(slugify('Donaudampfschifffahrtsgesellschaft', 10)).toBe('donaudampf');
  });

  it('keeps a slug made only of URL-safe letters, digits and hyphens for Latin input', () => {
    const slug = slugify('It’s 50% off! “Deals” & <tags> / paths \\ #hash ?query=1');
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug).toBe('it-s-50-off-deals-tags-paths-hash-query-1');
  });
});

describe('shortHash', () => {
  it('is the first six hex digits of the 32-bit FNV-1a hash', () => {
    expect(shortHash('')).toBe('811c9d');
    expect(shortHash('a')).toBe('e40c29');
    expect(shortHash('foobar')).toBe('bf9cf9');
  });

  it('gives the same value for the same input every time', () => {
    expect(shortHash('000_5e039f83c282c0c8')).toBe(shortHash('000_5e039f83c282c0c8'));
  });

  it('gives different values for different inputs', () => {
    expect(shortHash('seed-a')).not.toBe(shortHash('seed-b'));
  });

  it('always gives six lower-case hex digits', () => {
    for (const value of ['', 'x', '東京', '🎉', 'a'.repeat(1000)]) expect(shortHash(value)).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('assignSlugs', () => {
  it('gives each item the slug of its headline when all differ', () => {
    expect(
      assignSlugs([
        { id: '001', headline: 'First story' },
        { id: '002', headline: 'Second story' },
      ]),
    ).toEqual(['first-story', 'second-story']);
  });

  it('keeps the plain slug for the first namesake and suffixes later ones with a hash of their id', () => {
    const slugs = assignSlugs([
      { id: '001', headline: 'Same headline' },
      { id: '002', headline: 'Same Headline!' },
      { id: '003', headline: 'same — headline' },
    ]);
    expect(slugs).toEqual(['same-headline', `same-headline-${shortHash('002')}`, `same-headline-${shortHash('003')}`]);
    expect(new Set(slugs).size).toBe(3);
  });

  it('falls back to "article" for a headline with no letters or digits', () => {
    expect(assignSlugs([{ id: 'emoji', headline: '🎉🔥' }])).toEqual(['article']);
  });

  it('keeps fallback slugs unique too', () => {
    const slugs = assignSlugs([
      { id: 'a', headline: '🎉' },
      { id: 'b', headline: '🔥' },
    ]);
    expect(slugs).toEqual(['article', `article-${shortHash('b')}`]);
  });

  it('does not change existing slugs when unrelated items are added anywhere', () => {
    const before = [
      { id: '010', headline: 'Storm hits coast' },
      { id: '020', headline: 'Storm hits coast' },
      { id: '030', headline: 'Markets rally' },
    ];
    const slugsBefore = assignSlugs(before);
    const after = [{ id: '005', headline: 'Unrelated first' }, ...before.slice(0, 2), { id: '025', headline: 'Another one' }, ...before.slice(2)];
    const slugsAfter = assignSlugs(after);
    expect(slugsAfter.filter((_, index) => index !== 0 && index !== 3)).toEqual(slugsBefore);
  });

  it('does not change a later namesake when an earlier unrelated item is removed', () => {
    const all = [
      { id: '001', headline: 'Gone soon' },
      { id: '002', headline: 'Repeated' },
      { id: '003', headline: 'Repeated' },
    ];
    expect(assignSlugs(all).slice(1)).toEqual(assignSlugs(all.slice(1)));
  });

  it('stays unique when a headline already looks like a suffixed namesake', () => {
    const suffixed = `same-headline-${shortHash('002')}`;
    const slugs = assignSlugs([
      { id: '001', headline: suffixed },
      { id: '000', headline: 'Same headline' },
      { id: '002', headline: 'Same headline' },
    ]);
    expect(new Set(slugs).size).toBe(3);
    expect(slugs[0]).toBe(suffixed);
    expect(slugs[1]).toBe('same-headline');
  });

  it('gives an empty list for no items', () => {
    expect(assignSlugs([])).toEqual([]);
  });
});
