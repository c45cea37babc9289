import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { foldForSearch, isSortOrder, SORT_ORDERS, sortArticles } from './sort-articles.ts';

const ids = (articles: readonly { id: string }[]) => articles.map((a) => a.id);

describe('foldForSearch', () => {
  it('removes accents and lower-cases', () => {
    expect(foldForSearch('Élysée CAFÉ Zürich Ångström')).toBe('elysee cafe zurich angstrom');
  });

  it('folds compatibility forms such as ligatures and full-width letters', () => {
    expect(foldForSearch('ﬁnance ＮＡＴＯ')).toBe('finance nato');
  });

  it('leaves scripts without case unchanged', () => {
    expect(foldForSearch('הממשלה 東京')).toBe('הממשלה 東京');
  });
});

describe('isSortOrder', () => {
  it('accepts every listed sort order', () => {
    for (const { value } of SORT_ORDERS) expect(isSortOrder(value)).toBe(true);
    expect(SORT_ORDERS.map((o) => o.value)).toEqual(['file', 'headline', 'reading-time']);
  });

  it('rejects anything else', () => {
    expect(isSortOrder(null)).toBe(false);
    expect(isSortOrder('')).toBe(false);
    expect(isSortOrder('Headline')).toBe(false);
    expect(isSortOrder('random')).toBe(false);
  });
});

describe('sortArticles', () => {
  const articles = [
    makeArticle('1', 'banana report', ['x'], { readingMinutes: 3, wordCount: 600 }),
    makeArticle('2', 'Zebra crossing', ['x'], { readingMinutes: 1, wordCount: 120 }),
    makeArticle('3', 'Élan vital', ['x'], { readingMinutes: 3, wordCount: 500 }),
    makeArticle('4', 'Article 10', ['x'], { readingMinutes: 1, wordCount: 90 }),
    makeArticle('5', 'Article 2', ['x'], { readingMinutes: 1, wordCount: 120 }),
  ];

  it('keeps the file order for "file"', () => {
    expect(ids(sortArticles(articles, 'file'))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('sorts headlines A–Z ignoring case and accents, with numbers in numeric order', () => {
    expect(ids(sortArticles(articles, 'headline'))).toEqual(['5', '4', '1', '3', '2']);
  });

  it('sorts by reading time, then word count, then file order', () => {
    expect(ids(sortArticles(articles, 'reading-time'))).toEqual(['4', '2', '5', '3', '1']);
  });

  it('does not reorder the list it is given', () => {
    sortArticles(articles, 'headline');
    expect(ids(articles)).toEqual(['1', '2', '3', '4', '5']);
    expect(sortArticles(articles, 'file')).not.toBe(articles);
  });
});
