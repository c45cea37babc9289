import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { buildSearchIndex, loadSearchIndex, markMatches, queryArticles, type ArticleHit, type ListQuery } from './search-index.ts';

const articles = [
  makeArticle('a', 'Élysée Palace responds', ['The French president spoke on Friday.', 'Aides said the palace would not comment further.']),
  makeArticle('b', 'Coalition suspends operations', ['Germany’s Bundeswehr paused missions in Iraq.', 'Danish troops stay put.', 'A zeppelin was seen over the base.']),
  makeArticle('c', 'Markets rally', ['Stocks in Paris rose as the palace stayed silent.']),
  makeArticle('d', 'Zeppelin museum reopens', ['Visitors queued for hours.'], { lang: 'en' }),
  makeArticle('e', 'قالت الحكومة يوم الاثنين', ['إن الوزراء سيجتمعون مع القادة الإقليميين لمناقشة الأزمة'], { lang: 'ar' }),
  makeArticle('f', 'הממשלה הודיעה ביום שני', ['כי השרים ייפגשו עם מנהיגים אזוריים'], { lang: 'he' }),
  makeArticle('g', '東京の市場', ['株価が上昇した。 Tokyo markets closed higher.'], { lang: 'ja' }),
];

const index = loadSearchIndex(buildSearchIndex(articles));
const search = (text: string, extra: Partial<ListQuery> = {}): ArticleHit[] => queryArticles(index, { text, sort: 'relevance', ...extra });
const ids = (hits: readonly ArticleHit[]): string[] => hits.map((hit) => hit.entry.id);
const sortedIds = (hits: readonly ArticleHit[]): string[] => ids(hits).sort();

describe('queryArticles: finding', () => {
  it('finds words of the body', () => {
    expect(ids(search('Bundeswehr'))).toEqual(['b']);
    expect(ids(search('paused missions'))).toEqual(['b']);
  });

  it('finds words of the headline', () => {
    expect(ids(search('coalition'))).toEqual(['b']);
    expect(ids(search('MUSEUM'))).toEqual(['d']);
  });

  it('finds a word by its beginning', () => {
    expect(sortedIds(search('zepp'))).toEqual(['b', 'd']);
    expect(search('zepp')[0]?.terms).toEqual(['zeppelin']);
  });

  it('finds a word with a typo', () => {
    expect(sortedIds(search('zepelin'))).toEqual(['b', 'd']);
    expect(ids(search('Bundeswher'))).toEqual(['b']);
  });

  it('does not guess at short words', () => {
    expect(ids(search('tha'))).toEqual([]);
  });

  it('ignores accents and case on both sides', () => {
    expect(ids(search('elysee'))).toEqual(['a']);
    expect(ids(search('ÉLYSÉE'))).toEqual(['a']);
    expect(search('elysee')[0]?.terms).toEqual(['elysee']);
  });

  it('finds Arabic, Hebrew and CJK words', () => {
    expect(ids(search('الحكومة'))).toEqual(['e']);
    expect(ids(search('الوزراء'))).toEqual(['e']);
    expect(ids(search('הממשלה'))).toEqual(['f']);
    expect(ids(search('השרים'))).toEqual(['f']);
    expect(ids(search('東京'))).toEqual(['g']);
    expect(ids(search('tokyo'))).toEqual(['g']);
  });

  it('requires every word of the query', () => {
    expect(ids(search('palace'))).toEqual(expect.arrayContaining(['a', 'c']));
    expect(ids(search('palace paris'))).toEqual(['c']);
    expect(ids(search('palace zeppelin'))).toEqual([]);
  });

  it('splits the query on punctuation like the text', () => {
    expect(ids(search('Germany’s'))).toEqual(['b']);
    expect(ids(search('"palace", paris!'))).toEqual(['c']);
  });

  it('finds nothing for a word that is nowhere', () => {
    expect(search('xylophone')).toEqual([]);
  });

  it('returns the entry shown in the list, with its position and without the body', () => {
    const [hit] = search('museum');
    expect(hit?.entry).toEqual({
      id: 'd',
      slug: 'd',
      headline: 'Zeppelin museum reopens',
      excerpt: 'Visitors queued for hours.',
      wordCount: articles[3]?.wordCount,
      readingMinutes: articles[3]?.readingMinutes,
      lang: 'en',
      position: 3,
    });
    expect(search('palace').find((h) => h.entry.id === 'a')?.entry).not.toHaveProperty('lang');
  });
});

