import { beforeAll, describe, expect, it } from 'vitest';
import { generateSeeds } from '../../../tests/tools/make-corpus.ts';
import type { Article } from '../articles/article.ts';
import { buildCorpus } from '../articles/build-corpus.ts';
import { foldForSearch } from '../articles/sort-articles.ts';
import { createMemorySearchReader } from '../../testing/test-services.tsx';
import { buildSearchFiles } from './search-index-writer.ts';

/**
 * Relevance on a generated collection with a real vocabulary: for each kind of query a reader
 * makes, the article it was made from must rank in the first three. The queries are derived from
 * the collection (deterministically), so the suite holds for any search engine behind `topIds`.
 */

const COUNT = 1000;
const TOP = 3;

let articles: Article[] = [];
let topIds: (text: string) => Promise<string[]> = () => Promise.resolve([]);
/** How many articles use each folded word: rare words are what a reader searches for. */
const documentFrequency = new Map<string, number>();

const wordsOf = (text: string): string[] => foldForSearch(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

beforeAll(() => {
  const encoder = new TextEncoder();
  articles = buildCorpus(generateSeeds(COUNT, 23).map(({ name, text }) => ({ name, bytes: encoder.encode(text) }))).articles;
  for (const article of articles) {
    for (const word of new Set(wordsOf(`${article.headline}\n${article.paragraphs.join('\n')}`))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const reader = createMemorySearchReader(buildSearchFiles(articles).files);
  topIds = async (text) => (await reader.search({ text, sort: 'relevance' })).slice(0, TOP).map((hit) => articles[hit.position]?.id ?? '?');
}, 120_000);

const df = (word: string): number => documentFrequency.get(word) ?? 0;
const byRarity = (words: readonly string[]): string[] => [...new Set(words)].sort((a, b) => df(a) - df(b) || b.length - a.length || (a < b ? -1 : 1));

/** Articles of `lang` with a headline of their own, every tenth one: a spread over the collection. */
function targets(lang: string | null, count = 8): Article[] {
  const headlines = new Map<string, number>();
  for (const article of articles) headlines.set(article.headline, (headlines.get(article.headline) ?? 0) + 1);
  const fit = articles.filter((a) => headlines.get(a.headline) === 1 && (lang === null ? a.lang === 'en' || a.lang === undefined : a.lang === lang));
  const step = Math.max(1, Math.floor(fit.length / count));
  return fit.filter((_, index) => index % step === 0).slice(0, count);
}

/** A query's outcome, readable in a failure message. */
async function expectInTop(query: string, article: Article): Promise<void> {
  expect({ query, top: await topIds(query) }).toEqual({ query, top: expect.arrayContaining([article.id]) as unknown });
}

describe('search relevance on a realistic collection', () => {
  it('ranks an article first three by three of the rarest words of its headline', async () => {
    for (const article of targets(null)) await expectInTop(byRarity(wordsOf(article.headline)).slice(0, 3).join(' '), article);
  });

  it('ranks an article first three by its whole headline, typed as it reads', async () => {
    for (const article of targets(null)) await expectInTop(article.headline, article);
  });

  it('ranks an article first three by a phrase of its body', async () => {
    for (const article of targets(null)) {
      const words = wordsOf(article.paragraphs.join(' '));
      // The run of six words whose rarest two are rarest: a phrase a reader remembers.
      let best = 0;
      let bestScore = Infinity;
      for (let start = 0; start + 6 <= Math.min(words.length, 400); start += 1) {
        const window = words.slice(start, start + 6).map(df).sort((a, b) => a - b);
        const score = (window[0] ?? 0) + (window[1] ?? 0);
        if (score < bestScore) [best, bestScore] = [start, score];
      }
      await expectInTop(words.slice(best, best + 6).join(' '), article);
    }
  });

  it('forgives a typo in a headline word', async () => {
    for (const article of targets(null)) {
      const [rare, second] = byRarity(wordsOf(article.headline).filter((w) => w.length >= 6 && /^\p{L}+$/u.test(w)));
      if (!rare) continue;
      // One letter changed in the middle of the word: the kind of slip a thumb makes.
      const at = Math.floor(rare.length / 2);
      const typo = `${rare.slice(0, at)}${rare[at] === 'e' ? 'a' : 'e'}${rare.slice(at + 1)}`;
      const others = byRarity(wordsOf(article.headline)).filter((w) => w !== rare && w !== second);
      await expectInTop([typo, second ?? '', others[0] ?? ''].join(' ').trim(), article);
    }
  });

  it('finds a headline word by its beginning', async () => {
    for (const article of targets(null)) {
      const [rare] = byRarity(wordsOf(article.headline).filter((w) => w.length >= 6));
      if (!rare) continue;
      const rest = byRarity(wordsOf(article.headline)).filter((w) => w !== rare);
      await expectInTop([rest[0] ?? '', rest[1] ?? '', rare.slice(0, 4)].join(' ').trim(), article);
    }
  });

  it('finds Arabic articles by words of their headline', async () => {
    const arabic = targets('ar', 6);
    expect(arabic.length).toBeGreaterThan(3);
    for (const article of arabic) await expectInTop(byRarity(wordsOf(article.headline).filter((w) => /\p{Script=Arabic}/u.test(w))).slice(0, 3).join(' '), article);
  });

  it('folds accents: a French headline typed without them', async () => {
    for (const article of targets('fr', 6)) await expectInTop(byRarity(wordsOf(article.headline)).slice(0, 3).join(' '), article);
  });
});
