import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../articles/article-text.ts';
import type { TextQuoteSelector } from './highlight.ts';
import { textFragment } from './share-link.ts';
import { describeSpan } from './anchoring/text-quote.ts';

const FRAGMENT_START = '#:~:text=';

const quote = (exact: string, prefix = '', suffix = ''): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

/** The quote a reader's selection of `exact` (its first occurrence) in the article would store. */
function quoteIn(paragraphs: readonly string[], exact: string): TextQuoteSelector {
  const text = articleText(paragraphs);
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the article`);
  return describeSpan(text, { start, end: start + exact.length }).quote;
}

interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/**
 * Characters a text directive may hold unescaped (the spec's TextDirectiveExplicitChar); every other
 * character, `-`, `,` and `&` among them, must be percent-encoded.
 */
const RAW_TERM = /^(?:[A-Za-z0-9!$'()*+./:;=?@_~]|%[0-9A-F]{2})+$/;

/**
 * A small decoder for `#:~:text=[prefix-,]start[,end][,-suffix]`, written from the spec: it
 * checks that every term is properly encoded and gives the decoded terms back.
 */
function decodeTextFragment(fragment: string): TextDirective {
  if (!fragment.startsWith(FRAGMENT_START)) throw new Error(`not a text fragment: ${fragment}`);
  const terms = fragment.slice(FRAGMENT_START.length).split(',');
  const first = terms[0];
  const prefix = first !== undefined && first.endsWith('-') ? first.slice(0, -1) : undefined;
  if (prefix !== undefined) terms.shift();
  const last = terms[terms.length - 1];
  const suffix = terms.length > 1 && last !== undefined && last.startsWith('-') ? last.slice(1) : undefined;
  if (suffix !== undefined) terms.pop();
  if (terms.length < 1 || terms.length > 2) throw new Error(`expected textStart[,textEnd] in ${fragment}`);
  for (const raw of [prefix, ...terms, suffix]) {
    if (raw !== undefined && !RAW_TERM.test(raw)) throw new Error(`badly encoded term "${raw}" in ${fragment}`);
  }
  const [start = '', end] = terms.map(decodeURIComponent);
  return {
    start,
    ...(end === undefined ? {} : { end }),
    ...(prefix === undefined ? {} : { prefix: decodeURIComponent(prefix) }),
    ...(suffix === undefined ? {} : { suffix: decodeURIComponent(suffix) }),
  };
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean);
const isWordCharacter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char);

describe('the decoder used by these tests', () => {
  it('reads back every part of a full directive', () => {
    expect(decodeTextFragment('#:~:text=a%2Db-,c%20d,e%2Cf,-g%26h')).toEqual({ prefix: 'a-b', start: 'c d', end: 'e,f', suffix: 'g&h' });
  });

  it('rejects a term with an unescaped hyphen, comma, ampersand or space', () => {
    expect(() => decodeTextFragment('#:~:text=well-known')).toThrow();
    expect(() => decodeTextFragment('#:~:text=a b')).toThrow();
    expect(() => decodeTextFragment('#:~:text=rock&roll')).toThrow();
    expect(() => decodeTextFragment('#:~:text=one,two,three')).toThrow();
  });
});

