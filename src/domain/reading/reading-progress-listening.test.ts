import { describe, expect, it } from 'vitest';
import { parseReadingProgress, readingStatus, recordListening, recordPosition } from './reading-progress.ts';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const LATER = new Date('2026-12-01T10:05:00.000Z');

describe('the listening position in the reading position', () => {
  it('records where listening is, and the article counts as begun', () => {
    const state = recordListening({}, 'a', 120, NOW);
    expect(state.a).toEqual({ progress: 0, paragraph: 0, read: false, updatedAt: NOW.toISOString(), listening: { offset: 120 } });
    expect(readingStatus(state.a)).toBe('in-progress');
  });

  it('survives scrolling, which records the reading position', () => {
    const state = recordPosition(recordListening({}, 'a', 120, NOW), 'a', 0.4, 3, LATER);
    expect(state.a?.listening).toEqual({ offset: 120 });
    expect(state.a?.progress).toBe(0.4);
  });

  it('is forgotten once the article was listened to the end, keeping the rest', () => {
    const state = recordListening(recordPosition(recordListening({}, 'a', 120, NOW), 'a', 0.5, 2, NOW), 'a', null, LATER);
    expect(state.a).toEqual({ progress: 0.5, paragraph: 2, read: false, updatedAt: LATER.toISOString() });
  });

  it('is read back from storage, and a malformed one drops only that entry', () => {
    const stored = JSON.stringify({
      a: { progress: 0.1, paragraph: 1, read: false, updatedAt: NOW.toISOString(), listening: { offset: 42 } },
      b: { progress: 0.1, paragraph: 1, read: false, updatedAt: NOW.toISOString(), listening: { offset: -3 } },
    });
    const parsed = parseReadingProgress(stored);
    expect(parsed.a?.listening).toEqual({ offset: 42 });
    expect(parsed.b).toBeUndefined();
  });
});
