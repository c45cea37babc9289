import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSlugInHref, pageFile, parseHighlightsParams, parseLibraryParams, paths, SCREEN_ROUTES, withParam, type LibraryParams } from './paths.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the route table', () => {
  it('names a screen module that exists for every route drawn by a screen of its own', () => {
    for (const route of SCREEN_ROUTES) expect(existsSync(path.join(root, paths[route].screenModule)), paths[route].screenModule).toBe(true);
  });

  it('writes each page to the folder its href names', () => {
    expect(pageFile(paths.library.sitePath())).toBe('index.html');
    expect(pageFile(paths.highlights.sitePath())).toBe('highlights/index.html');
    expect(`/${paths.highlights.sitePath()}`).toBe(paths.highlights.getHref());
    expect(`/${paths.article.sitePath('harbour')}`).toBe(paths.article.getHref('harbour'));
  });

  it('reads back the slug of any article link it makes, absolute or not', () => {
    for (const slug of ['harbour', 'élysée-palace', '東京', 'a b?c#d%']) {
      expect(articleSlugInHref(paths.article.getHref(slug))).toBe(slug);
      expect(articleSlugInHref(`https://example.org/reader${paths.article.getHref(slug, { highlight: 'h1' })}`)).toBe(slug);
    }
    expect(articleSlugInHref('https://example.org/article/%E0%A4%A/')).toBeUndefined();
    expect(articleSlugInHref('https://example.org/highlights/')).toBeUndefined();
  });
});

describe('query parameters', () => {
  it('reads the list parameters, and a value the list does not know as absent', () => {
    expect(parseLibraryParams(new URLSearchParams('q=storm&sort=headline&status=read'))).toEqual({ q: 'storm', sort: 'headline', status: 'read' });
    expect(parseLibraryParams(new URLSearchParams('sort=random&status=later'))).toEqual({ q: '', sort: null, status: null });
  });

  it('reads the Highlights page parameters, sorting by article unless told otherwise', () => {
    expect(parseHighlightsParams(new URLSearchParams('q=tide&color=green&article=a1&sort=newest'))).toEqual({ q: 'tide', color: 'green', article: 'a1', sort: 'newest' });
    expect(parseHighlightsParams(new URLSearchParams('color=purple&sort=random'))).toEqual({ q: '', color: null, article: null, sort: 'article' });
  });

  it('sets one parameter and drops it when empty or at its default, keeping the others', () => {
    const params = new URLSearchParams('q=storm&sort=headline');
    expect(withParam<LibraryParams>(params, 'sort', 'file', 'file').toString()).toBe('q=storm');
    expect(withParam<LibraryParams>(params, 'q', '').toString()).toBe('sort=headline');
    expect(withParam<LibraryParams>(params, 'status', 'read').toString()).toBe('q=storm&sort=headline&status=read');
    expect(params.toString()).toBe('q=storm&sort=headline');
  });
});
