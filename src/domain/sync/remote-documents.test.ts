import { describe, expect, it } from 'vitest';
import { makeHighlight, tombstone } from '../../../tests/fixtures/highlights.ts';
import { highlightDocument, highlightDocumentPath, parseRemoteDocument, readingDocument, readingDocumentPath } from './remote-documents.ts';

const SITE = 'example.org-reader';
const entry = { progress: 0.5, paragraph: 3, read: false, updatedAt: '2026-01-01T00:00:00.000Z' };

describe('remote documents', () => {
  it('reads back a highlight, with its colour and note, from the document written for it', () => {
    const highlight = makeHighlight({ id: 'abc', color: 'pink', note: 'a note' });
    const document = JSON.parse(JSON.stringify(highlightDocument(SITE, { kind: 'highlight', highlight }))) as unknown;
    expect(parseRemoteDocument(SITE, highlightDocumentPath('abc'), document)).toEqual({
      ok: true,
      record: { kind: 'highlight-record', record: { kind: 'highlight', highlight } },
    });
  });

  it('reads back a deletion', () => {
    const record = { kind: 'deleted' as const, tombstone: tombstone('abc', '2026-01-01T00:00:00.000Z') };
    expect(parseRemoteDocument(SITE, 'highlights/abc', highlightDocument(SITE, record))).toEqual({ ok: true, record: { kind: 'highlight-record', record } });
  });

  it('reads back a reading position', () => {
    const record = { articleId: 'an-article', entry };
    expect(parseRemoteDocument(SITE, readingDocumentPath('an-article'), readingDocument(SITE, record))).toEqual({ ok: true, record: { kind: 'reading-record', record } });
  });

  it('escapes ids so that no id reaches outside its folder', () => {
    expect(highlightDocumentPath('../../x')).toBe('highlights/..%2F..%2Fx');
    expect(readingDocumentPath('a/b')).toBe('reading/a%2Fb');
  });

  it('skips a document of another hosted reader', () => {
    const document = readingDocument('other.example-reader', { articleId: 'a', entry });
    expect(parseRemoteDocument(SITE, 'reading/a', document)).toEqual({ ok: false, reason: 'reading/a belongs to another reader' });
  });

  it('skips a document whose id is not the one its path names', () => {
    const document = highlightDocument(SITE, { kind: 'highlight', highlight: makeHighlight({ id: 'other' }) });
    expect(parseRemoteDocument(SITE, 'highlights/abc', document)).toMatchObject({ ok: false });
  });

  it.each([
    ['text', 'hello'],
    ['null', null],
    ['an array', []],
    ['an unknown type', { type: 'script', site: SITE }],
    ['a highlight with markup for a colour', { type: 'highlight', site: SITE, highlight: makeHighlight({ id: 'abc', color: '<img onerror=x>' as 'pink' }) }],
    ['a note too long', { type: 'highlight', site: SITE, highlight: makeHighlight({ id: 'abc', note: 'x'.repeat(10_001) }) }],
    ['a position past the end', { type: 'reading-position', site: SITE, articleId: 'a', entry: { ...entry, progress: 7 } }],
  ])('skips %s with a reason, never throwing', (_name, value) => {
    const result = parseRemoteDocument(SITE, 'highlights/abc', value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^highlights\/abc /);
  });
});
