import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoutes } from './routes.tsx';
import type { Highlight } from '../domain/highlights/highlight.ts';
import type { HighlightStorage } from '../domain/highlights/highlight-storage.ts';
import { createHighlightStore } from '../domain/highlights/highlight-store.ts';
import type { StoredHighlights } from '../domain/highlights/stored-highlights.ts';
import { sampleArticles } from '../testing/sample-articles.ts';
import { createTestServices, renderWithServices } from '../testing/test-services.tsx';

const text = sampleArticles[0]?.paragraphs.join('\n') ?? '';
const record = (id: string, exact: string): Highlight => {
  const start = text.indexOf(exact);
  return {
    id,
    articleId: '001',
    articleHeadline: sampleArticles[0]?.headline ?? '',
    // The context a highlight made in the app stores: a short quote is placed only where its surroundings agree.
    quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    color: 'yellow',
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
};

/**
 * Storage that hands the store a record no validation would pass (a lone surrogate in its id, on
 * which encodeURIComponent throws): what an older version, or a bug yet to be found, could leave.
 */
function storageWith(highlights: Highlight[]): HighlightStorage & { saved: StoredHighlights[] } {
  const saved: StoredHighlights[] = [];
  return {
    saved,
    load: () => ({ stored: { highlights, deleted: [] }, problem: null, available: true }),
    save: (stored) => {
      saved.push(stored);
      return { ok: true, stored };
    },
    watch: () => () => {},
    backups: () => ({}),
  };
}

describe('one bad record on the Highlights page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is shown as a record that could not be shown, with Delete and Download, while every other highlight renders', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = storageWith([record('good', 'Sweden'), record('\ud800', 'Germany')]);
    const services = { ...createTestServices(), highlights: createHighlightStore(storage) };
    renderWithServices(createRoutes(), '/highlights/', services);

    expect(await screen.findByText('Sweden', { selector: 'q' })).toBeTruthy();
    const broken = (await screen.findByText('This highlight could not be shown')).closest('li') as HTMLElement;
    expect(broken.getAttribute('aria-labelledby')).toBe(screen.getByText('This highlight could not be shown').id);
    expect(within(broken).getByText(/Germany/)).toBeTruthy();
    expect(within(broken).getByText('Download it')).toBeTruthy();

    act(() => fireEvent.click(within(broken).getByText('Delete it')));
    expect(services.highlights.getSnapshot().highlights.map((h) => h.id)).toEqual(['good']);
    expect(storage.saved.at(-1)?.highlights.map((h) => h.id)).toEqual(['good']);
    expect(screen.queryByText('This highlight could not be shown')).toBeNull();
  });

  it('in the article, opens as a panel that offers Delete instead of taking the article down', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = storageWith([record('\ud800', 'Germany')]);
    const services = { ...createTestServices(), highlights: createHighlightStore(storage) };
    renderWithServices(createRoutes(), '/article/coalition-pauses-operations/', services);

    const mark = await screen.findByText('Germany', { selector: 'mark' });
    act(() => fireEvent.click(mark));
    const panel = await screen.findByRole('dialog', { name: 'Highlights that could not be shown' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(sampleArticles[0]?.headline);
    act(() => fireEvent.click(within(panel).getByText('Delete it')));
    expect(services.highlights.getSnapshot().highlights).toEqual([]);
  });
});
