import { describe, expect, it } from 'vitest';
import type { Location } from 'react-router-dom';
import { scrollPositionKey } from './scroll-position-key.ts';

const at = (pathname: string, key: string, search = ''): Location => ({ pathname, search, hash: '', state: null, key });

describe('scrollPositionKey', () => {
  it('tells pages loaded afresh apart by their address', () => {
    expect(scrollPositionKey(at('/article/a/', 'default'))).not.toBe(scrollPositionKey(at('/', 'default')));
    expect(scrollPositionKey(at('/', 'default', '?q=a'))).not.toBe(scrollPositionKey(at('/', 'default')));
  });

  it('gives a reloaded page its own earlier key back', () => {
    expect(scrollPositionKey(at('/article/a/', 'default'))).toBe(scrollPositionKey(at('/article/a/', 'default')));
  });

  it('keeps the history key of pages reached inside the app, so each visit has its own position', () => {
    expect(scrollPositionKey(at('/article/a/', 'x1y2z3'))).toBe('x1y2z3');
  });
});
