import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { createCatalog } from './catalog.ts';

const first = makeArticle('001', 'First', ['One.'], { slug: 'first' });
const second = makeArticle('002', 'Second', ['Two.'], { slug: 'second' });
const third = makeArticle('003', 'Third', ['Three.'], { slug: 'third' });
const catalog = createCatalog([first, second, third]);

describe('createCatalog', () => {
  it('keeps the articles in the order given', () => {
    expect(catalog.articles.map((a) => a.id)).toEqual(['001', '002', '003']);
  });

  it('finds an article by slug', () => {
    expect(catalog.bySlug('second')).toBe(second);
  });

  it('finds an article by id', () => {
    expect(catalog.byId('003')).toBe(third);
  });

  it('does not confuse ids and slugs', () => {
    expect(catalog.bySlug('002')).toBeUndefined();
    expect(catalog.byId('second')).toBeUndefined();
  });

  it('gives undefined for an unknown slug or id', () => {
    expect(catalog.bySlug('nope')).toBeUndefined();
    expect(catalog.byId('nope')).toBeUndefined();
  });

  it('gives the previous and next article in file order', () => {
    expect(catalog.neighbours('002')).toEqual({ previous: first, next: third });
  });

  it('has no previous article for the first and no next for the last', () => {
    expect(catalog.neighbours('001')).toEqual({ previous: undefined, next: second });
    expect(catalog.neighbours('003')).toEqual({ previous: second, next: undefined });
  });

  it('has no neighbours for an unknown id', () => {
    expect(catalog.neighbours('nope')).toEqual({ previous: undefined, next: undefined });
  });

  it('works for an empty list', () => {
    const empty = createCatalog([]);
    expect(empty.articles).toEqual([]);
    expect(empty.bySlug('x')).toBeUndefined();
    expect(empty.neighbours('x')).toEqual({ previous: undefined, next: undefined });
  });
});
