import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { createArticleFilter, foldForSearch, isSortOrder, SORT_ORDERS, sortArticles } from './filter-articles.ts';

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

describe('createArticleFilter', () => {
  const articles = [
    makeArticle('a', 'Élysée Palace responds', ['The French president spoke on Friday.']),
    makeArticle('b', 'Coalition suspends operations', ['Germany’s Bundeswehr paused missions in Iraq.', 'Danish troops stay put.']),
    makeArticle('c', 'Markets rally', ['Stocks in Paris rose as the palace stayed silent.']),
  ];
  const filter = createArticleFilter(articles);

  it('returns every article, in order, for an empty or blank query', () => {
    expect(ids(filter(''))).toEqual(['a', 'b', 'c']);
    expect(ids(filter('   \t '))).toEqual(['a', 'b', 'c']);
  });

  it('returns a new array, not the list it was given', () => {
    expect(filter('')).not.toBe(articles);
  });

  it('finds a word in the headline', () => {
    expect(ids(filter('coalition'))).toEqual(['b']);
  });

  it('finds a word in any paragraph of the body', () => {
    expect(ids(filter('danish'))).toEqual(['b']);
  });

  it('ignores case and accents on both sides', () => {
    expect(ids(filter('ELYSEE'))).toEqual(['a']);
    expect(ids(filter('bundeswehr'))).toEqual(['b']);
    expect(ids(filter('pàlâce'))).toEqual(['a', 'c']);
  });

  it('matches substrings of words', () => {
    expect(ids(filter('opera'))).toEqual(['b']);
  });

  it('requires every term, wherever each appears', () => {
    expect(ids(filter('palace paris'))).toEqual(['c']);
    expect(ids(filter('palace friday'))).toEqual(['a']);
    expect(ids(filter('palace iraq'))).toEqual([]);
  });

  it('ignores extra whitespace between terms', () => {
    expect(ids(filter('  palace    paris  '))).toEqual(['c']);
  });

  it('finds nothing for a term that appears nowhere', () => {
    expect(filter('zebra')).toEqual([]);
  });

  it('does not match a phrase across the headline and body boundary', () => {
    // "responds" ends the headline, "The" starts the body: the two are separate lines.
    expect(ids(filter('respondsthe'))).toEqual([]);
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
