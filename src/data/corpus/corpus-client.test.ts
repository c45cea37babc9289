import { describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../../testing/test-services.tsx';
import type { Article } from '../../domain/articles/article.ts';
import { createCorpusClient, fetchCorpusManifest, isArticleDocument } from './corpus-client.ts';
import { articleDocuments, articlePackFile, articlePackOf, CURRENT_BUILD_PATH, currentBuildJson, LIST_PAGE_SIZE, toEntry, type ArticleDocument, type CorpusManifest } from '../../domain/articles/corpus-layout.ts';
import { articlesOf, BASE, DATA_DIR, oddArticles, rejection, setup } from '../../../tests/fixtures/corpus-client-harness.ts';

describe('createCorpusClient: articles', () => {
  it('knows nothing of an article before loading it, then has it at once', async () => {
    const { client, articles, requests } = setup();
    expect(client.peekArticle('story-001')).toBeUndefined();
    const document = await client.loadArticle('story-001');
    expect(document).toEqual(articleDocuments(articles)[1]);
    expect(client.peekArticle('story-001')).toBe(document);
    expect(client.peekEntry('id-001')).toEqual(toEntry(articles[1] as Article, 1));
    expect(requests()).toEqual(['article/story-001.json']);
  });

  it('fetches an article once: later loads use what it has', async () => {
    const { client, requests } = setup();
    const first = await client.loadArticle('story-002');
    expect(await client.loadArticle('story-002')).toBe(first);
    expect(requests()).toEqual(['article/story-002.json']);
  });

  it('shares one fetch between loads of the same article that overlap', async () => {
    const { client, host, requests } = setup();
    const release = host.hold();
    const loads = [client.loadArticle('story-003'), client.loadArticle('story-003'), client.loadArticle('story-003')];
    release();
    const [a, b, c] = await Promise.all(loads);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(requests()).toEqual(['article/story-003.json']);
  });

  it('fetches from the data folder under the base URL, with the slug encoded', async () => {
    const fetch = vi.fn((_url: string, _init?: RequestInit) => Promise.resolve(new Response(null, { status: 404 })));
    const { manifest } = setup();
    const client = createCorpusClient({ manifest, baseUrl: BASE, fetch });
    await client.loadArticle('zürich-東京 a#b');
    expect(fetch.mock.calls[0]).toEqual([`${BASE}${DATA_DIR}article/z%C3%BCrich-%E6%9D%B1%E4%BA%AC%20a%23b.json`]);
    // Then, for the 404, the build the site serves now, past any HTTP cache.
    expect(fetch.mock.calls[1]).toEqual([`${BASE}${CURRENT_BUILD_PATH}`, { cache: 'no-store' }]);
  });

  it('loads articles whose slugs have non-ASCII, "#", "?", "%" and spaces', async () => {
    const { client } = setup(oddArticles);
    for (const article of oddArticles) expect((await client.loadArticle(article.slug))?.article).toEqual(article);
  });

  it('calls an article the host answers with 404 or 410 missing (null), and does not ask again', async () => {
    const { client, host, requests } = setup();
    expect(await client.loadArticle('no-such-story')).toBeNull();
    expect(client.peekArticle('no-such-story')).toBeNull();
    expect(await client.loadArticle('no-such-story')).toBeNull();
    // The 404 made it ask which build the site serves now (none said: the answer stands).
    expect(host.requests).toEqual([`${DATA_DIR}article/no-such-story.json`, CURRENT_BUILD_PATH]);
    expect(requests()[0]).toBe('article/no-such-story.json');

    host.mode = 410;
    expect(await client.loadArticle('story-004')).toBeNull();
    expect(client.peekArticle('story-004')).toBeNull();
  });

  it('does not call an article missing when the site now serves another build: it rejects as outdated and says so', async () => {
    const { client, files, host, manifest } = setup();
    const seen: boolean[] = [];
    client.subscribe(() => seen.push(client.isOutdated()));
    // A new deploy: the build file names another data folder, and this page's folder is gone.
    files.set(CURRENT_BUILD_PATH, currentBuildJson({ ...manifest, dataDir: 'data/fedcba9876/' }));
    for (const path of [...files.keys()]) if (path.startsWith(DATA_DIR)) files.delete(path);
    expect(client.isOutdated()).toBe(false);
    const error = await rejection(client.loadArticle('story-001'));
    expect(error.reason).toBe('outdated');
    expect(error.message).toMatch(/updated/u);
    expect(client.peekArticle('story-001')).toBeUndefined();
    expect(client.isOutdated()).toBe(true);
    expect(seen).toEqual([true]);
    expect(host.requests.at(-1)).toBe(CURRENT_BUILD_PATH);
    expect((await rejection(client.loadListPage('headline', 0))).reason).toBe('outdated');
    expect((await rejection(client.loadEntries(['id-001']))).reason).toBe('outdated');
  });

  it('still calls an article missing when the site serves this very build', async () => {
    const { client, files, manifest } = setup();
    files.set(CURRENT_BUILD_PATH, currentBuildJson(manifest));
    expect(await client.loadArticle('no-such-story')).toBeNull();
    expect(client.isOutdated()).toBe(false);
  });

  it('still calls an article missing when the build file is not a manifest: a garbled answer proves no new deploy', async () => {
    const { client, files } = setup();
    files.set(CURRENT_BUILD_PATH, JSON.stringify({ dataDir: 'data/fedcba9876/' }));
    expect(await client.loadArticle('no-such-story')).toBeNull();
    files.set(CURRENT_BUILD_PATH, '<!doctype html>');
    expect(await client.loadArticle('no-such-story-either')).toBeNull();
    expect(client.isOutdated()).toBe(false);
  });

  it('rejects with a network CorpusFetchError when the host cannot be reached, and a later load tries again', async () => {
    const { client, host, requests } = setup();
    host.mode = 'offline';
    const error = await rejection(client.loadArticle('story-001'));
    expect(error.reason).toBe('network');
    expect(error.url).toBe(`${BASE}${DATA_DIR}article/story-001.json`);
    expect(error.message).toContain('Failed to fetch');
    expect(client.peekArticle('story-001')).toBeUndefined();

    host.mode = 'serve';
    expect((await client.loadArticle('story-001'))?.article.slug).toBe('story-001');
    expect(requests()).toEqual(['article/story-001.json', 'article/story-001.json']);
  });

  it('rejects with a status CorpusFetchError for any other answer than OK, 404 or 410, and does not remember it', async () => {
    const { client, host } = setup();
    for (const status of [500, 503, 403]) {
      host.mode = status;
      const error = await rejection(client.loadArticle('story-001'));
      expect(error.reason).toBe('status');
      expect(error.message).toContain(String(status));
      expect(client.peekArticle('story-001')).toBeUndefined();
    }
  });

  it('rejects with an invalid CorpusFetchError for a file that is not JSON', async () => {
    const { client, files } = setup();
    files.set(`${DATA_DIR}article/story-001.json`, '{"article": {"id": "id-001", "slu');
    expect((await rejection(client.loadArticle('story-001'))).reason).toBe('invalid');
    expect(client.peekArticle('story-001')).toBeUndefined();
  });

  it('rejects with an invalid CorpusFetchError for JSON that is not that article', async () => {
    const { client, files } = setup();
    const other = files.get(`${DATA_DIR}article/story-002.json`) ?? '';
    for (const json of ['[]', 'null', '{"article": {"id": "x", "slug": "story-001", "paragraphs": [1]}}', other]) {
      files.set(`${DATA_DIR}article/story-001.json`, json);
      expect((await rejection(client.loadArticle('story-001'))).reason, json).toBe('invalid');
    }
    expect(client.peekArticle('story-001')).toBeUndefined();
  });

  it('starts with the documents a page arrived with, and takes more with primeArticle', async () => {
    const articles = articlesOf(3);
    const documents = articleDocuments(articles);
    const { client, requests } = setup(articles, { documents: documents.slice(0, 1) });
    expect(client.peekArticle('story-000')).toEqual(documents[0]);
    expect(await client.loadArticle('story-000')).toEqual(documents[0]);

    const listener = vi.fn();
    client.subscribe(listener);
    client.primeArticle(documents[2]!);
    expect(listener).toHaveBeenCalledOnce();
    expect(client.peekArticle('story-002')).toEqual(documents[2]);
    expect(client.peekEntry('id-002')).toEqual(toEntry(articles[2]!, 2));
    expect(requests()).toEqual([]);
  });
});

describe('createCorpusClient: articles packed a few to a file', () => {
  /** A host serving the articles in `packs` packs by slug hash, as a build for a capped host writes them. */
  function packedSetup(articles: Article[], packs: number) {
    const byPack = new Map<number, ArticleDocument[]>();
    for (const document of articleDocuments(articles)) {
      const pack = articlePackOf(document.article.slug, packs);
      byPack.set(pack, [...(byPack.get(pack) ?? []), document]);
    }
    const files = new Map([...byPack].map(([pack, documents]): [string, string] => {
      const file = articlePackFile(pack, documents);
      return [`${DATA_DIR}${file.path}`, file.json];
    }));
    const manifest: CorpusManifest = { total: articles.length, pageSize: LIST_PAGE_SIZE, shards: 1, dataDir: DATA_DIR, articleDir: DATA_DIR, articlePacks: packs };
    const host = createFakeHost(files, BASE);
    return { client: createCorpusClient({ manifest, baseUrl: BASE, fetch: host.fetch }), host, byPack };
  }

  it('fetches an article’s pack, and has every article of that pack at once after', async () => {
    const articles = articlesOf(20);
    const { client, host, byPack } = packedSetup(articles, 4);
    const documents = articleDocuments(articles);
    expect(await client.loadArticle('story-007')).toEqual(documents[7]);
    const pack = articlePackOf('story-007', 4);
    expect(host.requests).toEqual([`${DATA_DIR}article-pack/${pack}.json`]);
    for (const packed of byPack.get(pack) ?? []) expect(client.peekArticle(packed.article.slug)).toEqual(packed);
    const elsewhere = documents.find((document) => articlePackOf(document.article.slug, 4) !== pack);
    expect(client.peekArticle(elsewhere?.article.slug ?? '')).toBeUndefined();
  });

  it('calls an article missing when its pack does not hold it, or the pack is not there', async () => {
    const { client, host } = packedSetup(articlesOf(3), 50);
    expect(await client.loadArticle('no-such-story')).toBeNull();
    expect(client.peekArticle('no-such-story')).toBeNull();
    const requested = host.requests.length;
    expect(await client.loadArticle('no-such-story')).toBeNull();
    expect(host.requests).toHaveLength(requested);
  });

  it('refuses a pack that is not a list of articles', async () => {
    const { client, host } = packedSetup(articlesOf(3), 1);
    host.files.set(`${DATA_DIR}article-pack/0.json`, JSON.stringify([{ article: { id: 'x' } }]));
    expect((await rejection(client.loadArticle('story-001'))).reason).toBe('invalid');
  });
});

describe('isArticleDocument', () => {
  it('accepts a document and rejects what is not one', () => {
    const [document] = articleDocuments(articlesOf(1));
    expect(isArticleDocument(document)).toBe(true);
    expect(isArticleDocument(JSON.parse(JSON.stringify(document)))).toBe(true);
    for (const value of [null, undefined, 1, 'x', [], {}, { article: null }, { article: { id: 'x', slug: 'x' } }, { article: { id: 1, slug: 'x', paragraphs: [] } }]) {
      expect(isArticleDocument(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('fetchCorpusManifest', () => {
  const manifest: CorpusManifest = { total: 5, pageSize: LIST_PAGE_SIZE, shards: 1, dataDir: DATA_DIR, articleDir: 'data/articles-0123456789/' };
  const answering = (response: () => Promise<Response>) => vi.fn((_url: string, _init?: RequestInit) => response());

  it('gives the manifest build.json holds, asked for under the base URL exactly as the page head preloads it', async () => {
    const fetch = answering(() => Promise.resolve(new Response(currentBuildJson(manifest))));
    expect(await fetchCorpusManifest(BASE, fetch)).toEqual({ ok: true, manifest });
    // No second argument: a request with other options would not reuse the preloaded response.
    expect(fetch.mock.calls).toEqual([[`${BASE}${CURRENT_BUILD_PATH}`]]);
  });

  it('passes its request options on (the check for a new deploy goes past the HTTP cache)', async () => {
    const fetch = answering(() => Promise.resolve(new Response(currentBuildJson(manifest))));
    await fetchCorpusManifest(BASE, fetch, { cache: 'no-store' });
    expect(fetch.mock.calls).toEqual([[`${BASE}${CURRENT_BUILD_PATH}`, { cache: 'no-store' }]]);
  });

  it('says why when the file cannot be had, without throwing: unreachable, missing, not JSON, not a manifest', async () => {
    const cases: [() => Promise<Response>, string, RegExp][] = [
      [() => Promise.reject(new TypeError('Failed to fetch')), 'network', /^Could not reach the site \(Failed to fetch\)\.$/u],
      [() => Promise.resolve(new Response('gone', { status: 404, statusText: 'Not Found' })), 'status', /^The site answered 404 Not Found\.$/u],
      [() => Promise.resolve(new Response('<!doctype html><title>Oops</title>')), 'invalid', /^The file was damaged \(.+\)\.$/u],
      [() => Promise.resolve(new Response(JSON.stringify({ dataDir: DATA_DIR }))), 'invalid', /^The file was damaged \(not the manifest of a collection\)\.$/u],
    ];
    for (const [response, reason, message] of cases) {
      const result = await fetchCorpusManifest(BASE, answering(response));
      if (result.ok) throw new Error(`expected a failure (${reason})`);
      expect(result.error.reason).toBe(reason);
      expect(result.error.url).toBe(`${BASE}${CURRENT_BUILD_PATH}`);
      expect(result.error.message).toMatch(message);
    }
  });
});
