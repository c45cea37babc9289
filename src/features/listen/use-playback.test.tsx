import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildListeningQueue } from '../../domain/listening/listening-queue.ts';
import { watchdogDelayMs } from '../../domain/listening/playback.ts';
import type { SpeakOptions, SpeechEngine, UtteranceHandlers } from './speech-engine.ts';
import { usePlayback } from './use-playback.ts';

/** An engine that records what it is asked to say and lets the test play the engine's part. */
function scriptedEngine() {
  const said: { text: string; options: SpeakOptions; handlers: UtteranceHandlers }[] = [];
  const engine: SpeechEngine = {
    voices: () => [],
    onVoicesChanged: () => () => {},
    speak: (text, options, handlers) => void said.push({ text, options, handlers }),
    silence: vi.fn(),
  };
  return { engine, said, last: () => said[said.length - 1]! };
}

const queue = buildListeningQueue({ headline: 'A headline', paragraphs: ['First sentence. Second\u00AD one here.', 'Third.'], lang: 'en' });

describe('usePlayback', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(engine: SpeechEngine, onFinished = vi.fn()) {
    const hook = renderHook(() => usePlayback({ engine, queue, lang: 'en', voice: null, rate: 1.25, startAt: 1, onFinished }));
    act(() => hook.result.current.dispatch({ type: 'play' }));
    return hook;
  }

  it('speaks each sentence as its own utterance and goes on at each end, to the finish', () => {
    const { engine, said, last } = scriptedEngine();
    const onFinished = vi.fn();
    start(engine, onFinished);
    expect(said.map((s) => s.text)).toEqual(['First sentence.']);
    expect(last().options.rate).toBe(1.25);
    act(() => last().handlers.onEnd());
    // The soft hyphen is not handed to the voice.
    expect(last().text).toBe('Second one here.');
    act(() => last().handlers.onEnd());
    act(() => last().handlers.onEnd());
    expect(said.map((s) => s.text)).toEqual(['First sentence.', 'Second one here.', 'Third.']);
    expect(onFinished).toHaveBeenCalledWith(true);
  });

  it('reports the spoken word in the article’s own characters', () => {
    const { engine, last } = scriptedEngine();
    const { result } = start(engine);
    act(() => last().handlers.onEnd());
    act(() => last().handlers.onBoundary(7, 3, 'word'));
    const sentence = queue[2]!;
    expect(sentence.text.slice(result.current.word!.start, result.current.word!.end)).toBe('one');
  });

  it('never stalls: a sentence whose end never comes is said again, then skipped', () => {
    const { engine, said } = scriptedEngine();
    const { result } = start(engine);
    const wait = watchdogDelayMs('First sentence.'.length, 1.25);
    act(() => void vi.advanceTimersByTime(wait));
    act(() => void vi.advanceTimersByTime(wait));
    expect(said.map((s) => s.text)).toEqual(['First sentence.', 'First sentence.', 'First sentence.']);
    act(() => void vi.advanceTimersByTime(wait));
    expect(said.at(-1)?.text).toBe('Second one here.');
    expect(result.current.state.notice).toMatch(/skipped/);
  });

  it('does not call a sentence dropped while the voice is still reporting words', () => {
    const { engine, said, last } = scriptedEngine();
    start(engine);
    const wait = watchdogDelayMs('First sentence.'.length, 1.25);
    act(() => void vi.advanceTimersByTime(wait - 100));
    act(() => last().handlers.onBoundary(6, 8, 'word'));
    act(() => void vi.advanceTimersByTime(wait - 100));
    expect(said).toHaveLength(1);
  });

  it('pauses when the sleep timer runs out', () => {
    const { engine } = scriptedEngine();
    const { result } = start(engine);
    // Set five minutes ago, less a second: it runs out within the sentence.
    act(() => result.current.dispatch({ type: 'set-sleep', minutes: 5, now: Date.now() - 5 * 60_000 + 1000 }));
    act(() => void vi.advanceTimersByTime(999));
    expect(result.current.state.status).toBe('playing');
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current.state.status).toBe('paused');
    expect(engine.silence).toHaveBeenCalled();
  });

  it('silences the voice when the player goes away', () => {
    const { engine } = scriptedEngine();
    const { unmount } = start(engine);
    vi.mocked(engine.silence).mockClear();
    unmount();
    expect(engine.silence).toHaveBeenCalledTimes(1);
  });
});
