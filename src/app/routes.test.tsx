import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articleDocuments, CURRENT_BUILD_PATH, currentBuildJson } from '../domain/articles/corpus-layout.ts';
import { sampleArticles } from '../testing/sample-articles.ts';
import { createTestServices, renderWithServices, type TestServices } from '../testing/test-services.tsx';
import { createRoutes } from './routes.tsx';

function renderApp(path: string, services: TestServices = createTestServices()) {
  const { router } = renderWithServices(createRoutes(), path, services);
  return { store: services.highlights, router, services, host: services.host };
}

/** The data files fetched so far, by kind and name ("article/x.json"), without the hashed folder. */
const fetched = (services: TestServices) => services.host.requests.map((path) => path.slice(services.data.manifest.dataDir.length));

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

const headlineOf = (index: number) => sampleArticles[index]?.headline ?? '';

describe('article route', () => {
  it('renders the headline as the only h1 and every paragraph as its own <p>, exactly', async () => {
    const { services } = renderApp('/article/coalition-pauses-operations/');
    const heading = await screen.findByRole('heading', { level: 1, name: headlineOf(0) });
    expect(heading.textContent).toBe('Coalition pauses operations in Iraq');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    const paragraphs = [...document.querySelectorAll('article p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(sampleArticles[0]?.paragraphs);
    await waitFor(() => expect(document.title).toBe('Coalition pauses operations in Iraq · Broadsheet'));
    // Fetched once, although StrictMode runs the effect that asks for it twice.
    expect(fetched(services)).toEqual(['article/coalition-pauses-operations.json']);
  });

  it('shows the article a prerendered page arrived with at once, without fetching it', () => {
    const services = createTestServices({ documents: articleDocuments(sampleArticles).slice(1, 2) });
    renderApp('/article/cafe-opens-in-montreal/', services);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Café opens in Montréal');
    expect(services.host.requests).toEqual([]);
  });

  it('links to the neighbouring articles and back to the list', async () => {
    renderApp('/article/cafe-opens-in-montreal/');
    // Relative hrefs, so the same HTML works under any sub-path and without JavaScript.
    expect((await screen.findByRole('link', { name: /Previous article/ })).getAttribute('href')).toBe('../coalition-pauses-operations/');
    expect(screen.getByRole('link', { name: /Next article/ }).getAttribute('href')).toBe('../long-read-on-harbours/');
    expect(screen.getByRole('link', { name: 'All articles' }).getAttribute('href')).toBe('../../');
  });

  it('has no previous link on the first article and no next link on the last', async () => {
    renderApp('/article/long-read-on-harbours/');
    await screen.findByRole('heading', { level: 1, name: headlineOf(2) });
    expect(screen.getByRole('link', { name: /Previous article/ }).getAttribute('href')).toBe('../cafe-opens-in-montreal/');
    expect(screen.queryByRole('link', { name: /Next article/ })).toBeNull();
  });

  it('shows the not-found view for an unknown slug, which the host answers with 404', async () => {
    const { services } = renderApp('/article/no-such-article');
    expect((await screen.findByRole('heading', { level: 1, name: 'Article not found' })).textContent).toBe('Article not found');
    expect(screen.getByRole('link', { name: 'Go to all articles' })).toBeTruthy();
    // The 404 made it check that the site still serves this build: it does, so the article does not exist.
    expect(services.host.requests).toEqual([`${services.data.manifest.dataDir}article/no-such-article.json`, CURRENT_BUILD_PATH]);
  });

  it('after a new deploy, offers the new version instead of calling an existing article not found', async () => {
    const services = createTestServices({ documents: [] });
    const { host } = services;
    // The site was deployed again: the old data folder is gone and the build file names another one.
    for (const path of [...host.files.keys()]) if (path.startsWith(services.data.manifest.dataDir)) host.files.delete(path);
    host.files.set(CURRENT_BUILD_PATH, currentBuildJson({ ...services.data.manifest, dataDir: 'data/fedcba9876/', articleDir: 'data/fedcba9876/' }));
    renderApp(`/article/${sampleArticles[1]?.slug ?? ''}`, services);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1 }).textContent).toBe('This site has been updated');
    expect(within(alert).getByRole('button', { name: 'Load the new version' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Article not found' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('This site has been updated');
  });

  it('shows the not-found view for an unknown route', async () => {
    renderApp('/this/is/not/a/page');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found');
  });

  it('says it is loading, then that the article could not be loaded, and shows it after "Try again"', async () => {
    const services = createTestServices();
    services.host.mode = 'offline';
    const release = services.host.hold();
    renderApp('/article/coalition-pauses-operations/', services);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Loading the article…');
    expect(screen.getByRole('status').textContent).toContain('Loading the article…');
    expect(document.title).toBe('Loading article · Broadsheet');

    release();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { level: 1 }).textContent).toBe('This article could not be loaded');
    expect(alert.textContent).toContain('Your highlights are safe.');
    await waitFor(() => expect(document.title).toBe('Article not loaded · Broadsheet'));

    services.host.mode = 'serve';
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 1, name: headlineOf(0) })).textContent).toBe(headlineOf(0));
    expect([...document.querySelectorAll('article p')].map((p) => p.textContent)).toEqual(sampleArticles[0]?.paragraphs);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("says what the host answered when it answers with an error status, not that the article is missing", async () => {
    const services = createTestServices();
    services.host.mode = 500;
    renderApp('/article/coalition-pauses-operations/', services);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The site answered 500.');
    expect(screen.queryByRole('heading', { name: 'Article not found' })).toBeNull();
  });

  it('treats a damaged article file as an error to retry, not as a missing article', async () => {
    const services = createTestServices();
    const path = `${services.data.manifest.dataDir}article/cafe-opens-in-montreal.json`;
    const good = services.data.files.get(path) ?? '';
    services.host.files.set(path, good.slice(0, 20));
    renderApp('/article/cafe-opens-in-montreal/', services);
    expect((await screen.findByRole('alert')).textContent).toContain('The file was damaged');

    services.host.files.set(path, good);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: headlineOf(1) })).toBeTruthy();
  });

  it('opens an article from the list, fetching its text', async () => {
    const { router, services } = renderApp('/');
    const list = await screen.findByRole('list', { name: 'Articles' });
    fireEvent.click(await within(list).findByRole('link', { name: headlineOf(2) }));
    expect(await screen.findByRole('heading', { level: 1, name: headlineOf(2) })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/article/long-read-on-harbours/');
    expect(fetched(services)).toContain('article/long-read-on-harbours.json');
  });

  it('adds a highlight from a selection and removes it from the mark', async () => {
    const { store } = renderApp('/article/coalition-pauses-operations/');
    await screen.findByRole('heading', { level: 1, name: headlineOf(0) });

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
  const firstText = sampleArticles[0]?.paragraphs.join('\n') ?? '';
  const spanOf = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

  it('says how to make a highlight when there are none, and fetches nothing', async () => {
    const { services } = renderApp('/highlights/');
    expect(await screen.findByText(/You have no highlights yet/)).toBeTruthy();
    expect(services.host.requests).toEqual([]);
  });

  it('lists highlights by article, each quote linking to its place', async () => {
    const { store } = renderApp('/highlights/');
    await screen.findByText(/You have no highlights yet/);
    act(() => {
      store.add({ articleId: '001', articleHeadline: headlineOf(0), text: firstText, span: spanOf(firstText, 'Sweden') });
    });
    expect(await screen.findByRole('heading', { level: 2, name: headlineOf(0) })).toBeTruthy();
    const quote = screen.getByRole('link', { name: /Sweden/ });
    const id = store.getSnapshot().highlights[0]?.id ?? '';
    expect(quote.getAttribute('href')).toBe(`../article/coalition-pauses-operations/?highlight=${id}`);
  });

  it('fetches the articles of stored highlights (by id shard, then text) and groups them in file order', async () => {
    const services = createTestServices();
    const harbours = sampleArticles[2]?.paragraphs.join('\n') ?? '';
    services.highlights.add({ articleId: '003', articleHeadline: headlineOf(2), text: harbours, span: spanOf(harbours, 'trade') });
    services.highlights.add({ articleId: '001', articleHeadline: headlineOf(0), text: firstText, span: spanOf(firstText, 'Sweden') });
    renderApp('/highlights/', services);
    expect(screen.getByText('Loading your highlights…').getAttribute('role')).toBe('status');

    await screen.findByRole('heading', { level: 2, name: headlineOf(0) });
    const groups = screen.getAllByRole('heading', { level: 2 }).filter((h) => h.closest('section[aria-labelledby^="group-"]'));
    expect(groups.map((h) => h.textContent)).toEqual([headlineOf(0), headlineOf(2)]);
    expect(screen.getByText('2 highlights in 2 articles').getAttribute('role')).toBe('status');
    const requests = fetched(services);
    expect(requests.filter((path) => path.startsWith('article/')).sort()).toEqual(['article/coalition-pauses-operations.json', 'article/long-read-on-harbours.json']);
    expect(requests.filter((path) => path.startsWith('id/')).length).toBeGreaterThan(0);
    expect(new Set(requests).size).toBe(requests.length);
  });

  it('keeps a highlight whose article is no longer in the collection, as not found', async () => {
    const services = createTestServices();
    services.highlights.add({ articleId: 'gone', articleHeadline: 'A removed story', text: 'Some removed text.', span: { start: 5, end: 12 } });
    renderApp('/highlights/', services);
    expect(await screen.findByRole('heading', { level: 2, name: 'Not found in the current text' })).toBeTruthy();
    expect(screen.getByText('From: A removed story')).toBeTruthy();
    expect(fetched(services).filter((path) => path.startsWith('article/'))).toEqual([]);
  });

  it('says the articles could not be loaded when offline, and shows the highlights after "Try again"', async () => {
    const services = createTestServices();
    services.highlights.add({ articleId: '001', articleHeadline: headlineOf(0), text: firstText, span: spanOf(firstText, 'Sweden') });
    services.host.mode = 'offline';
    renderApp('/highlights/', services);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be loaded');
    expect(alert.textContent).toContain('Your highlights are safe.');

    services.host.mode = 'serve';
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: headlineOf(0) })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Sweden/ })).toBeTruthy();
  });
});
