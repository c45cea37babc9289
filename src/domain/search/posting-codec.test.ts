import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, MAX_IMPACT } from './posting-codec.ts';

const decode = (encoded: string): [number, number][] => {
  const out: [number, number][] = [];
  decodePostings(encoded, (position, impact) => out.push([position, impact]));
  return out;
};

describe('posting codec', () => {
  it('gives back the positions and impacts it was given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(2_000_000)), fc.array(fc.integer({ min: 0, max: MAX_IMPACT }), { minLength: 0, maxLength: 500 }), (raw, impacts) => {
        const positions = [...raw].sort((a, b) => a - b);
        const given = positions.map((p, i) => [p, impacts[i % Math.max(1, impacts.length)] ?? 0] as [number, number]);
        expect(decode(encodePostings(positions, given.map(([, i]) => i)))).toEqual(given);
      }),
    );
  });

  it('spends two characters on a posting next to the previous one', () => {
    expect(encodePostings([0, 1, 2, 3], [5, 5, 5, 5])).toHaveLength(8);
  });

  it('uses only characters that need no escaping in JSON', () => {
    expect(encodePostings([0, 40, 100_000, 3_000_000], [0, 63, 17, 1])).toMatch(/^[0-9A-Za-z_-]+$/);
  });

  it('refuses a string that is not postings', () => {
    expect(() => decode('"')).toThrow();
    expect(() => decode('Z')).toThrow();
  });
});
