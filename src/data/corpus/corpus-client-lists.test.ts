import { describe, expect, it, vi } from 'vitest';
import { ENTRY_PAGE_SIZE, layoutCorpus, LIST_PAGE_SIZE, shardOf, toEntry } from '../../domain/articles/corpus-layout.ts';
import { sortArticles } from '../../domain/articles/sort-articles.ts';
import { articlesOf, DATA_DIR, rejection, setup } from '../../../tests/fixtures/corpus-client-harness.ts';

describe('createCorpusClient: list pages', () => {
  it('has the first page in file order without fetching it', async () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 5);
    const firstPage = layoutCorpus(articles).firstPage;
    const { client, requests } = setup(articles, { firstPage });
    expect(client.peekListPage('file', 0)).toBe(firstPage);
    expect(await client.loadListPage('file', 0)).toBe(firstPage);
    expect(client.peekEntry('id-010')).toEqual(firstPage[10]);
    expect(client.peekListPage('file', 1)).toBeUndefined();
    expect(client.peekListPage('headline', 0)).toBeUndefined();
    expect(requests()).toEqual([]);
  });

  it('fetches any other page once, and remembers its entries', async () => {
    const articles = articlesOf(LIST_PAGE_SIZE + 5);
    const { client, requests } = setup(articles);
    const page = await client.loadListPage('headline', 1);
    expect(page.map((entry) => entry.id)).toEqual(
      sortArticles(articles, 'headline')
        .slice(LIST_PAGE_SIZE)
        .map((a) => a.id),
    );
    expect(client.peekListPage('headline', 1)).toBe(page);
    await Promise.all([client.loadListPage('headline', 1), client.loadListPage('file', 1), client.loadListPage('file', 1)]);
    expect(requests()).toEqual(['list/headline/1.json', 'list/file/1.json']);
    for (const entry of page) expect(client.peekEntry(entry.id)).toEqual(entry);
  });

  it('rejects for a page past the end, and for a page that is not a list', async () => {
    const { client, files } = setup(articlesOf(3));
    expect((await rejection(client.loadListPage('file', 1))).reason).toBe('status');
    files.set(`${DATA_DIR}list/headline/0.json`, '{"not": "a list"}');
    expect((await rejection(client.loadListPage('headline', 0))).reason).toBe('invalid');
    files.set(`${DATA_DIR}list/headline/0.json`, '[{"id": 1}]');
    expect((await rejection(client.loadListPage('headline', 0))).reason).toBe('invalid');
    expect(client.peekListPage('headline', 0)).toBeUndefined();
  });

  it('tells subscribers of every arrival and moves its version on', async () => {
    const { client } = setup();
    const listener = vi.fn();
    const unsubscribe = client.subscribe(listener);
    const before = client.getVersion();
    await client.loadListPage('reading-time', 0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(client.getVersion()).not.toBe(before);
    await client.loadArticle('story-001');
    await client.loadArticle('gone');
    expect(listener).toHaveBeenCalledTimes(3);

    unsubscribe();
    await client.loadArticle('story-002');
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('does not tell subscribers of a failed fetch', async () => {
    const { client, host } = setup();
    const listener = vi.fn();
    client.subscribe(listener);
    const before = client.getVersion();
    host.mode = 'offline';
    await rejection(client.loadListPage('headline', 0));
    await rejection(client.loadArticle('story-001'));
    expect(listener).not.toHaveBeenCalled();
    expect(client.getVersion()).toBe(before);
  });
});

describe('createCorpusClient: entries by id', () => {
  const articles = articlesOf(150);

  it('loads entries by id from their shards, fetching each shard once', async () => {
    const { client, manifest, requests } = setup(articles);
    const wanted = ['id-007', 'id-099', 'id-149', 'id-007'];
    const found = await client.loadEntries(wanted);
    expect([...found.keys()].sort()).toEqual(['id-007', 'id-099', 'id-149']);
    expect(found.get('id-099')).toEqual(toEntry(articles[99]!, 99));
    const shards = [...new Set(wanted.map((id) => shardOf(id, manifest.shards)))].map((shard) => `id/${shard}.json`);
    expect([...requests()].sort()).toEqual(shards.sort());

    await client.loadEntries(['id-099', 'id-149']);
    expect(requests()).toHaveLength(shards.length);
  });

  it('leaves out ids no longer in the collection, and then knows they are not (null)', async () => {
    const { client } = setup(articles);
    expect(client.peekEntry('gone')).toBeUndefined();
    const found = await client.loadEntries(['gone', 'id-010', 'also gone']);
    expect([...found.keys()]).toEqual(['id-010']);
    expect(client.peekEntry('gone')).toBeNull();
    expect(client.peekEntry('also gone')).toBeNull();
    expect(client.peekEntry('id-010')).toEqual(toEntry(articles[10]!, 10));
  });

  it('gives an empty map for no ids, without fetching', async () => {
    const { client, requests } = setup(articles);
    expect((await client.loadEntries([])).size).toBe(0);
    expect(requests()).toEqual([]);
  });

  it('shares shard fetches between overlapping loads', async () => {
    const { client, host, requests } = setup(articles);
    const release = host.hold();
    const loads = [client.loadEntries(['id-001']), client.loadEntries(['id-001', 'id-002'])];
    release();
    const [first, second] = await Promise.all(loads);
    expect(first?.get('id-001')?.slug).toBe('story-001');
    expect(second?.get('id-001')).toEqual(first?.get('id-001'));
    expect(second?.get('id-002')?.slug).toBe('story-002');
    expect(new Set(requests()).size).toBe(requests().length);
  });

  it('rejects when a shard cannot be fetched, and a later load tries again', async () => {
    const { client, host } = setup(articles);
    host.mode = 'offline';
    expect((await rejection(client.loadEntries(['id-001']))).reason).toBe('network');
    expect(client.peekEntry('gone')).toBeUndefined();
    host.mode = 'serve';
    expect((await client.loadEntries(['id-001'])).get('id-001')?.slug).toBe('story-001');
  });

  it('rejects for a shard file that is not a list of entries', async () => {
    const { client, manifest, files } = setup(articles);
    files.set(`${DATA_DIR}id/${shardOf('id-001', manifest.shards)}.json`, '{}');
    expect((await rejection(client.loadEntries(['id-001']))).reason).toBe('invalid');
  });
});

describe('createCorpusClient: entries by position, and sort orders', () => {
  const articles = articlesOf(60);

  it('loads the entry at a position from its small entry file, once', async () => {
    const { client, requests } = setup(articles);
    expect(client.peekPosition(42)).toBeUndefined();
    await client.loadPosition(42);
    expect(client.peekPosition(42)).toEqual(toEntry(articles[42]!, 42));
    expect(client.peekPosition(44)).toEqual(toEntry(articles[44]!, 44));
    await client.loadPosition(43);
    expect(requests()).toEqual([`entry/${Math.floor(42 / ENTRY_PAGE_SIZE)}.json`]);
  });

  it('knows positions of the list pages it has, without fetching', async () => {
    const { client, requests } = setup(articles, { firstPage: layoutCorpus(articles).firstPage });
    await client.loadPosition(3);
    expect(client.peekPosition(3)?.id).toBe('id-003');
    expect(requests()).toEqual([]);
  });

  it('gives every position in a sort order, file order without a fetch', async () => {
    const { client, requests } = setup(articles);
    expect(await client.loadOrder('file')).toEqual(articles.map((_, position) => position));
    expect(requests()).toEqual([]);
    const byHeadline = sortArticles(articles.map(toEntry), 'headline').map((entry) => entry.position);
    expect(await client.loadOrder('headline')).toEqual(byHeadline);
    await client.loadOrder('headline');
    expect(requests()).toEqual(['order/headline.json']);
  });
});
