import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LIST_PAGE_SIZE } from '../../domain/articles/corpus-layout.ts';
import { describe, expect, it, vi } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import type { Article } from '../../domain/articles/article.ts';
import type { ArticleProgress, ReadingProgress } from '../../domain/reading/reading-progress.ts';
import { createTestServices, renderWithServices, type TestServices } from '../../testing/test-services.tsx';
import { MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS } from '../../domain/search/query-limits.ts';
import { LibraryPage } from './library-page.tsx';

function renderLibrary(
  initialEntry = '/',
  options: { counts?: ReadonlyMap<string, number>; reading?: ReadingProgress; services?: TestServices; onArticleIntent?: (slug: string) => void } = {},
) {
  const services = options.services ?? createTestServices();
  const element = (
    <LibraryPage
      highlightCounts={options.counts ?? new Map()}
      {...(options.reading ? { reading: options.reading } : {})}
      {...(options.onArticleIntent ? { onArticleIntent: options.onArticleIntent } : {})}
    />
  );
  const { router } = renderWithServices([{ path: '/', element }], initialEntry, services);
  return { router, services };
}

const list = () => screen.getByRole('list', { name: 'Articles' });
const headlines = () =>
  within(list())
    .queryAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
/** The list's live status line (the page has only this one). */
const status = () => screen.getByRole('status').textContent;
const marked = () => [...list().querySelectorAll('mark.search-match')].map((mark) => mark.textContent);
const searchBox = () => screen.getByRole('searchbox', { name: 'Search articles' });
const sortSelect = () => screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement;
const fetchedPaths = (services: TestServices) => services.host.requests.map((path) => path.slice(services.data.manifest.dataDir.length));

const FILE_ORDER = ['Coalition pauses operations in Iraq', 'Café opens in Montréal', 'A long read on harbours'];

const progress = (entry: Partial<ArticleProgress>): ArticleProgress => ({ progress: 0, paragraph: 0, read: false, updatedAt: '2026-01-01T00:00:00.000Z', ...entry });

