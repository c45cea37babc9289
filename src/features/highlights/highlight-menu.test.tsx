import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { articleText } from '../../domain/articles/article-text.ts';
import type { Highlight } from '../../domain/highlights/highlight.ts';
import { sampleArticles } from '../../testing/sample-articles.ts';
import { createTestServices, renderWithServices } from '../../testing/test-services.tsx';
import { ToastProvider } from '../../ui/toast.tsx';
import { HighlightMenu } from './highlight-menu.tsx';

const article = sampleArticles[0]!;

function renderMenu(note = '') {
  const services = createTestServices();
  const text = articleText(article.paragraphs);
  const start = text.indexOf('suspended operations');
  const highlight = services.highlights.add({ articleId: article.id, articleHeadline: article.headline, text, span: { start, end: start + 'suspended operations'.length }, note });
  if (!highlight) throw new Error('the highlight was not made');
  const onClose = vi.fn();
  const outsideClick = vi.fn();
  const element = (
    <ToastProvider>
      <button type="button" onClick={outsideClick}>
        Something else on the page
      </button>
      <HighlightMenu anchor={() => null} article={article} highlights={[highlight]} onClose={onClose} />
    </ToastProvider>
  );
  renderWithServices([{ path: '/', element }], '/', services);
  const saved = (): Highlight | undefined => services.highlights.getSnapshot().highlights.find((h) => h.id === highlight.id);
  return { onClose, outsideClick, saved };
}

const noteField = () => screen.getByRole('textbox', { name: 'Note' });
const question = () => screen.queryByRole('group', { name: 'Discard changes to your note?' });

describe('HighlightMenu', () => {
  it('closes at once on Escape or a press outside while no note is being written', async () => {
    const user = userEvent.setup();
    const { onClose } = renderMenu();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.pointerDown(document.body);
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('asks before Escape throws away an unsaved note, and keeps it when the reader keeps editing', async () => {
    const user = userEvent.setup();
    const { onClose, saved } = renderMenu();
    await user.type(noteField(), 'Check this figure');
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(question()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(question()).toBeNull();
    expect(noteField()).toHaveProperty('value', 'Check this figure');
    expect(document.activeElement).toBe(noteField());
    expect(saved()?.note).toBe('');
  });

  it('asks before a press outside throws away an unsaved note; the press does nothing else', async () => {
    const user = userEvent.setup();
    const { onClose, outsideClick } = renderMenu('Old note');
    await user.clear(noteField());
    await user.type(noteField(), 'New note');
    await user.click(screen.getByRole('button', { name: 'Something else on the page' }));
    expect(onClose).not.toHaveBeenCalled();
    expect(outsideClick).not.toHaveBeenCalled();
    expect(question()).not.toBeNull();
  });

  it('saves the note when the reader answers "Save note", then closes', async () => {
    const user = userEvent.setup();
    const { onClose, saved } = renderMenu();
    await user.type(noteField(), '  Worth a follow-up ');
    await user.keyboard('{Escape}');
    const ask = question();
    if (!ask) throw new Error('expected the question');
    await user.click(screen.getAllByRole('button', { name: 'Save note' }).find((button) => ask.contains(button))!);
    expect(saved()?.note).toBe('Worth a follow-up');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('discards the note only when the reader answers "Discard changes"', async () => {
    const user = userEvent.setup();
    const { onClose, saved } = renderMenu('Kept');
    await user.type(noteField(), ' and more');
    fireEvent.pointerDown(document.body);
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(saved()?.note).toBe('Kept');
  });
});
