import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { HighlightsProvider } from '../features/highlights/highlights-context.tsx';
import { createTestHighlightStore, sampleArticles, sampleCatalog } from '../testing/sample-articles.ts';
import { createRoutes } from './routes.tsx';
import { ReadingProgressProvider } from '../features/reading/reading-context.tsx';
import { createReadingProgressStore } from '../domain/reading/reading-progress.ts';

function renderApp(path: string) {
  const store = createTestHighlightStore();
  const router = createMemoryRouter(createRoutes(sampleCatalog), { initialEntries: [path] });
  render(
    <HighlightsProvider store={store}>
      <ReadingProgressProvider store={createReadingProgressStore(() => window.localStorage)}>
        <RouterProvider router={router} />
      </ReadingProgressProvider>
    </HighlightsProvider>,
  );
  return { store, router };
}

/** Selects text inside one paragraph of the article, as a reader's drag or long-press would. */
function selectInParagraph(index: number, from: string, to: string) {
  const paragraph = document.querySelectorAll('article p')[index];
  const text = paragraph?.firstChild as Text;
  const range = document.createRange();
  const start = text.data.indexOf(from);
  range.setStart(text, start);
  range.setEnd(text, text.data.indexOf(to, start) + to.length);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

describe('article route', () => {
  it('renders the headline as the only h1 and every paragraph as its own <p>, exactly', async () => {
    renderApp('/article/coalition-pauses-operations/');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Coalition pauses operations in Iraq');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    const paragraphs = [...document.querySelectorAll('article p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(sampleArticles[0]?.paragraphs);
    await waitFor(() => expect(document.title).toBe('Coalition pauses operations in Iraq · Broadsheet'));
  });

  it('links to the neighbouring articles and back to the list', async () => {
    renderApp('/article/cafe-opens-in-montreal/');
    // Relative hrefs, so the same HTML works under any sub-path and without JavaScript.
    expect((await screen.findByRole('link', { name: /Previous article/ })).getAttribute('href')).toBe('../coalition-pauses-operations/');
    expect(screen.getByRole('link', { name: /Next article/ }).getAttribute('href')).toBe('../long-read-on-harbours/');
    expect(screen.getByRole('link', { name: 'All articles' }).getAttribute('href')).toBe('../../');
  });

  it('shows the not-found view for an unknown slug and for an unknown route', async () => {
    renderApp('/article/no-such-article');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Article not found');
    expect(screen.getByRole('link', { name: 'Go to all articles' })).toBeTruthy();
  });

  it('shows the not-found view for an unknown route', async () => {
    renderApp('/this/is/not/a/page');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found');
  });

  it('adds a highlight from a selection and removes it from the mark', async () => {
    const { store } = renderApp('/article/coalition-pauses-operations/');
    await screen.findByRole('heading', { level: 1 });

    selectInParagraph(1, 'pause all', 'missions');
    fireEvent.click(await screen.findByRole('button', { name: 'Highlight yellow' }));

    const mark = document.querySelector('article mark');
    expect(mark?.textContent).toBe('pause all military missions');
    expect(document.querySelectorAll('article p')[1]?.textContent).toBe(sampleArticles[0]?.paragraphs[1]);
    expect(store.getSnapshot().highlights).toHaveLength(1);

    fireEvent.click(mark as Element);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove highlight' }));
    await waitFor(() => expect(document.querySelector('article mark')).toBeNull());
    expect(store.getSnapshot().highlights).toHaveLength(0);

    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.querySelector('article mark')?.textContent).toBe('pause all military missions'));
  });
});

describe('highlights route', () => {
  it('says how to make a highlight when there are none', async () => {
    renderApp('/highlights/');
    expect(await screen.findByText(/You have no highlights yet/)).toBeTruthy();
  });

  it('lists highlights by article, each quote linking to its place', async () => {
    const { store } = renderApp('/highlights/');
    const text = sampleArticles[0]?.paragraphs.join('\n') ?? '';
    act(() => {
      store.add({ articleId: '001', articleHeadline: 'Coalition pauses operations in Iraq', text, span: { start: text.indexOf('Sweden'), end: text.indexOf('Sweden') + 'Sweden'.length } });
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Coalition pauses operations in Iraq' })).toBeTruthy();
    const quote = screen.getByRole('link', { name: /Sweden/ });
    const id = store.getSnapshot().highlights[0]?.id ?? '';
    expect(quote.getAttribute('href')).toBe(`../article/coalition-pauses-operations/?highlight=${id}`);
  });
});
