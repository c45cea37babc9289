import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { highlightOf as makeHighlightOf } from '../../../tests/fixtures/highlights.ts';
import type { Article } from '../articles/article.ts';
import { countHighlightsByArticle } from './count-highlights.ts';
import { groupLocatedHighlights, locateHighlights } from './group-highlights.ts';
import type { Highlight } from './highlight.ts';

const first = makeArticle('001', 'First', ['Alpha beta gamma.', 'Delta epsilon zeta.']);
const second = makeArticle('002', 'Second', ['One two three.', 'Four five six.']);
const third = makeArticle('003', 'Third', ['Nothing highlighted here.']);

/** A highlight of the first occurrence of `phrase` in the article, with the given id. */
const highlightOf = (id: string, article: Article, phrase: string): Highlight => makeHighlightOf(article, phrase, { id });

const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);

/** Locates, then groups, as the Highlights page does. */
const groupHighlights = (highlights: readonly Highlight[], articles: readonly Article[], keepGivenOrder = false) =>
  groupLocatedHighlights(highlights, articles, locateHighlights(highlights, articles), keepGivenOrder);

describe('groupHighlights', () => {
  it('groups highlights by article, in article order, whatever order they were made in', () => {
    const highlights = [highlightOf('s1', second, 'two'), highlightOf('f1', first, 'beta'), highlightOf('s2', second, 'five')];
    const { groups, orphans } = groupHighlights(highlights, [first, second, third]);
    expect(groups.map((g) => [g.article.id, ids(g.highlights)])).toEqual([
      ['001', ['f1']],
      ['002', ['s1', 's2']],
    ]);
    expect(orphans).toEqual([]);
  });

  it('gives the group the article object itself', () => {
    const { groups } = groupHighlights([highlightOf('f1', first, 'beta')], [first]);
    expect(groups[0]?.article).toBe(first);
  });

  it('orders highlights inside a group by where they are in the text, not when they were made', () => {
    const highlights = [highlightOf('late', first, 'zeta'), highlightOf('early', first, 'Alpha'), highlightOf('middle', first, 'gamma. Delta'.replace('. ', '.\n'))];
    const { groups } = groupHighlights(highlights, [first]);
    expect(ids(groups[0]?.highlights ?? [])).toEqual(['early', 'middle', 'late']);
  });

  it('orders by where the quote is found now when the text has moved', () => {
    const long = makeArticle('long', 'Long', [
      'The first paragraph has plenty of words around the phrase alpha beta gamma and many more words after it.',
      'The second paragraph also has plenty of words around delta epsilon zeta and many more words after it.',
    ]);
    const before = highlightOf('before', long, 'alpha beta gamma');
    const after = highlightOf('after', long, 'delta epsilon zeta');
    // The article's paragraphs were swapped in a later build.
    const reordered = { ...long, paragraphs: [...long.paragraphs].reverse() };
    const { groups, orphans } = groupHighlights([before, after], [reordered]);
    expect(ids(groups[0]?.highlights ?? [])).toEqual(['after', 'before']);
    expect(orphans).toEqual([]);
  });

  it('makes orphans of highlights whose article was removed', () => {
    const gone = makeArticle('999', 'Removed', ['Removed text.']);
    const orphan = highlightOf('o', gone, 'Removed');
    const kept = highlightOf('k', first, 'beta');
    const { groups, orphans } = groupHighlights([orphan, kept], [first, second]);
    expect(groups.map((g) => g.article.id)).toEqual(['001']);
    expect(orphans).toEqual([orphan]);
  });

  it('makes orphans of highlights whose quote is no longer in the article', () => {
    const lost = highlightOf('lost', first, 'epsilon');
    const kept = highlightOf('kept', first, 'beta');
    const edited = { ...first, paragraphs: ['Alpha beta gamma.', 'Delta zeta.'] };
    const { groups, orphans } = groupHighlights([lost, kept], [edited]);
    expect(groups.map((g) => ids(g.highlights))).toEqual([['kept']]);
    expect(orphans).toEqual([lost]);
  });

  it('leaves out an article whose every highlight is an orphan', () => {
    const lost = highlightOf('lost', first, 'epsilon');
    const edited = { ...first, paragraphs: ['Something else entirely.'] };
    const { groups, orphans } = groupHighlights([lost], [edited]);
    expect(groups).toEqual([]);
    expect(orphans).toEqual([lost]);
  });

  it('lists orphans in the order given, whether their article was removed or their passage lost', () => {
    const removedArticle = makeArticle('000', 'Removed', ['Removed text.']);
    const fromRemoved = highlightOf('removed', removedArticle, 'Removed');
    const lost = highlightOf('lost', second, 'five');
    const edited = { ...second, paragraphs: ['One two three.'] };
    expect(ids(groupHighlights([fromRemoved, lost], [first, edited]).orphans)).toEqual(['removed', 'lost']);
    expect(ids(groupHighlights([lost, fromRemoved], [first, edited]).orphans)).toEqual(['lost', 'removed']);
  });

  it('gives orphans unchanged, stored headline included, so the list can say where they came from', () => {
    const orphan = highlightOf('o', makeArticle('999', 'Since removed', ['Removed text.']), 'Removed');
    const { orphans } = groupHighlights([orphan], [first]);
    expect(orphans[0]).toBe(orphan);
    expect(orphans[0]?.articleHeadline).toBe('Since removed');
  });

  it('gives nothing for no highlights', () => {
    expect(groupHighlights([], [first, second])).toEqual({ groups: [], orphans: [] });
  });

  it('makes every highlight an orphan when there are no articles', () => {
    const highlights = [highlightOf('a', first, 'beta'), highlightOf('b', second, 'two')];
    expect(groupHighlights(highlights, [])).toEqual({ groups: [], orphans: highlights });
  });

  describe('with keepGivenOrder (a list already sorted by time)', () => {
    const newestFirst = () => [
      highlightOf('s-late', second, 'five'),
      highlightOf('f-late', first, 'zeta'),
      highlightOf('s-early', second, 'two'),
      highlightOf('f-early', first, 'Alpha'),
    ];

    it('orders groups by their first highlight in the list and keeps each group in list order', () => {
      const { groups } = groupHighlights(newestFirst(), [first, second, third], true);
      expect(groups.map((g) => [g.article.id, ids(g.highlights)])).toEqual([
        ['002', ['s-late', 's-early']],
        ['001', ['f-late', 'f-early']],
      ]);
    });

    it('groups the same list by article order and text order without it', () => {
      const { groups } = groupHighlights(newestFirst(), [first, second, third]);
      expect(groups.map((g) => [g.article.id, ids(g.highlights)])).toEqual([
        ['001', ['f-early', 'f-late']],
        ['002', ['s-early', 's-late']],
      ]);
      expect(groupHighlights(newestFirst(), [first, second, third], false)).toEqual(groupHighlights(newestFirst(), [first, second, third]));
    });

    it('finds the same orphans either way', () => {
      const gone = highlightOf('gone', makeArticle('999', 'Removed', ['Removed text.']), 'Removed');
      const lost = highlightOf('lost', first, 'epsilon');
      const edited = { ...first, paragraphs: ['Alpha beta gamma.', 'Delta zeta.'] };
      const list = [lost, highlightOf('kept', first, 'beta'), gone];
      expect(groupHighlights(list, [edited], true).orphans).toEqual([lost, gone]);
      expect(groupHighlights(list, [edited]).orphans).toEqual([lost, gone]);
    });

    it('gives every group the article object itself', () => {
      const { groups } = groupHighlights(newestFirst(), [first, second], true);
      expect(groups.map((g) => g.article)).toEqual([second, first]);
      expect(groups[0]?.article).toBe(second);
    });
  });
});

describe('countHighlightsByArticle', () => {
  it('counts highlights per article id', () => {
    const counts = countHighlightsByArticle([
      highlightOf('a', first, 'beta'),
      highlightOf('b', second, 'two'),
      highlightOf('c', first, 'zeta'),
      highlightOf('d', first, 'Alpha'),
    ]);
    expect(counts).toEqual(
      new Map([
        ['001', 3],
        ['002', 1],
      ]),
    );
  });

  it('has no entry for an article without highlights', () => {
    expect(countHighlightsByArticle([highlightOf('a', first, 'beta')]).get('003')).toBeUndefined();
  });

  it('gives an empty map for no highlights', () => {
    expect(countHighlightsByArticle([]).size).toBe(0);
  });
});
