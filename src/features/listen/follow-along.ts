import { useCallback, useEffect, useRef, useState } from 'react';
import { rangeFromSpan } from '../../domain/highlights/anchoring/dom-text-position.ts';
import { HEADLINE, type QueuedSentence } from '../../domain/listening/listening-queue.ts';
import type { TextSpan } from '../../domain/listening/sentences.ts';

/** Names of the CSS custom highlights (styled with ::highlight() in styles.css). */
export const SENTENCE_HIGHLIGHT = 'listen-sentence';
export const WORD_HIGHLIGHT = 'listen-word';
const FALLBACK_ATTRIBUTE = 'data-listening';

function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

function articleElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main article');
}

function headlineRange(span: TextSpan): Range | null {
  const text = document.getElementById('article-headline')?.firstChild;
  if (!(text instanceof Text)) return null;
  const range = document.createRange();
  range.setStart(text, Math.min(span.start, text.length));
  range.setEnd(text, Math.min(span.end, text.length));
  return range;
}

/** The DOM range of a span of the sentence's own source (the headline, or the article text). */
export function sentenceRange(sentence: QueuedSentence, relative?: TextSpan | null): Range | null {
  const span = relative ? { start: sentence.start + relative.start, end: sentence.start + relative.end } : sentence;
  if (sentence.paragraph === HEADLINE) return headlineRange(span);
  const article = articleElement();
  return article ? rangeFromSpan(article, span) : null;
}

function sentenceElement(sentence: QueuedSentence): HTMLElement | null {
  if (sentence.paragraph === HEADLINE) return document.getElementById('article-headline');
  return articleElement()?.querySelectorAll<HTMLElement>('p[data-text-start]')[sentence.paragraph] ?? null;
}

function draw(sentence: QueuedSentence | null, word: TextSpan | null): Range | null {
  document.querySelectorAll(`[${FALLBACK_ATTRIBUTE}]`).forEach((element) => element.removeAttribute(FALLBACK_ATTRIBUTE));
  if (supportsCustomHighlights()) {
    CSS.highlights.delete(SENTENCE_HIGHLIGHT);
    CSS.highlights.delete(WORD_HIGHLIGHT);
  }
  if (!sentence) return null;
  const range = sentenceRange(sentence);
  if (!range) return null;
  if (supportsCustomHighlights()) {
    CSS.highlights.set(SENTENCE_HIGHLIGHT, new Highlight(range));
    const wordRange = word && sentenceRange(sentence, word);
    if (wordRange) CSS.highlights.set(WORD_HIGHLIGHT, new Highlight(wordRange));
  } else {
    // Without the Highlight API the whole paragraph is marked: its text is never wrapped or changed.
    sentenceElement(sentence)?.setAttribute(FALLBACK_ATTRIBUTE, '');
  }
  return range;
}

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

// How much of a sentence must show above the player to count as in view: about two lines.
const VISIBLE_PART_PX = 64;

function isInView(range: Range, bottomInset: number): boolean {
  const rect = range.getBoundingClientRect();
  return rect.top >= 0 && Math.min(rect.bottom, rect.top + VISIBLE_PART_PX) <= window.innerHeight - bottomInset;
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Marks the sentence being read (and its word, when the voice reports words) without touching the
 * article's DOM text, and keeps it in view, unless the reader scrolled away to read elsewhere:
 * then `detached` is true until they come back or press "Back to the voice".
 */
export function useFollowAlong(sentence: QueuedSentence | null, word: TextSpan | null, bottomInset: () => number) {
  const [detached, setDetached] = useState(false);
  const detachedRef = useRef(false);
  const rangeRef = useRef<Range | null>(null);
  // Whether the reader has used a wheel, touch or scrolling key since the player last scrolled the page
  // itself: by the order of events, not by time, so a busy device that delivers scroll events late
  // still tells the reader's scrolling from the player's.
  const readerScrolledRef = useRef(false);
  const insetRef = useRef(bottomInset);
  useEffect(() => {
    insetRef.current = bottomInset;
  });

  const setDetachedBoth = useCallback((value: boolean) => {
    detachedRef.current = value;
    setDetached(value);
  }, []);

  const bringIntoView = useCallback((force: boolean) => {
    const range = rangeRef.current;
    if (!range || (!force && (detachedRef.current || isInView(range, insetRef.current())))) return;
    const rect = range.getBoundingClientRect();
    // A third of the way down: the reader sees what came before and what follows.
    const top = window.scrollY + rect.top - window.innerHeight / 3;
    readerScrolledRef.current = false;
    window.scrollTo({ top: Math.max(0, top), behavior: reducedMotion() || force ? 'instant' : 'smooth' });
  }, []);

  // Draw the mark when the sentence or word changes, and again whenever React redraws the paragraphs
  // (a new highlight splits a paragraph's text nodes, which would leave the old range empty).
  useEffect(() => {
    rangeRef.current = draw(sentence, word);
    const body = articleElement();
    if (!body || !sentence) return;
    const observer = new MutationObserver(() => {
      rangeRef.current = draw(sentence, word);
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [sentence, word]);

  // Only a new sentence scrolls; words do not.
  useEffect(() => {
    bringIntoView(false);
  }, [sentence, bringIntoView]);

  useEffect(() => () => void draw(null, null), []);

  useEffect(() => {
    const onUserAction = () => {
      readerScrolledRef.current = true;
    };
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) onUserAction();
    };
    const onScroll = () => {
      if (!readerScrolledRef.current) return;
      const range = rangeRef.current;
      if (range) setDetachedBoth(!isInView(range, insetRef.current()));
    };
    window.addEventListener('wheel', onUserAction, { passive: true });
    window.addEventListener('touchmove', onUserAction, { passive: true });
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('wheel', onUserAction);
      window.removeEventListener('touchmove', onUserAction);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', onScroll);
    };
  }, [setDetachedBoth]);

  const backToVoice = useCallback(() => {
    setDetachedBoth(false);
    bringIntoView(true);
  }, [bringIntoView, setDetachedBoth]);

  return { detached, backToVoice };
}
