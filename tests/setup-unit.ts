import { cleanup, configure } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach } from 'vitest';

// Property tests draw from one seed per test file, printed when a test fails so the failure can be
// replayed exactly: FC_SEED=<seed> npx vitest run <file>. fast-check's own report adds the path of
// the shrunk counterexample (pass it as FC_PATH to go straight to it).
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${process.env.FC_SEED ?? ''}`);
fc.configureGlobal({ seed, ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) });
beforeEach(({ onTestFailed, task }) => {
  onTestFailed(() => {
    console.error(`${task.name}: property tests of this file ran with fast-check seed ${seed}; replay with FC_SEED=${seed}`);
  });
});

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
