import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/articles.ts';
import { parseSeedText } from '../domain/articles/parse-seed.ts';
import { APP_NAME } from './page-head.ts';
import { atomFeed, FEED_LIMIT, robotsTxt, sitemap } from './site-files.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const UPDATED = new Date('2024-05-06T07:08:09.000Z');
const SITE = 'https://example.org/reader/';

const articles = [
  makeArticle('001', 'First story', ['The first story starts here.'], { slug: 'first-story' }),
  makeArticle('002', 'Second story', ['The second story starts here.'], { slug: 'second-story' }),
];

/** Parses XML, failing the test with the parser's message if it is not well formed. */
function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  expect(error?.textContent, 'XML parse error').toBeUndefined();
  return document;
}

const children = (parent: Element | Document, name: string) => [...parent.getElementsByTagNameNS(ATOM, name)];
const entriesOf = (document: Document) => children(document, 'entry');
const childText = (parent: Element, name: string) => children(parent, name)[0]?.textContent;
const entryLink = (entry: Element) => children(entry, 'link')[0]?.getAttribute('href');
const feedLink = (document: Document, rel: string) =>
  [...document.documentElement.children].find((child) => child.localName === 'link' && child.getAttribute('rel') === rel)?.getAttribute('href');

describe('atomFeed', () => {
  it('is well-formed XML with an Atom <feed> root', () => {
    const document = parseXml(atomFeed(articles, { updated: UPDATED }));
    expect(document.documentElement.localName).toBe('feed');
    expect(document.documentElement.namespaceURI).toBe(ATOM);
    expect(childText(document.documentElement, 'title')).toBe(APP_NAME);
  });

  it('is well formed with no articles, and then has no entries', () => {
    expect(entriesOf(parseXml(atomFeed([], { updated: UPDATED })))).toHaveLength(0);
  });

  it('gives every article an entry, newest (last in file order) first, with its headline as title and its excerpt as summary', () => {
    const entries = entriesOf(parseXml(atomFeed(articles, { updated: UPDATED })));
    expect(entries.map((entry) => childText(entry, 'title'))).toEqual(['Second story', 'First story']);
    expect(entries.map((entry) => childText(entry, 'summary'))).toEqual(['The second story starts here.', 'The first story starts here.']);
  });

  it(`lists only the newest ${FEED_LIMIT} articles (the last in file order), newest first`, () => {
    const many = Array.from({ length: FEED_LIMIT + 7 }, (_, index) => makeArticle(`a${index}`, `Story ${index}`, ['Body.'], { slug: `story-${index}` }));
    const entries = entriesOf(parseXml(atomFeed(many, { updated: UPDATED })));
    expect(entries).toHaveLength(FEED_LIMIT);
    expect(entries.map((entry) => childText(entry, 'title'))).toEqual(many.slice(-FEED_LIMIT).reverse().map((article) => article.headline));
  });

  it('lists all the articles when there are exactly FEED_LIMIT of them', () => {
    const exactly = Array.from({ length: FEED_LIMIT }, (_, index) => makeArticle(`a${index}`, `Story ${index}`, ['Body.'], { slug: `story-${index}` }));
    expect(entriesOf(parseXml(atomFeed(exactly, { updated: UPDATED })))).toHaveLength(FEED_LIMIT);
  });

  it('keeps markup-like text in titles and summaries literal: a headline with <b>& stays text', () => {
    const hostile = makeArticle('h', `Tom <b>& "Jerry"</b> 'live' ]]> <!-- x -->`, [`Summary with <i>tags</i> & &amp; entities.`], { slug: 'tom-jerry' });
    const document = parseXml(atomFeed([hostile], { updated: UPDATED }));
    const [entry] = entriesOf(document);
    expect(entry && childText(entry, 'title')).toBe(`Tom <b>& "Jerry"</b> 'live' ]]> <!-- x -->`);
    expect(entry && childText(entry, 'summary')).toBe('Summary with <i>tags</i> & &amp; entities.');
    expect(document.getElementsByTagName('b')).toHaveLength(0);
    expect(document.getElementsByTagName('i')).toHaveLength(0);
  });

  it('stays well formed for a headline and a text with a form feed, which the seed parser keeps inside a line', () => {
    // A form feed (U+000C, a page break in old text files) is not allowed in XML, even as &#12;.
    const parsed = parseSeedText('Budget passed\fafter long debate\nThe vote came late\fin the evening.\n');
    if (!parsed.ok) throw new Error(parsed.reason);
    const article = makeArticle('ff', parsed.headline, parsed.paragraphs, { slug: 'budget-passed' });
    const document = parseXml(atomFeed([article], { updated: UPDATED }));
    expect(entriesOf(document)).toHaveLength(1);
  });

  it('links the feed and its entries relatively without a site URL', () => {
    const document = parseXml(atomFeed(articles, { updated: UPDATED }));
    expect(feedLink(document, 'alternate')).toBe('./');
    expect(feedLink(document, 'self')).toBe('feed.xml');
    expect(entriesOf(document).map(entryLink)).toEqual(['article/second-story/', 'article/first-story/']);
  });

  it('has relative links that a reader resolves, against the feed, to the pages beside it', () => {
    const document = parseXml(atomFeed(articles, { updated: UPDATED }));
    const feedUrl = `${SITE}feed.xml`;
    expect(new URL(feedLink(document, 'alternate') ?? '', feedUrl).href).toBe(SITE);
    expect(entriesOf(document).map((entry) => new URL(entryLink(entry) ?? '', feedUrl).href)).toEqual([`${SITE}article/second-story/`, `${SITE}article/first-story/`]);
  });

  it('links the feed and its entries absolutely with a site URL', () => {
    const document = parseXml(atomFeed(articles, { updated: UPDATED, siteUrl: SITE }));
    expect(feedLink(document, 'alternate')).toBe(SITE);
    expect(feedLink(document, 'self')).toBe(`${SITE}feed.xml`);
    expect(entriesOf(document).map(entryLink)).toEqual([`${SITE}article/second-story/`, `${SITE}article/first-story/`]);
  });

  it('percent-encodes a non-ASCII slug in an absolute link', () => {
    const article = makeArticle('z', 'Zürich', ['Body.'], { slug: 'zürich' });
    const [entry] = entriesOf(parseXml(atomFeed([article], { updated: UPDATED, siteUrl: SITE })));
    expect(entry && entryLink(entry)).toBe(`${SITE}article/z%C3%BCrich/`);
  });

  it('gives the feed and every entry a distinct id, even for article ids that differ only in escaping', () => {
    const tricky = [
      makeArticle('a b', 'One', ['Body.'], { slug: 'one' }),
      makeArticle('a%20b', 'Two', ['Body.'], { slug: 'two' }),
      makeArticle('a+b', 'Three', ['Body.'], { slug: 'three' }),
      makeArticle('ä<&>"', 'Four', ['Body.'], { slug: 'four' }),
      ...articles,
    ];
    const document = parseXml(atomFeed(tricky, { updated: UPDATED }));
    const ids = [...document.getElementsByTagNameNS(ATOM, 'id')].map((id) => id.textContent);
    expect(ids).toHaveLength(tricky.length + 1);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^urn:broadsheet:[\x21-\x7e]+$/);
  });

  it('keeps an entry id stable when the article moves or its headline changes', () => {
    const idOf = (xml: string) => childText(entriesOf(parseXml(xml))[0]!, 'id');
    const before = atomFeed([makeArticle('seed-7', 'Old headline', ['Body.'], { slug: 'old-headline' })], { updated: UPDATED });
    // Another article comes after it in file order, so it is now the feed's second entry.
    const after = atomFeed([makeArticle('seed-7', 'New headline', ['Body.'], { slug: 'new-headline' }), articles[0]!], { updated: UPDATED }).replace(/<entry>[\s\S]*?<\/entry>\s*/, '');
    expect(idOf(after)).toBe(idOf(before));
  });

  it('dates the feed and every entry with the given time', () => {
    const document = parseXml(atomFeed(articles, { updated: UPDATED }));
    expect([...document.getElementsByTagNameNS(ATOM, 'updated')].map((element) => element.textContent)).toEqual(Array(3).fill('2024-05-06T07:08:09.000Z'));
  });
});

