import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeHref } from './relative-href.ts';

describe('relativeHref', () => {
  it.each([
    ['/', '/', './'],
    ['/', '/article/a/', 'article/a/'],
    ['/', '/highlights/', 'highlights/'],
    ['/', '/?q=x', './?q=x'],
    ['/article/a/', '/', '../../'],
    ['/article/a/', '/article/b/', '../b/'],
    ['/article/a/', '/article/a/?highlight=1', './?highlight=1'],
    ['/article/a/', '/highlights/', '../../highlights/'],
    ['/highlights/', '/article/a/?highlight=h#x', '../article/a/?highlight=h#x'],
    ['/article/a', '/article/b/', 'b/'],
    ['/article/a', '/', '../'],
    ['/no/such/page', '/', '../../'],
    ['/article/a/', '/article/', '../'],
  ])('from %s to %s is %s', (from, to, expected) => {
    expect(relativeHref(from, to)).toBe(expected);
  });

  it('resolves, under any mount, to the same place as the absolute path', () => {
    const froms = ['/', '/article/a/', '/article/a', '/highlights/', '/x/y/z'];
    const tos = ['/', '/article/b/', '/highlights/', '/article/a/?highlight=1', '/article/ü-ñ/'];
    for (const mount of ['/', '/reader/', '/a/b/c/']) {
      for (const from of froms) {
        for (const to of tos) {
          const base = new URL(`http://host${mount}${from.slice(1)}`);
          expect(new URL(relativeHref(from, to), base).href, `${mount} ${from} → ${to}`).toBe(new URL(`http://host${mount}${to.slice(1)}`).href);
        }
      }
    }
  });

  it('resolves a target whose first step is a segment with a colon to that segment, not to a URL scheme', () => {
    // "a:b/" on its own is an absolute URL with the scheme "a:"; "./a:b/" is the relative one.
    expect(new URL(relativeHref('/', '/a:b/'), 'http://host/reader/').href).toBe('http://host/reader/a:b/');
    expect(new URL(relativeHref('/article/a/', '/article/a/x:y'), 'http://host/reader/article/a/').href).toBe('http://host/reader/article/a/x:y');
  });
});

describe('relativeHref, for any app paths', () => {
  // Path segments as the app makes them (slugs of any script, percent-encoded ones) and odder
  // ones; "." and ".." are no segment names (URLs resolve them away), nor is one with a colon,
  // which the test above covers.
  const segment = fc
    .oneof(
      fc.stringMatching(/^[a-z0-9-]{1,10}$/),
      fc.string({ unit: fc.constantFrom('é', 'ß', 'ж', '中', '日', 'ا', 'ש', '🎉', 'ü', 'ñ', '-', 'a', '1'), minLength: 1, maxLength: 6 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).map(encodeURIComponent),
      fc.constantFrom('a.b', '...', '~x', "it's", 'a@b', 'x=y', 'a+b', '(1)', '%C3%BC', '%c3%bc', '%2F', '%3F', '%23', '50%25', '%2e%2E.x'),
    )
    .filter((name) => name !== '.' && name !== '..' && !name.includes(':'));
  const appPath = fc
    .tuple(fc.array(segment, { maxLength: 4 }), fc.boolean())
    .map(([segments, folder]) => `/${segments.join('/')}${folder && segments.length > 0 ? '/' : ''}`);
  const queryValue = fc.oneof(fc.string({ maxLength: 8 }).map(encodeURIComponent), fc.constantFrom('h1', 'a/b', 'x?y', 'ü', '', 'a=b'));
  const suffix = fc.oneof(
    fc.constant(''),
    fc.constantFrom('?', '#', '?highlight=h1', '#top', '?q=x#frag'),
    fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), queryValue), { minLength: 1, maxLength: 3 }).map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  );
  const target = fc.tuple(appPath, suffix).map(([path, query]) => path + query);

  it.each(['/', '/reader/', '/a/b/c/'])('from any page to any page, resolves under the mount %s to the same URL as the absolute path', (mount) => {
    const base = `http://host${mount.slice(0, -1)}`;
    fc.assert(
      fc.property(appPath, target, (from, to) => {
        expect(new URL(relativeHref(from, to), base + from).href).toBe(new URL(base + to).href);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a relative href: never a scheme, a host or an absolute path', () => {
    fc.assert(
      fc.property(appPath, target, (from, to) => {
        expect(relativeHref(from, to)).toMatch(/^(\.\/|\.\.\/|[^/:?#]+(\/|$|[?#]))/);
      }),
    );
  });
});
