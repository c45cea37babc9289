import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingAccumulator } from './posting-accumulator.ts';

interface Posting {
  position: number;
  headline: number;
  text: number;
}

const asRows = (accumulator: PostingAccumulator, term: string): Posting[] => {
  const { positions, headlineCounts, textCounts } = accumulator.read(term);
  return Array.from(positions, (position, index) => ({ position, headline: headlineCounts[index] ?? 0, text: textCounts[index] ?? 0 }));
};

describe('posting accumulator', () => {
  it('gives back every posting of every term, in position order, whatever order they came in', () => {
    const posting = fc.record({ term: fc.constantFrom('a', 'the', 'zeppelin', 'مرحبا', 'x'), position: fc.nat(3_000_000), headline: fc.nat(300), text: fc.nat(100_000) });
    fc.assert(
      fc.property(fc.array(posting, { maxLength: 400 }), (added) => {
        const accumulator = new PostingAccumulator();
        for (const { term, position, headline, text } of added) accumulator.add(term, position, headline, text);
        for (const term of new Set(added.map((item) => item.term))) {
          const expected = added
            .filter((item) => item.term === term)
            .map(({ position, headline, text }) => ({ position, headline, text }))
            .sort((a, b) => a.position - b.position);
          expect(asRows(accumulator, term)).toEqual(expected);
        }
        expect(new Set(accumulator.termList())).toEqual(new Set(added.map((item) => item.term)));
      }),
    );
  });

  it('keeps a long list across many blocks and many terms across pool chunks', () => {
    const accumulator = new PostingAccumulator();
    // 40,000 terms take more than one 1 MiB chunk of 32-byte blocks; "the" chains thousands of blocks.
    for (let position = 0; position < 40_000; position += 1) {
      accumulator.add('the', position, position % 3, (position % 7) + 1);
      accumulator.add(`word${position}`, position, 0, 1);
    }
    const the = accumulator.read('the');
    expect(the.positions.length).toBe(40_000);
    expect(the.positions[39_999]).toBe(39_999);
    expect(the.headlineCounts[39_998]).toBe(39_998 % 3);
    expect(the.textCounts[12_345]).toBe((12_345 % 7) + 1);
    expect(asRows(accumulator, 'word31337')).toEqual([{ position: 31_337, headline: 0, text: 1 }]);
    expect(accumulator.read('absent').positions.length).toBe(0);
  });

  it('continues from its state as if it had never stopped, and refuses a state that does not hang together', () => {
    const original = new PostingAccumulator();
    for (let position = 0; position < 40_000; position += 1) original.add(`word${position % 5_000}`, position, position % 2, 1);
    original.add('late', 7, 1, 1);
    original.add('late', 3, 0, 2);
    const state = original.state();
    const copy = (array: Int32Array) => array.slice();
    // The state is views of the original's memory: the restored one gets copies, so both can go on.
    const restored = PostingAccumulator.fromState({
      terms: [...state.terms],
      firstBlock: copy(state.firstBlock),
      lastBlock: copy(state.lastBlock),
      lastBlockUsed: copy(state.lastBlockUsed),
      lastPosition: copy(state.lastPosition),
      counts: copy(state.counts),
      unordered: state.unordered.slice(),
      nextBlock: copy(state.nextBlock),
      blocks: state.blocks,
      pool: state.pool.map((chunk) => chunk.slice()),
    });
    restored.add('word42', 50_000, 0, 3);
    original.add('word42', 50_000, 0, 3);
    for (const term of ['word0', 'word42', 'word4999', 'late']) expect(asRows(restored, term), term).toEqual(asRows(original, term));
    expect(restored.termList()).toEqual(original.termList());

    const outside = copy(state.lastBlock);
    outside[3] = state.blocks;
    expect(() => PostingAccumulator.fromState({ ...state, lastBlock: outside })).toThrow(/term 3 points outside the pool/);
    const looping = copy(state.nextBlock);
    looping[10] = 5;
    expect(() => PostingAccumulator.fromState({ ...state, nextBlock: looping })).toThrow(/block 10 continues outside the pool/);
    expect(() => PostingAccumulator.fromState({ ...state, terms: [...state.terms.slice(1), 'word1'] })).toThrow(/listed twice/);
  });
});
