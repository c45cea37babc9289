import type { TextSpan } from './sentences.ts';

/**
 * The player as a pure state machine: events in (the reader's commands, the engine's reports,
 * timers firing), a new state and the effects to carry out out. The speech adapter only speaks,
 * silences and reports back; every decision is here, where it is tested.
 *
 * Pausing silences the engine and resuming speaks the sentence again from its start: the
 * engines' own pause() is unreliable (on Android it stops for good, on desktop Chrome it can
 * leave the engine stuck), and a sentence is short enough to hear again.
 */
export type PlaybackStatus = 'stopped' | 'playing' | 'paused' | 'finished';

export const MIN_RATE = 0.75;
export const MAX_RATE = 2;
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** How often a sentence is tried again when the engine drops it, before the player moves on. */
export const MAX_ATTEMPTS = 2;

export type SleepTimer = { kind: 'at'; time: number } | { kind: 'article-end' } | null;

export interface PlaybackState {
  status: PlaybackStatus;
  /** The sentence being read (or to be read on play), an index into the queue. */
  index: number;
  /** The paragraph of each sentence in the queue (-1 for the headline). */
  paragraphs: readonly number[];
  rate: number;
  /** Id of the utterance whose events count; events of older ones are ignored. 0: none. */
  utterance: number;
  /** Tries of the current sentence after the first that the engine dropped. */
  retries: number;
  /** The word being spoken, in the spoken text of the current sentence, when the engine says. */
  word: TextSpan | null;
  sleep: SleepTimer;
  /** Something the reader should know that did not stop the player (a sentence skipped). */
  notice: string | null;
}

export type PlaybackEvent =
  | { type: 'play'; from?: number }
  | { type: 'pause' }
  | { type: 'toggle' }
  | { type: 'next-sentence' }
  | { type: 'previous-sentence' }
  | { type: 'next-paragraph' }
  | { type: 'previous-paragraph' }
  | { type: 'set-rate'; rate: number }
  | { type: 'spoken-word'; utterance: number; word: TextSpan }
  | { type: 'spoken-end'; utterance: number }
  | { type: 'spoken-error'; utterance: number; error: string }
  | { type: 'watchdog'; utterance: number }
  | { type: 'set-sleep'; minutes: number | 'article-end' | null; now: number }
  | { type: 'sleep-elapsed' };

export type PlaybackEffect =
  | { type: 'speak'; utterance: number; index: number; rate: number }
  | { type: 'silence' }
  /** The last sentence ended: `mayContinue` is false when the sleep timer asked to stop there. */
  | { type: 'finished'; mayContinue: boolean };

export interface PlaybackStep {
  state: PlaybackState;
  effects: PlaybackEffect[];
}

export function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}

export function initialPlayback(paragraphs: readonly number[], rate: number, index = 0): PlaybackState {
  return {
    status: 'stopped',
    index: Math.min(Math.max(0, index), Math.max(0, paragraphs.length - 1)),
    paragraphs,
    rate: clampRate(rate),
    utterance: 0,
    retries: 0,
    word: null,
    sleep: null,
    notice: null,
  };
}

/** Speaks sentence `index` as a new utterance (so the old one's late events are ignored). */
function speakAt(state: PlaybackState, index: number, retries = 0): PlaybackStep {
  const utterance = state.utterance + 1;
  return {
    state: { ...state, status: 'playing', index, utterance, retries, word: null },
    effects: [{ type: 'silence' }, { type: 'speak', utterance, index, rate: state.rate }],
  };
}

/** Moves to `index`: spoken at once while playing, otherwise only the place changes. */
function moveTo(state: PlaybackState, index: number): PlaybackStep {
  const last = state.paragraphs.length - 1;
  if (last < 0) return { state, effects: [] };
  const target = Math.min(Math.max(0, index), last);
  if (state.status === 'playing') return speakAt({ ...state, notice: null }, target);
  return { state: { ...state, index: target, word: null, status: state.status === 'finished' ? 'paused' : state.status, notice: null }, effects: [] };
}

function paragraphStart(paragraphs: readonly number[], index: number): number {
  let start = index;
  while (start > 0 && paragraphs[start - 1] === paragraphs[index]) start -= 1;
  return start;
}

/** The engine dropped the current sentence (no end, or an error): try it again, then move on, never stall. */
function recover(state: PlaybackState): PlaybackStep {
  if (state.retries < MAX_ATTEMPTS) return speakAt(state, state.index, state.retries + 1);
  const notice = 'The voice could not read one sentence; it was skipped.';
  if (state.index + 1 >= state.paragraphs.length) return finish({ ...state, notice });
  return speakAt({ ...state, notice }, state.index + 1);
}

