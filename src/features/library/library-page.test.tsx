import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { sampleArticles } from '../../testing/sample-articles.ts';
import { LibraryPage } from './library-page.tsx';

function renderLibrary(initialEntry = '/', counts: ReadonlyMap<string, number> = new Map()) {
  const router = createMemoryRouter([{ path: '/', element: <LibraryPage articles={sampleArticles} highlightCounts={counts} /> }], {
    initialEntries: [initialEntry],
  });
  render(<RouterProvider router={router} />);
  return router;
}

const headlines = () =>
  within(screen.getByRole('list', { name: 'Articles' }))
    .queryAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);

describe('LibraryPage', () => {
  it('lists every article with a link, an excerpt, its reading time and its highlight count', () => {
    renderLibrary('/', new Map([['001', 2]]));
    expect(headlines()).toEqual(['Coalition pauses operations in Iraq', 'Café opens in Montréal', 'A long read on harbours']);
    const first = screen.getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Coalition pauses operations in Iraq' }).getAttribute('href')).toBe('article/coalition-pauses-operations/');
    expect(first.textContent).toContain('Members of the coalition have suspended operations.');
    expect(first.textContent).toContain('1 min read');
    expect(first.textContent).toContain('2 highlights');
  });

  it('filters by headline and by body text as the reader types, ignoring case and accents', async () => {
    const user = userEvent.setup();
    const router = renderLibrary();
    const search = screen.getByRole('searchbox', { name: 'Search articles' });

    await user.type(search, 'montreal');
    expect(headlines()).toEqual(['Café opens in Montréal']);
    expect(router.state.location.search).toBe('?q=montreal');

    await user.clear(search);
    await user.type(search, 'soldiers');
    expect(headlines()).toEqual(['Coalition pauses operations in Iraq']);
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    renderLibrary();
    await user.type(screen.getByRole('searchbox', { name: 'Search articles' }), 'zeppelin');
    expect(headlines()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('No articles match “zeppelin”.');
  });

  it('restores the query and sort order from the URL', () => {
    renderLibrary('/?q=harbours&sort=reading-time');
    expect((screen.getByRole('searchbox', { name: 'Search articles' }) as HTMLInputElement).value).toBe('harbours');
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('reading-time');
    expect(headlines()).toEqual(['A long read on harbours']);
  });

  it('sorts by headline', async () => {
    const user = userEvent.setup();
    renderLibrary();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'headline');
    expect(headlines()).toEqual(['A long read on harbours', 'Café opens in Montréal', 'Coalition pauses operations in Iraq']);
  });
});
