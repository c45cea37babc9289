import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueuedSentence } from '../../domain/listening/listening-queue.ts';
import { initialPlayback, step, watchdogDelayMs, type PlaybackEffect, type PlaybackEvent, type PlaybackState } from '../../domain/listening/playback.ts';
import type { TextSpan } from '../../domain/listening/sentences.ts';
import { prepareUtterance, spokenWordAt, toSourceSpan } from '../../domain/listening/utterance-offsets.ts';
import type { SpeechEngine } from './speech-engine.ts';

export interface PlaybackOptions {
  engine: SpeechEngine | null;
  queue: readonly QueuedSentence[];
  lang: string | undefined;
  voice: SpeechSynthesisVoice | null;
  rate: number;
  startAt: number;
  onFinished(mayContinue: boolean): void;
}

/**
 * Runs the playback state machine against the speech engine: carries out its effects, feeds it the
 * engine's events, and arms the watchdog (a dropped `end`) and the sleep timer.
 * `word` is the word being spoken, in the coordinates of the sentence's source text.
 */
export function usePlayback({ engine, queue, lang, voice, rate, startAt, onFinished }: PlaybackOptions) {
  const [state, setState] = useState<PlaybackState>(() => initialPlayback(queue.map((s) => s.paragraph), rate, startAt));
  const stateRef = useRef(state);
  const [word, setWord] = useState<TextSpan | null>(null);
  const watchdog = useRef(0);
  const latest = useRef({ engine, queue, lang, voice, onFinished });
  useEffect(() => {
    latest.current = { engine, queue, lang, voice, onFinished };
  });

  const dispatchRef = useRef<(event: PlaybackEvent) => void>(() => {});

  const run = useCallback((effect: PlaybackEffect) => {
    const { engine: speech, queue: sentences, lang: language, voice: chosen } = latest.current;
    // Read when the engine reports, not now: the dispatcher is the latest one then.
    const dispatch = (event: PlaybackEvent) => dispatchRef.current(event);
    switch (effect.type) {
      case 'silence':
        window.clearTimeout(watchdog.current);
        setWord(null);
        speech?.silence();
        return;
      case 'finished':
        latest.current.onFinished(effect.mayContinue);
        return;
      case 'speak': {
        const sentence = sentences[effect.index];
        if (!speech || !sentence) return;
        const utterance = prepareUtterance(sentence.text);
        const id = effect.utterance;
        const arm = () => {
          window.clearTimeout(watchdog.current);
          watchdog.current = window.setTimeout(() => dispatch({ type: 'watchdog', utterance: id }), watchdogDelayMs(utterance.text.length, effect.rate));
        };
        arm();
        speech.speak(utterance.text, { lang: language, voice: chosen, rate: effect.rate }, {
          onStart: arm,
          onBoundary(charIndex, charLength, name) {
            arm();
            if (name === 'sentence') return;
            const spoken = spokenWordAt(utterance, charIndex, charLength, language);
            if (!spoken || stateRef.current.utterance !== id) return;
            const source = toSourceSpan(utterance, spoken, 0);
            dispatch({ type: 'spoken-word', utterance: id, word: source });
            setWord(source);
          },
          onEnd: () => dispatch({ type: 'spoken-end', utterance: id }),
          onError: (error) => dispatch({ type: 'spoken-error', utterance: id, error }),
        });
        return;
      }
    }
  }, []);

  const dispatch = useCallback(
    (event: PlaybackEvent) => {
      const result = step(stateRef.current, event);
      if (result.state === stateRef.current) return;
      if (result.state.utterance !== stateRef.current.utterance) setWord(null);
      stateRef.current = result.state;
      setState(result.state);
      for (const effect of result.effects) run(effect);
    },
    [run],
  );
  useEffect(() => {
    dispatchRef.current = dispatch;
  }, [dispatch]);

  // The sleep timer: one timeout for the moment it runs out.
  const sleepAt = state.sleep?.kind === 'at' ? state.sleep.time : null;
  useEffect(() => {
    if (sleepAt === null) return;
    const timer = window.setTimeout(() => dispatch({ type: 'sleep-elapsed' }), Math.max(0, sleepAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [sleepAt, dispatch]);

  // Leaving the article or closing the player silences the voice.
  useEffect(
    () => () => {
      window.clearTimeout(watchdog.current);
      latest.current.engine?.silence();
    },
    [],
  );

  return { state, word, dispatch };
}
