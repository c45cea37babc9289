import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Article } from '../../domain/articles/article.ts';
import { rangeFromSpan } from '../../domain/highlights/anchoring/dom-text-position.ts';
import { chooseVoice, primaryLanguage, voicesForLanguage } from '../../domain/listening/listen-preferences.ts';
import { buildListeningQueue, firstSentenceOfParagraph, HEADLINE, sentenceAtOffset } from '../../domain/listening/listening-queue.ts';
import type { PlaybackEvent } from '../../domain/listening/playback.ts';
import { recordListening } from '../../domain/reading/reading-progress.ts';
import { isShortcutEvent, useShortcutsEnabled } from '../../ui/keyboard.ts';
import { useReadingStore } from '../../data/reading/reading-context.tsx';
import { useFollowAlong } from './follow-along.ts';
import type { ListenStart } from './listen-start.ts';
import { ListenOptions } from './listen-options.tsx';
import { PlayerIcon, type PlayerIconName } from './player-icons.tsx';
import { browserSpeechEngine } from './speech-engine.ts';
import { useListenPreferences } from './use-listen-preferences.ts';
import { useMediaSession } from './use-media-session.ts';
import { usePlayback } from './use-playback.ts';
import { useVoices } from './use-voices.ts';

export interface ListenPlayerProps {
  article: Article;
  start: ListenStart;
  /** Opened by a press of the Listen button: focus goes to the player's play button. */
  takeFocus: boolean;
  /** Null when this is the last article. */
  onNextArticle: (() => void) | null;
  onClose(): void;
}

function languageName(lang: string | undefined): string {
  if (!lang) return 'this article’s language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

function ControlButton({ icon, label, onPress, disabled, big }: { icon: PlayerIconName; label: string; onPress(): void; disabled?: boolean; big?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onPress}
      className={`grid place-items-center rounded-full text-stone-900 hover:bg-stone-200 disabled:text-stone-400 dark:text-stone-100 dark:hover:bg-stone-700 dark:disabled:text-stone-500 ${big ? 'size-12 bg-blue-700 text-white hover:bg-blue-800 dark:bg-sky-300 dark:text-stone-900 dark:hover:bg-sky-200' : 'size-11'}`}
    >
      <PlayerIcon name={icon} />
    </button>
  );
}

/**
 * The Listen player: a bar at the bottom of the screen (one thumb reaches it on a phone) that reads
 * the article aloud sentence by sentence, marks the sentence in the text and keeps it in view.
 */
