import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import type { Article } from '../articles/article.ts';
import { articleText } from '../articles/article-text.ts';
import { countHighlightsByArticle, groupHighlights } from './group-highlights.ts';
import type { Highlight } from './highlight.ts';
import { describeSpan } from './text-quote.ts';

const first = makeArticle('001', 'First', ['Alpha beta gamma.', 'Delta epsilon zeta.']);
const second = makeArticle('002', 'Second', ['One two three.', 'Four five six.']);
const third = makeArticle('003', 'Third', ['Nothing highlighted here.']);

/** A highlight of the first occurrence of `phrase` in the article, as the store would create it. */
function highlightOf(id: string, article: Article, phrase: string): Highlight {
  const text = articleText(article.paragraphs);
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`"${phrase}" is not in ${article.id}`);
  return { id, articleId: article.id, ...describeSpan(text, { start, end: start + phrase.length }), createdAt: '2024-01-01T00:00:00.000Z' };
}

const ids = (highlights: readonly Highlight[]) => highlights.map((h) => h.id);

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

  it('lists orphans of present articles first, then those of removed articles', () => {
    const removedArticle = makeArticle('000', 'Removed', ['Removed text.']);
    const fromRemoved = highlightOf('removed', removedArticle, 'Removed');
    const lost = highlightOf('lost', second, 'five');
    const edited = { ...second, paragraphs: ['One two three.'] };
    const { orphans } = groupHighlights([fromRemoved, lost], [first, edited]);
    expect(ids(orphans)).toEqual(['lost', 'removed']);
  });

  it('gives nothing for no highlights', () => {
    expect(groupHighlights([], [first, second])).toEqual({ groups: [], orphans: [] });
  });

  it('makes every highlight an orphan when there are no articles', () => {
    const highlights = [highlightOf('a', first, 'beta'), highlightOf('b', second, 'two')];
    expect(groupHighlights(highlights, [])).toEqual({ groups: [], orphans: highlights });
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
