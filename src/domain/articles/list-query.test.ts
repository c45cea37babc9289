import { describe, expect, it } from 'vitest';
import { filterOrder } from './list-query.ts';

const positions = (hits: readonly { position: number }[]): number[] => hits.map((hit) => hit.position);

describe('filterOrder', () => {
  const order = [3, 0, 4, 1, 2];

  it('keeps the order it is given', () => {
    expect(positions(filterOrder(order))).toEqual(order);
    expect(filterOrder(order).every((hit) => hit.terms.length === 0)).toBe(true);
  });

  it('keeps only the given positions, or drops them', () => {
    expect(positions(filterOrder(order, [2, 3, 9]))).toEqual([3, 2]);
    expect(positions(filterOrder(order, undefined, [0, 1]))).toEqual([3, 4, 2]);
    expect(positions(filterOrder(order, [0, 1], [0]))).toEqual([1]);
    expect(filterOrder(order, [])).toEqual([]);
  });
});
