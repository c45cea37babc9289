import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleEntry } from '../../domain/articles/corpus-layout.ts';
import { LIST_PAGE_SIZE } from '../../domain/articles/corpus-layout.ts';
import { ArticleList } from './article-list.tsx';
import type { LibraryRow } from './use-library-rows.ts';
import { stubResizeObserver } from '../../testing/test-services.tsx';

const COUNT = 120;
const entry = (index: number) => ({ id: `a${index}`, slug: `story-${index}`, headline: `Story ${index}`, position: index }) as unknown as ArticleEntry;
const row = (index: number): LibraryRow => ({ entry: entry(index), terms: [] });

/** An IntersectionObserver the test drives: it reports what the test says, when it says. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  observed: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  report(isIntersecting: boolean, top: number) {
    const target = this.observed[0];
    if (!target) return;
    this.callback([{ isIntersecting, target, boundingClientRect: { top } as DOMRectReadOnly } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('ArticleList', () => {
  it('draws the first page alone until the reader nears its end, then only the rows near the screen', async () => {
    stubResizeObserver();
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(100);
    const onRange = vi.fn();
    render(<ArticleList layoutKey="file" count={COUNT} row={row} onRange={onRange} renderRow={({ entry: current }) => <h2>{current?.headline}</h2>} virtual />);
    const list = () => screen.getByRole('list', { name: 'Articles' });
    const items = () => within(list()).getAllByRole('listitem');

    expect(items()).toHaveLength(LIST_PAGE_SIZE);
    // Rows at hand are drawn; a screenful is asked for (rows of a search come in files of a few).
    expect(onRange.mock.calls).toEqual([[0, 7]]);
    // The last row still a screen and more away: nothing is sent for.
    act(() => FakeIntersectionObserver.last?.report(false, 5000));
    expect(items()).toHaveLength(LIST_PAGE_SIZE);
    expect(list().getAttribute('style')).toBeNull();
    expect(FakeIntersectionObserver.last?.observed[0]?.getAttribute('aria-posinset')).toBe(String(LIST_PAGE_SIZE));

    act(() => FakeIntersectionObserver.last?.report(true, 600));
    // The virtualizer has taken over: the rows not drawn keep their room.
    await waitFor(() => expect(list().getAttribute('style')).toContain('padding-bottom'), { timeout: 5000 });
    expect(items().length).toBeLessThan(LIST_PAGE_SIZE);
    expect(items().every((item) => item.getAttribute('aria-setsize') === String(COUNT))).toBe(true);
  });
});
