import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/articles.ts';
import { APP_NAME, escapeHtml, routeDocuments } from './route-documents.ts';

const SHELL = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');

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
