import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../domain/articles/article.ts';
import { MAX_QUOTE_LENGTH } from '../../domain/highlights/highlight.ts';
import { createHighlightStorage } from '../../domain/highlights/highlight-storage.ts';
import { createHighlightStore, type HighlightStore } from '../../domain/highlights/highlight-store.ts';
import { HighlightableArticleBody } from './highlightable-article-body.tsx';
import { HighlightsProvider } from './highlights-context.tsx';

/** An article as long as a select-all on a very long page gives: longer than a highlight may be. */
const sentence = 'The committee heard evidence from every harbour on the coast. ';
const longArticle: Article = {
  id: 'long',
  slug: 'long',
  headline: 'A very long report',
  paragraphs: Array.from({ length: 60 }, () => sentence.repeat(29).trim()),
  excerpt: '',
  wordCount: 0,
  readingMinutes: 400,
};

function renderBody(store: HighlightStore) {
  const router = createMemoryRouter([{ path: '/', element: <HighlightableArticleBody article={longArticle} /> }]);
  render(
    <HighlightsProvider store={store}>
      <RouterProvider router={router} />
    </HighlightsProvider>,
  );
}

function selectAll(from: Element, to: Element) {
  const range = document.createRange();
  range.setStart(from.firstChild as Text, 0);
  range.setEnd(to.firstChild as Text, (to.textContent ?? '').length);
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('HighlightableArticleBody', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('refuses a passage too long to store, saying so, and keeps nothing that a reload would drop', async () => {
    const store = createHighlightStore(createHighlightStorage(() => window.localStorage));
    renderBody(store);
    const paragraphs = screen.getByTestId('article-body').querySelectorAll('p');
    expect(longArticle.paragraphs.join('\n').length).toBeGreaterThan(MAX_QUOTE_LENGTH);
    act(() => selectAll(paragraphs[0] as Element, paragraphs[paragraphs.length - 1] as Element));
    await userEvent.keyboard('h');

    expect((await screen.findByRole('alert')).textContent).toMatch(/characters long; a highlight can hold at most 100,000\. Select a shorter passage\./);
    expect(store.getSnapshot().highlights).toEqual([]);
    expect(screen.getByTestId('article-body').querySelector('mark')).toBeNull();
    // What is shown is what a reload finds.
    expect(createHighlightStore(createHighlightStorage(() => window.localStorage)).getSnapshot().highlights).toEqual([]);
  });

  it('highlights a passage within the limit, and a reload finds it', async () => {
    const store = createHighlightStore(createHighlightStorage(() => window.localStorage));
    renderBody(store);
    const first = screen.getByTestId('article-body').querySelector('p') as Element;
    act(() => selectAll(first, first));
    await userEvent.keyboard('h');

    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.getSnapshot().highlights).toHaveLength(1);
    expect(createHighlightStore(createHighlightStorage(() => window.localStorage)).getSnapshot().highlights).toEqual(store.getSnapshot().highlights);
  });
});
