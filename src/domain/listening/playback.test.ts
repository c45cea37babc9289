import { describe, expect, it } from 'vitest';
import { initialPlayback, MAX_ATTEMPTS, step, watchdogDelayMs, type PlaybackEvent, type PlaybackState } from './playback.ts';

// Headline, then paragraph 0 with two sentences, paragraph 1 with one, paragraph 2 with three.
const PARAGRAPHS = [-1, 0, 0, 1, 2, 2, 2];

function run(state: PlaybackState, ...events: PlaybackEvent[]) {
  let current = state;
  let effects: ReturnType<typeof step>['effects'] = [];
  for (const event of events) ({ state: current, effects } = step(current, event));
  return { state: current, effects };
}

const playing = (index = 0) => run(initialPlayback(PARAGRAPHS, 1), { type: 'play', from: index }).state;

describe('playback', () => {
  it('speaks from the chosen sentence and moves on at each end, headline then paragraphs', () => {
    let { state, effects } = run(initialPlayback(PARAGRAPHS, 1.25), { type: 'play', from: 0 });
    expect(state.status).toBe('playing');
    expect(effects).toEqual([{ type: 'silence' }, { type: 'speak', utterance: 1, index: 0, rate: 1.25 }]);
    ({ state, effects } = step(state, { type: 'spoken-end', utterance: 1 }));
    expect(state.index).toBe(1);
    expect(effects).toContainEqual({ type: 'speak', utterance: 2, index: 1, rate: 1.25 });
  });

  it('ignores events of an utterance it already left', () => {
    const state = run(playing(), { type: 'next-sentence' }).state;
    expect(state.index).toBe(1);
    expect(step(state, { type: 'spoken-end', utterance: 1 }).state).toBe(state);
    expect(step(state, { type: 'spoken-word', utterance: 1, word: { start: 0, end: 3 } }).state).toBe(state);
  });

  it('pauses by silencing, and resumes the same sentence from its start', () => {
    let { state, effects } = run(playing(3), { type: 'spoken-word', utterance: 1, word: { start: 4, end: 9 } }, { type: 'pause' });
    expect(state.status).toBe('paused');
    expect(state.word).toBeNull();
    expect(effects).toEqual([{ type: 'silence' }]);
    // The cancelled utterance's late `end` must not advance the paused player.
    expect(step(state, { type: 'spoken-end', utterance: 1 }).state).toBe(state);
    ({ state, effects } = step(state, { type: 'toggle' }));
    expect(state.status).toBe('playing');
    expect(effects).toContainEqual(expect.objectContaining({ type: 'speak', index: 3 }));
  });

  it('restarts the current sentence at the new speed when the speed changes mid-sentence', () => {
    const { state, effects } = run(playing(2), { type: 'spoken-word', utterance: 1, word: { start: 4, end: 9 } }, { type: 'set-rate', rate: 1.5 });
    expect(state.rate).toBe(1.5);
    expect(state.index).toBe(2);
    expect(effects).toEqual([{ type: 'silence' }, { type: 'speak', utterance: 2, index: 2, rate: 1.5 }]);
  });

  it('keeps the speed between 0.75× and 2× and only remembers it while paused', () => {
    expect(run(initialPlayback(PARAGRAPHS, 1), { type: 'set-rate', rate: 5 }).state.rate).toBe(2);
    expect(run(initialPlayback(PARAGRAPHS, 1), { type: 'set-rate', rate: 0.1 }).state.rate).toBe(0.75);
    expect(run(initialPlayback(PARAGRAPHS, 1), { type: 'set-rate', rate: 1.5 }).effects).toEqual([]);
  });

  it('skips by sentence and by paragraph, in both directions', () => {
    expect(run(playing(1), { type: 'next-sentence' }).state.index).toBe(2);
    expect(run(playing(1), { type: 'next-paragraph' }).state.index).toBe(3);
    expect(run(playing(3), { type: 'next-paragraph' }).state.index).toBe(4);
    expect(run(playing(5), { type: 'previous-paragraph' }).state.index).toBe(4);
    expect(run(playing(4), { type: 'previous-paragraph' }).state.index).toBe(3);
    expect(run(playing(3), { type: 'previous-paragraph' }).state.index).toBe(1);
    expect(run(playing(0), { type: 'previous-sentence' }).state.index).toBe(0);
    expect(run(playing(6), { type: 'next-paragraph' }).state.index).toBe(6);
  });

  it('moves the place without speaking while paused', () => {
    const paused = run(playing(1), { type: 'pause' }).state;
    const { state, effects } = step(paused, { type: 'next-paragraph' });
    expect(state).toMatchObject({ status: 'paused', index: 3 });
    expect(effects).toEqual([]);
  });

  it('finishes after the last sentence and may continue with the next article', () => {
    const { state, effects } = run(playing(6), { type: 'spoken-end', utterance: 1 });
    expect(state.status).toBe('finished');
    expect(effects).toContainEqual({ type: 'finished', mayContinue: true });
    expect(step(state, { type: 'play' }).effects).toContainEqual(expect.objectContaining({ type: 'speak', index: 0 }));
  });

  it('tries a dropped sentence again, then skips it with a notice, and never stalls', () => {
    let state = playing(2);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = step(state, { type: 'watchdog', utterance: state.utterance });
      state = result.state;
      expect(state.index).toBe(2);
      expect(result.effects).toContainEqual(expect.objectContaining({ type: 'speak', index: 2 }));
    }
    const skipped = step(state, { type: 'spoken-error', utterance: state.utterance, error: 'synthesis-failed' });
    expect(skipped.state.index).toBe(3);
    expect(skipped.state.status).toBe('playing');
    expect(skipped.state.notice).toMatch(/skipped/);
  });

  it('treats an interruption as its own doing, not a failure', () => {
    const state = playing(2);
    expect(step(state, { type: 'spoken-error', utterance: state.utterance, error: 'interrupted' }).state).toBe(state);
  });

  it('pauses, rather than skipping through the article, when the browser refuses to speak yet', () => {
    const state = playing(2);
    const refused = step(state, { type: 'spoken-error', utterance: state.utterance, error: 'not-allowed' });
    expect(refused.state).toMatchObject({ status: 'paused', index: 2 });
    expect(refused.state.notice).toMatch(/Press play/);
  });

  it('pauses when the sleep timer runs out, or stops at the article end without continuing', () => {
    const timed = run(playing(1), { type: 'set-sleep', minutes: 15, now: 1000 });
    expect(timed.state.sleep).toEqual({ kind: 'at', time: 1000 + 15 * 60_000 });
    const slept = step(timed.state, { type: 'sleep-elapsed' });
    expect(slept.state).toMatchObject({ status: 'paused', sleep: null });
    expect(slept.effects).toEqual([{ type: 'silence' }]);

    const atEnd = run(playing(6), { type: 'set-sleep', minutes: 'article-end', now: 0 }, { type: 'spoken-end', utterance: 1 });
    expect(atEnd.effects).toContainEqual({ type: 'finished', mayContinue: false });
    expect(atEnd.state.sleep).toBeNull();
  });

  it('waits longer for long sentences and slow speech before calling a sentence dropped', () => {
    expect(watchdogDelayMs(200, 1)).toBeGreaterThan(watchdogDelayMs(20, 1));
    expect(watchdogDelayMs(200, 0.75)).toBeGreaterThan(watchdogDelayMs(200, 2));
    expect(watchdogDelayMs(0, 1)).toBeGreaterThanOrEqual(5000);
  });

  it('does nothing for an article with nothing to read', () => {
    expect(run(initialPlayback([], 1), { type: 'play' }).effects).toEqual([]);
  });
});
