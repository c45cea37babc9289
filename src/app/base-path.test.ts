import { describe, expect, it } from 'vitest';
import { appBasePath, routerBasename } from './base-path.ts';

describe('appBasePath', () => {
  it.each(['/', '/reader/', '/a/b/c/'])('returns the absolute configured base %s as it is, wherever the script was loaded from', (base) => {
    expect(appBasePath(base, 'http://h/elsewhere/assets/index-x.js')).toBe(base);
    expect(appBasePath(base, 'http://h/assets/index-x.js')).toBe(base);
  });

  it.each([
    ['http://h/a/b/c/assets/index-x.js', '/a/b/c/'],
    ['http://h/reader/assets/index-x.js', '/reader/'],
    ['http://h/assets/x.js', '/'],
    ['https://example.org:8443/reader/assets/index-x.js', '/reader/'],
  ])('for a relative build ("./"), finds the site root from the entry script at %s: %s', (moduleUrl, expected) => {
    expect(appBasePath('./', moduleUrl)).toBe(expected);
  });

  it("ignores the script URL's query and fragment", () => {
    expect(appBasePath('./', 'http://h/reader/assets/index-x.js?v=2#top')).toBe('/reader/');
  });

  it('keeps a percent-encoded folder name encoded, as the address bar path is', () => {
    expect(appBasePath('./', 'http://h/caf%C3%A9%20bar/assets/index-x.js')).toBe('/caf%C3%A9%20bar/');
  });

  it('treats an empty configured base like "./"', () => {
    expect(appBasePath('', 'http://h/reader/assets/index-x.js')).toBe('/reader/');
  });
});

describe('routerBasename', () => {
  it.each([
    ['/reader/', '/reader'],
    ['/a/b/c/', '/a/b/c'],
    ['/reader', '/reader'],
    ['/', '/'],
    ['//', '/'],
  ])('turns the base path %s into the basename %s', (basePath, expected) => {
    expect(routerBasename(basePath)).toBe(expected);
  });

  it('gives "/" for a relative build served at the root, and the folder without its slash below it', () => {
    expect(routerBasename(appBasePath('./', 'http://h/assets/x.js'))).toBe('/');
    expect(routerBasename(appBasePath('./', 'http://h/a/b/c/assets/index-x.js'))).toBe('/a/b/c');
  });
});
