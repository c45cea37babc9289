import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/articles.ts';
import { articleHead, HIGHLIGHTS_HEAD, LIST_HEAD, NOT_FOUND_HEAD } from './page-head.ts';
import { PAGE_DATA_ID } from '../domain/articles/corpus-layout.ts';
import { routeDocuments } from '../../tests/fixtures/route-documents.ts';
import { APP_NAME, assetPrefix, escapeHtml, routeDocument, routePages } from './route-documents.ts';

const SHELL = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');
/** index.html as a relative build writes it: Vite turns its "/…" URLs into "./…" ones. */
const BUILT_SHELL = SHELL.replaceAll('%BASE_URL%', './').replace(/(src|href)="\//g, '$1="./');

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)" \/>/.exec(html)?.[1];
/** The document with its title and description blanked, to compare everything else. */
const withoutHead = (html: string) =>
  html
    .replace(/<title>[^<]*<\/title>/, '<title></title>')
    .replace(/<meta name="description"[\s\S]*?(?=\n\s*<meta name="theme-color")/, '<meta name="description" />')
    .replace(/<div id="root"[^>]*>/, '<div id="root">');

const articles = [
  makeArticle('001', 'First story', ['The first story starts here.'], { slug: 'first-story' }),
  makeArticle('002', 'Second story', ['The second story starts here.'], { slug: 'second-story' }),
];

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;');
  });

  it('leaves other text, including non-Latin and typographic characters, as it is', () => {
    expect(escapeHtml('Zürich — “quoted” مرحبا')).toBe('Zürich — “quoted” مرحبا');
  });
});

