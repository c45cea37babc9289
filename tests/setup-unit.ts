import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Waits (findBy, waitFor) get 5 s, not 1: on a busy shared 2-core machine a fetch, a lazy chunk or
// a search answer in jsdom can take over a second. They still fail when the thing never happens.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout engine: ranges have no geometry. Real geometry is covered by the Chromium tests.
if (typeof Range !== 'undefined' && !Range.prototype.getBoundingClientRect) {
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});
