import { describe, expect, it } from 'vitest';
import { prepareUtterance, spokenWordAt, toSourceSpan } from './utterance-offsets.ts';

describe('prepareUtterance and toSourceSpan', () => {
  it('maps a word of an unchanged sentence straight back, shifted to the sentence start', () => {
    const utterance = prepareUtterance('The council voted.');
    expect(utterance.text).toBe('The council voted.');
    expect(toSourceSpan(utterance, { start: 4, end: 11 }, 100)).toEqual({ start: 104, end: 111 });
  });

  it('drops soft hyphens and zero-width spaces and still maps words to the right source characters', () => {
    const source = 'Bundes\u00ADwehr  troops\u200B left.';
    const utterance = prepareUtterance(source);
    expect(utterance.text).toBe('Bundeswehr troops left.');
    const troops = spokenWordAt(utterance, utterance.text.indexOf('troops'), 6, 'en');
    expect(troops).toEqual({ start: 11, end: 17 });
    const mapped = toSourceSpan(utterance, troops!, 0);
    expect(source.slice(mapped.start, mapped.end)).toBe('troops');
    const first = toSourceSpan(utterance, { start: 0, end: 10 }, 0);
    expect(source.slice(first.start, first.end)).toBe('Bundes\u00ADwehr');
  });

  it('finds the whole word when the engine sends no length', () => {
    const utterance = prepareUtterance('Sweden sent 70 soldiers.');
    expect(spokenWordAt(utterance, 12, 0, 'en')).toEqual({ start: 12, end: 14 });
    expect(spokenWordAt(utterance, 15, undefined, 'en')).toEqual({ start: 15, end: 23 });
  });

  it('maps Arabic words the same way', () => {
    const source = 'وقال مدير المكتبة';
    const utterance = prepareUtterance(source);
    const word = spokenWordAt(utterance, 5, undefined, 'ar')!;
    const mapped = toSourceSpan(utterance, word, 0);
    expect(source.slice(mapped.start, mapped.end)).toBe('مدير');
  });

  it('ignores boundary indexes outside the text', () => {
    const utterance = prepareUtterance('Short.');
    expect(spokenWordAt(utterance, 6, 1, 'en')).toBeNull();
    expect(spokenWordAt(utterance, -1, 1, 'en')).toBeNull();
    expect(spokenWordAt(utterance, 4, 99, 'en')).toEqual({ start: 4, end: 6 });
  });
});