describe('textFragment', () => {
  it('starts with the text directive delimiter', () => {
    expect(textFragment(quote('hello'))).toMatch(/^#:~:text=/);
    expect(textFragment(quote('a longer quote with many words in it, more than ten of them for sure', 'Some words before ', ' and after.'))).toMatch(
      /^#:~:text=/,
    );
  });

  it('links a short quote without context by the whole quote', () => {
    expect(textFragment(quote('the bridge would reopen'))).toBe('#:~:text=the%20bridge%20would%20reopen');
  });

  it('links a one-word quote by that word', () => {
    expect(decodeTextFragment(textFragment(quote('Tuesday')))).toEqual({ start: 'Tuesday' });
  });

  it('adds up to three words of context on each side of a short quote', () => {
    const fragment = textFragment(quote('the bridge would reopen', 'Officials said on Monday that ', ' in the spring, after repairs.'));
    expect(fragment).toBe('#:~:text=on%20Monday%20that-,the%20bridge%20would%20reopen,-in%20the%20spring%2C');
    expect(decodeTextFragment(fragment)).toEqual({ prefix: 'on Monday that', start: 'the bridge would reopen', suffix: 'in the spring,' });
  });

  it('uses fewer context words when fewer are there', () => {
    expect(decodeTextFragment(textFragment(quote('reopen', 'Will ', ' soon')))).toEqual({ prefix: 'Will', start: 'reopen', suffix: 'soon' });
  });

  it('links a quote of exactly ten words by the whole quote', () => {
    const exact = 'one two three four five six seven eight nine ten';
    expect(decodeTextFragment(textFragment(quote(exact)))).toEqual({ start: exact });
  });

  it('links a quote of more than ten words by its first and last four words (textStart,textEnd)', () => {
    const exact = 'one two three four five six seven eight nine ten eleven';
    const fragment = textFragment(quote(exact));
    expect(fragment).toBe('#:~:text=one%20two%20three%20four,eight%20nine%20ten%20eleven');
    expect(decodeTextFragment(fragment)).toEqual({ start: 'one two three four', end: 'eight nine ten eleven' });
  });

  it('links a long quote by its ends, with context around the whole passage', () => {
    const exact =
      'the committee found that the funds had been moved through three shell companies before the audit began, according to documents seen by reporters';
    const fragment = textFragment(quote(exact, 'In its final report, ', ' last week. The ministry denied it.'));
    expect(decodeTextFragment(fragment)).toEqual({
      prefix: 'its final report,',
      start: 'the committee found that',
      end: 'documents seen by reporters',
      suffix: 'last week. The',
    });
  });

  it('joins the words of a quote with single spaces, however they were spaced', () => {
    expect(decodeTextFragment(textFragment(quote('  the   bridge\twould  reopen ', 'said  on   Monday ', '  in  the   spring')))).toEqual({
      prefix: 'said on Monday',
      start: 'the bridge would reopen',
      suffix: 'in the spring',
    });
  });

  describe('context stays in the quote’s paragraph', () => {
    it('takes prefix words only from after the last line break', () => {
      const fragment = textFragment(quote('the bridge would reopen', 'the first paragraph ends here.\nOfficials said ', ' soon.'));
      expect(decodeTextFragment(fragment).prefix).toBe('Officials said');
    });

    it('takes suffix words only from before the first line break', () => {
      const fragment = textFragment(quote('the bridge would reopen', 'Officials said ', ' soon.\nThe next paragraph starts here'));
      expect(decodeTextFragment(fragment).suffix).toBe('soon.');
    });

    it('adds no prefix to a quote that starts a paragraph', () => {
      expect(decodeTextFragment(textFragment(quote('Officials said', 'the first paragraph ends here.\n', ' on Monday')))).toEqual({
        start: 'Officials said',
        suffix: 'on Monday',
      });
    });

    it('adds no suffix to a quote that ends a paragraph', () => {
      expect(decodeTextFragment(textFragment(quote('would reopen soon.', 'Officials said the bridge ', '\nThe next paragraph')))).toEqual({
        prefix: 'said the bridge',
        start: 'would reopen soon.',
      });
    });

    it('adds no context at the very start and end of the article', () => {
      expect(textFragment(quote('Whole article', '', ''))).toBe('#:~:text=Whole%20article');
    });

    it('adds no prefix when only spaces follow the last line break', () => {
      expect(decodeTextFragment(textFragment(quote('quote', 'earlier paragraph\n   ', '')))).toEqual({ start: 'quote' });
    });

    it('keeps context from the same paragraph for a quote selected in a real article', () => {
      const paragraphs = ['The council met on Thursday evening.', 'After a long debate, members voted to close the old library in June.', 'Residents plan to protest.'];
      expect(decodeTextFragment(textFragment(quoteIn(paragraphs, 'voted to close')))).toEqual({
        prefix: 'long debate, members',
        start: 'voted to close',
        suffix: 'the old library',
      });
      expect(decodeTextFragment(textFragment(quoteIn(paragraphs, 'After a long debate,')))).toEqual({
        start: 'After a long debate,',
        suffix: 'members voted to',
      });
      expect(decodeTextFragment(textFragment(quoteIn(paragraphs, 'library in June.')))).toEqual({
        prefix: 'close the old',
        start: 'library in June.',
      });
    });
  });

  describe('percent-encoding', () => {
    it('encodes hyphens so they are not read as context markers', () => {
      const fragment = textFragment(quote('state-run media', 'according to well-known ', ' on X-ray day'));
      expect(fragment).toBe('#:~:text=according%20to%20well%2Dknown-,state%2Drun%20media,-on%20X%2Dray%20day');
      expect(decodeTextFragment(fragment)).toEqual({ prefix: 'according to well-known', start: 'state-run media', suffix: 'on X-ray day' });
    });

    it('encodes commas so they are not read as term separators', () => {
      const fragment = textFragment(quote('Paris, Berlin, Rome'));
      expect(fragment).toBe('#:~:text=Paris%2C%20Berlin%2C%20Rome');
    });

    it('encodes ampersands so they do not end the directive', () => {
      const fragment = textFragment(quote('Marks & Spencer', 'shares in ', ' & Co fell'));
      expect(fragment).toBe('#:~:text=shares%20in-,Marks%20%26%20Spencer,-%26%20Co%20fell');
    });

    it('encodes spaces as %20', () => {
      expect(textFragment(quote('a b'))).toBe('#:~:text=a%20b');
    });

    it('encodes non-ASCII text as UTF-8 percent escapes', () => {
      const fragment = textFragment(quote('Zürich café', 'in ', ' “naïve” 東京 😀'));
      expect(fragment).toBe('#:~:text=in-,Z%C3%BCrich%20caf%C3%A9,-%E2%80%9Cna%C3%AFve%E2%80%9D%20%E6%9D%B1%E4%BA%AC%20%F0%9F%98%80');
      expect(decodeTextFragment(fragment)).toEqual({ prefix: 'in', start: 'Zürich café', suffix: '“naïve” 東京 😀' });
    });

    it('encodes a percent sign so the term is not decoded twice', () => {
      expect(decodeTextFragment(textFragment(quote('rose 5%20 points', '', ''))).start).toBe('rose 5%20 points');
    });

    it('leaves no character unencoded that the directive syntax gives a meaning to', () => {
      const fragment = textFragment(quote('a-b,c&d e#f', 'x-y, ', ' ,-&#'));
      expect(() => decodeTextFragment(fragment)).not.toThrow();
      expect(fragment.slice(FRAGMENT_START.length)).not.toMatch(/[\s#&]/u);
    });
  });

  it('decodes back to the intended words for any one-paragraph quote and its context', () => {
    const unit = fc.oneof(fc.constantFrom(' ', '\u00a0', '\t', '-', ',', '&', '%', '#', '.'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
    const context = fc.string({ unit: fc.oneof(unit, fc.constant('\n')), maxLength: 40 });
    const exact = fc.string({ unit, maxLength: 60 }).filter((s) => words(s).length > 0);
    fc.assert(
      fc.property(exact, context, context, (exactText, prefixText, suffixText) => {
        const directive = decodeTextFragment(textFragment(quote(exactText, prefixText, suffixText)));
        const quoteWords = words(exactText);
        if (quoteWords.length <= 10) {
          expect(directive.start).toBe(quoteWords.join(' '));
          expect(directive.end).toBeUndefined();
        } else {
          expect(directive.start).toBe(quoteWords.slice(0, 4).join(' '));
          expect(directive.end).toBe(quoteWords.slice(-4).join(' '));
        }
        // Context words come from the quote's own paragraph, at most three, right next to the quote.
        if (directive.prefix !== undefined) {
          const lineWords = words(prefixText.split('\n').pop() ?? '');
          const prefixWords = words(directive.prefix);
          expect(prefixWords.length).toBeGreaterThanOrEqual(1);
          expect(prefixWords.length).toBeLessThanOrEqual(3);
          expect(lineWords.slice(-prefixWords.length)).toEqual(prefixWords);
        }
        if (directive.suffix !== undefined) {
          const lineWords = words(suffixText.split('\n')[0] ?? '');
          const suffixWords = words(directive.suffix);
          expect(suffixWords.length).toBeGreaterThanOrEqual(1);
          expect(suffixWords.length).toBeLessThanOrEqual(3);
          expect(lineWords.slice(0, suffixWords.length)).toEqual(suffixWords);
        }
      }),
    );
  });

  describe('a link the browser can follow', () => {
    // Browsers match each term inside one block (one <p>), match a prefix only from the start of a
    // word and a suffix only up to the end of a word (the spec's wordStartBounded/wordEndBounded).

    it('never asks for a short quote across a paragraph break, which no browser can match in one term', () => {
      const paragraphs = ['The vote was delayed again.', 'Critics said the delay was deliberate.'];
      const directive = decodeTextFragment(textFragment(quoteIn(paragraphs, 'again.\nCritics said')));
      for (const term of [directive.start, directive.end]) {
        if (term !== undefined) expect(paragraphs.some((paragraph) => paragraph.includes(term)), `"${term}" lies in one paragraph`).toBe(true);
      }
    });

    it('never asks for the ends of a long quote across a paragraph break', () => {
      const paragraphs = [
        'The vote was delayed.',
        'Critics said the delay had been planned for weeks by a small group of senior members of the committee.',
        'None of them replied.',
      ];
      const directive = decodeTextFragment(textFragment(quoteIn(paragraphs, 'delayed.\nCritics said the delay had been planned for weeks by a small group of senior members of the committee.\nNone')));
      for (const term of [directive.start, directive.end]) {
        if (term !== undefined) expect(paragraphs.some((paragraph) => paragraph.includes(term)), `"${term}" lies in one paragraph`).toBe(true);
      }
    });

    it('starts the prefix at the start of a word, leaving out a word cut by the 32-character context', () => {
      const paragraphs = ['Officials from the internationally recognised government said on Monday that talks would resume.'];
      const text = articleText(paragraphs);
      const selected = quoteIn(paragraphs, 'said on Monday');
      const { prefix } = decodeTextFragment(textFragment(selected));
      expect(prefix, 'some prefix words fit in the stored context').toBeDefined();
      const prefixStart = text.lastIndexOf(prefix ?? '', text.indexOf('said on Monday'));
      expect(prefixStart).toBeGreaterThanOrEqual(0);
      expect(isWordCharacter(text[prefixStart - 1]), `"${text.slice(prefixStart - 1, prefixStart + 12)}…" starts mid-word`).toBe(false);
    });

    it('ends the suffix at the end of a word, leaving out a word cut by the 32-character context', () => {
      const paragraphs = ['Officials said the agreement was a breakthrough for counterterrorism cooperation across the region.'];
      const text = articleText(paragraphs);
      const selected = quoteIn(paragraphs, 'a breakthrough');
      const { suffix } = decodeTextFragment(textFragment(selected));
      expect(suffix, 'some suffix words fit in the stored context').toBeDefined();
      const suffixEnd = text.indexOf(suffix ?? '', text.indexOf('a breakthrough')) + (suffix ?? '').length;
      expect(isWordCharacter(text[suffixEnd]), `"…${text.slice(suffixEnd - 12, suffixEnd + 1)}" ends mid-word`).toBe(false);
    });

    it('does not throw when the context would end in half of an emoji, which it leaves out', () => {
      // 32 UTF-16 code units after the quote end between the two halves of 🎉: the suffix stops before it.
      const paragraphs = [`Fans cheered the win #ChampionsLeagueFinalIstanbul2🎉 all night.`];
      const selected = quoteIn(paragraphs, 'the win');
      expect(selected.suffix.at(-1)).toBe('2');
      expect(() => textFragment(selected)).not.toThrow();
    });

    it('does not throw when the context would start in half of an emoji, which it leaves out', () => {
      // 32 UTF-16 code units before the quote start between the two halves of 🎉: the prefix starts after it.
      const paragraphs = [`Fans cheered 🎉#ChampionsLeagueFinalIstanbul2 the win all night.`];
      const selected = quoteIn(paragraphs, 'the win');
      expect(selected.prefix.at(0)).toBe('#');
      expect(() => textFragment(selected)).not.toThrow();
    });
  });
});
