import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { HIGHLIGHT_QUERY_PARAM } from '../../config/paths.ts';
import type { Article } from '../../domain/articles/article.ts';
import { recordPosition } from '../../domain/reading/reading-progress.ts';
import { useHydrated } from '../../ui/use-hydrated.ts';
import { articleParagraphs, currentArticle } from '../../ui/page-landmarks.ts';
import { useReadingProgress, useReadingStore } from '../../data/reading/reading-context.tsx';

const SAVE_DELAY_MS = 400;

function measure(): { progress: number; paragraph: number; scrolled: boolean } | null {
  const article = currentArticle();
  if (!article) return null;
  const rect = article.getBoundingClientRect();
  const progress = rect.height > 0 ? (window.innerHeight - rect.top) / rect.height : 1;
  const paragraphs = articleParagraphs(article);
  const paragraph = Math.max(0, paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > 0));
  return { progress: Math.min(1, Math.max(0, progress)), paragraph, scrolled: window.scrollY > 0 };
}

/**
 * A thin progress bar with the time left, and the reading position: saved as the reader scrolls,
 * restored when they come back (unless the link points at a highlight).
 */
export function ReadingTracker({ article }: { article: Article }) {
  const store = useReadingStore();
  const saved = useReadingProgress()[article.id];
  const [percent, setPercent] = useState(0);
  const barRef = useRef<HTMLDivElement>(null);
  const [searchParams] = useSearchParams();
  const restoredFor = useRef<string | null>(null);
  // Saved positions are known only after hydration (the prerendered page has none).
  const hydrated = useHydrated();

  useEffect(() => {
    if (!hydrated || restoredFor.current === article.id) return;
    restoredFor.current = article.id;
    if (searchParams.has(HIGHLIGHT_QUERY_PARAM) || !saved || saved.read || saved.paragraph === 0 || window.scrollY > 0) return;
    articleParagraphs()[saved.paragraph]?.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [article.id, saved, searchParams, hydrated]);

  useEffect(() => {
    let frame = 0;
    let timer = 0;
    let pending: (() => void) | null = null;
    // A position waiting for its debounce is written at once when the reader leaves the article or the page,
    // so a quick scroll-then-back never loses it.
    const flush = () => {
      window.clearTimeout(timer);
      pending?.();
      pending = null;
    };
    const update = () => {
      frame = 0;
      const position = measure();
      if (!position) return;
      // The bar moves on every frame through the CSSOM (no style attribute for the CSP to refuse);
      // React re-renders only when the whole percentage changes.
      if (barRef.current) barRef.current.style.transform = `scaleX(${position.progress})`;
      setPercent(Math.round(position.progress * 100));
      window.clearTimeout(timer);
      // Only a reader who scrolled has a position to keep; an article that fits the screen is not "read" by opening it.
      if (!position.scrolled) return;
      pending = () => store.update((state, now) => recordPosition(state, article.id, position.progress, position.paragraph, now));
      timer = window.setTimeout(flush, SAVE_DELAY_MS);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      window.removeEventListener('pagehide', flush);
      cancelAnimationFrame(frame);
      flush();
    };
  }, [article.id, store]);

  const minutesLeft = Math.ceil((article.readingMinutes * (100 - percent)) / 100);
  return (
    <>
      <div
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="fixed inset-x-0 top-0 z-30 h-1 bg-transparent print:hidden"
      >
        <div ref={barRef} className="h-full origin-[0_0] scale-x-0 bg-blue-700 rtl:origin-[100%_0] dark:bg-sky-300" />
      </div>
      <span className="print:hidden">{minutesLeft > 0 ? `${minutesLeft} min left` : 'Finished'}</span>
    </>
  );
}
