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
});
