import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from './edit-distance.ts';

describe('editDistanceWithin', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistanceWithin('zeppelin', 'zeppelin', 2)).toBe(0);
    expect(editDistanceWithin('zepelin', 'zeppelin', 2)).toBe(1);
    expect(editDistanceWithin('bundeswher', 'bundeswehr', 2)).toBe(2);
    expect(editDistanceWithin('musem', 'museum', 1)).toBe(1);
    expect(editDistanceWithin('', 'ab', 2)).toBe(2);
  });

  it('stops past the limit', () => {
    expect(editDistanceWithin('market', 'marketing', 1)).toBe(2);
    expect(editDistanceWithin('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
