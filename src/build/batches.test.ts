import { describe, expect, it } from 'vitest';
import { batches, positiveIntegerSetting } from './batches.ts';

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
