import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import type { Article } from '../articles/article.ts';
import { layoutCorpus } from '../articles/corpus-layout.ts';
import { sortArticles } from '../articles/sort-articles.ts';
import { isSearchDirectory, SEARCH_DIRECTORY_FILE } from './search-index-format.ts';
import { createSearchIndexReader, SearchDataUnavailableError, type SearchHit, type SearchIndexReader, type SearchQuery } from './search-index-reader.ts';
import { buildSearchFiles, POSTINGS_SHARD_CHARS } from './search-index-writer.ts';

const articles = [
  makeArticle('a', 'Élysée Palace responds', ['The French president spoke on Friday.', 'Aides said the palace would not comment further.']),
  makeArticle('b', 'Coalition suspends operations', ['Germany’s Bundeswehr paused missions in Iraq.', 'Danish troops stay put.', 'A zeppelin was seen over the base.']),
  makeArticle('c', 'Markets rally', ['Stocks in Paris rose as the palace stayed silent.']),
  makeArticle('d', 'Zeppelin museum reopens', ['Visitors queued for hours.'], { lang: 'en' }),
  makeArticle('e', 'قالت الحكومة يوم الاثنين', ['إن الوزراء سيجتمعون مع القادة الإقليميين لمناقشة الأزمة'], { lang: 'ar' }),
  makeArticle('f', 'הממשלה הודיעה ביום שני', ['כי השרים ייפגשו עם מנהיגים אזוריים'], { lang: 'he' }),
  makeArticle('g', '東京の市場', ['株価が上昇した。 Tokyo markets closed higher.'], { lang: 'ja' }),
];

/** The files the build writes for search (the index and the sort orders), served from memory. */
function filesOf(docs: readonly Article[]): Map<string, string> {
  return new Map([...buildSearchFiles(docs).files, ...layoutCorpus(docs).files.filter((file) => file.path.startsWith('order/')).map((file): [string, string] => [file.path, file.json])]);
}

function readerOf(docs: readonly Article[], fetched: string[] = []): SearchIndexReader {
  const files = filesOf(docs);
  const directory: unknown = JSON.parse(files.get(SEARCH_DIRECTORY_FILE) ?? '');
  if (!isSearchDirectory(directory)) throw new Error('no directory');
  return createSearchIndexReader(directory, (path) => {
    fetched.push(path);
    const json = files.get(path);
    return json === undefined ? Promise.reject(new Error('HTTP 404')) : Promise.resolve(JSON.parse(json) as unknown);
  });
}

const reader = readerOf(articles);
const search = (text: string, extra: Partial<SearchQuery> = {}): Promise<SearchHit[]> => reader.search({ text, sort: 'relevance', ...extra });
const idsIn = (docs: readonly Article[], hits: readonly SearchHit[]): string[] => hits.map((hit) => docs[hit.position]?.id ?? '?');
const ids = async (text: string, extra: Partial<SearchQuery> = {}): Promise<string[]> => idsIn(articles, await search(text, extra));
const sortedIds = async (text: string): Promise<string[]> => (await ids(text)).sort();

describe('search index reader: finding', () => {
  it('finds words of the body', async () => {
    expect(await ids('Bundeswehr')).toEqual(['b']);
    expect(await ids('paused missions')).toEqual(['b']);
  });

  it('finds words of the headline', async () => {
    expect(await ids('coalition')).toEqual(['b']);
    expect(await ids('MUSEUM')).toEqual(['d']);
  });

  it('finds a word by its beginning', async () => {
    expect(await sortedIds('zepp')).toEqual(['b', 'd']);
    expect((await search('zepp'))[0]?.terms).toEqual(['zeppelin']);
  });

  it('takes the word being typed as a beginning from three letters, from two in Japanese', async () => {
    expect(await ids('ze')).toEqual([]);
    expect(await sortedIds('zep')).toEqual(['b', 'd']);
    expect(await ids('東京')).toEqual(['g']);
  });

  it('finds a word with a typo', async () => {
    expect(await sortedIds('zepelin')).toEqual(['b', 'd']);
    expect(await ids('Bundeswher')).toEqual(['b']);
  });

  it('does not guess at short words', async () => {
    expect(await ids('tha')).toEqual([]);
  });

  it('ignores accents and case on both sides', async () => {
    expect(await ids('elysee')).toEqual(['a']);
    expect(await ids('ÉLYSÉE')).toEqual(['a']);
    expect((await search('elysee'))[0]?.terms).toEqual(['elysee']);
  });

  it('finds Arabic, Hebrew and CJK words', async () => {
    expect(await ids('الحكومة')).toEqual(['e']);
    expect(await ids('الوزراء')).toEqual(['e']);
    expect(await ids('הממשלה')).toEqual(['f']);
    expect(await ids('השרים')).toEqual(['f']);
    expect(await ids('東京')).toEqual(['g']);
    expect(await ids('tokyo')).toEqual(['g']);
  });

  it('requires every word of the query', async () => {
    expect(await ids('palace')).toEqual(expect.arrayContaining(['a', 'c']));
    expect(await ids('palace paris')).toEqual(['c']);
    expect(await ids('palace zeppelin')).toEqual([]);
  });

  it('splits the query on punctuation like the text', async () => {
    expect(await ids('Germany’s')).toEqual(['b']);
    expect(await ids('"palace", paris!')).toEqual(['c']);
  });

  it('finds nothing for a word that is nowhere', async () => {
    expect(await search('xylophone')).toEqual([]);
  });

  it('returns positions in file order and the matched terms', async () => {
    expect(await search('museum')).toEqual([{ position: 3, terms: ['museum'] }]);
  });
});

