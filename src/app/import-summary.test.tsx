import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createRoutes } from './routes.tsx';
import { createTestServices, renderWithServices } from '../testing/test-services.tsx';

const good = (id: string) => ({
  id,
  articleId: '001',
  articleHeadline: 'Coalition pauses operations in Iraq',
  quote: { type: 'TextQuoteSelector', exact: `passage ${id}`, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 8 },
  color: 'yellow',
  note: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('importing a file with many bad records', () => {
  it('summarizes the rejections by reason, naming the first few records of each, instead of one line per record', async () => {
    const records = [good('kept'), ...Array.from({ length: 2000 }, (_, i) => ({ ...good(`bad-colour-${i}`), color: 'red' })), ...Array.from({ length: 3 }, () => ({ id: 'no quote' }))];
    const services = createTestServices();
    renderWithServices(createRoutes(), '/highlights/', services);
    const input = await screen.findByLabelText(/^Import highlights/);
    await userEvent.upload(input, new File([JSON.stringify({ version: 2, highlights: records })], 'many.json', { type: 'application/json' }));

    await waitFor(() => expect(screen.getByText(/^Imported 1, skipped 0 already here, rejected 2,003\./)).toBeTruthy());
    const items = [...document.querySelectorAll('[role="status"] li')].map((li) => li.textContent);
    expect(items).toEqual([
      '2,000 records (2, 3, 4 and 1,997 more): color: not one of yellow, green, blue or pink',
      '3 records (2002, 2003, 2004): articleId: Invalid key: Expected "articleId" but received undefined',
    ]);
    expect(services.highlights.getSnapshot().highlights.map((h) => h.id)).toEqual(['kept']);
  });
});
