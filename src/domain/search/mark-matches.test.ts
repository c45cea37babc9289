import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../tests/fixtures/articles.ts';
import { createMemorySearchReader } from '../../testing/test-services.tsx';
import { buildSearchFiles } from './search-index-writer.ts';
import { markMatches } from './search-terms.ts';

describe('markMatches', () => {
  const joined = (segments: readonly { text: string }[]): string => segments.map((s) => s.text).join('');
  const marked = (text: string, terms: readonly string[]): string[] => markMatches(text, terms).filter((s) => s.match).map((s) => s.text);

  it('marks whole words whose folded form is a term or starts with one', () => {
    expect(markMatches('The zeppelin flew, zeppelins too.', ['zeppelin'])).toEqual([
      { text: 'The ', match: false },
      { text: 'zeppelin', match: true },
      { text: ' flew, ', match: false },
      { text: 'zeppelins', match: true },
      { text: ' too.', match: false },
    ]);
  });

  it('marks accented and differently cased words, keeping their text', () => {
    expect(marked('L’Élysée et l’ÉLYSÉE.', ['elysee'])).toEqual(['Élysée', 'ÉLYSÉE']);
    expect(marked('Cafe\u0301 noir', ['cafe'])).toEqual(['Cafe\u0301']);
  });

  it('does not mark a term found inside a word', () => {
    expect(marked('Parliament', ['lia'])).toEqual([]);
  });

  it('marks right-to-left and CJK words', () => {
    const arabic = 'قالت الحكومة يوم الاثنين';
    expect(marked(arabic, ['الحكومة'])).toEqual(['الحكومة']);
    expect(joined(markMatches(arabic, ['الحكومة']))).toBe(arabic);
    expect(marked('הממשלה הודיעה', ['הממשלה'])).toEqual(['הממשלה']);
    expect(marked('東京の市場', ['東京'])).toEqual(['東京の市場']);
  });

  it('returns the text unmarked without terms', () => {
    expect(markMatches('Nothing <b>to</b> mark', [])).toEqual([{ text: 'Nothing <b>to</b> mark', match: false }]);
    expect(markMatches('Nothing to mark', [''])).toEqual([{ text: 'Nothing to mark', match: false }]);
    expect(markMatches('', ['x'])).toEqual([]);
  });

  it('marks what the search reports as matched', async () => {
    const docs = [makeArticle('d', 'Zeppelin museum reopens', ['Visitors queued for hours.'])];
    const [hit] = await createMemorySearchReader(buildSearchFiles(docs).files).search({ text: 'musem zepp', sort: 'relevance' });
    expect(hit).toBeDefined();
    expect(marked(docs[0]?.headline ?? '', hit?.terms ?? [])).toEqual(['Zeppelin', 'museum']);
  });

  it('puts the text back together exactly, for any text and terms', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string());
    const terms = fc.array(fc.oneof(fc.string(), fc.constantFrom('e', 'é', 'the', 'الحكومة', 'a')), { maxLength: 5 });
    fc.assert(
      fc.property(text, terms, (input, wanted) => {
        const segments = markMatches(input, wanted);
        expect(joined(segments)).toBe(input);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
    // A hundred arbitrary texts take seconds on a shared 2-core machine: room for a busy one.
  }, 30_000);

  it('marks every word of a text made of its own folded words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Élysée', 'zeppelin', 'الحكومة', 'הממשלה', 'Straße'), { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(', ');
        const terms = words.map((w) => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
        expect(marked(text, terms)).toEqual(words);
      }),
    );
  });
});
