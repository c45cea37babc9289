import { describe, expect, it } from 'vitest';
import type { TextSpan } from '../highlight.ts';
import { describeSpan } from './text-quote.ts';
import { ANCHOR_THRESHOLDS, anchorHighlight } from './anchor-highlight.ts';

const TEXT =
  'Officials said on Friday that troops in Iraq would stay. Later, officials said on Monday that troops in Syria would leave.';

/** The selectors the store would save for the `occurrence`-th (0-based) `phrase` in `text`. */
function selectorsOf(text: string, phrase: string, occurrence = 0) {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(phrase, start + 1);
  if (start === -1) throw new Error(`"${phrase}" is not in the text`);
  return describeSpan(text, { start, end: start + phrase.length });
}

function anchor(text: string, selectors: ReturnType<typeof selectorsOf>) {
  return anchorHighlight(text, selectors.quote, selectors.position);
}

const spanOf = (text: string, phrase: string, occurrence = 0): TextSpan => {
  let start = -1;
  for (let n = 0; n <= occurrence; n += 1) start = text.indexOf(phrase, start + 1);
  return { start, end: start + phrase.length };
};

describe('anchorHighlight', () => {
  it('uses the stored position while the text there is still the quote', () => {
    const selectors = selectorsOf(TEXT, 'troops in Iraq');
    expect(anchor(TEXT, selectors)).toEqual({ kind: 'anchored', span: spanOf(TEXT, 'troops in Iraq'), method: 'position' });
  });

  it('finds the quote again when text was added before it', () => {
    const edited = `Breaking news. ${TEXT}`;
    expect(anchor(edited, selectorsOf(TEXT, 'troops in Syria'))).toEqual({ kind: 'anchored', span: spanOf(edited, 'troops in Syria'), method: 'exact' });
  });

  it('finds the quote again when text before it was removed, even past the end of the new text', () => {
    const edited = 'troops in Syria would leave.';
    const selectors = selectorsOf(TEXT, 'troops in Syria would leave');
    expect(anchor(edited, selectors)).toEqual({ kind: 'anchored', span: spanOf(edited, 'troops in Syria would leave'), method: 'exact' });
  });

  it('tells a repeated phrase apart by its context', () => {
    const edited = `News. ${TEXT}`;
    expect(anchor(edited, selectorsOf(TEXT, 'said on', 1))).toEqual({ kind: 'anchored', span: spanOf(edited, 'said on', 1), method: 'exact' });
    expect(anchor(edited, selectorsOf(TEXT, 'said on', 0))).toEqual({ kind: 'anchored', span: spanOf(edited, 'said on', 0), method: 'exact' });
  });

  it('picks the copy nearest the old position when a passage repeats with the same context', () => {
    const text = 'The end. Said no more. The end. Said no more. The end. Said no more.';
    const selectors = selectorsOf(text, 'The end', 1);
    const edited = `X ${text}`;
    expect(anchor(edited, selectors)).toEqual({ kind: 'anchored', span: spanOf(edited, 'The end', 1), method: 'exact' });
  });

  it('matches across re-wrapped whitespace: a paragraph split inside the quote, or spaces doubled', () => {
    const selectors = selectorsOf(TEXT, 'troops in Iraq would stay');
    const split = TEXT.replace('troops in Iraq', 'troops\nin  Iraq');
    expect(anchor(split, selectors)).toEqual({ kind: 'anchored', span: spanOf(split, 'troops\nin  Iraq would stay'), method: 'exact' });
  });

  it('matches when a paragraph break before the quote became a space', () => {
    const text = 'First paragraph ends here.\nSecond paragraph has the quoted words in it.';
    const selectors = selectorsOf(text, 'the quoted words');
    const merged = `Intro. ${text.replace('\n', ' ')}`;
    expect(anchor(merged, selectors)).toMatchObject({ kind: 'anchored', span: spanOf(merged, 'the quoted words') });
  });

  it('places a lightly edited quote approximately when its context is unchanged', () => {
    const selectors = selectorsOf(TEXT, 'troops in Iraq would stay');
    const edited = TEXT.replace('Iraq would stay', 'Iraq will stay');
    expect(anchor(edited, selectors)).toEqual({ kind: 'anchored', span: spanOf(edited, 'troops in Iraq will stay'), method: 'fuzzy' });
  });

  it('gives a span that neither starts nor ends on whitespace', () => {
    const selectors = selectorsOf(TEXT, 'troops in Iraq would stay');
    const edited = TEXT.replace('troops in Iraq would stay', 'troops in Iraq would  stay');
    const outcome = anchor(edited, selectors);
    if (outcome.kind !== 'anchored') throw new Error('expected the quote to be placed');
    expect(edited.slice(outcome.span.start, outcome.span.end)).toMatch(/^\S[\s\S]*\S$/u);
  });

  it('orphans a highlight whose words are gone', () => {
    expect(anchor(TEXT.replace('troops in Iraq would stay', 'nobody knows'), selectorsOf(TEXT, 'troops in Iraq would stay'))).toEqual({ kind: 'orphan' });
  });

  it('orphans a short quote found once but in a different context, rather than guess', () => {
    const selectors = selectorsOf(TEXT, 'Iraq');
    expect(anchor('A completely different article that happens to mention Iraq once.', selectors)).toEqual({ kind: 'orphan' });
  });

  it('places a short quote imported with no context at its one whole-word occurrence', () => {
    // Tools that export a bare TextQuoteSelector keep no prefix or suffix: there is no context to disagree.
    const quote = { type: 'TextQuoteSelector' as const, exact: 'on Friday', prefix: '', suffix: '' };
    const position = { type: 'TextPositionSelector' as const, start: 0, end: 0 };
    expect(anchorHighlight(TEXT, quote, position)).toEqual({ kind: 'anchored', span: spanOf(TEXT, 'on Friday'), method: 'exact' });
  });

  it('trusts a long quote found exactly once, whatever its new context', () => {
    const phrase = 'troops in Syria would leave, according to officials';
    const text = `Start. ${phrase}. End.`;
    expect(phrase.length).toBeGreaterThanOrEqual(ANCHOR_THRESHOLDS.distinctiveQuoteLength);
    const edited = `Entirely new opening words here: ${phrase}; and a new ending too.`;
    expect(anchor(edited, selectorsOf(text, phrase))).toEqual({ kind: 'anchored', span: spanOf(edited, phrase), method: 'exact' });
  });

  it('orphans an ambiguous quote: several equally good places and nothing to tell them apart', () => {
    const selectors = { quote: { type: 'TextQuoteSelector' as const, exact: 'in Iraq', prefix: 'xyz ', suffix: ' qqq' }, position: { type: 'TextPositionSelector' as const, start: 500, end: 507 } };
    expect(anchorHighlight('Soldiers in Iraq. Diplomats in Iraq. Children in Iraq.', selectors.quote, selectors.position)).toEqual({ kind: 'orphan' });
  });

  // BUG: the stored position is trusted whenever the text there equals the quote, without looking at
  // the context. A short quote whose identical copy now sits at the old offset (words inserted before
  // it) is placed on that copy: here "in" of "in Bern" instead of "in Geneva".
  it('does not trust the old position when an identical short word now sits there with other context', () => {
    const original = 'The minister was in Geneva on Friday.';
    const start = original.indexOf('in Geneva');
    const { quote, position } = describeSpan(original, { start, end: start + 'in'.length });
    const edited = 'The minister was in Bern and in Geneva on Friday.';
    const now = edited.indexOf('in Geneva');
    const outcome = anchorHighlight(edited, quote, position);
    // Where the highlighted word now is, or an orphan: either is acceptable, the other "in" is not.
    if (outcome.kind === 'anchored') expect(outcome.span).toEqual({ start: now, end: now + 'in'.length });
  });

  // From the exhaustive check over the bundled seed: «a» of "perceived as a hero", its sentence deleted,
  // was placed on the "a" inside "international" because the text after it still looked alike.
  it('does not place a whole-word quote inside a longer word once its sentence is deleted', () => {
    const paragraphs = [
      'Tehran pledged retaliation for what it sees as an act of international terrorism.',
      'The killing also led to mass protests in Iran and several other Middle Eastern countries, where the assassinated general was perceived as a hero by many. Soleimani played a crucial role in organizing and supporting Shiite militias.',
    ];
    const text = paragraphs.join('\n');
    const selectors = selectorsOf(text, 'as a hero');
    const a = { start: selectors.position.start + 'as '.length, end: selectors.position.start + 'as a'.length };
    const { quote, position } = describeSpan(text, a);
    const deleted = 'The killing also led to mass protests in Iran and several other Middle Eastern countries, where the assassinated general was perceived as a hero by many. ';
    const edited = text.replace(deleted, '');
    expect(edited).not.toBe(text);
    expect(anchorHighlight(edited, quote, position)).toEqual({ kind: 'orphan' });
  });

  it('places a whole-word quote only on a whole word, but a quote taken from inside a word may match inside one', () => {
    const text = 'An act of terror. Then a new day began.';
    const word = selectorsOf(text, 'a', 1);
    expect(text.slice(word.position.start - 5, word.position.end + 4)).toBe('Then a new');
    // The words around it are kept, the word itself is gone: the only "a" left sits inside "act".
    const edited = text.replace('Then a new', 'Then new');
    expect(anchor(edited, word)).toEqual({ kind: 'orphan' });
    const inside = selectorsOf(text, 'erro');
    const moved = `Prefix. ${text}`;
    expect(anchor(moved, inside)).toEqual({ kind: 'anchored', span: spanOf(moved, 'erro'), method: 'exact' });
  });

  it('orphans a short quote when only half of its context agrees: a 3-letter word recurs by chance', () => {
    const original = 'Members of the international coalition gathered to fight.';
    const selectors = selectorsOf(original, 'the');
    const edited = 'Members of the press asked questions at length about everything.';
    expect(anchor(edited, selectors)).toEqual({ kind: 'orphan' });
  });

  it('orphans an edited quote whose context changed too', () => {
    const selectors = selectorsOf(TEXT, 'troops in Iraq would stay');
    expect(anchor('Something else entirely: troops in Iraq will stay, maybe, said nobody.', selectors)).toEqual({ kind: 'orphan' });
  });

  it('orphans a quote of only whitespace that is no longer at its position', () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: ' \n ', prefix: 'a', suffix: 'b' };
    expect(anchorHighlight('a b', quote, { type: 'TextPositionSelector', start: 1, end: 4 })).toEqual({ kind: 'orphan' });
  });

  it('orphans everything in an empty text', () => {
    expect(anchor('', selectorsOf(TEXT, 'troops'))).toEqual({ kind: 'orphan' });
  });
});