describe('sitemap', () => {
  const locsOf = (xml: string) => [...parseXml(xml).getElementsByTagNameNS(SITEMAP, 'loc')].map((loc) => loc.textContent);

  it('is well-formed XML with a sitemap <urlset> root', () => {
    const document = parseXml(sitemap(articles, SITE));
    expect(document.documentElement.localName).toBe('urlset');
    expect(document.documentElement.namespaceURI).toBe(SITEMAP);
  });

  it('lists the list page, the highlights page and every article page, as absolute URLs', () => {
    expect(locsOf(sitemap(articles, SITE))).toEqual([SITE, `${SITE}highlights/`, `${SITE}article/first-story/`, `${SITE}article/second-story/`]);
  });

  it('lists the list and highlights pages when there are no articles', () => {
    expect(locsOf(sitemap([], 'https://example.org/'))).toEqual(['https://example.org/', 'https://example.org/highlights/']);
  });

  it('lists every article, beyond the feed limit too', () => {
    const many = Array.from({ length: FEED_LIMIT + 3 }, (_, index) => makeArticle(`a${index}`, `Story ${index}`, ['Body.'], { slug: `story-${index}` }));
    expect(locsOf(sitemap(many, SITE))).toHaveLength(FEED_LIMIT + 5);
  });

  it('percent-encodes non-ASCII slugs', () => {
    const article = makeArticle('z', 'Zürich', ['Body.'], { slug: 'zürich-日本' });
    expect(locsOf(sitemap([article], SITE))).toContain(`${SITE}article/z%C3%BCrich-%E6%97%A5%E6%9C%AC/`);
  });
});

describe('robotsTxt', () => {
  it('allows every crawler and points at sitemap.xml under the site URL', () => {
    const lines = robotsTxt(SITE).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain(`Sitemap: ${SITE}sitemap.xml`);
  });

  it('points at the root sitemap for a site at the root', () => {
    expect(robotsTxt('https://example.org/')).toContain('Sitemap: https://example.org/sitemap.xml\n');
  });
});