describe('LibraryPage', () => {
  it('tells when the reader is about to open an article: pointer over its link, a touch or focus', async () => {
    const intents: string[] = [];
    renderLibrary('/', { onArticleIntent: (slug) => intents.push(slug) });
    const link = within(list()).getAllByRole('link')[0] as HTMLElement;
    fireEvent.pointerEnter(link);
    fireEvent.touchStart(link);
    act(() => link.focus());
    expect(intents).toHaveLength(3);
    expect(new Set(intents).size).toBe(1);
    expect(link.getAttribute('href')).toBe(`article/${intents[0] ?? ''}/`);
  });

  it('lists every article with a link, an excerpt, its reading time and its highlight count, without fetching', () => {
    const { services } = renderLibrary('/', { counts: new Map([['001', 2]]) });
    expect(headlines()).toEqual(FILE_ORDER);
    const first = within(list()).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'Coalition pauses operations in Iraq' }).getAttribute('href')).toBe('article/coalition-pauses-operations/');
    expect(first.textContent).toContain('Members of the coalition have suspended operations.');
    expect(first.textContent).toContain('1 min read');
    expect(first.textContent).toContain('2 highlights');
    expect(within(list()).getAllByRole('listitem')[2]?.textContent).toContain('12 min read');
    expect(status()).toBe('3 articles');
    // The first page of the list comes with the app.
    expect(services.host.requests).toEqual([]);
  });

  it('tells assistive technology each row’s place in the whole list', () => {
    renderLibrary();
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('aria-posinset'))).toEqual(['1', '2', '3']);
    expect(rows.every((row) => row.getAttribute('aria-setsize') === '3')).toBe(true);
  });

  it('searches headlines and body text as the reader types, ignoring case and accents, and keeps the query in the URL', async () => {
    const user = userEvent.setup();
    const { router, services } = renderLibrary();

    await user.type(searchBox(), 'montreal');
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal']));
    expect(router.state.location.search).toBe('?q=montreal');
    expect(marked()).toEqual(['Montréal']);
    expect(status()).toBe('1 article match “montreal”');

    await user.clear(searchBox());
    await user.type(searchBox(), 'SOLDIERS');
    // Found in the body: the headline and excerpt have nothing to mark.
    await waitFor(() => expect(headlines()).toEqual(['Coalition pauses operations in Iraq']));
    expect(router.state.location.search).toBe('?q=SOLDIERS');
    expect(marked()).toEqual([]);
    expect(services.search.requests.at(-1)).toEqual({ text: 'SOLDIERS', sort: 'relevance' });
  });

  it('marks the matched words in the headline and the excerpt, as text', async () => {
    const user = userEvent.setup();
    renderLibrary();
    await user.type(searchBox(), 'cafe');
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal']));
    expect(marked()).toEqual(['Café', 'café']);
    const row = within(list()).getByRole('listitem');
    expect(row.textContent).toContain('A new café opened its doors on Élysée street.');
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    renderLibrary();
    await user.type(searchBox(), 'zeppelin');
    await waitFor(() => expect(status()).toBe('No articles match “zeppelin”.'));
    expect(headlines()).toEqual([]);
  });

  it('searches only the first words of a very long query from the URL, and says so', async () => {
    const words = Array.from({ length: 500 }, (_, n) => (n % 2 ? 'café' : 'montréal')).join(' ');
    const { services } = renderLibrary(`/?q=${encodeURIComponent(words)}`);
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal']));
    expect(screen.getByText(`Only the first ${MAX_QUERY_WORDS} words are searched.`)).toBeTruthy();
    const searched = services.search.requests.at(-1)?.text ?? '';
    expect(searched.split(' ')).toHaveLength(MAX_QUERY_WORDS);
    expect(status()).toBe(`1 article match “${searched}”`);
  });

  it('searches only the first characters of a 20,000-character query, and says so', async () => {
    const { services } = renderLibrary(`/?q=${'x'.repeat(20_000)}`);
    await waitFor(() => expect(status()).toBe(`No articles match “${'x'.repeat(MAX_QUERY_CHARACTERS)}”.`));
    expect(screen.getByText(`Only the first ${MAX_QUERY_CHARACTERS} characters are searched.`)).toBeTruthy();
    expect(services.search.requests.every((request) => request.text.length <= MAX_QUERY_CHARACTERS)).toBe(true);
  });

  it('shows no note for a query within the limits', async () => {
    renderLibrary('/?q=harbours');
    await waitFor(() => expect(headlines()).toEqual(['A long read on harbours']));
    expect(screen.queryByText(/are searched\./u)).toBeNull();
  });

  it('restores the query and sort order from the URL', async () => {
    renderLibrary('/?q=harbours&sort=reading-time');
    expect((searchBox() as HTMLInputElement).value).toBe('harbours');
    expect(sortSelect().value).toBe('reading-time');
    await waitFor(() => expect(headlines()).toEqual(['A long read on harbours']));
  });

  it('puts the best matches first while searching, unless the reader chose an order', async () => {
    const user = userEvent.setup();
    const { router } = renderLibrary('/?q=in');
    await waitFor(() => expect(headlines()).toHaveLength(2));
    expect(sortSelect().value).toBe('relevance');
    await user.selectOptions(sortSelect(), 'headline');
    expect(router.state.location.search).toBe('?q=in&sort=headline');
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal', 'Coalition pauses operations in Iraq']));
  });

  it('sorts by headline, fetching that order’s list page', async () => {
    const user = userEvent.setup();
    const { router, services } = renderLibrary();
    await user.selectOptions(sortSelect(), 'headline');
    expect(router.state.location.search).toBe('?sort=headline');
    await waitFor(() => expect(headlines()).toEqual(['A long read on harbours', 'Café opens in Montréal', 'Coalition pauses operations in Iraq']));
    expect(fetchedPaths(services)).toEqual(['list/headline/0.json']);

    await user.selectOptions(sortSelect(), 'reading-time');
    // Shortest first: equal minutes are ordered by word count.
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal', 'Coalition pauses operations in Iraq', 'A long read on harbours']));
    await user.selectOptions(sortSelect(), 'file');
    expect(router.state.location.search).toBe('');
    expect(headlines()).toEqual(FILE_ORDER);
  });

  it('filters by reading status', async () => {
    const user = userEvent.setup();
    const reading = { '001': progress({ progress: 1, read: true }), '002': progress({ progress: 0.4, paragraph: 1 }) };
    const { router } = renderLibrary('/', { reading });
    const show = screen.getByRole('combobox', { name: 'Show' });

    await user.selectOptions(show, 'read');
    expect(router.state.location.search).toBe('?status=read');
    await waitFor(() => expect(headlines()).toEqual(['Coalition pauses operations in Iraq']));
    await user.selectOptions(show, 'in-progress');
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal']));
    await user.selectOptions(show, 'unread');
    await waitFor(() => expect(headlines()).toEqual(['A long read on harbours']));
    await user.selectOptions(show, '');
    expect(router.state.location.search).toBe('');
    expect(headlines()).toEqual(FILE_ORDER);
  });

  it('restores the status filter from the URL and combines it with a search', async () => {
    const reading = { '002': progress({ progress: 1, read: true }) };
    renderLibrary('/?status=unread&q=in', { reading });
    expect((screen.getByRole('combobox', { name: 'Show' }) as HTMLSelectElement).value).toBe('unread');
    await waitFor(() => expect(headlines()).toEqual(['Coalition pauses operations in Iraq']));
  });

  it('says so when no article has the chosen status', async () => {
    renderLibrary('/?status=read');
    await waitFor(() => expect(status()).toBe('No read articles.'));
    expect(headlines()).toEqual([]);
  });

  it('offers to continue the article most recently read and not finished', () => {
    const reading = {
      '001': progress({ progress: 0.2, paragraph: 1, updatedAt: '2026-01-01T00:00:00.000Z' }),
      '003': progress({ progress: 0.5, paragraph: 3, updatedAt: '2026-01-02T00:00:00.000Z' }),
    };
    renderLibrary('/', { reading });
    const section = screen.getByRole('region', { name: 'Continue reading' });
    expect(within(section).getByRole('link', { name: 'A long read on harbours' }).getAttribute('href')).toBe('article/long-read-on-harbours/');
    expect(section.textContent).toContain('50% read · 6 min left');
  });

  it('says the search could not be done, and searches again after "Try again"', async () => {
    const user = userEvent.setup();
    const { services } = renderLibrary();
    services.search.failure = new Error('The index is damaged.');
    await user.type(searchBox(), 'queues');
    await waitFor(() => expect(status()).toBe('Search could not be loaded: The index is damaged.'));

    services.search.failure = null;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(headlines()).toEqual(['Café opens in Montréal']));
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says the list could not be loaded when a list page fails, and loads it after "Try again"', async () => {
    const user = userEvent.setup();
    const { services } = renderLibrary();
    services.host.mode = 'offline';
    await user.selectOptions(sortSelect(), 'headline');
    await waitFor(() => expect(status()).toMatch(/^The list could not be loaded: Could not reach the site/));

    services.host.mode = 'serve';
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(headlines()).toEqual(['A long read on harbours', 'Café opens in Montréal', 'Coalition pauses operations in Iraq']));
    expect(status()).toBe('3 articles');
  });

  it('says how to add articles when there are none', () => {
    renderLibrary('/', { services: createTestServices({ articles: [] }) });
    expect(status()).toBe('0 articles');
    expect(screen.getByText(/There are no articles yet/)).toBeTruthy();
    expect(headlines()).toEqual([]);
  });
});