function finish(state: PlaybackState): PlaybackStep {
  return {
    state: { ...state, status: 'finished', utterance: state.utterance + 1, word: null, sleep: state.sleep?.kind === 'article-end' ? null : state.sleep },
    effects: [{ type: 'silence' }, { type: 'finished', mayContinue: state.sleep?.kind !== 'article-end' }],
  };
}

function pause(state: PlaybackState): PlaybackStep {
  if (state.status !== 'playing') return { state, effects: [] };
  // A new id: the cancelled utterance's last events must not move the place.
  return { state: { ...state, status: 'paused', utterance: state.utterance + 1, word: null }, effects: [{ type: 'silence' }] };
}

export function step(state: PlaybackState, event: PlaybackEvent): PlaybackStep {
  const none = { state, effects: [] };
  const current = 'utterance' in event && event.utterance === state.utterance && state.status === 'playing';
  switch (event.type) {
    case 'play': {
      if (state.paragraphs.length === 0) return none;
      const from = event.from ?? (state.status === 'finished' ? 0 : state.index);
      return speakAt({ ...state, notice: null }, Math.min(Math.max(0, from), state.paragraphs.length - 1));
    }
    case 'pause':
      return pause(state);
    case 'toggle':
      return state.status === 'playing' ? pause(state) : step(state, { type: 'play' });
    case 'next-sentence':
      return state.index + 1 < state.paragraphs.length ? moveTo(state, state.index + 1) : none;
    case 'previous-sentence':
      return moveTo(state, state.index - 1);
    case 'next-paragraph': {
      const next = state.paragraphs.findIndex((p, i) => i > state.index && p !== state.paragraphs[state.index]);
      return next === -1 ? none : moveTo(state, next);
    }
    case 'previous-paragraph': {
      const start = paragraphStart(state.paragraphs, state.index);
      // Within a paragraph, back to its start; at its start, to the previous paragraph's.
      return moveTo(state, start < state.index ? start : paragraphStart(state.paragraphs, Math.max(0, start - 1)));
    }
    case 'set-rate': {
      const rate = clampRate(event.rate);
      if (rate === state.rate) return none;
      // The engine cannot change speed mid-utterance: the sentence starts again at the new rate.
      return state.status === 'playing' ? speakAt({ ...state, rate }, state.index) : { state: { ...state, rate }, effects: [] };
    }
    case 'spoken-word':
      return current ? { state: { ...state, word: event.word, retries: 0 }, effects: [] } : none;
    case 'spoken-end':
      if (!current) return none;
      if (state.index + 1 >= state.paragraphs.length) return finish(state);
      return speakAt({ ...state, notice: null }, state.index + 1);
    case 'spoken-error':
      // Interrupted or cancelled: that was us silencing it, and the id would already be stale.
      if (!current || event.error === 'interrupted' || event.error === 'canceled') return none;
      // Speech before the reader touched the page (a reload that resumed playing) is refused: wait for them.
      if (event.error === 'not-allowed') {
        const paused = pause(state);
        return { state: { ...paused.state, notice: 'Press play to start: the browser waits for a tap or a key press.' }, effects: paused.effects };
      }
      return recover(state);
    case 'watchdog':
      return current ? recover(state) : none;
    case 'set-sleep': {
      const sleep: SleepTimer = event.minutes === null ? null : event.minutes === 'article-end' ? { kind: 'article-end' } : { kind: 'at', time: event.now + event.minutes * 60_000 };
      return { state: { ...state, sleep }, effects: [] };
    }
    case 'sleep-elapsed': {
      if (state.sleep?.kind !== 'at') return none;
      const paused = pause({ ...state, sleep: null });
      return { state: { ...paused.state, sleep: null }, effects: paused.effects };
    }
  }
}

// Speech runs at roughly this many characters a second at rate 1 in the languages we read.
const CHARACTERS_PER_SECOND = 14;

/**
 * How long to wait for an utterance's `end` (or any sign of life) before treating it as dropped:
 * three times its expected length, and never less than a few seconds for a slow engine to start.
 */
export function watchdogDelayMs(characters: number, rate: number): number {
  return Math.round((characters / (CHARACTERS_PER_SECOND * clampRate(rate))) * 3000) + 5000;
}