describe('queryArticles: order and filters', () => {
  it('ranks a match in the headline above one in the body', () => {
    expect(ids(search('zeppelin'))).toEqual(['d', 'b']);
    expect(ids(search('palace'))).toEqual(['a', 'c']);
  });

  it('ranks a whole word above a longer word it begins', () => {
    const docs = [makeArticle('long', 'Notes', ['Marketing plans.']), makeArticle('exact', 'Notes', ['Market plans.'])];
    const small = loadSearchIndex(buildSearchIndex(docs));
    expect(ids(queryArticles(small, { text: 'market', sort: 'relevance' }))).toEqual(['exact', 'long']);
  });

  it('keeps file order among equal scores', () => {
    const docs = ['x', 'y', 'z'].map((id) => makeArticle(id, 'Same headline', ['Same body.']));
    const small = loadSearchIndex(buildSearchIndex(docs));
    expect(ids(queryArticles(small, { text: 'same', sort: 'relevance' }))).toEqual(['x', 'y', 'z']);
  });

  it('sorts hits in file order, by headline and by reading time', () => {
    const docs = [
      makeArticle('p', 'Budget vote delayed', Array.from({ length: 30 }, () => 'The budget vote was delayed again by the committee.')),
      makeArticle('q', 'Annual budget passes', ['The budget passed.']),
      makeArticle('r', 'Unrelated story', ['Nothing here.']),
      makeArticle('s', 'Cuts in the budget', Array.from({ length: 5 }, () => 'Budget cuts hit schools.')),
    ];
    const small = loadSearchIndex(buildSearchIndex(docs));
    const run = (sort: ListQuery['sort']): string[] => ids(queryArticles(small, { text: 'budget', sort }));
    expect(run('file')).toEqual(['p', 'q', 's']);
    expect(run('headline')).toEqual(['q', 'p', 's']);
    expect(run('reading-time')).toEqual(['q', 's', 'p']);
    expect(run('relevance').sort()).toEqual(['p', 'q', 's']);
  });

  it('returns every article for an empty or blank text, in the requested order', () => {
    expect(ids(search(''))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(ids(search('  \t\n'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(ids(search('', { sort: 'file' }))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(ids(search('', { sort: 'headline' }))).toEqual(['b', 'a', 'c', 'd', 'f', 'e', 'g']);
    const byTime = [...articles].sort((x, y) => x.readingMinutes - y.readingMinutes || x.wordCount - y.wordCount).map((a) => a.id);
    expect(ids(search('', { sort: 'reading-time' }))).toEqual(byTime);
    expect(search('').every((hit) => hit.terms.length === 0)).toBe(true);
  });

  it('treats a text of punctuation only as no text', () => {
    expect(ids(search(' — !? '))).toHaveLength(articles.length);
  });

  it('keeps only the given ids, or drops them', () => {
    expect(ids(search('', { only: ['c', 'a', 'missing'] }))).toEqual(['a', 'c']);
    expect(ids(search('', { except: ['a', 'b', 'c', 'd'] }))).toEqual(['e', 'f', 'g']);
    expect(ids(search('palace', { only: ['c'] }))).toEqual(['c']);
    expect(ids(search('palace', { except: ['c'] }))).toEqual(['a']);
    expect(ids(search('palace', { only: ['a', 'c'], except: ['a'] }))).toEqual(['c']);
    expect(search('', { only: [] })).toEqual([]);
  });

  it('gives the same results after a round trip through JSON', () => {
    const json = buildSearchIndex(articles);
    const again = loadSearchIndex(JSON.parse(JSON.stringify(json)) as string);
    for (const text of ['palace', 'zepp', 'zepelin', 'elysee', 'الحكومة', '', 'palace paris']) {
      for (const sort of ['relevance', 'file', 'headline', 'reading-time'] as const) {
        expect(queryArticles(again, { text, sort })).toEqual(queryArticles(index, { text, sort }));
      }
    }
    expect(buildSearchIndex(articles)).toBe(json);
  });

  it('does not store the body in the index', () => {
    const json = buildSearchIndex([makeArticle('x', 'Headline', ['First paragraph.', 'A second paragraph with unusual words.'])]);
    expect(json).not.toContain('second paragraph');
  });

  it('refuses JSON that is not an index', () => {
    expect(() => loadSearchIndex('{')).toThrow();
    expect(() => loadSearchIndex('{"serializationVersion": 99}')).toThrow();
  });
});

describe('markMatches', () => {
  const joined = (segments: readonly { text: string }[]): string => segments.map((s) => s.text).join('');
  const marked = (text: string, terms: readonly string[]): string[] => markMatches(text, terms).filter((s) => s.match).map((s) => s.text);

  it('marks whole words whose folded form is a term or starts with one', () => {
    expect(markMatches('The zeppelin flew, zeppelins too.', ['zeppelin'])).toEqual([
      { text: 'The ', match: false },
      { text: 'zeppelin', match: true },
      { text: ' flew, ', match: false },
      { text: 'zeppelins', match: true },
      { text: ' too.', match: false },
    ]);
  });

  it('marks accented and differently cased words, keeping their text', () => {
    expect(marked('L’Élysée et l’ÉLYSÉE.', ['elysee'])).toEqual(['Élysée', 'ÉLYSÉE']);
    expect(marked('Cafe\u0301 noir', ['cafe'])).toEqual(['Cafe\u0301']);
  });

  it('does not mark a term found inside a word', () => {
    expect(marked('Parliament', ['lia'])).toEqual([]);
  });

  it('marks right-to-left and CJK words', () => {
    const arabic = 'قالت الحكومة يوم الاثنين';
    expect(marked(arabic, ['الحكومة'])).toEqual(['الحكومة']);
    expect(joined(markMatches(arabic, ['الحكومة']))).toBe(arabic);
    expect(marked('הממשלה הודיעה', ['הממשלה'])).toEqual(['הממשלה']);
    expect(marked('東京の市場', ['東京'])).toEqual(['東京の市場']);
  });

  it('returns the text unmarked without terms', () => {
    expect(markMatches('Nothing <b>to</b> mark', [])).toEqual([{ text: 'Nothing <b>to</b> mark', match: false }]);
    expect(markMatches('Nothing to mark', [''])).toEqual([{ text: 'Nothing to mark', match: false }]);
    expect(markMatches('', ['x'])).toEqual([]);
  });

  it('marks what queryArticles reports as matched', () => {
    const [hit] = search('zepp musem');
    expect(hit).toBeDefined();
    expect(marked(hit?.entry.headline ?? '', hit?.terms ?? [])).toEqual(['Zeppelin', 'museum']);
  });

  it('puts the text back together exactly, for any text and terms', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string());
    const terms = fc.array(fc.oneof(fc.string(), fc.constantFrom('e', 'é', 'the', 'الحكومة', 'a')), { maxLength: 5 });
    fc.assert(
      fc.property(text, terms, (input, wanted) => {
        const segments = markMatches(input, wanted);
        expect(joined(segments)).toBe(input);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
    // A hundred arbitrary texts take seconds on a shared 2-core machine: room for a busy one.
  }, 30_000);

  it('marks every word of a text made of its own folded words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Élysée', 'zeppelin', 'الحكومة', 'הממשלה', 'Straße'), { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(', ');
        const terms = words.map((w) => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
        expect(marked(text, terms)).toEqual(words);
      }),
    );
  });
});
