import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articlePath, CURRENT_BUILD_PATH, type CorpusManifest } from '../domain/articles/corpus-layout.ts';
import { sampleArticles } from '../testing/sample-articles.ts';
import { createTestServices, TEST_BASE_URL, type TestServices } from '../testing/test-services.tsx';
import { startApp, type StartAppOptions } from './start-app.tsx';

/** Stands in for the app: a button that counts clicks, which only a rendered or hydrated root answers. */
function Counter() {
  const [clicks, setClicks] = useState(0);
  return <button type="button" onClick={() => setClicks(clicks + 1)}>{`Clicked ${clicks}`}</button>;
}

function element(tag: string, text: string, attributes: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** #root as the build writes it: `render` says whether its content is prerendered for hydration. */
function page(render: 'hydrate' | 'replace', ...content: Node[]): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  root.dataset.render = render;
  root.append(...content);
  document.body.append(root);
  return root;
}

/** The article's prerendered markup, as the build writes it. */
const prerenderedArticle = () => {
  const main = document.createElement('main');
  main.append(element('h1', 'A prerendered article'), element('p', 'Its text, as the build wrote it.'));
  return main;
};

afterEach(() => {
  document.body.replaceChildren();
});

function start(services: TestServices, container: HTMLElement, options: Partial<StartAppOptions> = {}) {
  const createApp = vi.fn((_manifest: CorpusManifest) => ({ app: <Counter />, corpus: services.corpus }));
  const started = act(() => startApp({ container, baseUrl: TEST_BASE_URL, fetch: services.host.fetch, screen: null, createApp, ...options }));
  return { createApp, started };
}

describe('startApp', () => {
  it('loads the manifest from build.json and renders the app with it', async () => {
    const services = createTestServices();
    const container = page('replace');
    const { createApp, started } = start(services, container);
    expect(await started).toEqual({ ok: true });
    expect(createApp).toHaveBeenCalledWith(services.data.manifest);
    expect(services.host.requests).toEqual([CURRENT_BUILD_PATH]);
    fireEvent.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('hydrates a prerendered article page once its screen chunk and its text are here', async () => {
    const services = createTestServices({ documents: [] });
    const container = page('hydrate', element('button', 'Clicked 0', { type: 'button' }));
    const screenChunk = { preload: vi.fn(() => Promise.resolve()) };
    const slug = sampleArticles[1]?.slug ?? '';
    const { started } = start(services, container, { screen: screenChunk, articleSlug: slug });
    expect(await started).toEqual({ ok: true });
    expect(screenChunk.preload).toHaveBeenCalledOnce();
    expect(services.host.requests).toEqual([CURRENT_BUILD_PATH, articlePath(services.data.manifest, slug)]);
    expect(services.corpus.peekArticle(slug)?.article.slug).toBe(slug);
    fireEvent.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('keeps a prerendered page’s text when build.json cannot be had, does not start the app, and says why', async () => {
    const services = createTestServices();
    services.host.mode = 'offline';
    const container = page('hydrate', prerenderedArticle());
    const before = container.cloneNode(true);
    const { createApp, started } = start(services, container);
    const result = await started;
    expect(result.ok).toBe(false);
    expect(createApp).not.toHaveBeenCalled();
    expect(container.isEqualNode(before)).toBe(true);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The reader could not start: the site’s build.json could not be loaded.');
    expect(alert.textContent).toContain('Could not reach the site (Failed to fetch).');
    expect(alert.textContent).toContain('This page shows its text as it was saved');
    expect(alert.textContent).toContain('Your highlights are safe.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Above the page's own content, where a screen reader and a keyboard meet it first.
    expect(container.previousElementSibling?.contains(screen.getByRole('complementary', { name: 'Reader not started' }))).toBe(true);
  });

  it('keeps a prerendered article’s text when its text file cannot be reached, rather than hydrating into an error', async () => {
    const services = createTestServices({ documents: [] });
    const container = page('hydrate', prerenderedArticle());
    const before = container.cloneNode(true);
    // build.json arrives; then the connection goes, before the article's file is asked for.
    const createApp = vi.fn((_manifest: CorpusManifest) => {
      services.host.mode = 'offline';
      return { app: <Counter />, corpus: services.corpus };
    });
    const { started } = start(services, container, { createApp, articleSlug: sampleArticles[1]?.slug ?? '' });
    const result = await started;
    expect(result.ok).toBe(false);
    expect(container.isEqualNode(before)).toBe(true);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The reader could not start: this article’s text file could not be loaded.');
    expect(alert.textContent).toContain('This page shows its text as it was saved');
    expect(screen.queryByRole('button', { name: /Clicked/ })).toBeNull();
  });

  it('hydrates into the article screen when the article is gone (not unreachable): that screen says so', async () => {
    const services = createTestServices({ documents: [] });
    const container = page('hydrate', element('button', 'Clicked 0', { type: 'button' }));
    const { started } = start(services, container, { articleSlug: 'no-such-article' });
    expect(await started).toEqual({ ok: true });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clicked 0' }));
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('says a garbled or missing build.json is damaged or missing, on a page with nothing prerendered too', async () => {
    for (const [answer, message] of [
      ['{"dataDir":"data/0123456789/"}', 'The file was damaged (not the manifest of a collection).'],
      [null, 'The site answered 404 Not Found.'],
    ] as const) {
      const services = createTestServices();
      if (answer === null) services.host.files.delete(CURRENT_BUILD_PATH);
      else services.host.files.set(CURRENT_BUILD_PATH, answer);
      const container = page('replace');
      const { createApp, started } = start(services, container);
      expect((await started).ok).toBe(false);
      expect(createApp).not.toHaveBeenCalled();
      expect(container.childElementCount).toBe(0);
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(message);
      expect(alert.textContent).not.toContain('This page shows its text');
      document.body.replaceChildren();
    }
  });
});