export default function ListenPlayer({ article, start, takeFocus, onNextArticle, onClose }: ListenPlayerProps) {
  const [engine] = useState(browserSpeechEngine);
  const voicesState = useVoices(engine);
  const [preferences, setPreferences] = useListenPreferences();
  const readingStore = useReadingStore();
  const shortcutsEnabled = useShortcutsEnabled();
  const barRef = useRef<HTMLElement>(null);
  const playRef = useRef<HTMLButtonElement>(null);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [finishedNote, setFinishedNote] = useState<string | null>(null);
  const optionsId = useId();

  const queue = useMemo(() => buildListeningQueue(article), [article]);
  const startAt = useMemo(() => {
    if (start.kind === 'offset') return sentenceAtOffset(queue, start.offset);
    if (start.kind === 'paragraph') return firstSentenceOfParagraph(queue, start.paragraph);
    return 0;
  }, [queue, start]);

  const language = primaryLanguage(article.lang ?? navigator.language);
  const allVoices = useMemo(() => (voicesState.status === 'ready' ? voicesState.voices : []), [voicesState]);
  const ranked = useMemo(() => voicesForLanguage(allVoices, language, navigator.language), [allVoices, language]);
  const remembered = preferences.voices[language];
  const voice = chooseVoice(ranked, remembered) ?? allVoices.find((v) => v.voiceURI === remembered) ?? null;
  const canSpeak = engine !== null && voicesState.status === 'ready' && allVoices.length > 0;

  const continueToNext = preferences.continueToNext;
  const onFinished = useCallback(
    (mayContinue: boolean) => {
      readingStore.update((state, now) => recordListening(state, article.id, null, now));
      if (mayContinue && continueToNext && onNextArticle) onNextArticle();
      else setFinishedNote('Finished reading the article.');
    },
    [readingStore, article.id, continueToNext, onNextArticle],
  );

  const { state, word, dispatch } = usePlayback({ engine, queue, lang: voice?.lang ?? article.lang, voice, rate: preferences.rate, startAt, onFinished });
  const send = useCallback(
    (event: PlaybackEvent) => {
      setFinishedNote(null);
      dispatch(event);
    },
    [dispatch],
  );
  const sentence = state.status === 'stopped' ? null : (queue[state.index] ?? null);
  const { detached, backToVoice } = useFollowAlong(sentence, word, () => barRef.current?.offsetHeight ?? 0);

  // Starts at once when there is a voice to start with (no voice for the language: the reader chooses).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !canSpeak || ranked.length === 0) return;
    started.current = true;
    dispatch({ type: 'play', from: startAt });
  }, [canSpeak, ranked.length, dispatch, startAt]);

  useEffect(() => {
    if (takeFocus) playRef.current?.querySelector('button')?.focus({ preventScroll: true });
  }, [takeFocus]);

  // Where listening is, saved with the reading position (the headline is not worth resuming from).
  const savedSentence = state.status === 'playing' || state.status === 'paused' ? queue[state.index] : undefined;
  useEffect(() => {
    if (!savedSentence || savedSentence.paragraph === HEADLINE) return;
    readingStore.update((current, now) => recordListening(current, article.id, savedSentence.start, now));
  }, [savedSentence, readingStore, article.id]);

  // The bar covers the bottom of the page: the page grows by its height so the last lines can be read.
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const observer = new ResizeObserver(() => {
      document.body.style.paddingBottom = `${bar.offsetHeight}px`;
    });
    observer.observe(bar);
    return () => {
      observer.disconnect();
      document.body.style.paddingBottom = '';
    };
  }, []);

  // `l` plays and pauses; `h` highlights the sentence being read (through the article's own `h`).
  const latest = useRef({ sentence, canSpeak });
  useEffect(() => {
    latest.current = { sentence, canSpeak };
  });
  useEffect(() => {
    if (!shortcutsEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || document.querySelector('dialog[open]')) return;
      if (event.key === 'l') {
        event.preventDefault();
        if (latest.current.canSpeak) send({ type: 'toggle' });
        return;
      }
      const current = latest.current.sentence;
      const selection = document.getSelection();
      if (event.key !== 'h' || !current || current.paragraph === HEADLINE || (selection && !selection.isCollapsed)) return;
      const body = document.querySelector('main article');
      const range = body && rangeFromSpan(body, current);
      if (!range || !selection) return;
      // Selected, not highlighted here: the article's `h` handler, which runs next, highlights the selection.
      selection.removeAllRanges();
      selection.addRange(range);
    };
    // Capture: the selection must be in place before the article's own key handler reads it.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [shortcutsEnabled, send]);

  useMediaSession(article.headline, state.status, {
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    previousSentence: () => send({ type: 'previous-sentence' }),
    nextSentence: () => send({ type: 'next-sentence' }),
    previousParagraph: () => send({ type: 'previous-paragraph' }),
    nextArticle: onNextArticle,
  });

  const languageLabel = languageName(article.lang);
  let problem: string | null = null;
  if (!engine) problem = 'This browser cannot read aloud: it has no speech synthesis.';
  else if (voicesState.status === 'loading') problem = 'Looking for voices…';
  else if (allVoices.length === 0) problem = 'No voices are installed for reading aloud on this device. Add a text-to-speech voice in the system’s settings, then open the player again.';
  else if (ranked.length === 0)
    problem = voice
      ? `No ${languageLabel} voice on this device: reading with ${voice.name}, which may mispronounce it.`
      : `No ${languageLabel} voice on this device. Choose another language’s voice in the options to read it anyway.`;

  const playing = state.status === 'playing';
  const statusText = state.notice ?? finishedNote ?? (playing ? 'Playing' : state.status === 'paused' ? 'Paused' : '');
  const position = sentence ? `Sentence ${state.index + 1} of ${queue.length}` : '';

  // In <body>, not in the article: the bar is the page's own control, and the article's paragraphs stay its text alone.
  return createPortal(
    <section
      ref={barRef}
      aria-label="Listen"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-stone-300 bg-white/95 pb-[env(safe-area-inset-bottom)] font-sans text-stone-900 shadow-lg backdrop-blur print:hidden dark:border-stone-600 dark:bg-stone-800/95 dark:text-stone-100"
    >
      <div className="mx-auto max-w-2xl px-2 pt-2 pb-2">
        {detached && sentence && (
          <div className="mb-2 flex justify-center">
            <button type="button" onClick={backToVoice} className="min-h-11 rounded-full border border-stone-500 bg-white px-4 text-sm font-semibold dark:bg-stone-900">
              Back to the voice
            </button>
          </div>
        )}
        {problem && (
          <p role="status" className="mb-2 px-2 text-sm">
            {problem}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-center gap-0.5 sm:gap-2">
          <ControlButton icon="previousParagraph" label="Previous paragraph" onPress={() => send({ type: 'previous-paragraph' })} disabled={!canSpeak} />
          <ControlButton icon="previousSentence" label="Previous sentence" onPress={() => send({ type: 'previous-sentence' })} disabled={!canSpeak} />
          <span ref={playRef} className="contents">
            <ControlButton icon={playing ? 'pause' : 'play'} label={playing ? 'Pause' : 'Play'} onPress={() => send({ type: 'toggle' })} disabled={!canSpeak} big />
          </span>
          <ControlButton icon="nextSentence" label="Next sentence" onPress={() => send({ type: 'next-sentence' })} disabled={!canSpeak} />
          <ControlButton icon="nextParagraph" label="Next paragraph" onPress={() => send({ type: 'next-paragraph' })} disabled={!canSpeak} />
          <button
            type="button"
            aria-label="Listening options"
            title="Listening options"
            aria-expanded={optionsOpen}
            aria-controls={optionsId}
            onClick={() => setOptionsOpen((open) => !open)}
            className="grid size-11 place-items-center rounded-full hover:bg-stone-200 dark:hover:bg-stone-700"
          >
            <PlayerIcon name="options" />
          </button>
          <ControlButton icon="close" label="Close player" onPress={onClose} />
        </div>
        <p className="mt-1 flex justify-center gap-2 text-center text-xs text-stone-700 dark:text-stone-300">
          <span aria-live="polite">{statusText}</span>
          {position && <span>{position}</span>}
          <span>{preferences.rate}×</span>
        </p>
        {optionsOpen && (
          <ListenOptions
            id={optionsId}
            rate={preferences.rate}
            onRate={(rate) => {
              setPreferences((current) => ({ ...current, rate }));
              send({ type: 'set-rate', rate });
            }}
            voices={ranked.length > 0 ? ranked : allVoices}
            voicesAreOtherLanguages={ranked.length === 0}
            languageLabel={languageLabel}
            voiceURI={voice?.voiceURI ?? ''}
            onVoice={(voiceURI) => {
              setPreferences((current) => ({ ...current, voices: { ...current.voices, [language]: voiceURI } }));
              // The new voice reads from the start of the sentence.
              if (playing) requestAnimationFrame(() => send({ type: 'play' }));
            }}
            sleep={state.sleep}
            onSleep={(minutes) => send({ type: 'set-sleep', minutes, now: Date.now() })}
            continueToNext={preferences.continueToNext}
            onContinueToNext={(value) => setPreferences((current) => ({ ...current, continueToNext: value }))}
          />
        )}
      </div>
    </section>,
    document.body,
  );
}