describe('search index reader: order and filters', () => {
  it('ranks a match in the headline above one in the body', async () => {
    expect(await ids('zeppelin')).toEqual(['d', 'b']);
    expect(await ids('palace')).toEqual(['a', 'c']);
  });

  it('ranks a whole word above a longer word it begins', async () => {
    const docs = [makeArticle('long', 'Notes', ['Marketing plans.']), makeArticle('exact', 'Notes', ['Market plans.'])];
    expect(idsIn(docs, await readerOf(docs).search({ text: 'market', sort: 'relevance' }))).toEqual(['exact', 'long']);
  });

  it('keeps file order among equal scores', async () => {
    const docs = ['x', 'y', 'z'].map((id) => makeArticle(id, 'Same headline', ['Same body.']));
    expect(idsIn(docs, await readerOf(docs).search({ text: 'same', sort: 'relevance' }))).toEqual(['x', 'y', 'z']);
  });

  it('sorts hits in file order, by headline and by reading time', async () => {
    const docs = [
      makeArticle('p', 'Budget vote delayed', Array.from({ length: 30 }, () => 'The budget vote was delayed again by the committee.')),
      makeArticle('q', 'Annual budget passes', ['The budget passed.']),
      makeArticle('r', 'Unrelated story', ['Nothing here.']),
      makeArticle('s', 'Cuts in the budget', Array.from({ length: 5 }, () => 'Budget cuts hit schools.')),
    ];
    const small = readerOf(docs);
    const run = async (sort: SearchQuery['sort']): Promise<string[]> => idsIn(docs, await small.search({ text: 'budget', sort }));
    expect(await run('file')).toEqual(['p', 'q', 's']);
    expect(await run('headline')).toEqual(['q', 'p', 's']);
    expect(await run('reading-time')).toEqual(['q', 's', 'p']);
    expect((await run('relevance')).sort()).toEqual(['p', 'q', 's']);
  });

  it('returns every article for an empty or blank text, in the requested order', async () => {
    expect(await ids('')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(await ids('  \t\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(await ids('', { sort: 'headline' })).toEqual(sortArticles(articles, 'headline').map((a) => a.id));
    expect(await ids('', { sort: 'reading-time' })).toEqual(sortArticles(articles, 'reading-time').map((a) => a.id));
    expect((await search('')).every((hit) => hit.terms.length === 0)).toBe(true);
  });

  it('treats a text of punctuation only as no text', async () => {
    expect(await ids(' — !? ')).toHaveLength(articles.length);
  });

  it('keeps only the given positions, or drops them', async () => {
    expect(await ids('', { only: [2, 0, 99] })).toEqual(['a', 'c']);
    expect(await ids('', { except: [0, 1, 2, 3] })).toEqual(['e', 'f', 'g']);
    expect(await ids('palace', { only: [2] })).toEqual(['c']);
    expect(await ids('palace', { except: [2] })).toEqual(['a']);
    expect(await search('', { only: [] })).toEqual([]);
  });
});

describe('search index reader: fetching', () => {
  /** Enough distinct words that the index is cut into many shards of each kind. */
  const many = Array.from({ length: 400 }, (_, index) =>
    makeArticle(`n${index}`, `Report ${index.toString(36)}word`, Array.from({ length: 30 }, (_, p) => `Paragraph ${((index * 31 + p) % 997).toString(36)}x${index}y${p} alpha${index % 50} beta gamma${p}`)),
  );

  it('cuts the index into shards and fetches only those a query needs', async () => {
    const files = filesOf(many);
    const shards = [...files.keys()].filter((path) => /^search\/p\d+\.json$/.test(path));
    expect(shards.length).toBeGreaterThan(3);
    for (const path of shards) expect((files.get(path) ?? '').length).toBeLessThan(POSTINGS_SHARD_CHARS * 2);
    const fetched: string[] = [];
    const big = readerOf(many, fetched);
    expect(idsIn(many, await big.search({ text: 'alpha7 beta', sort: 'relevance' }))).toHaveLength(8);
    expect(fetched.length).toBeLessThan(shards.length / 2);
    const before = fetched.length;
    await big.search({ text: 'alpha7 beta', sort: 'relevance' });
    expect(fetched).toHaveLength(before);
  });

  it('says which file it could not fetch, and fetches it again on the next query', async () => {
    const files = filesOf(articles);
    const directory: unknown = JSON.parse(files.get(SEARCH_DIRECTORY_FILE) ?? '');
    if (!isSearchDirectory(directory)) throw new Error('no directory');
    let online = false;
    const flaky = createSearchIndexReader(directory, (path) => (online ? Promise.resolve(JSON.parse(files.get(path) ?? 'null') as unknown) : Promise.reject(new TypeError('Failed to fetch'))));
    const failure = await flaky.search({ text: 'palace', sort: 'relevance' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchDataUnavailableError);
    expect((failure as SearchDataUnavailableError).message).toMatch(/^search\/d0\.json could not be fetched \(Failed to fetch\)$/);
    online = true;
    expect(idsIn(articles, await flaky.search({ text: 'palace', sort: 'relevance' }))).toEqual(['a', 'c']);
  });

  it('does not store the text in the index', () => {
    const files = filesOf([makeArticle('x', 'Headline', ['First paragraph.', 'A second paragraph with unusual words.'])]);
    expect([...files.values()].join('\n')).not.toContain('second paragraph');
  });

  it('writes the same files for the same articles', () => {
    expect(filesOf(articles)).toEqual(filesOf(articles));
  });
});
