import { describe, expect, it } from 'vitest';
import { batches, fileGroups, groupBatches, positiveIntegerSetting, wholeNumberSetting } from './batches.ts';

describe('batches', () => {
  it('covers every position once, in order, in runs of at most the size', () => {
    expect([...batches(7, 3)]).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 7 },
    ]);
  });

  it('gives one full run when the total is a multiple of the size, and none for nothing', () => {
    expect([...batches(6, 3)]).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
    ]);
    expect([...batches(0, 3)]).toEqual([]);
    expect([...batches(2, 500)]).toEqual([{ start: 0, end: 2 }]);
  });

  it('refuses a size that would never end', () => {
    expect(() => [...batches(5, 0)]).toThrow(RangeError);
    expect(() => [...batches(5, 1.5)]).toThrow(RangeError);
  });
});

describe('positiveIntegerSetting', () => {
  it('reads a whole number, and falls back when unset or blank', () => {
    expect(positiveIntegerSetting('BUILD_BATCH', '250', 500)).toBe(250);
    expect(positiveIntegerSetting('BUILD_BATCH', undefined, 500)).toBe(500);
    expect(positiveIntegerSetting('BUILD_BATCH', ' ', 500)).toBe(500);
  });

  it('names the variable when the value is not a positive whole number', () => {
    for (const bad of ['0', '-3', '2.5', 'lots']) expect(() => positiveIntegerSetting('BUILD_BATCH', bad, 500)).toThrow(/^BUILD_BATCH must be a whole number of 1 or more \(got "/);
  });
});

describe('wholeNumberSetting', () => {
  it('reads 0 and up, and names the variable otherwise', () => {
    expect(wholeNumberSetting('PRERENDER_LIMIT', '0')).toBe(0);
    expect(wholeNumberSetting('PRERENDER_LIMIT', '5000')).toBe(5000);
    for (const bad of ['-1', '2.5', 'all', ' ']) expect(() => wholeNumberSetting('PRERENDER_LIMIT', bad)).toThrow(/^PRERENDER_LIMIT must be a whole number of 0 or more \(got "/);
  });
});

describe('fileGroups', () => {
  it('gives each position a group of its own when nothing is packed', () => {
    expect(fileGroups(3)).toEqual([[0], [1], [2]]);
  });

  it('groups positions by pack, in pack order, leaving out empty packs', () => {
    expect(fileGroups(7, { packs: 4, of: (position) => 2 - (position % 3) })).toEqual([
      [2, 5],
      [1, 4],
      [0, 3, 6],
    ]);
  });
});

describe('groupBatches', () => {
  it('takes whole groups until a batch holds the size, never splitting a group', () => {
    const groups = [[0, 1, 2], [3], [4, 5], [6, 7, 8, 9], [10]];
    expect([...groupBatches(groups, 4)]).toEqual([
      [[0, 1, 2], [3]],
      [[4, 5], [6, 7, 8, 9]],
      [[10]],
    ]);
    expect([...groupBatches(groups, 100)]).toEqual([groups]);
    expect([...groupBatches([], 4)]).toEqual([]);
  });

  it('covers every position exactly once', () => {
    const groups = fileGroups(53, { packs: 11, of: (position) => (position * 7) % 11 });
    const seen = [...groupBatches(groups, 10)].flat(2).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 53 }, (_, position) => position));
  });
});
