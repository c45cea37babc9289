import { describe, expect, it } from 'vitest';
import { segmentSentences } from './sentences.ts';

const sentencesOf = (text: string, lang: string | undefined) => segmentSentences(text, lang).map(({ start, end }) => text.slice(start, end));

describe('segmentSentences', () => {
  it('splits English prose into sentences without their trailing spaces', () => {
    expect(sentencesOf('The council voted. Supporters filled the hall! Will it close? Nobody knows.', 'en')).toEqual([
      'The council voted.',
      'Supporters filled the hall!',
      'Will it close?',
      'Nobody knows.',
    ]);
  });

  it('keeps numbers, units and brackets inside their sentence', () => {
    expect(sentencesOf('There are 27 stationed at the Taji base 30km (18 miles) north of Baghdad. It holds 1.5 million litres.', 'en')).toEqual([
      'There are 27 stationed at the Taji base 30km (18 miles) north of Baghdad.',
      'It holds 1.5 million litres.',
    ]);
  });

  it('does not end a sentence after a title or an initialism', () => {
    expect(sentencesOf('Dr. Smith met Mr. Jones. The U.S. Army said so. Rooms No. 5 and 6, e.g. the hall, were shut.', 'en')).toEqual([
      'Dr. Smith met Mr. Jones.',
      'The U.S. Army said so.',
      'Rooms No. 5 and 6, e.g. the hall, were shut.',
    ]);
  });

  it('still ends a sentence after an initialism when a new sentence plainly starts', () => {
    expect(sentencesOf('Troops left the U.S. The base closed.', 'en')).toEqual(['Troops left the U.S.', 'The base closed.']);
  });

  it('keeps quoted speech with the sentence that carries it', () => {
    expect(sentencesOf('“We have to see what happens. We cannot go,” explained Kristina. Next one.', 'en')).toEqual([
      '“We have to see what happens.',
      'We cannot go,” explained Kristina.',
      'Next one.',
    ]);
  });

  it('handles German abbreviations and dates', () => {
    expect(sentencesOf('Er kam z.B. am 3. Oktober an. Dr. Müller sagte: „Das ist gut.“ Danach ging er.', 'de')).toEqual([
      'Er kam z.B. am 3. Oktober an.',
      'Dr. Müller sagte: „Das ist gut.“',
      'Danach ging er.',
    ]);
  });

  it('splits Arabic at its own question mark and full stops', () => {
    expect(sentencesOf('قررت مكتبة المدينة أن تفتح أبوابها. وقال مدير المكتبة إن عدد الزوار تضاعف؟ نعم!', 'ar')).toEqual([
      'قررت مكتبة المدينة أن تفتح أبوابها.',
      'وقال مدير المكتبة إن عدد الزوار تضاعف؟',
      'نعم!',
    ]);
  });

  it('speaks a very long sentence in parts cut at a clause, covering all of it', () => {
    const text = `${'word '.repeat(15)}and then, ${'more '.repeat(40)}end.`;
    const spans = segmentSentences(text, 'en', 120);
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) expect(span.end - span.start).toBeLessThanOrEqual(120);
    expect(spans.map(({ start, end }) => text.slice(start, end)).join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toMatch(/then,$/);
  });

  it('gives nothing for blank text and works without a language', () => {
    expect(segmentSentences('   ', undefined)).toEqual([]);
    expect(sentencesOf('One. Two.', undefined)).toEqual(['One.', 'Two.']);
  });
});