describe('routeDocuments', () => {
  it('checks the shell it is tested against has a title and a description to replace', () => {
    expect(titleOf(SHELL)).toBe(APP_NAME);
    expect(descriptionOf(SHELL)).toBeTruthy();
  });

  it('gives one document per article at article/<slug>/index.html, then highlights and 404', () => {
    expect(routeDocuments(SHELL, articles).map((d) => d.fileName)).toEqual([
      'article/first-story/index.html',
      'article/second-story/index.html',
      'highlights/index.html',
      '404.html',
    ]);
  });

  it('gives only the highlights page and 404 when there are no articles', () => {
    expect(routeDocuments(SHELL, []).map((d) => d.fileName)).toEqual(['highlights/index.html', '404.html']);
  });

  it('titles an article page with its headline and describes it with its excerpt', () => {
    const [first] = routeDocuments(SHELL, articles);
    expect(titleOf(first?.html ?? '')).toBe(`First story · ${APP_NAME}`);
    expect(descriptionOf(first?.html ?? '')).toBe('The first story starts here.');
  });

  it('gives the highlights page and the 404 page their own titles and descriptions', () => {
    const documents = routeDocuments(SHELL, articles);
    const highlights = documents.find((d) => d.fileName === 'highlights/index.html')?.html ?? '';
    const notFound = documents.find((d) => d.fileName === '404.html')?.html ?? '';
    expect(titleOf(highlights)).toBe(`Highlights · ${APP_NAME}`);
    expect(descriptionOf(highlights)).toBe('Every passage you highlighted, with your notes.');
    expect(titleOf(notFound)).toBe(`Page not found · ${APP_NAME}`);
    expect(descriptionOf(notFound)).toBe('There is no page at this address.');
  });

  it('changes nothing in the shell but the title, the description and sharing tags, and the root', () => {
    for (const document of routeDocuments(SHELL, articles)) expect(withoutHead(document.html)).toBe(withoutHead(SHELL));
  });

  it('HTML-escapes a headline with <script> and quotes in the title and the description', () => {
    const headline = `<script>alert("owned")</script> 'Quotes' & more`;
    const article = makeArticle('x', headline, [`He said "<b>hi</b>" & 'left'.`], { slug: 'x' });
    const [document] = routeDocuments(SHELL, [article]);
    const html = document?.html ?? '';
    expect(titleOf(html)).toBe(`&#60;script&#62;alert(&#34;owned&#34;)&#60;/script&#62; &#39;Quotes&#39; &#38; more · ${APP_NAME}`);
    expect(descriptionOf(html)).toBe('He said &#34;&#60;b&#62;hi&#60;/b&#62;&#34; &#38; &#39;left&#39;.');
    expect(html).not.toContain('alert("owned")');
    expect(html.match(/<script/g)).toHaveLength(SHELL.match(/<script/g)?.length ?? 0);
  });

  it('keeps a dollar sign next to a quote literally in the title', () => {
    const article = makeArticle('d', 'Why the "$" sign matters', ['Body.'], { slug: 'd' });
    const html = routeDocuments(SHELL, [article])[0]?.html ?? '';
    expect(titleOf(html)).toBe(`Why the &#34;$&#34; sign matters · ${APP_NAME}`);
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it('keeps "$`" and "$$" in a headline and excerpt literally', () => {
    const article = makeArticle('d', 'Prices: $$ and $` signs', ['It cost $` and $$ more.'], { slug: 'd' });
    const html = routeDocuments(SHELL, [article])[0]?.html ?? '';
    expect(titleOf(html)).toBe(`Prices: $$ and $\` signs · ${APP_NAME}`);
    expect(descriptionOf(html)).toBe('It cost $` and $$ more.');
  });
});

describe('routePages', () => {
  it('lists the list page, one page per article, the highlights page and 404.html, in that order', () => {
    expect(routePages(articles).map(({ fileName, path }) => ({ fileName, path }))).toEqual([
      { fileName: 'index.html', path: '/' },
      { fileName: 'article/first-story/index.html', path: '/article/first-story/' },
      { fileName: 'article/second-story/index.html', path: '/article/second-story/' },
      { fileName: 'highlights/index.html', path: '/highlights/' },
      { fileName: '404.html', path: '/404/' },
    ]);
  });

  it("gives each page its head: the list's, the article's, the highlights' and the not-found one", () => {
    const [list, first, second, highlights, notFound] = routePages(articles);
    expect(list?.head).toBe(LIST_HEAD);
    expect(first?.head).toEqual(articleHead(articles[0]!));
    expect(second?.head).toEqual(articleHead(articles[1]!));
    expect(highlights?.head).toBe(HIGHLIGHTS_HEAD);
    expect(notFound?.head).toBe(NOT_FOUND_HEAD);
  });

  it('renders 404.html afresh ("replace") and hydrates every other page', () => {
    const pages = routePages(articles);
    expect(pages.filter((page) => page.render === 'replace').map((page) => page.fileName)).toEqual(['404.html']);
    expect(pages.filter((page) => page.render === 'hydrate')).toHaveLength(pages.length - 1);
  });

  it('has only the list, highlights and 404 pages when there are no articles', () => {
    expect(routePages([]).map((page) => page.fileName)).toEqual(['index.html', 'highlights/index.html', '404.html']);
  });

  it("names each article page after its slug, not its id", () => {
    const article = makeArticle('2024-01-07 seed file', 'Headline', ['Body.'], { slug: 'headline' });
    expect(routePages([article])[1]).toMatchObject({ fileName: 'article/headline/index.html', path: '/article/headline/', slug: 'headline' });
  });

  it('names the article shown on each article page, and none on the others', () => {
    expect(routePages(articles).map((page) => page.slug)).toEqual([undefined, 'first-story', 'second-story', undefined, undefined]);
  });
});

describe('assetPrefix', () => {
  it.each([
    ['index.html', './'],
    ['highlights/index.html', '../'],
    ['article/x/index.html', '../../'],
    ['404.html', '/'],
  ])('in a relative build, %s finds its assets at %s', (fileName, expected) => {
    expect(assetPrefix(fileName, true)).toBe(expected);
  });

  it.each(['index.html', 'highlights/index.html', 'article/x/index.html', '404.html'])('in a build with a fixed base, %s keeps its URLs (null)', (fileName) => {
    expect(assetPrefix(fileName, false)).toBeNull();
  });

  it("leads every page's assets back to the site's root folder", () => {
    for (const page of routePages(articles)) {
      const prefix = assetPrefix(page.fileName, true) ?? '';
      expect(new URL(`${prefix}assets/x.js`, `http://host/reader/${page.fileName}`).pathname, page.fileName).toBe(
        page.fileName === '404.html' ? '/assets/x.js' : '/reader/assets/x.js',
      );
    }
  });
});

describe('routeDocuments, relative, with prerendered bodies', () => {
  const headOf = (html: string) => html.slice(0, html.indexOf('<body'));
  const headUrls = (html: string) => [...headOf(html).matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1] ?? '');
  const rootOf = (html: string) => /<div id="root"[^>]*>([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1];
  const bodies = new Map([
    ['article/first-story/index.html', '<main><h1>First story</h1><a href="../../">Back</a><a href="./">Here</a></main>'],
    ['highlights/index.html', '<main><h1>Highlights</h1><a href="../">Back</a></main>'],
    ['404.html', '<main><h1>Not found</h1></main>'],
  ]);
  const documents = routeDocuments(BUILT_SHELL, articles, { bodies, relative: true });
  const documentAt = (fileName: string) => documents.find((d) => d.fileName === fileName)?.html ?? '';

  it('checks the shell it is tested against has "./" URLs in its head', () => {
    expect(headUrls(BUILT_SHELL).length).toBeGreaterThan(3);
    expect(headUrls(BUILT_SHELL).every((url) => url.startsWith('./'))).toBe(true);
  });

  it("starts an article page's head URLs with ../../ and puts its prerendered body in the root, unchanged", () => {
    const html = documentAt('article/first-story/index.html');
    expect(headUrls(html)).toEqual(headUrls(BUILT_SHELL).map((url) => `../../${url.slice(2)}`));
    expect(rootOf(html)).toBe(bodies.get('article/first-story/index.html'));
    expect(html).toContain('<div id="root" data-render="hydrate"><main><h1>First story</h1>');
  });

  it("starts the highlights page's head URLs with ../ and 404.html's with /", () => {
    expect(headUrls(documentAt('highlights/index.html'))).toEqual(headUrls(BUILT_SHELL).map((url) => `../${url.slice(2)}`));
    expect(headUrls(documentAt('404.html'))).toEqual(headUrls(BUILT_SHELL).map((url) => `/${url.slice(2)}`));
  });

  it('renders 404.html afresh with its body and hydrates the others', () => {
    expect(documentAt('404.html')).toContain('<div id="root" data-render="replace"><main><h1>Not found</h1></main></div>');
    expect(documentAt('highlights/index.html')).toContain('<div id="root" data-render="hydrate"><main><h1>Highlights</h1>');
  });

  it('leaves the root empty for a page with no prerendered body', () => {
    expect(rootOf(documentAt('article/second-story/index.html'))).toBe('');
  });

  it('leaves head URLs as they are in a build that is not relative', () => {
    for (const document of routeDocuments(BUILT_SHELL, articles, { bodies })) expect(headUrls(document.html), document.fileName).toEqual(headUrls(BUILT_SHELL));
  });

  it("gives each page a canonical URL under the site URL when one is given", () => {
    const withSite = routeDocuments(BUILT_SHELL, articles, { bodies, relative: true, siteUrl: 'https://example.org/reader/' });
    const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
    expect(withSite.map((d) => canonical(d.html))).toEqual([
      'https://example.org/reader/article/first-story/',
      'https://example.org/reader/article/second-story/',
      'https://example.org/reader/highlights/',
      'https://example.org/reader/404.html',
    ]);
  });
});

describe('routeDocument with data', () => {
  const page = routePages(articles)[1]!;
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const dataOf = (html: string) => parse(html).getElementById(PAGE_DATA_ID)?.textContent;

  it('carries the data in a JSON block after the root, and none without data', () => {
    const html = routeDocument(BUILT_SHELL, page, { relative: true, data: '{"slug":"first-story"}' });
    expect(html).toContain(`</div><script type="application/json" id="${PAGE_DATA_ID}">{"slug":"first-story"}</script>`);
    expect(dataOf(html)).toBe('{"slug":"first-story"}');
    expect(parse(routeDocument(BUILT_SHELL, page, { relative: true })).getElementById(PAGE_DATA_ID)).toBeNull();
    for (const document of routeDocuments(BUILT_SHELL, articles)) expect(document.html, document.fileName).not.toContain(PAGE_DATA_ID);
  });

  it('escapes "</script><!--" in an article so the page stays whole, and the data round-trips through JSON.parse', () => {
    const hostile = makeArticle('x', 'Bad </script><!--<script>alert(1)</script>', ['</script><!--', '<!-- <script>', '--> </SCRIPT>'], { slug: 'bad' });
    const value = { article: hostile, position: 0, previous: null, next: { slug: 'n', headline: '</script>' } };
    const bodies = new Map([[page.fileName, '<main><h1>Bad</h1></main>']]);
    const html = routeDocument(BUILT_SHELL, page, { bodies, relative: true, data: JSON.stringify(value) });
    const block = html.slice(html.indexOf(`id="${PAGE_DATA_ID}">`) + `id="${PAGE_DATA_ID}">`.length);
    expect(block.slice(0, block.indexOf('</script>'))).not.toContain('<');
    expect(JSON.parse(dataOf(html) ?? '')).toEqual(value);
    const document = parse(html);
    const root = document.getElementById('root');
    expect(root?.children).toHaveLength(1);
    expect(root?.querySelector('main > h1')?.textContent).toBe('Bad');
    expect(document.body.lastElementChild?.id).toBe(PAGE_DATA_ID);
  });
});