describe('LibraryPage with more articles than a list page', () => {
  const ROW_HEIGHT = 170;
  const many: Article[] = Array.from({ length: 120 }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return makeArticle(`a${n}`, `Story number ${n}`, [`Paragraph of story ${n}.`], { slug: `story-${n}` });
  });

  /** Rows as tall as the list's estimate, since jsdom lays nothing out. */
  function withRowHeights() {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(ROW_HEIGHT);
  }

  function scrollTo(y: number) {
    act(() => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      window.dispatchEvent(new Event('scroll'));
    });
  }

  it('draws only the rows near the screen, each with its place in the whole list', async () => {
    withRowHeights();
    renderLibrary('/', { services: createTestServices({ articles: many }) });
    // The plain first page (25 rows) shows until the virtualizer, a chunk of its own, takes over.
    await waitFor(() => expect(list().getAttribute('style')).toContain('padding'), { timeout: 5000 });
    const posinsets = () => within(list()).getAllByRole('listitem').map((row) => Number(row.getAttribute('aria-posinset')));
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(LIST_PAGE_SIZE);
    expect(posinsets()[0]).toBe(1);
    expect(rows.every((row) => row.getAttribute('aria-setsize') === '120')).toBe(true);
    // The rows not drawn keep their room, so the scrollbar spans the whole list.
    expect(parseFloat(list().style.paddingBottom)).toBeGreaterThan(ROW_HEIGHT * 50);
    expect(status()).toBe('120 articles');
    try {
      scrollTo(ROW_HEIGHT * 100);
      await waitFor(() => expect(Math.min(...posinsets())).toBeGreaterThan(LIST_PAGE_SIZE * 2), { timeout: 5000 });
      expect(posinsets().length).toBeLessThan(LIST_PAGE_SIZE);
      expect(posinsets()).toContain(101);
    } finally {
      scrollTo(0);
    }
   }, 20_000);

  it('fetches a later list page when its rows come into view, once', async () => {
    withRowHeights();
    const services = createTestServices({ articles: many });
    renderLibrary('/', { services });
    expect(services.host.requests).toEqual([]);
    // The virtualizer is a chunk of its own: the first page shows until it has taken over.
    await waitFor(() => expect(list().getAttribute('style')).toContain('padding'), { timeout: 5000 });
    try {
      scrollTo(ROW_HEIGHT * 70);
      await waitFor(() => expect(headlines()).toContain('Story number 071'), { timeout: 5000 });
      // The page holding row 71, and no page twice; the first page came with the app.
      const fetched = fetchedPaths(services);
      expect(fetched).toContain(`list/file/${Math.floor(70 / LIST_PAGE_SIZE)}.json`);
      expect(new Set(fetched).size).toBe(fetched.length);
      expect(fetched).not.toContain('list/file/0.json');
      const row = within(list()).getByRole('link', { name: 'Story number 071' }).closest('li');
      expect(row?.getAttribute('aria-posinset')).toBe('71');
    } finally {
      scrollTo(0);
    }
  });

  it('filters by reading status from small files, never the search index', async () => {
    withRowHeights();
    const services = createTestServices({ articles: many });
    const reading = { a117: progress({ progress: 1, read: true }), a003: progress({ progress: 1, read: true }) };
    renderLibrary('/?status=unread&sort=headline', { services, reading });
    await waitFor(() => expect(status()).toBe('118 articles'));
    expect(services.search.requests).toEqual([]);
    expect(services.host.requests.filter((path) => path.includes('/search/'))).toEqual([]);
    expect(services.host.requests).toContain(`${services.data.manifest.dataDir}order/headline.json`);
  });

  it('finds an article beyond the first page by search', async () => {
    withRowHeights();
    const services = createTestServices({ articles: many });
    renderLibrary('/?q=story+117', { services });
    await waitFor(() => expect(headlines()).toEqual(['Story number 117']));
    expect(marked()).toEqual(['Story', '117', 'story', '117']);
    // Search answers with positions; a row's entry comes from the small entry file holding it, and only that one.
    expect(services.host.requests).toEqual([`${services.data.manifest.dataDir}entry/23.json`]);
  });
});
